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


# Function scope: mutation testing runs each test alone, so each must make the exports itself.
@pytest.fixture
def exports(tmp_path_factory):
    return exports_of(tmp_path_factory.mktemp("exports"), {"seminars/2019-04-testseminar.yml": FULL}, MADE)


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


def test_build_time_from_source_date_epoch():
    assert build_time("1496275200") == dt.datetime(2017, 6, 1, 0, 0, tzinfo=dt.timezone.utc)
    now = build_time(None)
    assert now.tzinfo == dt.timezone.utc and now.microsecond == 0
    assert abs((dt.datetime.now(dt.timezone.utc) - now).total_seconds()) < 60
