"""All open-data files of one language, as bytes for a publisher to write (the MkDocs hook hands them over)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from ..publishing import SiteAddress
from .calendar import events_ics
from .catalog import CALENDAR_NAME, EVENTS_ICS, LICENCE_NOTE, RECORDS_CSV, RECORDS_FEED, RECORDS_JSON, ExportFormat
from .feed import records_feed
from .tables import records_csv, records_json
from .view import record_views

if TYPE_CHECKING:
    from ..rendering.site import LanguageRenderer

__all__ = ["ExportFile", "language_exports"]

_SITE_TITLE = "Partnership archive Berlin–Moscow"
_SITE_INTRO = "The social area of the city partnership: seminars, agreements, projects and meetings since 1991."


@dataclass(frozen=True)
class ExportFile:
    format: ExportFormat
    content: bytes

    @property
    def path(self) -> str:
        return self.format.path


def language_exports(renderer: "LanguageRenderer", address: SiteAddress, made: dt.datetime,
                     changed: Mapping[str, dt.datetime] | None = None) -> list[ExportFile]:
    """JSON, CSV, iCalendar and Atom of every record, in `renderer`'s language. `changed`: when each record file
    last changed (exports/history.py), for the feed."""
    _ = renderer.l10n.gettext
    lang = renderer.lang
    views = record_views(renderer, address)
    title = _(_SITE_TITLE)
    contents = {
        RECORDS_JSON: lambda: records_json(views, lang, title, _(LICENCE_NOTE), made),
        RECORDS_CSV: lambda: records_csv(views),
        EVENTS_ICS: lambda: events_ics(views, lang, f"{_(CALENDAR_NAME)} – {title}", made),
        RECORDS_FEED: lambda: records_feed(views, lang, title, _(_SITE_INTRO), made,
                                           feed_url=address.absolute(f"{lang}/{RECORDS_FEED.path}"),
                                           home_url=address.page(lang, "index") or "../index.html", changed=changed),
    }
    return [ExportFile(fmt, build()) for fmt, build in contents.items()]
