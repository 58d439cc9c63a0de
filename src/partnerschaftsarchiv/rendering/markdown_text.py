"""Record bodies: a documented safe subset of Markdown.

Record text is data from pull requests. Raw HTML is not interpreted (it shows as typed), links may only go to
http(s), mailto or relative targets, images are not embedded (their alt text stays), and headings start below the
page's own title.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Callable

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

__all__ = ["SafeMarkdown", "is_safe_link"]

_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_ALLOWED_SCHEMES = {"http", "https", "mailto"}


def is_safe_link(target: str) -> bool:
    """http(s), mailto and relative links; anything with another scheme (javascript:, data:, …) is refused.

    Checked as a browser reads the attribute: Markdown leaves character references such as `&#106;` or `&colon;` in
    the link as they are, and the browser decodes them (`&#106;avascript:` is `javascript:`), so every level of
    decoding is checked, with the whitespace and control characters that browsers skip removed.
    """
    seen: set[str] = set()
    while target not in seen:
        seen.add(target)
        cleaned = "".join(ch for ch in target if ch.isprintable() and not ch.isspace())
        match = _SCHEME.match(cleaned)
        if match is not None and match.group(1).lower() not in _ALLOWED_SCHEMES:
            return False
        target = html.unescape(target)
    return True


class _SafetyTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, element in enumerate(list(parent)):
                if element.tag == "img":
                    # Keep what the image would have said, never load anything.
                    span = etree.Element("span")
                    span.text = element.get("alt", "")
                    span.tail = element.tail
                    parent.remove(element)
                    parent.insert(index, span)
                elif element.tag == "a":
                    href = element.get("href", "")
                    element.attrib = {"href": href} if href and is_safe_link(href) else {}
                    if "href" in element.attrib and _SCHEME.match(href):
                        element.set("rel", "noopener noreferrer")
                elif element.tag in ("h1", "h2", "h3", "h4", "h5"):
                    element.tag = f"h{int(element.tag[1]) + 1}"


# Splits a text into (piece, language) pairs; language None for the text's own (see foreign_runs).
Splitter = Callable[[str], list[tuple[str, str | None]]]


class _LanguageTreeprocessor(Treeprocessor):
    """Wraps words in another language's script in `<span lang>`; `split` is set for each render."""

    split: Splitter | None = None

    def _spans(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        # Markdown's placeholders (\x02…\x03) stand for stashed text: leave such text as it is.
        if not text or self.split is None or "\x02" in text:
            return text, []
        pieces = self.split(text)
        if all(code is None for _, code in pieces):
            return text, []
        lead = pieces[0][0] if pieces[0][1] is None else ""
        spans: list[etree.Element] = []
        for piece, code in pieces[1:] if lead else pieces:
            if code is None:
                spans[-1].tail = piece
            else:
                span = etree.Element("span", {"lang": code})
                span.text = piece
                spans.append(span)
        return lead, spans

    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            if element.tag in ("code", "pre"):
                continue
            element.text, spans = self._spans(element.text)
            for offset, span in enumerate(spans):
                element.insert(offset, span)
            for child in list(element):
                child.tail, spans = self._spans(child.tail)
                position = list(element).index(child) + 1
                for offset, span in enumerate(spans):
                    element.insert(position + offset, span)


class SafeMarkdown:
    """One reusable converter; `render` is not thread-safe (Markdown instances keep state)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_SafetyTreeprocessor(self._md), "archive_safety", 0)
        self._languages = _LanguageTreeprocessor(self._md)
        self._md.treeprocessors.register(self._languages, "archive_languages", -1)

    def render(self, text: str, split: Splitter | None = None) -> Markup:
        """The HTML of `text`; with `split`, words in another language's script are marked with their language."""
        self._md.reset()
        self._languages.split = split
        try:
            return Markup(self._md.convert(text))
        finally:
            self._languages.split = None
