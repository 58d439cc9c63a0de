"""When the exports were made: one time stamp for DTSTAMP and the feed's `updated`."""

from __future__ import annotations

import datetime as dt

__all__ = ["build_time"]


def build_time(epoch: str | None = None) -> dt.datetime:
    """`SOURCE_DATE_EPOCH` where given (reproducible builds, as MkDocs reads it), else now; UTC, to the second."""
    moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return moment.replace(microsecond=0)
