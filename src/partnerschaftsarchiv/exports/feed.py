"""An Atom feed (RFC 4287) of every record, written by `feedgen`.

An entry's `updated` says when the entry changed, not when the event was: the last commit that changed the
record's file (`changed`), or the build's time where that is not known or `SOURCE_DATE_EPOCH` fixes the time. The
event's own date is in the entry's text at the precision the sources give ("Herbst 2017", never a made-up day), with its EDTF
form. Without a site address the links are relative to the feed file, which Atom allows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Mapping, Sequence

from feedgen.feed import FeedGenerator

from .view import RecordView

__all__ = ["records_feed", "entry_id", "feed_id"]

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:partnerschaftsarchiv:feed")


def feed_id(lang: str) -> str:
    return uuid.uuid5(_NAMESPACE, lang).urn


def entry_id(lang: str, record_id: str) -> str:
    """Stable per record and language: the German and the Russian entry are different texts."""
    return uuid.uuid5(_NAMESPACE, f"{lang}/{record_id}").urn


def records_feed(views: Sequence[RecordView], lang: str, title: str, subtitle: str, made: dt.datetime,
                 feed_url: str, home_url: str, changed: Mapping[str, dt.datetime] | None = None) -> bytes:
    """`feed_url` is "" without a site address (no self link); `home_url` is then relative to the feed file."""
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
        entry.summary(f"{view.date_label} ({view.record.date}): {view.summary.text}")
        entry.link(href=view.url or f"../{view.page}")  # rel="alternate" by default; feedgen writes only href
        entry.updated((changed or {}).get(view.record.path.as_posix(), made))
        entry.category(term=view.record.kind.value, label=view.kind_label)
    return feed.atom_str(pretty=True)
