"""The open data as a reuser reads it: JSON and CSV fields of one record, the build time. Fast (no build).

Made in-process from the real records plus one invented record that has every optional field; expected values are
written out by hand.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from partnerschaftsarchiv.exports.clock import build_time
from conftest import exports_of

MADE = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone.utc)
FULL = """\
# Invented test record with every optional field.
id: 2019-04-testseminar
kind: seminar
number: 99
status: planned
date: 2019-04/2019-06
place: berlin
title: {de: "Testseminar", ru: "Тестовый семинар"}
summary: {de: "Kurz.", ru: "Кратко."}
body: {de: "Text."}
translation: {de: original, ru: reviewed}
topics: [inklusion, selbsthilfe]
organizations:
  - {id: lageso, role: coordinator}
people:
  - id: elke-breitenbach
    role: leader
    function: {de: "Senatorin", ru: "сенатор"}
relations:
  - {type: continues, record: 2017-06-moskau}
sources:
  - source: seminare-soziales
    note: {de: "Abschnitt 2", ru: "раздел 2"}
"""
# Invented test agreement without status or number: the venue only under `places`, beside a visited place and a
# second venue; a review; a person without function, a source without note; texts that a spreadsheet would run.
SPARSE = """\
id: 2018-testvereinbarung
kind: agreement
date: "2018"
places:
  - {id: moskau, role: venue}
  - {id: berlin, role: visited}
  - {id: botschaft-rf, role: venue}
title: {de: "=Testvereinbarung", ru: "Тестовое соглашение"}
summary: {de: "+Kurz.", ru: "-Кратко."}
translation: {de: original, ru: reviewed}
review: {ru: {by: "Test Person", date: 2026-11-30}}
topics: [inklusion]
organizations:
  - {id: lageso, role: party}
  - {id: dszn-moskau, role: party}
people:
  - {id: elke-breitenbach, role: endorser}
relations:
  - {type: rests_on, record: 2017-memorandum}
sources:
  - source: seminare-soziales
