"""The calendar a reader imports: which properties each event carries, read back with `icalendar`. Fast (no build).

The exports are made in-process from real records plus one invented, cancelled meeting; expected values are the
fields a calendar client shows, written out by hand.
"""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from conftest import exports_of

MADE = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone.utc)
CANCELLED = """\
# Invented test record: a cancelled meeting.
id: 2019-03-testtreffen
kind: meeting
status: cancelled
date: 2019-03
place: moskau
title: {de: "Abgesagtes Testtreffen", ru: "Отменённая тестовая встреча"}
summary: {de: "Kurzfassung.", ru: "Краткое описание."}
translation: {de: original, ru: unreviewed}
topics: [inklusion, selbsthilfe]
sources:
  - source: seminare-soziales
"""


# Function scope: mutation testing runs each test alone, so each must make the exports itself.
@pytest.fixture
def calendars(tmp_path_factory):
    files = exports_of(tmp_path_factory.mktemp("calendar"), {"meetings/2019-03-testtreffen.yml": CANCELLED}, MADE)
    return {key: icalendar.Calendar.from_ical(made["data/events.ics"]) for key, made in files.items()}


def events(calendar) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_the_calendar_names_itself_and_its_language(calendars):
    de, ru = calendars["de", True], calendars["ru", True]
    assert (str(de["PRODID"]), str(ru["PRODID"])) == ("-//Partnerschaftsarchiv Berlin-Moskau//DE",
                                                      "-//Partnerschaftsarchiv Berlin-Moskau//RU")
    assert (str(de["VERSION"]), str(de["CALSCALE"])) == ("2.0", "GREGORIAN")
    assert str(de["X-WR-CALNAME"]) == "Seminare und Treffen – Partnerschaftsarchiv Berlin–Moskau"
    assert str(ru["X-WR-CALNAME"]) == "Семинары и встречи – Архив партнёрства Берлин – Москва"


def test_only_seminars_and_meetings_are_events(calendars):
    assert sorted(events(calendars["de", True])) == sorted([
        "Erstes Sozialseminar – „Integration schwerbehinderter Menschen in den Arbeitsmarkt“",
        "Sozialseminare 2012–2013",
        "18. Sozialseminar in Moskau",
        "Zweites Sozialseminar 2017 in Berlin",
        "Fachgespräch der Seminarteilnehmer bei der Botschaft der RF",
        "„Runder Tisch“ zur Städteverbindung Berlin–Moskau",
        "Arbeitstreffen zur Vorbereitung des 18. Sozialseminars",
        "Abgesagtes Testtreffen",
    ])


@pytest.mark.parametrize("lang, summary, location, category, start, end, status, url", [
    ("de", "18. Sozialseminar in Moskau", "Moskau", "Seminar", dt.date(2017, 6, 4), dt.date(2017, 6, 10),
     "CONFIRMED", "https://example.org/archiv/de/seminars/2017-06-moskau.html"),
    ("ru", "18-й социальный семинар в Москве", "Москва", "Семинар", dt.date(2017, 6, 4), dt.date(2017, 6, 10),
     "CONFIRMED", "https://example.org/archiv/ru/seminars/2017-06-moskau.html"),
    ("de", "Zweites Sozialseminar 2017 in Berlin", "Berlin", "Seminar", dt.date(2017, 9, 1), dt.date(2017, 12, 1),
     "TENTATIVE", "https://example.org/archiv/de/seminars/2017-herbst-berlin.html"),
    ("de", "Arbeitstreffen zur Vorbereitung des 18. Sozialseminars",
     "Geschäftsstelle Bezirke des Paritätischen Wohlfahrtsverbandes, Berlin", "Treffen", dt.date(2017, 5, 12),
     dt.date(2017, 5, 13), "CONFIRMED", "https://example.org/archiv/de/meetings/2017-05-12-berlin-arbeitstreffen.html"),
    ("de", "Abgesagtes Testtreffen", "Moskau", "Treffen", dt.date(2019, 3, 1), dt.date(2019, 4, 1), "CANCELLED",
     "https://example.org/archiv/de/meetings/2019-03-testtreffen.html"),
    ("ru", "Отменённая тестовая встреча", "Москва", "Встреча", dt.date(2019, 3, 1), dt.date(2019, 4, 1), "CANCELLED",
     "https://example.org/archiv/ru/meetings/2019-03-testtreffen.html"),
])
def test_event_properties(calendars, lang, summary, location, category, start, end, status, url):
    event = events(calendars[lang, True])[summary]
    assert event["SUMMARY"].params["LANGUAGE"] == lang
    assert event["DESCRIPTION"].params["LANGUAGE"] == lang
    assert str(event["LOCATION"]) == location
    assert [str(c) for c in event["CATEGORIES"].cats] == [category]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (start, end)  # all-day, the end exclusive
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert str(event["STATUS"]) == status
    assert str(event["URL"]) == url
    assert event["DTSTAMP"].dt == MADE


def test_the_description_starts_with_the_date_as_the_record_gives_it(calendars):
    de = events(calendars["de", True])
    assert str(de["Zweites Sozialseminar 2017 in Berlin"]["DESCRIPTION"]).startswith("Herbst 2017\n\n")
    assert str(de["18. Sozialseminar in Moskau"]["DESCRIPTION"]).startswith("4.–9. Juni 2017\n\nDas erste der beiden")


def test_without_a_site_address_events_have_no_url(calendars):
    assert all("URL" not in e for e in calendars["de", False].walk("VEVENT"))


def test_uids_are_stable_and_unique(calendars):
    for lang in ("de", "ru"):
        uids = [str(e["UID"]) for e in calendars[lang, True].walk("VEVENT")]
        assert len(set(uids)) == len(uids) == 8
        assert uids == [str(e["UID"]) for e in calendars[lang, False].walk("VEVENT")]


def test_an_event_keeps_its_uid_from_build_to_build(calendars):
    # A calendar that subscribed knows the event by this UID: it must never change.
    for lang in ("de", "ru"):
        moscow = next(e for e in calendars[lang, True].walk("VEVENT") if str(e["URL"]).endswith("/2017-06-moskau.html"))
        assert str(moscow["UID"]) == "a790f4c6-e495-59c0-a332-e723d781a28f"


def test_an_event_without_a_place_has_no_location(calendars):
    series = events(calendars["ru", True])["Социальные семинары 2012–2013 гг."]
    assert "LOCATION" not in series
    assert (series["DTSTART"].dt, series["DTEND"].dt) == (dt.date(2012, 1, 1), dt.date(2014, 1, 1))
