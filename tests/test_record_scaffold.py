"""`python -m partnerschaftsarchiv new`: the id rule, a skeleton that validates, and refusals."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_build, run_validate
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.structure import RecordKind, parse_edtf
from partnerschaftsarchiv.workflow.record_id import derive_id


def filled(project: Path, relative: str) -> Path:
    """A skeleton as an editor finishes it: placeholder marks gone, a source cited (validate refuses neither)."""
    path = project / "data" / relative
    text = path.read_text(encoding="utf-8").replace('"PLATZHALTER: ', '"').replace('"ЗАПОЛНИТЬ: ', '"')
    path.write_text(text.replace("sources: []", "sources: [{source: paritaet-2017-06-08}]"), encoding="utf-8")
    return path


def new(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partnerschaftsarchiv", "new", *args, "--root", str(project)],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("date, place, slug, expected", [
    ("2017-23", "berlin", None, "2017-herbst-berlin"),
    ("2018-24", "moskau", None, "2018-winter-moskau"),
    ("2017-06-04/2017-06-09", "moskau", None, "2017-06-moskau"),
    ("2007-04", "berlin", None, "2007-04-berlin"),
    ("2017", "berlin", None, "2017-berlin"),
    ("2017-05-12", "berlin", "Arbeitstreffen", "2017-05-berlin-arbeitstreffen"),
    ("2014/2016", None, "Maßnahmeplan Soziales", "2014-2016-massnahmeplan-soziales"),
])
def test_id_is_derived_from_date_and_place(date, place, slug, expected):
    assert derive_id(parse_edtf(date), place, slug) == expected


@pytest.mark.parametrize("kind", [k.value for k in RecordKind])
def test_skeleton_of_every_kind_validates(project_copy, kind):
    result = new(project_copy, kind, "--date", "2019-03", "--place", "berlin", "--source", "paritaet-2017-06-08")
    assert result.returncode == 0, result.stderr
    path = filled(project_copy, f"{RecordKind(kind).folder}/2019-03-berlin.yml")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../src/partnerschaftsarchiv/schemas/{kind}.schema.json\n")
    validated = run_validate(project_copy)
    assert validated.returncode == 0, validated.stderr
    record = load_archive(project_copy / "data").archive.records["2019-03-berlin"]
    assert (record.kind.value, str(record.date), record.place) == (kind, "2019-03", "berlin")
    assert [c.source for c in record.sources] == ["paritaet-2017-06-08"]
    # Both languages, the first the original; the placeholders name only what the editor gave.
    assert record.translation.original == "de" and record.title.has("ru")
    assert "Berlin" in record.title.values["de"] and "Берлин" in record.title.values["ru"]


def test_skeleton_has_every_field_explained(project_copy):
    assert new(project_copy, "seminar", "--date", "2019-23", "--place", "berlin").returncode == 0
    lines = (project_copy / "data/seminars/2019-herbst-berlin.yml").read_text(encoding="utf-8").splitlines()
    schemas = REPO / "src/partnerschaftsarchiv/schemas"
    schema = json.loads((schemas / "seminar.schema.json").read_text(encoding="utf-8"))
    common = json.loads((schemas / "common.schema.json").read_text(encoding="utf-8"))
    for field in schema["properties"]:
        at = next(i for i, line in enumerate(lines) if line.startswith((f"{field}:", f"# {field}:")))
        block = []
        while lines[at - 1].startswith("# ") and not lines[at - 1].startswith("# yaml-language-server"):
            at -= 1
            block.insert(0, lines[at][2:])
        explained = " ".join(" ".join(block).split())
        prop = schema["properties"][field]
        description = prop.get("description") or common["definitions"][prop["$ref"].rsplit("/", 1)[1]]["description"]
        assert " ".join(description.split()) in explained, field
    # The skeleton as written: validate names each placeholder and the missing source, with line and field.
    refused = run_validate(project_copy)
    assert refused.returncode == 1
    errors = [line for line in refused.stderr.splitlines() if line.startswith("data/seminars/2019-herbst-berlin")]
    assert [line.split(": ", 2)[1] for line in errors] == ["title.de", "title.ru", "summary.de", "summary.ru",
                                                            "sources"]
    assert errors[0].endswith(": title.de: still the placeholder of `new`: write what the source says here")
    assert "title.ru: still the placeholder of `new`: write the translation here, or delete this line" in errors[1]
    assert ": sources: the record cites no source: every fact needs one; add `sources:` with `- source: <id>`" \
        in errors[4]
    filled(project_copy, "seminars/2019-herbst-berlin.yml")
    assert run_validate(project_copy).returncode == 0


def test_filled_skeleton_builds_and_its_page_shows_the_title(project_copy, tmp_path):
    assert new(project_copy, "meeting", "--date", "2019-03-05", "--place", "moskau", "--status", "held").returncode == 0
    filled(project_copy, "meetings/2019-03-moskau.yml")
    built = run_build(project_copy, tmp_path / "site")
    assert built.ok, built.output
    assert "Moskau, 5. März 2019" in built.page("de/meetings/2019-03-moskau.html")


def test_existing_id_is_refused_and_the_record_kept(project_copy):
    existing = project_copy / "data/seminars/2017-herbst-berlin.yml"
    before = existing.read_bytes()
    result = new(project_copy, "seminar", "--date", "2017-23", "--place", "berlin")
    assert result.returncode == 1
    assert "already taken by seminars/2017-herbst-berlin.yml" in result.stderr
    assert "--slug" in result.stderr
    assert existing.read_bytes() == before


def test_id_of_another_kind_is_refused(project_copy):
    # Record ids are shared by all kinds: a meeting may not take the id of a seminar.
    result = new(project_copy, "meeting", "--date", "2017-06-08", "--place", "moskau")
    assert result.returncode == 1
    assert "already taken by seminars/2017-06-moskau.yml" in result.stderr
    assert not (project_copy / "data/meetings/2017-06-moskau.yml").exists()
    with_slug = new(project_copy, "meeting", "--date", "2017-06-08", "--place", "moskau", "--slug", "empfang")
    assert with_slug.returncode == 0, with_slug.stderr
    assert (project_copy / "data/meetings/2017-06-moskau-empfang.yml").is_file()


def test_unknown_place_and_source_are_refused(project_copy):
    result = new(project_copy, "seminar", "--date", "2019", "--place", "berlim", "--source", "paritaet-2017")
    assert result.returncode == 1
    assert "unknown place 'berlim' (did you mean 'berlin'?)" in result.stderr
    assert "unknown source 'paritaet-2017'" in result.stderr
    assert not list((project_copy / "data/seminars").glob("2019-*"))


def test_invalid_date_and_missing_date_without_terminal(project_copy):
    wrong = new(project_copy, "seminar", "--date", "2019-13", "--place", "berlin")
    assert wrong.returncode == 2 and "month 13 does not exist" in wrong.stderr
    missing = new(project_copy, "seminar", "--place", "berlin")
    assert missing.returncode == 2 and "--date is required" in missing.stderr


def test_place_names_are_quoted_safely(project_copy):
    place = project_copy / "data/places/testort.yml"
    place.write_text('# yaml-language-server: $schema=../../src/partnerschaftsarchiv/schemas/place.schema.json\n'
                     'id: testort\nname: {de: "Ort: \\"A\\" # {B} | \'C\'", ru: "Место: «А» # Б"}\n'
                     'translation: {de: original, ru: reviewed}\nsources: [{source: paritaet-2017-06-08}]\n',
                     encoding="utf-8")
    assert new(project_copy, "seminar", "--date", "2019", "--place", "testort").returncode == 0
    filled(project_copy, "seminars/2019-testort.yml")
    assert run_validate(project_copy).returncode == 0
    record = load_archive(project_copy / "data").archive.records["2019-testort"]
    assert record.title.values["de"].startswith("Seminar – Ort: \"A\" # {B} | 'C', ")
    assert record.title.values["ru"].startswith("Семинар – Место: «А» # Б, ")


def test_asks_for_what_is_missing_in_a_terminal(project_copy):
    controller, terminal = pty.openpty()
    try:
        run = subprocess.Popen([sys.executable, "-m", "partnerschaftsarchiv", "new", "seminar", "--root",
                                str(project_copy)], stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
        os.close(terminal)
        # date (first wrong, then right), place, status (empty: the default), source
        os.write(controller, "2019-25\n2019-21\nberlin\n\nparitaet-2017-06-08\n".encode())
        out, err = run.communicate(timeout=120)
    finally:
        os.close(controller)
    assert run.returncode == 0, err
    filled(project_copy, "seminars/2019-fruehling-berlin.yml")
    assert "Date" in out and "Place" in out and "Source" in out
    assert "2019-25" in err  # the wrong date was explained, then asked again
    record = load_archive(project_copy / "data").archive.records["2019-fruehling-berlin"]
    assert record.status.value == "planned" and [c.source for c in record.sources] == ["paritaet-2017-06-08"]


def test_a_given_id_is_checked_like_a_derived_one(project_copy):
    bad = new(project_copy, "meeting", "--date", "2017-05-12", "--id", "2017_05_12")
    assert bad.returncode == 1 and "is not a valid id" in bad.stderr
    taken = new(project_copy, "meeting", "--date", "2017-05-12", "--id", "2017-05-12-berlin-arbeitstreffen")
    assert taken.returncode == 1 and "already taken by meetings/2017-05-12-berlin-arbeitstreffen.yml" in taken.stderr
    fresh = new(project_copy, "agreement", "--date", "2018", "--id", "2018-testvereinbarung")
    assert fresh.returncode == 0, fresh.stderr
    assert "id: 2018-testvereinbarung\n" in (project_copy / "data/agreements/2018-testvereinbarung.yml").read_text()
    filled(project_copy, "agreements/2018-testvereinbarung.yml")
    assert run_validate(project_copy).returncode == 0