"""


# Function scope: mutation testing runs each test alone, so each must make the exports itself.
@pytest.fixture
def exports(tmp_path_factory):
    return exports_of(tmp_path_factory.mktemp("exports"), {"seminars/2019-04-testseminar.yml": FULL,
                                                           "agreements/2018-testvereinbarung.yml": SPARSE}, MADE)


def test_every_language_publishes_the_four_files(exports):
    assert sorted(exports["de", True]) == ["data/events.ics", "data/feed.atom", "data/records.csv",
                                           "data/records.json"]


def test_json_document_and_one_record(exports):
    document = json.loads(exports["ru", True]["data/records.json"])
    assert (document["title"], document["language"], document["generated"], document["licence"]) == (
        "Архив партнёрства Берлин – Москва", "ru", "2026-11-30T12:00:00Z", None)
    entry = next(r for r in document["records"] if r["id"] == "2019-04-testseminar")
    assert {k: v for k, v in entry.items() if k != "record"} == {
        "id": "2019-04-testseminar",
        "page": "seminars/2019-04-testseminar.html",
        "url": "https://example.org/archiv/ru/seminars/2019-04-testseminar.html",
        "title": "Тестовый семинар",
        "title_language": "ru",
        "summary": "Кратко.",
        "summary_language": "ru",
        "kind_label": "Семинар",
        "status_label": "запланирован",
        "date_label": "апрель – июнь 2019\u202fг.",
        "first_day": "2019-04-01",
        "last_day": "2019-06-30",
        "place_name": "Берлин",
    }
    assert entry["record"] == {
        "id": "2019-04-testseminar", "kind": "seminar", "number": 99, "status": "planned", "date": "2019-04/2019-06",
        "place": "berlin", "title": {"de": "Testseminar", "ru": "Тестовый семинар"},
        "summary": {"de": "Kurz.", "ru": "Кратко."}, "body": {"de": "Text."}, "translation": {"de": "original", "ru": "reviewed"},
        "topics": ["inklusion", "selbsthilfe"], "organizations": [{"id": "lageso", "role": "coordinator"}],
        "people": [{"id": "elke-breitenbach", "role": "leader", "function": {"de": "Senatorin", "ru": "сенатор"}}],
        "relations": [{"type": "continues", "record": "2017-06-moskau"}],
        "sources": [{"source": "seminare-soziales", "note": {"de": "Abschnitt 2", "ru": "раздел 2"}}],
    }


def test_json_leaves_out_what_a_record_does_not_have(exports):
    document = json.loads(exports["de", False]["data/records.json"])
    memorandum = next(r for r in document["records"] if r["id"] == "2017-memorandum")
    assert memorandum["url"] is None and memorandum["status_label"] is None
    assert sorted(memorandum["record"]) == ["body", "date", "id", "kind", "organizations", "sources", "summary",
                                            "title", "topics", "translation"]
    assert memorandum["place_name"] is None


def test_csv_row(exports):
    raw = exports["de", True]["data/records.csv"]
    assert raw.startswith("\ufeff".encode("utf-8"))
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["id", "kind", "kind_label", "status", "status_label", "date", "date_label", "first_day",
                             "last_day", "title", "title_language", "summary", "place", "place_name", "topics",
                             "organizations", "page", "url"]
    row = next(r for r in rows if r["id"] == "2019-04-testseminar")
    assert row == {
        "id": "2019-04-testseminar", "kind": "seminar", "kind_label": "Seminar", "status": "planned",
        "status_label": "geplant", "date": "2019-04/2019-06", "date_label": "April–Juni 2019",
        "first_day": "2019-04-01", "last_day": "2019-06-30", "title": "Testseminar", "title_language": "de",
        "summary": "Kurz.", "place": "berlin", "place_name": "Berlin",
        "topics": "Inklusion; Selbsthilfe", "organizations": "Landesamt für Gesundheit und Soziales",
        "page": "seminars/2019-04-testseminar.html",
        "url": "https://example.org/archiv/de/seminars/2019-04-testseminar.html",
    }


def test_json_record_without_status_with_places_review_and_bare_entries(exports):
    document = json.loads(exports["de", False]["data/records.json"])
    entry = next(r for r in document["records"] if r["id"] == "2018-testvereinbarung")
    assert (entry["url"], entry["status_label"], entry["place_name"]) == (None, None, "Moskau")
    # The first venue is the record's `place`; `places` keeps every other place, a second venue too.
    assert entry["record"] == {
        "id": "2018-testvereinbarung", "kind": "agreement", "date": "2018", "place": "moskau",
        "places": [{"id": "berlin", "role": "visited"}, {"id": "botschaft-rf", "role": "venue"}],
        "title": {"de": "=Testvereinbarung", "ru": "Тестовое соглашение"},
        "summary": {"de": "+Kurz.", "ru": "-Кратко."}, "translation": {"de": "original", "ru": "reviewed"},
        "review": {"ru": {"by": "Test Person", "date": "2026-11-30"}}, "topics": ["inklusion"],
        "organizations": [{"id": "lageso", "role": "party"}, {"id": "dszn-moskau", "role": "party"}],
        "people": [{"id": "elke-breitenbach", "role": "endorser"}],
        "relations": [{"type": "rests_on", "record": "2017-memorandum"}],
        "sources": [{"source": "seminare-soziales"}],
    }


@pytest.mark.parametrize("lang, note", [
    ("de", "Unter welcher Lizenz diese Daten weiterverwendet werden dürfen, ist noch nicht entschieden; die "
           "Verantwortlichen des Projekts werden es hier angeben."),
    ("ru", "Лицензия, на условиях которой эти данные можно использовать повторно, ещё не определена; ответственные "
           "за проект укажут её здесь."),
])
def test_json_says_that_no_licence_is_decided(exports, lang, note):
    document = json.loads(exports[lang, True]["data/records.json"])
    assert (document["licence"], document["licence_note"]) == (None, note)


def test_json_file_is_readable_utf8_text(exports):
    # Letters as they are (no \u escapes), indented by two, ending with a line end: a reader can open it as text.
    raw = exports["de", False]["data/records.json"]
    assert raw.startswith('{\n  "title": "Partnerschaftsarchiv Berlin–Moskau",\n  "language": "de",\n'.encode("utf-8"))
    assert raw.endswith(b"\n    }\n  ]\n}\n")


def csv_rows(raw: bytes) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))}


def test_csv_row_of_a_record_without_status_and_place(exports):
    row = csv_rows(exports["ru", True]["data/records.csv"])["2017-memorandum"]
    assert row == {
        "id": "2017-memorandum", "kind": "agreement", "kind_label": "Соглашение", "status": "", "status_label": "",
        "date": "2017", "date_label": "2017\u202fг.", "first_day": "2017-01-01", "last_day": "2017-12-31",
        "title": "«Меморандум» глав городов Берлина и Москвы", "title_language": "ru",
        "summary": "В 2017 г. правящий бургомистр Берлина и мэр Москвы договорились о так называемом «Меморандуме», "
                   "призванном активизировать сотрудничество двух городов.",
        "place": "", "place_name": "",
        "topics": "Партнёрство городов Берлин — Москва; Транспорт; Охрана окружающей среды в городе; "
                  "Энергоэффективная модернизация; Молодёжный обмен; Исследовательские проекты; "
                  "Интеграция людей с инвалидностью; Доступная среда",
        "organizations": "Правящий бургомистр Берлина; Мэр Москвы",
        "page": "agreements/2017-memorandum.html",
        "url": "https://example.org/archiv/ru/agreements/2017-memorandum.html",
    }


@pytest.mark.parametrize("lang, title, summary, place_name, organizations", [
    ("de", "'=Testvereinbarung", "'+Kurz.", "Moskau",
     "Landesamt für Gesundheit und Soziales; Departement für soziale Sicherheit der Bevölkerung der Stadt Moskau"),
    ("ru", "Тестовое соглашение", "'-Кратко.", "Москва",
     "Земельное управление по вопросам здравоохранения и социальной сферы; "
     "Департамент социальной защиты населения города Москвы"),
])
def test_csv_cells_that_would_start_a_formula_start_with_an_apostrophe(exports, lang, title, summary, place_name,
                                                                        organizations):
    row = csv_rows(exports[lang, False]["data/records.csv"])["2018-testvereinbarung"]
    assert (row["title"], row["summary"], row["place"], row["place_name"]) == (title, summary, "moskau", place_name)
    assert (row["organizations"], row["status"], row["url"]) == (organizations, "", "")


def test_csv_has_one_row_per_record_in_date_order(exports):
    rows = list(csv_rows(exports["de", False]["data/records.csv"]))
    assert len(rows) == 19
    assert rows[:3] == ["1991-08-28-freundschaftsabkommen", "2006-06-kooperationsvereinbarung-soziales",
                        "2007-04-berlin"]
    assert rows[-3:] == ["2017-herbst-berlin", "2018-testvereinbarung", "2019-04-testseminar"]


def test_build_time_from_source_date_epoch():
    assert build_time("1496275200") == dt.datetime(2017, 6, 1, 0, 0, tzinfo=dt.timezone.utc)
    now = build_time(None)
    assert now.tzinfo == dt.timezone.utc and now.microsecond == 0
    assert abs((dt.datetime.now(dt.timezone.utc) - now).total_seconds()) < 60
