"""EDTF dates keep their precision and render through Babel as the issue shows them."""

import datetime as dt

import pytest
from babel.support import NullTranslations

from partnerschaftsarchiv.i18n import Localizer, load_translations
from partnerschaftsarchiv.structure import EdtfError, Precision, parse_edtf
from conftest import REPO


@pytest.fixture(scope="module", params=["de", "ru"])
def l10n(request):
    return Localizer(request.param, load_translations(REPO / "translations", request.param))


NNBSP, THIN = "\u202f", "\u2009"  # CLDR's typography: "2017 г." never breaks; thin spaces around interval dashes
EXPECTED = {
    "2017-06-04/2017-06-09": ("4.–9. Juni 2017", f"4–9 июня 2017{NNBSP}г."),
    "2007-04": ("April 2007", f"апрель 2007{NNBSP}г."),
    "2017-23": ("Herbst 2017", f"осень 2017{NNBSP}г."),
    "1991-08-28": ("28. August 1991", f"28 августа 1991{NNBSP}г."),
    "2014/2016": ("2014–2016", f"2014–2016{NNBSP}гг."),
    "2017": ("2017", f"2017{NNBSP}г."),
    "2017-05-30/2017-06-09": (f"30. Mai{THIN}–{THIN}9. Juni 2017", f"30 мая – 9 июня 2017{NNBSP}г."),
    "2016-12-30/2017-01-02": (f"30. Dezember 2016{THIN}–{THIN}2. Januar 2017",
                              f"30 декабря 2016{NNBSP}г. – 2 января 2017{NNBSP}г."),
    "2017-06/2017-23": (f"Juni 2017{THIN}–{THIN}Herbst 2017", f"июнь 2017{NNBSP}г. – осень 2017{NNBSP}г."),
}


@pytest.mark.parametrize("edtf", EXPECTED)
def test_date_labels(l10n, edtf):
    assert l10n.date(parse_edtf(edtf)) == EXPECTED[edtf][("de", "ru").index(l10n.lang)]


def test_precision_and_interval_bounds():
    autumn = parse_edtf("2017-23")
    assert autumn.start.precision is Precision.SEASON
    assert (autumn.start.first_day, autumn.start.last_day) == (dt.date(2017, 9, 1), dt.date(2017, 11, 30))
    winter = parse_edtf("2017-24").start
    assert (winter.first_day, winter.last_day) == (dt.date(2017, 12, 1), dt.date(2018, 2, 28))
    assert parse_edtf("2016-02").start.last_day == dt.date(2016, 2, 29)
    assert parse_edtf("2014/2016").years == range(2014, 2017)


def test_sort_order_start_then_precision():
    dates = ["2017-23", "2017-06-04/2017-06-09", "2017", "2017-06", "2016/2018", "2017-06-04"]
    ordered = sorted(dates, key=lambda d: parse_edtf(d).sort_key)
    assert ordered == ["2016/2018", "2017", "2017-06", "2017-06-04", "2017-06-04/2017-06-09", "2017-23"]


@pytest.mark.parametrize("text, reason", [
    ("2017-02-30", "day 30 does not exist"),
    ("2017-13", "month 13 does not exist"),
    ("2017-06-09/2017-06-04", "before the start"),
    ("17-06", "is not a date"),
    ("2017/06/04", "more than one '/'"),
    ("2017-06-04/2017-06-04", "the same"),
])
def test_bad_dates_say_why(text, reason):
    with pytest.raises(EdtfError, match=reason):
        parse_edtf(text)


def test_time_element_value_keeps_precision():
    assert [parse_edtf(d).start.iso for d in ("2017-06-04", "2007-04", "2017-23", "2014")] == \
        ["2017-06-04", "2007-04", "2017", "2014"]


def test_russian_plural_forms_from_catalog():
    ru = Localizer("ru", load_translations(REPO / "translations", "ru"))
    de = Localizer("de", load_translations(REPO / "translations", "de"))
    forms = {n: ru.ngettext("%(num)s entry", "%(num)s entries", n) % {"num": n} for n in (0, 1, 2, 5, 11, 21, 22, 25)}
    assert forms == {0: "0 записей", 1: "1 запись", 2: "2 записи", 5: "5 записей", 11: "11 записей",
                     21: "21 запись", 22: "22 записи", 25: "25 записей"}
    assert de.ngettext("%(num)s entry", "%(num)s entries", 1) % {"num": 1} == "1 Eintrag"
    assert de.ngettext("%(num)s entry", "%(num)s entries", 2) % {"num": 2} == "2 Einträge"
    # Null translations would give English: the catalog really is in use.
    assert Localizer("ru", NullTranslations()).gettext("Seminars") == "Seminars" != ru.gettext("Seminars")
