"""Issue 4, open data: every export of the real build parsed back with a real parser and compared with the records
(JSON against the record schema, CSV, iCalendar with the `icalendar` parser, the Atom feed as XML), and the Data
page that links them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from pathlib import Path
from xml.etree import ElementTree as ET

import icalendar
import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from partnerschaftsarchiv.loading.schema import schema_path
from partnerschaftsarchiv.loading.yaml_source import read_yaml

ATOM = "{http://www.w3.org/2005/Atom}"
LANGS = ("de", "ru")
RECORD_FOLDERS = {"seminars": "seminar", "agreements": "agreement", "projects": "project", "meetings": "meeting"}
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:partnerschaftsarchiv:record")


def _records(project: Path) -> dict[str, dict]:
    """The records as the project's own YAML reader sees them, by id."""
    found = {}
    for folder in RECORD_FOLDERS:
        for path in sorted((project / "data" / folder).glob("*.yml")):
            found[path.stem] = read_yaml(path.read_bytes(), path.name).data
    return found


def _validator(kind: str) -> Draft7Validator:
    load = lambda name: json.loads(schema_path(name).read_text(encoding="utf-8"))  # noqa: E731
    registry = Registry().with_resource("common.schema.json", Resource(load("common"), DRAFT7))
    return Draft7Validator(load(kind), registry=registry)


@pytest.fixture(scope="module")
def records(real_site) -> dict[str, dict]:
    return _records(real_site.project)


@pytest.fixture(scope="module", params=LANGS)
def lang(request) -> str:
    return request.param


def _json(site: Path, lang: str) -> dict:
    return json.loads((site / lang / "data" / "records.json").read_text(encoding="utf-8"))


def test_json_holds_every_record_as_the_schema_describes_it(real_site, records, lang):
    document = _json(real_site.site, lang)
    assert document["language"] == lang and document["licence"] is None and document["licence_note"]
    exported = {item["id"]: item for item in document["records"]}
    assert set(exported) == set(records)
    for record_id, item in exported.items():
        data = item["record"]
        errors = list(_validator(data["kind"]).iter_errors(data))
        assert not errors, (record_id, [e.message for e in errors])
        assert data == records[record_id]
        original = next(code for code, status in data["translation"].items() if status == "original")
        shown = lang if lang in data["title"] else original  # a missing translation falls back to the original
        assert (item["title"], item["title_language"]) == (data["title"][shown], shown)
        assert (real_site.site / lang / item["page"]).is_file()
        assert item["url"] is None  # this build has no site address
    first_days = [item["first_day"] for item in document["records"]]
    assert first_days == sorted(first_days)  # in date order


