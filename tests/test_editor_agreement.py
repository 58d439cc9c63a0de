"""The editor's checks agree with `validate`: the same date pattern and message, YAML 1.1 (unquoted no/yes are
booleans), and every role and status the code knows, each explained in German and Russian."""

from __future__ import annotations

import json
import re
import pytest
import yaml

from conftest import REPO
from partnerschaftsarchiv.loading.schema import validate_document
from partnerschaftsarchiv.loading.yaml_source import read_yaml
from partnerschaftsarchiv.structure import EventStatus, PlaceRole, Role, parse_edtf

SCHEMAS = REPO / "src/partnerschaftsarchiv/schemas"
COMMON = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))["definitions"]
CYRILLIC = re.compile("[а-яё]", re.I)


def test_the_editor_reads_yaml_1_1():
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    # YAML 1.1 is what validate reads: the editor then flags an unquoted `no` in a text field, as validate does.
    assert settings["yaml.yamlVersion"] == "1.1"


@pytest.mark.parametrize("date", ["24.09.2018", "2018/09/24", "2017-06-04/..", "2017/2018/2019", "2017-6-4", "17-06"])
def test_dates_the_editor_underlines_are_refused_by_validate_with_the_same_words(date):
    pattern = re.compile(COMMON["edtf"]["pattern"])
    assert not pattern.search(date)
    doc = read_yaml(f'id: testquelle\ntitle: "T"\nlanguage: de\ndate: "{date}"\ntranslation: {{de: original}}\n'
                    .encode(), "data/sources/testquelle.yml")
    assert [str(p) for p in validate_document(doc, "source")] == [
        f"data/sources/testquelle.yml:4: date: '{date}': {COMMON['edtf']['x-message']}"]


def test_every_date_the_archive_holds_fits_the_pattern():
    pattern = re.compile(COMMON["edtf"]["pattern"])
    documents = [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # every value as text
                 for path in (REPO / "data").rglob("*.yml")]
    dates = [document["date"] for document in documents if "date" in document]
    assert len(dates) > 15
    for date in dates + ["2017-23", "2014/2016", "2017-06-04/2017-06-09", "1991-08-28", "2007-04"]:
        assert pattern.search(date), date
        parse_edtf(date)


@pytest.mark.parametrize("definition, values", [
    ("role", [role.value for role in Role]),
    ("placeRole", [role.value for role in PlaceRole]),
    ("translationStatus", ["original", "reviewed", "unreviewed"]),
])
def test_enums_match_the_code_and_explain_each_value_in_both_languages(definition, values):
    schema = COMMON[definition]
    assert schema["enum"] == values
    assert len(schema["enumDescriptions"]) == len(values)
    for text in schema["enumDescriptions"]:
        german, russian = text.split(" / ")
        assert german and CYRILLIC.search(russian) and not CYRILLIC.search(german)


@pytest.mark.parametrize("kind, values", [
    ("seminar", ["planned", "held", "cancelled"]), ("meeting", ["planned", "held", "cancelled"]),
    ("agreement", ["signed", "in_force", "superseded"]), ("project", ["planned", "running", "completed"]),
])
def test_statuses_per_kind_are_explained_in_both_languages(kind, values):
    status = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))["properties"]["status"]
    assert status["enum"] == values and set(values) <= {s.value for s in EventStatus}
    assert len(status["enumDescriptions"]) == len(values)
    assert all(CYRILLIC.search(text.split(" / ")[1]) for text in status["enumDescriptions"])


def test_records_can_name_several_places_and_a_review_in_every_schema():
    for kind in ("seminar", "agreement", "project", "meeting"):
        properties = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))["properties"]
        assert properties["places"] == {"$ref": "common.schema.json#/definitions/places"}
    for path in SCHEMAS.glob("*.schema.json"):
        if path.name != "common.schema.json":
            properties = json.loads(path.read_text(encoding="utf-8"))["properties"]
            assert properties["review"] == {"$ref": "common.schema.json#/definitions/review"}, path.name
