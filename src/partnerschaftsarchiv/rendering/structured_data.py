"""schema.org JSON-LD for record pages, as plain dicts built from the model; a template prints them.

A seminar or meeting is an `Event`, an agreement a `Legislation` (schema.org: "a legal document …, enforceable or
not"), a project a `Project`. The thing itself has one `@id` (its page in the original language, `#record`), so the
German and the Russian page describe the same node; every text is tagged with its language (`@language`), so the
merged node has a German and a Russian name, each marked, and a text shown in the original for want of a
translation is tagged with the original's language. The pages (`WebPage`, `inLanguage`) link each other as
`workTranslation` / `translationOfWork`. Only what the record states goes in: no address where no source gives one,
and no language of the event itself (the sources do not name it). Dates keep the record's precision: ISO 8601
`2017-06-04`, `2007-04`, `2017`, and a season as ISO 8601-2 / EDTF writes it (`2017-23`, autumn), never a made-up
day.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..publishing import SiteAddress
from ..structure import EventStatus, Participation, Record, RecordKind, Role

if TYPE_CHECKING:
    from .site import LanguageRenderer

__all__ = ["StructuredData", "script_json"]

_SCHEMA = "https://schema.org/"
_TYPE = {RecordKind.SEMINAR: "Event", RecordKind.MEETING: "Event", RecordKind.AGREEMENT: "Legislation",
         RecordKind.PROJECT: "Project"}
_EVENT_STATUS = {EventStatus.PLANNED: "EventScheduled", EventStatus.HELD: "EventScheduled",
                 EventStatus.CANCELLED: "EventCancelled"}
_LEGAL_FORCE = {EventStatus.IN_FORCE: "InForce", EventStatus.SUPERSEDED: "NotInForce"}
_ORGANIZING = (Role.ORGANIZER, Role.HOST)


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside `<script>`: `<`, `>` and `&` as \\u escapes, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class StructuredData:
    """JSON-LD of every record page in one language."""

    def __init__(self, renderer: "LanguageRenderer", address: SiteAddress):
        self.renderer = renderer
        self.address = address
        self.lang = renderer.lang
        self._by_key = {record.key: record for record in renderer.archive.records.values()}

    def for_key(self, key: str) -> dict[str, Any] | None:
        record = self._by_key.get(key)
        return self.record(record, key) if record else None

    def web_page(self, key: str, title: str) -> dict[str, Any]:
        """Any other page (an index, a registry entry, a hand-written page): a `WebPage` in this language. Which
        language version came first is not known for these, so no translation links (hreflang names them)."""
        page: dict[str, Any] = {
            "@type": "WebPage",
            "@id": self._link(key, self.lang, key),
            "url": self._link(key, self.lang, key),
            "name": title,
            "inLanguage": self.lang,
        }
        return {"@context": "https://schema.org", "@graph": [page]}

    def _link(self, from_key: str, lang: str, key: str) -> str:
        return self.address.link(self.lang, from_key, lang, key)

    def _text(self, value) -> dict[str, str] | str:
        """A language-tagged value: the text shown on this page, in the language it is written in."""
        resolved = self.renderer.text(value)
        return {"@value": resolved.text, "@language": resolved.lang} if resolved else ""

    def _entry(self, kind: str, entry, from_key: str) -> dict[str, Any]:
        node: dict[str, Any] = {"@type": kind, "name": self._text(entry.name), "url": self._link(from_key, self.lang, entry.key)}
        # A short name in other languages only: none on this page (never an empty name).
        short = self._text(getattr(entry, "short_name", None))
        if short:
            node["alternateName"] = short
        return node

    def _place(self, place_id: str, from_key: str) -> dict[str, Any]:
        place = self.renderer.archive.places[place_id]
        node = self._entry("Place", place, from_key)
        if place.within:
            node["containedInPlace"] = self._place(place.within, from_key)
        return node

    def _agents(self, record: Record, roles: tuple[Role, ...], from_key: str) -> list[dict[str, Any]]:
        archive = self.renderer.archive

        def chosen(items: tuple[Participation, ...]) -> list[str]:
            return [p.id for p in items if p.role in roles]

        return ([self._entry("Organization", archive.organizations[i], from_key) for i in chosen(record.organizations)]
                + [self._entry("Person", archive.people[i], from_key) for i in chosen(record.people)])

    def _thing(self, record: Record, key: str) -> dict[str, Any]:
        start, end = record.date.start, record.date.end
        node: dict[str, Any] = {
            "@type": _TYPE[record.kind],
            "@id": self._link(key, record.translation.original, record.key) + "#record",
            "name": self._text(record.title),
            "description": self._text(record.summary),
            "url": self._link(key, self.lang, record.key),
        }
        if record.kind in (RecordKind.SEMINAR, RecordKind.MEETING):
            node["startDate"] = str(start)
            if end:
                node["endDate"] = str(end)
            if record.status in _EVENT_STATUS:
                node["eventStatus"] = _SCHEMA + _EVENT_STATUS[record.status]
            if record.place:
                node["location"] = self._place(record.place, key)
            organizers = self._agents(record, _ORGANIZING, key)
            if organizers:
                node["organizer"] = organizers
            attendees = self._agents(record, (Role.PARTICIPANT,), key)
            if attendees:
                node["attendee"] = attendees
        elif record.kind is RecordKind.AGREEMENT:
            node["legislationDate"] = str(start)
            parties = self._agents(record, (Role.PARTY,), key)
            if parties:
                node["legislationPassedBy"] = parties
            if record.status in _LEGAL_FORCE:
                node["legislationLegalForce"] = _SCHEMA + _LEGAL_FORCE[record.status]
        else:
            node["foundingDate"] = str(start)
            if end and record.status is EventStatus.COMPLETED:
                node["dissolutionDate"] = str(end)
            members = self._agents(record, (Role.IMPLEMENTER, Role.PARTY, Role.ORGANIZER), key)
            if members:
                node["member"] = members
        return node

    def record(self, record: Record, key: str) -> dict[str, Any]:
        """The page and the thing it describes, as one `@graph`."""
        original = record.translation.original
        page: dict[str, Any] = {
            "@type": "WebPage",
            "@id": self._link(key, self.lang, key),
            "url": self._link(key, self.lang, key),
            "name": self._text(record.title),
            "inLanguage": self.lang,
            "mainEntity": {"@id": self._link(key, original, record.key) + "#record"},
        }
        others = [code for code in self.renderer.site.languages if code != self.lang]
        if self.lang == original:
            page["workTranslation"] = [{"@id": self._link(key, code, key), "inLanguage": code} for code in others]
        else:
            page["translationOfWork"] = {"@id": self._link(key, original, key), "inLanguage": original}
        return {"@context": "https://schema.org", "@graph": [page, self._thing(record, key)]}
