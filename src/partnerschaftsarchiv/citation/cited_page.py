"""What a citation of one archive page says, in the page's language: the facts every format is written from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..structure import EdtfDate, EdtfPoint, Precision, Record, RegistryEntry, Role
from ..structure.dates import Season

__all__ = ["CitedPage", "cited_record", "cited_entry", "AUTHOR_ROLES"]

# The bodies responsible for a record stand as its authors, as catalogues enter corporate bodies: who organized a
# seminar or meeting, the parties to an agreement, who carried out a project. Hosts and participants do not.
AUTHOR_ROLES = frozenset({Role.ORGANIZER, Role.PARTY, Role.IMPLEMENTER})
# CSL-JSON numbers the seasons 1-4 from spring, EDTF 21-24.
_CSL_SEASON = {Season.SPRING: 1, Season.SUMMER: 2, Season.AUTUMN: 3, Season.WINTER: 4}


@dataclass(frozen=True)
class CitedPage:
    """One page of the archive as a citable work, in the language `lang` of the page."""

    key: str  # "seminars/2017-06-moskau", the same in every language
    kind: str  # "seminar", "organization": the record kind or registry
    lang: str
    title: str  # in the page's language (or the original, where there is no translation yet)
    original_title: str  # the title in the original language where `title` is a translation, else ""
    original_lang: str
    authors: tuple[str, ...]  # organizations, in the page's language
    date: EdtfDate | None  # the record's date at its own precision; registry entries have none
    date_label: str  # the date as the page writes it ("Herbst 2017"), "" without a date
    site_name: str
    path: str  # "de/seminars/2017-06-moskau.html": the page below the site's root
    url: str  # the hosted address, "" for a site that is only read from disk
    accessed: dt.date  # the build date, which SOURCE_DATE_EPOCH fixes

    @property
    def id(self) -> str:
        """A citation key, unique in the archive and valid in BibTeX: "seminar:2017-06-moskau"."""
        return f"{self.kind}:{self.key.rsplit('/', 1)[-1]}"

    def csl_json(self) -> dict:
        """The CSL-JSON item (https://citationstyles.org/, csl-data.json)."""
        item: dict = {"id": self.id, "type": "webpage", "title": self.title, "container-title": self.site_name,
                      "language": self.lang}
        if self.original_title:
            item["original-title"] = self.original_title
        if self.authors:
            item["author"] = [{"literal": name} for name in self.authors]
        if self.date:
            item["issued"] = csl_date(self.date)
        if self.url:
            item["URL"] = self.url
        item["accessed"] = {"date-parts": [[self.accessed.year, self.accessed.month, self.accessed.day]]}
        return item


def _date_parts(point: EdtfPoint) -> list[int]:
    if point.precision is Precision.DAY:
        return [point.year, point.month, point.day]
    if point.precision is Precision.MONTH:
        return [point.year, point.month]
    return [point.year]


def csl_date(date: EdtfDate) -> dict:
    """A CSL date at the record's precision: a season stays a season ("season": 3), never a made-up day."""
    value: dict = {"date-parts": [_date_parts(date.start)] + ([_date_parts(date.end)] if date.end else [])}
    if date.end is None and date.start.season is not None:
        value["season"] = _CSL_SEASON[date.start.season]
    return value


def cited_record(record: Record, lang: str, *, organization_names: dict[str, str], date_label: str, site_name: str,
                 path: str, url: str, accessed: dt.date) -> CitedPage:
    title = record.title.get(lang)
    original = record.translation.original
    is_translation = original != lang and not title.is_fallback
    return CitedPage(
        key=record.key, kind=record.kind.value, lang=lang, title=title.text,
        original_title=record.title.get(original).text if is_translation else "", original_lang=original,
        authors=tuple(dict.fromkeys(organization_names[p.id] for p in record.organizations
                                    if p.role in AUTHOR_ROLES)),
        date=record.date, date_label=date_label, site_name=site_name, path=path, url=url, accessed=accessed)


def cited_entry(entry: RegistryEntry, lang: str, *, site_name: str, path: str, url: str,
                accessed: dt.date) -> CitedPage:
    name = entry.name.get(lang)
    original = entry.translation.original
    is_translation = original != lang and not name.is_fallback and entry.name.has(original)
    return CitedPage(
        key=entry.key, kind=entry.registry.value, lang=lang, title=name.text,
        original_title=entry.name.get(original).text if is_translation else "", original_lang=original,
        authors=(), date=None, date_label="", site_name=site_name, path=path, url=url, accessed=accessed)
