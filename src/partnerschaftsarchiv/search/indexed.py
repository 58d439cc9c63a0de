"""The part of a page's HTML a search index reads: the page without the elements marked `data-search-exclude`.

Static-site search indexers (Material's among them) parse a page's whole HTML and then drop what is marked; on our
listing pages the marked lists (timelines, record lists) are most of the HTML, so an indexer given the page without
them does the same work on a fraction of it. An element is cut from its start tag to its matching end tag,
counting elements of the same name nested in it.
"""

from __future__ import annotations

import re

__all__ = ["EXCLUDED", "indexed_html"]

EXCLUDED = "data-search-exclude"
# Elements without content or end tag: indexers skip their attributes, so a mark on them leaves out nothing.
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# The start tag of an element marked for leaving out: its name and where the tag ends.
_MARKED = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\s" + EXCLUDED + r"\b[^>]*>")


def indexed_html(html: str) -> str:
    """`html` without every element marked `data-search-exclude` (and without what it contains)."""
    if EXCLUDED not in html:
        return html
    kept: list[str] = []
    position = 0
    while (marked := _MARKED.search(html, position)) is not None:
        name = marked.group(1).lower()
        if name in _VOID:
            kept.append(html[position:marked.end()])
            position = marked.end()
            continue
        kept.append(html[position:marked.start()])
        position = _element_end(html, name, marked.end())
    kept.append(html[position:])
    return "".join(kept)


def _element_end(html: str, name: str, position: int) -> int:
    """Where the element `name` that opened before `position` ends (the end of the text when it never does)."""
    opening = re.compile(rf"<{name}\b|</{name}\s*>", re.IGNORECASE)
    depth = 1
    for tag in opening.finditer(html, position):
        depth += -1 if tag.group(0).startswith("</") else 1
        if depth == 0:
            return tag.end()
    return len(html)
