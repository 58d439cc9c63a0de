"""An Atom feed (RFC 4287) of every record, written by `feedgen`.

Records carry no edit history, so an entry's `updated` is the first day of the record's date; the feed's own
`updated` is the build time. Without a site address the links are relative to the feed file, which Atom allows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Sequence

from feedgen.feed import FeedGenerator

from .view import RecordView

__all__ = ["records_feed", "entry_id", "feed_id"]

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:partnerschaftsarchiv:feed")


def feed_id(lang: str) -> str:
    return uuid.uuid5(_NAMESPACE, lang).urn


def entry_id(lang: str, record_id: str) -> str:
    """Stable per record and language: the German and the Russian entry are different texts."""
    return uuid.uuid5(_NAMESPACE, f"{lang}/{record_id}").urn


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def records_feed(views: Sequence[RecordView], lang: str, title: str, subtitle: str, made: dt.datetime,
                 feed_url: str = "", home_url: str = "../index.html") -> bytes:
    feed = FeedGenerator()
    feed.id(feed_id(lang))
    feed.title(title)
    feed.subtitle(subtitle)
    feed.language(lang)
    feed.author(name=title)
    feed.updated(made)
    feed.link(href=home_url, rel="alternate", type="text/html")
    if feed_url:
        feed.link(href=feed_url, rel="self", type="application/atom+xml")
    for view in sorted(views, key=lambda v: (v.record.date.sort_key, v.record.id), reverse=True):
        entry = feed.add_entry(order="append")
        entry.id(entry_id(lang, view.record.id))
        entry.title(view.title.text)
        entry.summary(view.summary.text)
        entry.link(href=view.url or f"../{view.page}", rel="alternate", type="text/html")
        entry.updated(_midnight(view.first_day))
        entry.category(term=view.record.kind.value, label=view.kind_label)
    return feed.atom_str(pretty=True)
