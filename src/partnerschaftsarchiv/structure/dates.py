"""Dates as the sources state them: EDTF (Library of Congress) with their precision.

A source may say "28 August 1991", "April 2007", "autumn 2017" or "2014-2016"; the archive keeps exactly that and
never turns it into a made-up day. Supported subset of EDTF: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, seasons `YYYY-21..24`
(level 1) and intervals `A/B` of those.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass

__all__ = ["Precision", "Season", "EdtfPoint", "EdtfDate", "EdtfError", "parse_edtf"]


class EdtfError(ValueError):
    """A date string that is not in the supported EDTF subset, or names no real day."""


class Precision(enum.IntEnum):
    """How exactly a date is known; a larger value is more precise."""

    YEAR = 1
    SEASON = 2
    MONTH = 3
    DAY = 4


class Season(enum.IntEnum):
    """EDTF level 1 season codes (northern hemisphere, meteorological seasons)."""

    SPRING = 21
    SUMMER = 22
    AUTUMN = 23
    WINTER = 24

    @property
    def months(self) -> tuple[int, int]:
        """First and last month; winter runs into the next year."""
        return {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}[self.value]


_POINT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


@dataclass(frozen=True, order=False)
class EdtfPoint:
    """One date at its precision: a year, a season, a month or a day."""

    year: int
    precision: Precision
    month: int | None = None
    day: int | None = None
    season: Season | None = None

    @property
    def first_day(self) -> dt.date:
        """The first day of the interval this date stands for."""
        if self.season is not None:
            return dt.date(self.year, self.season.months[0], 1)
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The last day of the interval this date stands for."""
        if self.season is not None:
            first, last = self.season.months
            year = self.year + 1 if last < first else self.year
            return dt.date(year, last, calendar.monthrange(year, last)[1])
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def iso(self) -> str:
        """An HTML `<time datetime>` value at this precision (a season gives its year)."""
        if self.precision is Precision.DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        if self.season is not None:
            return f"{self.year:04d}-{self.season.value}"
        return self.iso


@dataclass(frozen=True)
class EdtfDate:
    """A date or an interval of dates, as written in a record."""

    start: EdtfPoint
    end: EdtfPoint | None = None

    @property
    def last(self) -> EdtfPoint:
        return self.end or self.start

    @property
    def sort_key(self) -> tuple[dt.date, int, dt.date]:
        """Order by the start of the interval, then the more precise date first, then the earlier end.

        "June 2017" (from 1 June) sorts before "4-9 June 2017"; "2017" before "autumn 2017".
        """
        return (self.start.first_day, -self.start.precision, self.last.last_day)

    @property
    def years(self) -> range:
        """Every calendar year the date touches."""
        return range(self.start.first_day.year, self.last.last_day.year + 1)

    def __str__(self) -> str:
        return f"{self.start}/{self.end}" if self.end else str(self.start)


def _parse_point(text: str) -> EdtfPoint:
    point = _read_point(text)
    try:  # the days it stands for must exist: year 0 does not, winter 9999 ends in the year 10000
        point.first_day, point.last_day
    except ValueError:
        raise EdtfError(f"{text!r} lies outside the calendar (years 1 to 9999)") from None
    return point


def _read_point(text: str) -> EdtfPoint:
    match = _POINT.fullmatch(text)
    if not match:
        raise EdtfError(f"{text!r} is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SS (season 21-24)")
    year = int(match["year"])
    if year == 0:
        raise EdtfError(f"{text!r} lies outside the calendar (years 1 to 9999)")
    if match["month"] is None:
        return EdtfPoint(year, Precision.YEAR)
    month = int(match["month"])
    if match["day"] is None:
        if 21 <= month <= 24:
            return EdtfPoint(year, Precision.SEASON, season=Season(month))
        if not 1 <= month <= 12:
            raise EdtfError(f"{text!r}: month {month} does not exist (seasons are 21-24)")
        return EdtfPoint(year, Precision.MONTH, month=month)
    if not 1 <= month <= 12:
        raise EdtfError(f"{text!r}: month {month} does not exist")
    day = int(match["day"])
    try:
        dt.date(year, month, day)
    except ValueError:
        raise EdtfError(f"{text!r}: day {day} does not exist in {calendar.month_name[month]} {year}") from None
    return EdtfPoint(year, Precision.DAY, month=month, day=day)


def parse_edtf(text: str) -> EdtfDate:
    """Parse the supported EDTF subset; raises `EdtfError` with a plain-words reason."""
    if not isinstance(text, str):
        raise EdtfError(f"a date is text such as 2017-06-04, not {type(text).__name__}")
    parts = text.strip().split("/")
    if len(parts) > 2:
        raise EdtfError(f"{text!r} has more than one '/': an interval is START/END")
    if len(parts) == 1:
        return EdtfDate(_parse_point(parts[0]))
    start, end = (_parse_point(p) for p in parts)
    if end.last_day < start.first_day:
        raise EdtfError(f"{text!r}: the end {end} is before the start {start}")
    if start == end:
        raise EdtfError(f"{text!r}: start and end are the same; write the date once")
    return EdtfDate(start, end)
