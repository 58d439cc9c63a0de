"""The open-data files each language publishes, with what the Data page says about them."""

from __future__ import annotations

from dataclasses import dataclass

from ..rendering.labels import N_

__all__ = ["ExportFormat", "RECORDS_JSON", "RECORDS_CSV", "EVENTS_ICS", "RECORDS_FEED", "EXPORT_FORMATS", "LICENCE_NOTE",
           "CALENDAR_NAME"]


@dataclass(frozen=True)
class ExportFormat:
    path: str  # below the language folder
    format: str  # the format's own name, the same in every language
    media_type: str
    title: str  # N_() strings: translated where shown
    description: str


RECORDS_JSON = ExportFormat(
    "data/records.json", "JSON", "application/json", N_("All records"),
    N_("Every seminar, agreement, project and meeting with all its fields in both languages (as in the archive's "
       "record format), plus title, summary, date and labels in this language and the address of its page."))
RECORDS_CSV = ExportFormat(
    "data/records.csv", "CSV", "text/csv", N_("All records as a table"),
    N_("One row per record, in this language: kind, status, date as the source gives it and as first and last day, "
       "title, summary, place, topics, organizations and page. UTF-8, comma-separated, opens in spreadsheets."))
EVENTS_ICS = ExportFormat(
    "data/events.ics", "iCalendar", "text/calendar", N_("Seminars and meetings as a calendar"),
    N_("The seminars and meetings as all-day events for calendar programs (iCalendar). Where a source gives only "
       "the month, season or year, the event spans that whole period; its description gives the date as the "
       "source states it. The German and the Russian calendar hold the same events (each with the same UID): one "
       "subscription is enough."))
RECORDS_FEED = ExportFormat(
    "data/feed.atom", "Atom", "application/atom+xml", N_("Feed of all records"),
    N_("All records as a feed for feed readers, the most recent date first."))

EXPORT_FORMATS = (RECORDS_JSON, RECORDS_CSV, EVENTS_ICS, RECORDS_FEED)

# No source and no project decision names a licence for the archive's data yet: say so, never guess one.
LICENCE_NOTE = N_("The licence under which these data may be reused has not been decided yet; the project owners "
                  "will state it here.")
CALENDAR_NAME = N_("Seminars and meetings")
