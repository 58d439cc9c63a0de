"""Provenance checks of `validate`: sources required, placeholders refused, unnamed entries and uncited sources
warned about, reviews with who and when, places with roles. Real `validate` runs on fixture records."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_project, run_validate
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.structure import PlaceRole

SCHEMA = "# yaml-language-server: $schema=../../src/partnerschaftsarchiv/schemas/{}.schema.json\n"


def meeting(sources: str = "sources: [{source: paritaet-2017-06-08}]", extra: str = "",
            translation: str = "translation: {de: original, ru: unreviewed}") -> str:
    return (SCHEMA.format("meeting") + "id: 2019-03-testtreffen\nkind: meeting\nstatus: held\ndate: 2019-03\n"
            'title: {de: "Testtreffen", ru: "Тестовая встреча"}\n'
            'summary: {de: "Ein Treffen zum Testen.", ru: "Встреча для проверки."}\n'
            f"{translation}\n{extra}{sources}\n")


def write(project: Path, relative: str, text: str) -> None:
    (project / "data" / relative).write_text(text, encoding="utf-8")


def problems(project: Path, name: str) -> list[str]:
    run = run_validate(project)
    return [line for line in (run.stderr + run.stdout).splitlines() if name in line]


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def test_the_shipped_records_are_valid_with_warnings_only(project):
    run = run_validate(project)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("OK: ") and run.stdout.rstrip().endswith(".")
    # Everything reported besides OK is a warning or a translation still to do, never an error.
    for line in run.stderr.splitlines():
        assert ": warning: " in line or ": translation: " in line, line


def test_a_record_citing_no_source_is_refused(project):
    write(project, "meetings/2019-03-testtreffen.yml", meeting("sources: []"))
    assert problems(project, "testtreffen") == [
        "data/meetings/2019-03-testtreffen.yml:9: sources: the record cites no source: every fact needs one; add "
        "`sources:` with `- source: <id>`, the file name of the document under data/sources/ that states it (add the "
        "source there first if it is new)"]
    write(project, "meetings/2019-03-testtreffen.yml", meeting(""))
    assert problems(project, "testtreffen") == [
        "data/meetings/2019-03-testtreffen.yml:2: sources: missing required field"]
    write(project, "meetings/2019-03-testtreffen.yml", meeting())
    assert run_validate(project).returncode == 0


def test_a_placeholder_left_anywhere_is_refused(project):
    text = meeting().replace('"Testtreffen"', '"PLATZHALTER: Treffen – Berlin, März 2019"')
    text = text.replace("sources: [{source: paritaet-2017-06-08}]",
                        'people:\n  - id: julia-gubina\n    role: participant\n    function: {de: "…", ru: "…"}\n'
                        "sources: [{source: paritaet-2017-06-08}]")
    write(project, "meetings/2019-03-testtreffen.yml", text)
    assert problems(project, "testtreffen") == [
        "data/meetings/2019-03-testtreffen.yml:6: title.de: still the placeholder of `new`: write what the source "
        "says here",
        "data/meetings/2019-03-testtreffen.yml:12: people[0].function.de: still the placeholder of `new`: write what "
        "the source says here",
        "data/meetings/2019-03-testtreffen.yml:12: people[0].function.ru: still the placeholder of `new`: write the "
        "translation here, or delete this line until there is one (the page then shows the original text, marked "
        "as such)"]


def test_unnamed_registry_entries_and_uncited_sources_are_warnings(project):
    write(project, "topics/testthema.yml", SCHEMA.format("topic") + 'id: testthema\nname: {de: "Testthema"}\n'
          "translation: {de: original}\nsources: [{source: paritaet-2017-06-08}]\n")
    write(project, "sources/testquelle.yml", SCHEMA.format("source") + 'id: testquelle\ntitle: "Testquelle"\n'
          "language: de\ntranslation: {de: original}\n")
    write(project, "places/testort.yml", SCHEMA.format("place") + 'id: testort\nname: {de: "Testort"}\n'
          "translation: {de: original}\n")
    run = run_validate(project)
    assert run.returncode == 0
    lines = run.stderr.splitlines()
    assert "data/topics/testthema.yml:2: id: warning: nothing names this topic, so its page lists nothing: name it " \
           "in a record's `topics:`, or delete the file" in lines
    assert "data/sources/testquelle.yml:2: id: warning: no record or registry entry cites this source: cite it " \
           "under `sources:` where it states a fact, or delete the file" in lines
    assert ("data/places/testort.yml:1: sources: warning: the place entry cites no source: every fact needs one; "
            "add `sources:` with `- source: <id>`, the file name of the document under data/sources/ that states it "
            "(add the source there first if it is new)") in lines
    assert "data/places/testort.yml:2: id: warning: nothing names this place, so its page lists nothing: name it " \
           "in a record's `place: or places:`, or delete the file" in lines
    # Naming it in a record's places: is enough.
    write(project, "meetings/2019-03-testtreffen.yml", meeting(extra="places: [{id: testort, role: visited}]\n"))
    assert not [line for line in run_validate(project).stderr.splitlines() if "testort.yml:2" in line]


def test_places_with_roles(project):
    write(project, "meetings/2019-03-testtreffen.yml",
          meeting(extra="place: berlin\nplaces:\n  - {id: geschaeftsstelle-bezirke-paritaet, role: visited}\n"
                        "  - {id: moskau, role: venue}\n"))
    record = load_archive(project / "data").archive.records["2019-03-testtreffen"]
    assert record.place == "berlin"  # the venue, as before
    assert [(m.id, m.role) for m in record.places] == [
        ("berlin", PlaceRole.VENUE), ("geschaeftsstelle-bezirke-paritaet", PlaceRole.VISITED),
        ("moskau", PlaceRole.VENUE)]
    assert record.places_as(PlaceRole.VISITED) == ("geschaeftsstelle-bezirke-paritaet",)
    write(project, "meetings/2019-03-testtreffen.yml",
          meeting(extra="places: [{id: moskva, role: visited}, {id: berlin, role: seen}]\n"))
    assert problems(project, "testtreffen") == [
        "data/meetings/2019-03-testtreffen.yml:9: places[0].id: unknown place 'moskva' (did you mean 'moskau'?): the "
        "places are the file names under data/places/",
        "data/meetings/2019-03-testtreffen.yml:9: places[1].role: 'seen' is not allowed here; use one of: venue, "
        "visited"]
    # Only places: a venue there is the record's place.
    write(project, "meetings/2019-03-testtreffen.yml", meeting(extra="places: [{id: moskau, role: venue}]\n"))
    assert load_archive(project / "data").archive.records["2019-03-testtreffen"].place == "moskau"


def test_a_review_says_who_and_when(project):
    reviewed = "translation: {de: original, ru: reviewed}"
    write(project, "meetings/2019-03-testtreffen.yml",
          meeting(translation=reviewed, extra='review: {ru: {by: "Anna Beispiel", date: 2026-11-30}}\n'))
    run = run_validate(project)
    assert run.returncode == 0, run.stderr
    review = load_archive(project / "data").archive.records["2019-03-testtreffen"].translation.reviews["ru"]
    assert (review.by, review.date) == ("Anna Beispiel", "2026-11-30")
    write(project, "meetings/2019-03-testtreffen.yml",
          meeting(extra='review: {ru: {by: "Anna Beispiel", date: 2026-02-30}, de: {by: "X", date: 2026-01-01}}\n'))
    assert problems(project, "testtreffen") == [
        "data/meetings/2019-03-testtreffen.yml:9: review.de: the de text is the original: only a translation is "
        "reviewed; remove review.de",
        "data/meetings/2019-03-testtreffen.yml:9: review.ru: translation.ru says unreviewed, not reviewed: set "
        "`translation.ru: reviewed` once the review is done, or remove review.ru",
        "data/meetings/2019-03-testtreffen.yml:9: review.ru.date: '2026-02-30': day 30 does not exist in February 2026"]
    write(project, "meetings/2019-03-testtreffen.yml", meeting(extra='review: {ru: {by: "Anna", date: 30.11.2026}}\n'))
    assert problems(project, "testtreffen") == [
        "data/meetings/2019-03-testtreffen.yml:9: review.ru.date: '30.11.2026': is not a day: write YYYY-MM-DD with "
        "the digits 0 to 9, e.g. 2026-11-30"]
    write(project, "meetings/2019-03-testtreffen.yml", meeting(translation=reviewed))
    run = run_validate(project)
    assert run.returncode == 0
    assert ("data/meetings/2019-03-testtreffen.yml:8: translation.ru: warning: the ru translation is marked reviewed "
            "without saying by whom: add `review: {ru: {by: NAME, date: YYYY-MM-DD}}`") in run.stderr.splitlines()
