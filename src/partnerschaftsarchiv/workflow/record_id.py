"""The id rule for new records: the date as precise as a month, the place, and a word where needed.

Ids are page paths and never change once published, so they are derived by one documented rule instead of being
made up per record: `2017-06-moskau` (month or day precision), `2017-herbst-berlin` (season), `2017-berlin` (year),
`2014-2016-…` (an interval of years). A day is not part of the id: a second record of the same month and place
takes a word (`--slug`), e.g. `2017-05-berlin-arbeitstreffen`.
"""

from __future__ import annotations

import re
import unicodedata

from ..structure import EdtfDate, EdtfPoint, Precision, Season

__all__ = ["SEASON_WORDS", "date_part", "derive_id", "slugify"]

# German, because the ids of the archive are German words (its sources are German).
SEASON_WORDS = {Season.SPRING: "fruehling", Season.SUMMER: "sommer", Season.AUTUMN: "herbst", Season.WINTER: "winter"}
# German transliteration of umlauts, as in the existing ids (nachbarschaftshaeuser, fruehfoerderung).
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by single hyphens: `Runder Tisch` → `runder-tisch`."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_GERMAN)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _point_part(point: EdtfPoint) -> str:
    if point.precision is Precision.SEASON:
        return f"{point.year:04d}-{SEASON_WORDS[point.season]}"
    if point.precision in (Precision.MONTH, Precision.DAY):
        return f"{point.year:04d}-{point.month:02d}"
    return f"{point.year:04d}"


def date_part(date: EdtfDate) -> str:
    """`2017-06` for June 2017 or 4–9 June 2017, `2017-herbst`, `2017`; `2014-2016` for an interval of years."""
    if date.end is not None and date.start.precision is date.end.precision is Precision.YEAR:
        return f"{date.start.year:04d}-{date.end.year:04d}"
    return _point_part(date.start)


def derive_id(date: EdtfDate, place: str | None = None, slug: str | None = None) -> str:
    """Date part, then the place id, then the extra word, each where given."""
    parts = [date_part(date)] + [slugify(p) for p in (place, slug) if p]
    return "-".join(p for p in parts if p)
