"""A record as one language shows it: the texts, labels and links every export format starts from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..publishing import SiteAddress
from ..structure import Record, ResolvedText

if TYPE_CHECKING:
    from ..rendering.site import LanguageRenderer

__all__ = ["RecordView", "record_views"]


@dataclass(frozen=True)
class RecordView:
    record: Record
    title: ResolvedText
    summary: ResolvedText
    kind_label: str
    status_label: str
    date_label: str
    place_name: str
    topic_names: tuple[str, ...]
    organization_names: tuple[str, ...]
    page: str  # below the language folder: seminars/2017-06-moskau.html
    url: str  # the hosted page, "" without a site address

    @property
    def first_day(self) -> dt.date:
        return self.record.date.start.first_day

    @property
    def last_day(self) -> dt.date:
        return self.record.date.last.last_day


def _place_name(renderer: "LanguageRenderer", place_id: str | None) -> str:
    """A place with the places it lies in: "Geschäftsstelle …, Berlin"."""
    names = []
    while place_id:
        place = renderer.archive.places[place_id]
        names.append(renderer.text(place.name).text)
        place_id = place.within
    return ", ".join(names)


def record_views(renderer: "LanguageRenderer", address: SiteAddress) -> list[RecordView]:
    """Every record in date order, as `renderer`'s language shows it."""
    archive, text = renderer.archive, renderer.text
    return [
        RecordView(
            record=record,
            title=text(record.title),
            summary=text(record.summary),
            kind_label=renderer.label("kind", record.kind),
            status_label=renderer.status_label(record),
            date_label=renderer.l10n.date(record.date),
            place_name=_place_name(renderer, record.place),
            topic_names=tuple(text(archive.topics[t].name).text for t in record.topics),
            organization_names=tuple(text(archive.organizations[p.id].name).text for p in record.organizations),
            page=f"{record.key}.html",
            url=address.page(renderer.lang, record.key),
        )
        for record in archive.chronological()
    ]
