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
from markdown.inlinepatterns import LinkInlineProcessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

__all__ = ["SafeMarkdown", "is_safe_link", "is_external"]

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


# Browsers read `//host/…` as "same scheme, other host", and a backslash as a slash in web addresses (`/\\host`).
_OTHER_HOST = ("//", "/\\", "\\/", "\\\\")


def is_external(target: str) -> bool:
    """A link that leaves the archive: a scheme (http:, mailto:) or a protocol-relative `//host`, as a browser reads it
    (leading spaces and control characters skipped, tabs and line breaks inside dropped)."""
    cleaned = "".join(ch for ch in target if ch.isprintable() and ch not in "\t\n\r").lstrip(" ")
    return bool(_SCHEME.match(cleaned)) or cleaned.startswith(_OTHER_HOST)


class _SafetyTreeprocessor(Treeprocessor):
    # Said to screen readers after each external link, in the page's language; set for each render.
    external_note: tuple[str, str] | None = None

    def _mark_external(self, link: etree.Element) -> None:
        link.set("rel", "noopener noreferrer")
        if self.external_note is not None:
            note, lang = self.external_note
            span = etree.SubElement(link, "span", {"class": "archive-external", "lang": lang})
            span.text = f" {note}"

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, element in enumerate(list(parent)):
                if element.tag == "img":
                    # Keep what the image would have said, never load anything.
                    span = etree.Element("span")
                    span.text = element.get("alt")  # Python-Markdown gives every image one
                    span.tail = element.tail
                    parent.remove(element)
                    parent.insert(index, span)
                elif element.tag == "a":
                    href = element.get("href")  # and every link one
                    element.attrib = {"href": href} if href and is_safe_link(href) else {}
                    if "href" in element.attrib and is_external(href):
                        self._mark_external(element)
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
            if element.tag == "code":  # a code block is <pre><code>: its text is in the <code>
                continue
            # The children are rebuilt in one pass: inserting one by one would be quadratic in their number.
            element.text, children = self._spans(element.text)
            for child in list(element):
                child.tail, spans = self._spans(child.tail)
                children.append(child)
                children.extend(spans)
            element[:] = children


_BRACKET = re.compile(r"[\[\]]")


class _BracketText:
    """Python-Markdown's `getText` (the text up to the `]` that closes the `[` just before `index`) in linear time.

    Python-Markdown walks from each `[` to its `]` character by character, so a run of unclosed brackets costs the
    square of its length for each of the link patterns. Here a `]` close by is found by jumping from bracket to
    bracket; beyond that, every bracket from there to the end of the text is paired in one pass, and the pairs are
    kept while the same text is asked about again (the text changes with every link found, so most links never pay
    for a pass).
    """

    NEAR = 64  # brackets looked at before pairing the rest of the text

    def __init__(self) -> None:
        self._text: str | None = None
        self._closing: dict[int, int | None] = {}

    def __call__(self, data: str, index: int) -> tuple[str, int, bool]:
        if data is not self._text or index - 1 not in self._closing:
            depth = 1
            for seen, bracket in enumerate(_BRACKET.finditer(data, index)):
                if seen == self.NEAR:
                    if index > 0 and data[index - 1] == "[":
                        self._pair(data, index - 1)
                        break
                depth += 1 if bracket.group() == "[" else -1
                if depth == 0:
                    return data[index:bracket.start()], bracket.end(), True
            else:
                return data[index:], len(data), False
        close = self._closing[index - 1]  # a pass just paired from `index - 1`, or an earlier one did
        if close is None:
            return data[index:], len(data), False
        return data[index:close], close + 1, True

    def _pair(self, data: str, start: int) -> None:
        """Pair every bracket from `start` on (a pairing depends only on the text after the `[`); None: unclosed."""
        self._text, self._closing, opened = data, {}, []
        for bracket in _BRACKET.finditer(data, start):
            if bracket.group() == "[":
                opened.append(bracket.start())
            elif opened:
                self._closing[opened.pop()] = bracket.start()
        self._closing.update(dict.fromkeys(opened))


# `(address)` with at most one level of balanced brackets in the address and no title, spaces or <…>: most links.
_PLAIN_ADDRESS = re.compile(r"""\(\s*([^\s()<>"']*(?:\([^\s()<>"']*\)[^\s()<>"']*)*)\s*\)""")
# Any other address (a title, quotes, deeper brackets) is looked for this far: Python-Markdown reads on to the end of
# the paragraph from every `[text](`, which would cost the square of the paragraph's length.
_LINK_WINDOW = 300


def _bounded_get_link(get_link: Callable[[str, int], tuple[str, str | None, int, bool]]):
    def bounded(data: str, index: int) -> tuple[str, str | None, int, bool]:
        plain = _PLAIN_ADDRESS.match(data, index)
        if plain is not None:
            return plain.group(1), None, plain.end(), True
        end = index + _LINK_WINDOW
        if ")" not in data[index:end]:
            return "", None, index, False
        return get_link(data[:end], index)

    return bounded


class SafeMarkdown:
    """One reusable converter; `render` is not thread-safe (Markdown instances keep state)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        bracket_text = _BracketText()
        for pattern in self._md.inlinePatterns:
            if isinstance(pattern, LinkInlineProcessor):  # links, images and references
                pattern.getText = bracket_text
                pattern.getLink = _bounded_get_link(pattern.getLink)
        self._safety = _SafetyTreeprocessor()
        self._md.treeprocessors.register(self._safety, "archive_safety", 0)
        self._languages = _LanguageTreeprocessor()
        self._md.treeprocessors.register(self._languages, "archive_languages", -1)

    def render(self, text: str, split: Splitter | None = None, external_note: tuple[str, str] | None = None) -> Markup:
        """The HTML of `text`; with `split`, words in another language's script are marked with their language; with
        `external_note` (text, language), each external link ends with that text for screen readers."""
        self._md.reset()
        self._languages.split = split
        self._safety.external_note = external_note
        return Markup(self._md.convert(text))
