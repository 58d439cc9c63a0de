"""What the search knows about each page beyond its text: how much it weighs, whether readers search it at all,
and the names it is also found by (its title in the other languages, Latin spellings of Russian names)."""

from __future__ import annotations

from dataclasses import dataclass

from ..rendering.site import DATA_KEY, STATUS_KEY, TIMELINE_KEY, YEARS_KEY, review_key, year_key
from ..structure.archive import Archive
from ..structure.chronology import years_touched
from ..structure.entries import Organization, RegistryEntry
from ..structure.kinds import RegistryKind
from ..structure.text import LocalizedText
from .spelling import transliterations

__all__ = ["PageProfile", "search_profiles", "EDITOR_PAGES", "WEIGHTS"]

# A page's weight multiplies every match on it. Registry entries and year pages are what a name or a year is
# looked up for; records come next, then section pages; lists of everything (timeline, years) match too much to
# lead. Pages for editors come last; the translation status lists every title and is left out of the search.
WEIGHTS = {"registry entry": 1.5, "year": 1.5, "record": 1.3, "page": 1.0, "overview": 0.5, "editors": 0.1}
EDITOR_PAGES = ("contributing", DATA_KEY)
UNSEARCHED_PAGES = (STATUS_KEY,)
# Registries whose names readers type in either script; their Russian names get Latin spellings.
_TRANSLITERATED = (RegistryKind.PERSON, RegistryKind.PLACE, RegistryKind.ORGANIZATION)


@dataclass(frozen=True)
class PageProfile:
    """`names`: what the page is also found by, as if it were its title; `weight`: 1 is an ordinary page."""

    key: str
    weight: float = 1.0
    searched: bool = True
    names: tuple[str, ...] = ()


def _other_languages(text: LocalizedText | None, lang: str) -> list[str]:
    if not text:
        return []
    return [value for code, value in text.values.items() if code != lang and value]


def _all_languages(text: LocalizedText | None) -> list[str]:
    return [value for value in text.values.values() if value] if text else []


def _entry_names(entry: RegistryEntry, lang: str) -> tuple[str, ...]:
    short = entry.short_name if isinstance(entry, Organization) else None
    names = _other_languages(entry.name, lang) + _all_languages(short)
    if entry.registry in _TRANSLITERATED:
        names += transliterations(_all_languages(entry.name) + _all_languages(short))
    return tuple(dict.fromkeys(names))


def search_profiles(archive: Archive, lang: str) -> dict[str, PageProfile]:
    """The profile of every generated page of `lang` that differs from an ordinary page, by page key."""
    profiles: dict[str, PageProfile] = {}
    for record in archive.records.values():
        profiles[record.key] = PageProfile(record.key, WEIGHTS["record"], names=tuple(
            _other_languages(record.title, lang)))
    for kind in RegistryKind:
        for entry in archive.registry(kind).values():
            profiles[entry.key] = PageProfile(entry.key, WEIGHTS["registry entry"], names=_entry_names(entry, lang))
    for year in years_touched(archive.records.values()):
        profiles[year_key(year)] = PageProfile(year_key(year), WEIGHTS["year"], names=(str(year),))
    for key in (TIMELINE_KEY, YEARS_KEY):
        profiles[key] = PageProfile(key, WEIGHTS["overview"])
    for key in EDITOR_PAGES:
        profiles[key] = PageProfile(key, WEIGHTS["editors"])
    for key in UNSEARCHED_PAGES:
        profiles[key] = PageProfile(key, searched=False)
    for record in archive.records.values():  # reviewers' side-by-side pages would repeat every record's text
        profiles[review_key(record)] = PageProfile(review_key(record), searched=False)
    return profiles
