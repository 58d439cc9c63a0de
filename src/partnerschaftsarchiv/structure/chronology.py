"""Records arranged by year: the groups of a timeline and the counts of the overview chart.

A record belongs to the year its date starts in (see `EdtfDate.sort_key`), so every record is in exactly one
group; a year page instead lists every record whose date touches that year (`EdtfDate.years`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable, Mapping

from .entries import Record
from .kinds import RecordKind

__all__ = ["YearGroup", "YearTally", "Neighbours", "by_start_year", "tally_by_year", "records_by_year", "years_touched",
           "neighbours_in_kind"]


def _start_year(record: Record) -> int:
    return record.date.start.first_day.year


def _in_order(records: Iterable[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r.date.sort_key, r.id))


@dataclass(frozen=True)
class YearGroup:
    """The records that start in one year, in date order."""

    year: int
    records: tuple[Record, ...]


@dataclass(frozen=True)
class YearTally:
    """How many records start in one year, per kind (a year without records has an empty tally)."""

    year: int
    counts: Mapping[RecordKind, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def count(self, kind: RecordKind) -> int:
        return self.counts.get(kind, 0)


def by_start_year(records: Iterable[Record]) -> list[YearGroup]:
    """Timeline groups: records in date order, one group per year that has any."""
    return [YearGroup(year, tuple(group)) for year, group in groupby(_in_order(records), key=_start_year)]


def tally_by_year(records: Iterable[Record]) -> list[YearTally]:
    """Counts per year and kind for every year from the first record to the last, gaps included."""
    counts: dict[int, Counter] = {}
    for record in records:
        counts.setdefault(_start_year(record), Counter())[record.kind] += 1
    if not counts:
        return []
    return [YearTally(year, dict(counts.get(year, {}))) for year in range(min(counts), max(counts) + 1)]


def records_by_year(records: Iterable[Record]) -> dict[int, list[Record]]:
    """Every year some record's date touches, ascending, with the records whose date touches it in date order (an
    interval 2014–2016 is in 2014, 2015 and 2016): one pass over the records for all year pages."""
    by_year: dict[int, list[Record]] = {}
    for record in _in_order(records):
        for year in record.date.years:
            by_year.setdefault(year, []).append(record)
    return dict(sorted(by_year.items()))


def years_touched(records: Iterable[Record]) -> list[int]:
    """Every year some record's date touches, ascending."""
    return sorted({year for record in records for year in record.date.years})


@dataclass(frozen=True)
class Neighbours:
    """The records of the same kind just before and just after one record, in date order."""

    earlier: Record | None = None
    later: Record | None = None


def neighbours_in_kind(records: Iterable[Record]) -> dict[str, Neighbours]:
    """Each record's neighbours among the records of its kind (one sort per kind, not one per record)."""
    found: dict[str, Neighbours] = {}
    by_kind: dict[RecordKind, list[Record]] = {}
    for record in records:
        by_kind.setdefault(record.kind, []).append(record)
    for same_kind in by_kind.values():
        ordered = _in_order(same_kind)
        for at, record in enumerate(ordered):
            found[record.id] = Neighbours(ordered[at - 1] if at > 0 else None,
                                          ordered[at + 1] if at + 1 < len(ordered) else None)
    return found