def test_csv_has_one_row_per_record(real_site, records, lang):
    raw = (real_site.site / lang / "data" / "records.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert {row["id"] for row in rows} == set(records) and len(rows) == len(records)
    by_id = {item["id"]: item for item in _json(real_site.site, lang)["records"]}
    for row in rows:
        record = records[row["id"]]
        assert (row["kind"], row["date"], row["status"]) == (record["kind"], record["date"], record.get("status", ""))
        assert (row["title"], row["summary"], row["date_label"]) == (
            by_id[row["id"]]["title"], by_id[row["id"]]["summary"], by_id[row["id"]]["date_label"])
    moskau = next(row for row in rows if row["id"] == "2017-06-moskau")
    assert (moskau["first_day"], moskau["last_day"]) == ("2017-06-04", "2017-06-09")
    assert moskau["date_label"] == {"de": "4.–9. Juni 2017", "ru": "4–9 июня 2017\u202fг."}[lang]


def test_calendar_is_rfc_5545_with_seminars_and_meetings(real_site, records, lang):
    calendar = icalendar.Calendar.from_ical((real_site.site / lang / "data" / "events.ics").read_bytes())
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"]).startswith("-//")
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    wanted = {rid for rid, data in records.items() if data["kind"] in ("seminar", "meeting")}
    assert set(events) == {str(uuid.uuid5(UID_NAMESPACE, rid)) for rid in wanted}
    for record_id in wanted:
        event = events[str(uuid.uuid5(UID_NAMESPACE, record_id))]
        assert isinstance(event["DTSTAMP"].dt, dt.datetime)
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is dt.date and type(end) is dt.date and start < end  # all-day, end exclusive
    seminar = events[str(uuid.uuid5(UID_NAMESPACE, "2017-06-moskau"))]
    assert (seminar["DTSTART"].dt, seminar["DTEND"].dt) == (dt.date(2017, 6, 4), dt.date(2017, 6, 10))
    assert str(seminar["SUMMARY"]) == records["2017-06-moskau"]["title"][lang]
    assert str(seminar["STATUS"]) == "CONFIRMED"
    month = events[str(uuid.uuid5(UID_NAMESPACE, "2013-09-botschaft-fachgespraech"))]
    assert (month["DTSTART"].dt, month["DTEND"].dt) == (dt.date(2013, 9, 1), dt.date(2013, 10, 1))
    assert str(month["DESCRIPTION"]).startswith({"de": "September 2013", "ru": "сентябрь 2013\u202fг."}[lang])
    planned = events[str(uuid.uuid5(UID_NAMESPACE, "2017-herbst-berlin"))]
    assert str(planned["STATUS"]) == "TENTATIVE"
    assert (planned["DTSTART"].dt, planned["DTEND"].dt) == (dt.date(2017, 9, 1), dt.date(2017, 12, 1))


def test_the_calendars_of_both_languages_describe_the_same_events(real_site):
    uids = [{str(e["UID"]) for e in icalendar.Calendar.from_ical(
        (real_site.site / lang / "data" / "events.ics").read_bytes()).walk("VEVENT")} for lang in LANGS]
    assert uids[0] == uids[1]


def test_atom_feed_lists_every_record(real_site, records, lang):
    root = ET.parse(real_site.site / lang / "data" / "feed.atom").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}id").text.startswith("urn:uuid:")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(records) == len({e.find(f"{ATOM}id").text for e in entries})
    by_title = {item["title"]: item for item in _json(real_site.site, lang)["records"]}
    feed_dir = real_site.site / lang / "data"
    for entry in entries:
        item = by_title[entry.find(f"{ATOM}title").text]
        # The event's date as the source gives it, in the text; `updated` is when the entry changed (the build).
        assert entry.find(f"{ATOM}summary").text == f"{item['date_label']} ({item['record']['date']}): {item['summary']}"
        href = entry.find(f"{ATOM}link").get("href")
        assert (feed_dir / href).resolve() == (real_site.site / lang / item["page"]).resolve()
    assert {e.find(f"{ATOM}updated").text for e in entries} == {root.find(f"{ATOM}updated").text}
    autumn = next(e for e in entries if e.find(f"{ATOM}title").text == by_title_of(records, "2017-herbst-berlin", lang))
    assert autumn.find(f"{ATOM}summary").text.startswith({"de": "Herbst 2017 (2017-23): ", "ru": "осень 2017\u202fг. (2017-23): "}[lang])


def by_title_of(records, record_id: str, lang: str) -> str:
    return records[record_id]["title"][lang]


def test_data_page_links_every_export_and_states_the_licence(real_site, lang):
    page = real_site.page(f"{lang}/data.html")
    for name in ("records.json", "records.csv", "events.ics", "feed.atom"):
        assert f'href="data/{name}"' in page
    assert 'href="../partnerschaftsarchiv.zip"' in page
    title, licence = {"de": ('<h1 id="page-title">Daten</h1>', "Lizenz"), "ru": ('<h1 id="page-title">Данные</h1>', "Лицензия")}[lang]
    assert title in page and f'id="licence">{licence}</h2>' in page
    assert {"de": "noch nicht entschieden", "ru": "ещё не определена"}[lang] in page
    assert 'href="data.html"' in real_site.page(f"{lang}/index.html")
