"""Everything that depends on the reader's language, in one object handed to templates.

Dates keep the precision the source gives them; CLDR (through Babel) supplies month names, patterns and plural
rules, the gettext catalogs what CLDR has no pattern for (seasons, the Russian "г." after a bare year).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, parse_pattern
from babel.numbers import format_decimal
from babel.support import Translations

from ..structure import EdtfDate, EdtfPoint, Precision, Season

__all__ = ["Localizer"]


@dataclass
class Localizer:
    lang: str
    translations: Translations
    locale: Locale = field(init=False)

    def __post_init__(self) -> None:
        self.locale = Locale.parse(self.lang)
        # Every list a record appears in prints its date again: format each date once per language.
        self.date = cache(self.date)  # type: ignore[method-assign]

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def language_name(self, code: str) -> str:
        """A language's name in that language itself, capitalized: "Deutsch", "Русский" (for selectors)."""
        name = Locale.parse(code).get_display_name(code) or code
        return name[:1].upper() + name[1:]

    def language_label(self, code: str) -> str:
        """A language's name in the reader's language: "Russisch", "немецкий"."""
        return Locale.parse(code).get_display_name(self.locale) or code

    # Dates ------------------------------------------------------------------------------------------------------

    def _season(self, point: EdtfPoint) -> str:
        _ = self.gettext
        pattern = {
            Season.SPRING: _("spring %(year)s"),
            Season.SUMMER: _("summer %(year)s"),
            Season.AUTUMN: _("autumn %(year)s"),
            Season.WINTER: _("winter %(year)s"),
        }[point.season]
        return pattern % {"year": point.year}

    def point(self, point: EdtfPoint) -> str:
        if point.precision is Precision.DAY:
            return format_date(point.first_day, "long", locale=self.locale)
        if point.precision is Precision.MONTH:
            return format_skeleton("yMMMM", point.first_day, locale=self.locale)
        if point.precision is Precision.SEASON:
            return self._season(point)
        return self.gettext("year %(year)s") % {"year": point.year}

    def _day_interval(self, start: dt.date, end: dt.date) -> str:
        # CLDR's yMMMd interval patterns with full month names: "4.–9. Juni 2017", "4–9 июня 2017 г.".
        # (Babel's yMMMMd falls back to abbreviated months in Russian.)
        greatest = "y" if start.year != end.year else "M" if start.month != end.month else "d"
        # Every CLDR locale has the three (y, M, d); some (fi) spell the month out already.
        patterns = self.locale.interval_formats["yMMMd"][greatest]
        full = [p.replace("MMM", "MMMM") if "MMMM" not in p else p for p in patterns]
        return "".join(parse_pattern(p).apply(d, self.locale) for p, d in zip(full, (start, end)))

    def date(self, date: EdtfDate) -> str:
        """A date label at the record's own precision."""
        start, end = date.start, date.end
        if end is None:
            return self.point(start)
        if start.precision is end.precision is Precision.DAY:
            return self._day_interval(start.first_day, end.first_day)
        if start.precision is end.precision is Precision.MONTH:
            return format_interval(start.first_day, end.first_day, "yMMMM", locale=self.locale)
        if start.precision is end.precision is Precision.YEAR:
            return self.gettext("years %(start)s–%(end)s") % {"start": start.year, "end": end.year}
        return self.gettext("%(start)s – %(end)s") % {"start": self.point(start), "end": self.point(end)}
