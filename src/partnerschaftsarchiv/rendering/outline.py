"""The first heading of a rendered page that carries an `id`.

A publisher links "skip to content" to the page's first heading (Material takes it from the table of contents);
generated pages have no Markdown for it to read the headings from.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Heading", "first_heading"]

_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


class _HeadingParser(HTMLParser):
    """Collects headings h1–h6 with an id; their text without markup, whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Heading] = []
        self._open: tuple[str, str, list[str]] | None = None  # tag, id, text so far

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        anchor = dict(attrs).get("id")
        if tag in _LEVELS and anchor and self._open is None:
            self._open = (tag, anchor, [])

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open[0]:
            name, anchor, text = self._open
            self.found.append(Heading(_LEVELS[name], anchor, " ".join("".join(text).split())))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[2].append(data)


def first_heading(html: str, level: int = 1) -> Heading | None:
    """The first h<level> with an id, parsing only up to it: the title comes first, and pages can be long."""
    parser = _HeadingParser()
    closing = f"</h{level}>"
    start = 0
    while start < len(html):
        end = html.find(closing, start)
        stop = len(html) if end < 0 else end + len(closing)
        parser.feed(html[start:stop])
        start = stop
        found = next((heading for heading in parser.found if heading.level == level), None)
        if found is not None:
            return found
    parser.close()
    return next((heading for heading in parser.found if heading.level == level), None)
