"""Dates as a reader sees them: every precision, every season, both languages, both ends of each range.

Fast (no build): the mutation script runs these. Every expected value is written out by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest
from babel.support import NullTranslations

from partnerschaftsarchiv.i18n import Localizer, load_translations
from partnerschaftsarchiv.structure import EdtfError, Precision, Season, parse_edtf
from conftest import REPO

NNBSP, THIN = "\u202f", "\u2009"

# edtf: (German label, Russian label, first day, last day, <time datetime> of start and end)
DATES = {
    "2017": ("2017", f"2017{NNBSP}г.", "2017-01-01", "2017-12-31", "2017", "2017"),
    "2017-21": ("Frühjahr 2017", f"весна 2017{NNBSP}г.", "2017-03-01", "2017-05-31", "2017", "2017"),
    "2017-22": ("Sommer 2017", f"лето 2017{NNBSP}г.", "2017-06-01", "2017-08-31", "2017", "2017"),
    "2017-23": ("Herbst 2017", f"осень 2017{NNBSP}г.", "2017-09-01", "2017-11-30", "2017", "2017"),
    "2017-24": ("Winter 2017", f"зима 2017{NNBSP}г.", "2017-12-01", "2018-02-28", "2017", "2017"),
    "2015-24": ("Winter 2015", f"зима 2015{NNBSP}г.", "2015-12-01", "2016-02-29", "2015", "2015"),
    "2017-04": ("April 2017", f"апрель 2017{NNBSP}г.", "2017-04-01", "2017-04-30", "2017-04", "2017-04"),
    "2016-02": ("Februar 2016", f"февраль 2016{NNBSP}г.", "2016-02-01", "2016-02-29", "2016-02", "2016-02"),
    "2017-04-05": ("5. April 2017", f"5 апреля 2017{NNBSP}г.", "2017-04-05", "2017-04-05", "2017-04-05",
                   "2017-04-05"),
    "2017-04/2017-06": ("April–Juni 2017", f"апрель – июнь 2017{NNBSP}г.", "2017-04-01", "2017-06-30", "2017-04",
                        "2017-06"),
    "2016-11/2017-02": (f"November 2016{THIN}–{THIN}Februar 2017", f"ноябрь 2016{NNBSP}г. – февраль 2017{NNBSP}г.",
                        "2016-11-01", "2017-02-28", "2016-11", "2017-02"),
    "2017-21/2017-23": (f"Frühjahr 2017{THIN}–{THIN}Herbst 2017", f"весна 2017{NNBSP}г. – осень 2017{NNBSP}г.",
                        "2017-03-01", "2017-11-30", "2017", "2017"),
    "2016/2017": ("2016–2017", f"2016–2017{NNBSP}гг.", "2016-01-01", "2017-12-31", "2016", "2017"),
    "2017/2018-03": (f"2017{THIN}–{THIN}März 2018", f"2017{NNBSP}г. – март 2018{NNBSP}г.", "2017-01-01",
                     "2018-03-31", "2017", "2018-03"),
    "2017-04-05/2017-04-06": ("5.–6. April 2017", f"5–6 апреля 2017{NNBSP}г.", "2017-04-05", "2017-04-06",
                              "2017-04-05", "2017-04-06"),
    "2016-12-30/2017-01-02": (f"30. Dezember 2016{THIN}–{THIN}2. Januar 2017",
                              f"30 декабря 2016{NNBSP}г. – 2 января 2017{NNBSP}г.", "2016-12-30", "2017-01-02",
                              "2016-12-30", "2017-01-02"),
    "2017-04-28/2017-05-02": (f"28. April{THIN}–{THIN}2. Mai 2017", f"28 апреля – 2 мая 2017{NNBSP}г.",
                              "2017-04-28", "2017-05-02", "2017-04-28", "2017-05-02"),
}


@pytest.fixture(scope="module", params=["de", "ru"])
def l10n(request):
    return Localizer(request.param, load_translations(REPO / "translations", request.param))


@pytest.mark.parametrize("edtf", DATES)
def test_label_in_each_language(l10n, edtf):
    assert l10n.date(parse_edtf(edtf)) == DATES[edtf][("de", "ru").index(l10n.lang)]


@pytest.mark.parametrize("edtf", DATES)
def test_first_and_last_day_and_time_values(edtf):
    date = parse_edtf(edtf)
    _, _, first, last, start_iso, end_iso = DATES[edtf]
    assert (date.start.first_day.isoformat(), date.last.last_day.isoformat()) == (first, last)
    assert (date.start.iso, date.last.iso) == (start_iso, end_iso)
    assert str(date) == edtf


def test_a_year_alone_runs_from_january_first_to_december_31st():
    year = parse_edtf("1991").start
    assert (year.first_day, year.last_day) == (dt.date(1991, 1, 1), dt.date(1991, 12, 31))
    assert (year.precision, year.month, year.day, year.season) == (Precision.YEAR, None, None, None)


def test_each_part_is_read_into_its_own_field():
    day = parse_edtf("2013-09-05").start
    assert (day.year, day.month, day.day, day.precision) == (2013, 9, 5, Precision.DAY)
    month = parse_edtf("2013-09").start
    assert (month.year, month.month, month.day, month.precision) == (2013, 9, None, Precision.MONTH)
    season = parse_edtf("2013-22").start
    assert (season.year, season.month, season.season, season.precision) == (2013, None, Season.SUMMER,
                                                                          Precision.SEASON)
    assert parse_edtf("2013-09").end is None
    assert parse_edtf(" 2013-09 ").start.month == 9  # surrounding blanks are not part of the date


def test_season_months():
    assert [s.months for s in Season] == [(3, 5), (6, 8), (9, 11), (12, 2)]
    assert [int(s) for s in Season] == [21, 22, 23, 24]
    assert [int(p) for p in Precision] == [1, 2, 3, 4]


def test_years_touched():
    assert list(parse_edtf("2017").years) == [2017]
    assert list(parse_edtf("2017-24").years) == [2017, 2018]
    assert list(parse_edtf("2014/2016").years) == [2014, 2015, 2016]
    assert list(parse_edtf("2016-11/2017-02").years) == [2016, 2017]


def test_sort_order_start_then_more_precise_first_then_earlier_end():
    dates = ["2017-23", "2017-06-04/2017-06-09", "2017", "2017-06", "2016/2018", "2017-06-04", "2017-06-04/2017-06-05",
             "2017/2018"]
    ordered = sorted(dates, key=lambda d: parse_edtf(d).sort_key)
    assert ordered == ["2016/2018", "2017", "2017/2018", "2017-06", "2017-06-04", "2017-06-04/2017-06-05",
                       "2017-06-04/2017-06-09", "2017-23"]


@pytest.mark.parametrize("text, message", [
    ("2017-02-30", "'2017-02-30': day 30 does not exist in February 2017"),
    ("2017-13", "'2017-13': month 13 does not exist (seasons are 21-24)"),
    ("2017-00", "'2017-00': month 0 does not exist (seasons are 21-24)"),
    ("2017-20", "'2017-20': month 20 does not exist (seasons are 21-24)"),
    ("2017-25", "'2017-25': month 25 does not exist (seasons are 21-24)"),
    ("2017-13-01", "'2017-13-01': month 13 does not exist"),
    ("2017-00-01", "'2017-00-01': month 0 does not exist"),
    ("2017-06-09/2017-06-04", "'2017-06-09/2017-06-04': the end 2017-06-04 is before the start 2017-06-09"),
    ("17-06", "'17-06' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SS (season 21-24)"),
    ("2017/06/04", "'2017/06/04' has more than one '/': an interval is START/END"),
    ("2017-06-04/2017-06-04", "'2017-06-04/2017-06-04': start and end are the same; write the date once"),
    ("0000", "'0000' lies outside the calendar (years 1 to 9999)"),
    ("9999-24", "'9999-24' lies outside the calendar (years 1 to 9999)"),
])
def test_bad_dates_say_exactly_why(text, message):
    with pytest.raises(EdtfError) as error:
        parse_edtf(text)
    assert str(error.value) == message


def test_a_date_that_is_not_text():
    with pytest.raises(EdtfError) as error:
        parse_edtf(20170604)
    assert str(error.value) == "a date is text such as 2017-06-04, not int"


def test_ends_that_touch_are_allowed():
    assert str(parse_edtf("2017-06-04/2017-06-05")) == "2017-06-04/2017-06-05"
    assert str(parse_edtf("2017-05/2017-06-01")) == "2017-05/2017-06-01"
    # An end inside the start's interval but after its first day is not "before the start".
    assert parse_edtf("2017/2017-06").last.iso == "2017-06"


def test_language_names_and_numbers():
    de = Localizer("de", load_translations(REPO / "translations", "de"))
    ru = Localizer("ru", load_translations(REPO / "translations", "ru"))
    assert (de.language_name("de"), de.language_name("ru")) == ("Deutsch", "Русский")
    assert (de.language_label("ru"), ru.language_label("de")) == ("Russisch", "немецкий")
    assert (de.number(12345), ru.number(12345)) == ("12.345", "12\xa0345")


def test_a_missing_catalog_is_named(tmp_path):
    with pytest.raises(FileNotFoundError) as error:
        load_translations(tmp_path, "fr")
    assert str(error.value) == "no message catalog for 'fr': messages.po is missing under translations/fr/"


def test_fuzzy_entries_are_left_out_as_pybabel_compile_does(tmp_path):
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "held"\nmsgstr "stattgefunden"\n\n#, fuzzy\nmsgid "planned"\nmsgstr "geplant?"\n\n'
        'msgctxt "meeting"\nmsgid "held"\nmsgstr "fand statt"\n', encoding="utf-8")
    l10n = Localizer("de", load_translations(tmp_path, "de"))
    assert (l10n.gettext("held"), l10n.gettext("planned")) == ("stattgefunden", "planned")
    assert l10n.pgettext("meeting", "held") == "fand statt"
    assert l10n.pgettext("seminar", "held") == "held"


@pytest.mark.parametrize("edtf, label", [
    ("2017-06-04/2017-06-09", "4.–9. kesäkuuta 2017"),
    ("2017-06-04/2017-07-09", f"4. kesäkuuta{THIN}–{THIN}9. heinäkuuta 2017"),
    ("2017-06-04/2018-07-09", f"4. kesäkuuta 2017{THIN}–{THIN}9. heinäkuuta 2018"),
])
def test_day_ranges_where_the_language_spells_the_month_out_already(edtf, label):
    # Finnish CLDR patterns have MMMM (full month) where German and Russian have MMM: kept, not made MMMMM.
    assert Localizer("fi", NullTranslations()).date(parse_edtf(edtf)) == label


def test_a_message_missing_from_the_catalog_stays_in_english_with_its_plural():
    ru = Localizer("ru", load_translations(REPO / "translations", "ru"))
    assert [ru.ngettext("%(num)s apple", "%(num)s apples", n) for n in (1, 2)] == ["%(num)s apple", "%(num)s apples"]
