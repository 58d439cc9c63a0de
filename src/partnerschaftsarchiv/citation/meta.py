"""Head tags that reference managers read (Zotero's connector, Mendeley, Google Scholar): Highwire Press
`citation_*` and Dublin Core `DC.*`. Name/content pairs; the template escapes them."""

from __future__ import annotations

from ..structure import Precision
from .cited_page import CitedPage

__all__ = ["citation_meta"]


def _highwire_date(page: CitedPage) -> str:
    """Highwire's YYYY/MM/DD, cut to the record's precision: a season or a range gives its (first) year."""
    start = page.date.start
    if page.date.end is None and start.precision is Precision.DAY:
        return f"{start.year:04d}/{start.month:02d}/{start.day:02d}"
    if page.date.end is None and start.precision is Precision.MONTH:
        return f"{start.year:04d}/{start.month:02d}"
    return f"{start.year:04d}"


def citation_meta(page: CitedPage) -> tuple[tuple[str, str], ...]:
    tags = [("citation_title", page.title)]
    tags += [("citation_author", name) for name in page.authors]
    if page.date:
        tags.append(("citation_date", _highwire_date(page)))
    tags.append(("citation_language", page.lang))
    if page.url:
        tags.append(("citation_public_url", page.url))
    tags.append(("DC.title", page.title))
    tags += [("DC.creator", name) for name in page.authors]
    if page.date:
        # W3CDTF at the record's precision (ISO 8601 has no seasons: a season gives its year).
        tags.append(("DC.date", page.date.start.iso if page.date.end is None else str(page.date)))
    tags += [("DC.language", page.lang), ("DC.publisher", page.site_name), ("DC.type", "Text")]
    if page.url:
        tags.append(("DC.identifier", page.url))
    return tuple(tags)
