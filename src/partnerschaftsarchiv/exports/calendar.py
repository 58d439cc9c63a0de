"""Seminars and meetings as an iCalendar file (RFC 5545), written by the `icalendar` library.

Events are all-day (`VALUE=DATE`) over the days the record's date stands for; the end is exclusive, as RFC 5545
wants. The German and the Russian calendar describe the same events, in two languages: the UID comes from the
record id only, so it stays the same across builds and languages, and one subscription (either language) is
enough; a calendar that subscribes to both sees each event once (the data page says so).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Sequence

import icalendar

from ..structure import EventStatus, RecordKind
from .view import RecordView

__all__ = ["events_ics", "event_uid", "CALENDAR_KINDS"]

CALENDAR_KINDS = (RecordKind.SEMINAR, RecordKind.MEETING)
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:partnerschaftsarchiv:record")
_STATUS = {EventStatus.PLANNED: "TENTATIVE", EventStatus.HELD: "CONFIRMED", EventStatus.CANCELLED: "CANCELLED"}


def event_uid(record_id: str) -> str:
    """A UUID (as RFC 7986 advises) derived from the record id: stable, and unique to the record."""
    return str(uuid.uuid5(_UID_NAMESPACE, record_id))


def events_ics(views: Sequence[RecordView], lang: str, name: str, made: dt.datetime) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Partnerschaftsarchiv Berlin-Moskau//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for view in views:
        record = view.record
        if record.kind not in CALENDAR_KINDS:
            continue
        event = icalendar.Event()
        event.add("uid", event_uid(record.id))
        event.add("dtstamp", made)
        event.add("dtstart", view.first_day)
        event.add("dtend", view.last_day + dt.timedelta(days=1))
        event.add("summary", view.title.text, parameters={"LANGUAGE": view.title.lang})
        event.add("description", f"{view.date_label}\n\n{view.summary.text}",
                  parameters={"LANGUAGE": view.summary.lang})
        if view.place_name:
            event.add("location", view.place_name)
        if record.status in _STATUS:
            event.add("status", _STATUS[record.status])
        event.add("categories", [view.kind_label])
        if view.url:
            event.add("url", view.url)
        calendar.add_component(event)
    return calendar.to_ical()
