"""The loader, from small `data/` folders written by each test: the model it builds and every check across files,
each through the exact `validate` line an editor reads. Fast (a handful of files per test, no build)."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from partnerschaftsarchiv.loading import (ArchiveInvalid, LoadResult, Severity, checked_date, dump_snapshot,
                                          load_archive, load_snapshot, reserved_id)
from partnerschaftsarchiv.loading.markdown_limits import markdown_problem
from partnerschaftsarchiv.loading.yaml_source import read_yaml
from partnerschaftsarchiv.structure import (Citation, EdtfError, LocalizedText, Participation, Place, Record,
                                            RecordKind, Relation, Topic, TranslationStatus)
from partnerschaftsarchiv.structure.entries import PlaceMention
from partnerschaftsarchiv.structure.kinds import EventStatus, PlaceRole, RelationType, Role
from partnerschaftsarchiv.structure.text import Review

# A small archive that loads without errors: one of each registry and two records naming all of them.
BASE = {
    "sources/bericht.yml": """\
id: bericht
title: Bericht über die Partnerschaft
title_translation: {ru: Отчёт о партнёрстве}
language: de
date: 2017-06-08
publisher: verein
author: Anna Autorin
url: https://example.org/bericht
notes: {de: Ein Bericht., ru: Отчёт.}
translation: {de: original, ru: unreviewed}
""",
    "sources/zeitung.yml": """\
id: zeitung
title: Газета
language: ru
translation: {ru: original}
""",
    "topics/inklusion.yml": """\
id: inklusion
name: {de: Inklusion, ru: Инклюзия}
description: {de: Teilhabe aller., ru: Участие всех.}
translation: {de: original, ru: reviewed}
review: {ru: {by: Олег, date: 2024-03-01}}
sources:
  - source: bericht
    note: {de: Seite 2, ru: Страница 2}
""",
    "places/berlin.yml": """\
id: berlin
name: {de: Berlin, ru: Берлин}
translation: {de: original, ru: unreviewed}
sources: [{source: zeitung}]
""",
    "places/mitte.yml": """\
id: mitte
name: {de: Mitte, ru: Митте}
within: berlin
translation: {de: original, ru: unreviewed}
sources: [{source: bericht}]
""",
    "organizations/verein.yml": """\
id: verein
name: {de: Verein für Soziales, ru: Общество социальной помощи}
short_name: {de: VfS, ru: ОСП}
type: ngo
place: berlin
translation: {de: original, ru: unreviewed}
sources: [{source: bericht}]
""",
    "people/olga.yml": """\
id: olga
name: {ru: Ольга Петрова, de: Olga Petrowa}
organizations: [verein]
translation: {ru: original, de: unreviewed}
sources: [{source: zeitung}]
""",
    "seminars/seminar-a.yml": """\
id: seminar-a
kind: seminar
number: 7
status: held
date: 2017-06-04/2017-06-09
place: mitte
title: {de: Seminar A, ru: Семинар А}
summary: {de: Ein Seminar., ru: Семинар.}
body: {de: Text des Seminars., ru: Текст семинара.}
translation: {de: original, ru: unreviewed}
topics: [inklusion]
organizations:
  - {id: verein, role: organizer}
people:
  - {id: olga, role: leader, function: {de: Leiterin, ru: Руководитель}}
relations:
  - {type: prepares, record: treffen-b}
sources:
  - source: bericht
    note: {de: S. 1, ru: С. 1}
  - source: zeitung
""",
    "meetings/treffen-b.yml": """\
id: treffen-b
kind: meeting
status: planned
date: "2018"
places:
  - {id: berlin, role: visited}
  - {id: mitte, role: venue}
title: {ru: Встреча Б, de: Treffen B}
summary: {ru: Встреча.}
translation: {ru: original, de: unreviewed}
sources: [{source: zeitung}]
""",
}


def write(tmp_path: Path, files: dict[str, str]) -> Path:
    """A `data/` folder of BASE with `files` (path below data/ → YAML text) laid over it."""
    data = tmp_path / "data"
    for name, text in {**BASE, **files}.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return data


def problems(data: Path, root: Path | None = None) -> list[str]:
    with pytest.raises(ArchiveInvalid) as raised:
        load_archive(data, root)
    return [str(p) for p in raised.value.problems]


def loaded(tmp_path: Path, files: dict[str, str] | None = None) -> LoadResult:
    return load_archive(write(tmp_path, files or {}))


def _record(rid: str, kind: str, extra: str = "") -> str:
    """A record of `kind` that loads, with `extra` lines at its end."""
    return (f"id: {rid}\nkind: {kind}\ndate: 2017-06-04\ntitle: {{de: Titel, ru: Заголовок}}\n"
            f"summary: {{de: Kurz., ru: Кратко.}}\ntranslation: {{de: original, ru: unreviewed}}\n"
            f"sources: [{{source: bericht}}]\n" + extra)


# The model -------------------------------------------------------------------------------------------------------

def test_records_carry_every_field_of_their_file(tmp_path):
    archive = loaded(tmp_path).archive
    seminar = archive.records["seminar-a"]
    assert seminar.id == "seminar-a" and seminar.path == Path("data/seminars/seminar-a.yml")
    assert seminar.kind is RecordKind.SEMINAR and seminar.status is EventStatus.HELD and seminar.number == 7
    assert str(seminar.date) == "2017-06-04/2017-06-09"
    assert seminar.translation.original == "de"
    assert seminar.translation.statuses == {"de": TranslationStatus.ORIGINAL, "ru": TranslationStatus.UNREVIEWED}
    assert seminar.translation.reviews == {}
    assert seminar.title == LocalizedText({"de": "Seminar A", "ru": "Семинар А"}, "de")
    assert seminar.summary == LocalizedText({"de": "Ein Seminar.", "ru": "Семинар."}, "de")
    assert seminar.body == LocalizedText({"de": "Text des Seminars.", "ru": "Текст семинара."}, "de")
    assert seminar.place == "mitte" and seminar.places == (PlaceMention("mitte", PlaceRole.VENUE),)
    assert seminar.topics == ("inklusion",)
    assert seminar.organizations == (Participation("verein", Role.ORGANIZER, None),)
    assert seminar.people == (Participation("olga", Role.LEADER, LocalizedText({"de": "Leiterin", "ru": "Руководитель"},
                                                                                "de")),)
    assert seminar.relations == (Relation(RelationType.PREPARES, "treffen-b"),)
    assert seminar.sources == (Citation("bericht", LocalizedText({"de": "S. 1", "ru": "С. 1"}, "de")),
                               Citation("zeitung", None))


def test_a_record_in_russian_without_body_number_or_links(tmp_path):
    meeting = loaded(tmp_path).archive.records["treffen-b"]
    assert meeting == Record(
        id="treffen-b", path=Path("data/meetings/treffen-b.yml"), translation=meeting.translation,
        kind=RecordKind.MEETING, title=LocalizedText({"ru": "Встреча Б", "de": "Treffen B"}, "ru"),
        summary=LocalizedText({"ru": "Встреча."}, "ru"), date=meeting.date, body=None, status=EventStatus.PLANNED,
        number=None, place="mitte", topics=(), organizations=(), people=(), relations=(),
        sources=(Citation("zeitung", None),),
        places=(PlaceMention("berlin", PlaceRole.VISITED), PlaceMention("mitte", PlaceRole.VENUE)))
    assert meeting.translation.original == "ru"
    assert meeting.translation.statuses == {"ru": TranslationStatus.ORIGINAL, "de": TranslationStatus.UNREVIEWED}
    assert str(meeting.date) == "2018"


def test_records_of_every_folder_are_one_collection(tmp_path):
    archive = loaded(tmp_path, {
        "agreements/abkommen.yml": _record("abkommen", "agreement"),
        "projects/projekt.yml": _record("projekt", "project"),
    }).archive
    assert {rid: r.kind for rid, r in archive.records.items()} == {
        "seminar-a": RecordKind.SEMINAR, "abkommen": RecordKind.AGREEMENT, "projekt": RecordKind.PROJECT,
        "treffen-b": RecordKind.MEETING}
    assert archive.records["abkommen"].status is None
    assert archive.records["abkommen"].place is None and archive.records["abkommen"].places == ()


def test_registry_entries_carry_their_own_fields(tmp_path):
    archive = loaded(tmp_path).archive
    topic = archive.topics["inklusion"]
    assert topic == Topic(
        id="inklusion", path=Path("data/topics/inklusion.yml"), translation=topic.translation,
        name=LocalizedText({"de": "Inklusion", "ru": "Инклюзия"}, "de"),
        description=LocalizedText({"de": "Teilhabe aller.", "ru": "Участие всех."}, "de"),
        sources=(Citation("bericht", LocalizedText({"de": "Seite 2", "ru": "Страница 2"}, "de")),))
    assert topic.translation.statuses == {"de": TranslationStatus.ORIGINAL, "ru": TranslationStatus.REVIEWED}
    assert topic.translation.reviews == {"ru": Review("Олег", "2024-03-01")}

    verein = archive.organizations["verein"]
    assert verein.id == "verein" and verein.path == Path("data/organizations/verein.yml")
    assert verein.name == LocalizedText({"de": "Verein für Soziales", "ru": "Общество социальной помощи"}, "de")
    assert verein.short_name == LocalizedText({"de": "VfS", "ru": "ОСП"}, "de")
    assert verein.type == "ngo" and verein.place == "berlin" and verein.description is None
    assert verein.sources == (Citation("bericht", None),)
    assert verein.translation.original == "de"

    olga = archive.people["olga"]
    assert olga.id == "olga" and olga.path == Path("data/people/olga.yml")
    assert olga.name == LocalizedText({"ru": "Ольга Петрова", "de": "Olga Petrowa"}, "ru")
    assert olga.organizations == ("verein",) and olga.sources == (Citation("zeitung", None),)
    assert olga.translation.original == "ru" and olga.description is None

    assert archive.places == {
        "berlin": Place(id="berlin", path=Path("data/places/berlin.yml"), translation=archive.places["berlin"].translation,
                        name=LocalizedText({"de": "Berlin", "ru": "Берлин"}, "de"), description=None,
                        sources=(Citation("zeitung", None),), within=None),
        "mitte": Place(id="mitte", path=Path("data/places/mitte.yml"), translation=archive.places["mitte"].translation,
                       name=LocalizedText({"de": "Mitte", "ru": "Митте"}, "de"), description=None,
                       sources=(Citation("bericht", None),), within="berlin"),
    }


def test_registry_entries_without_optional_fields(tmp_path):
    archive = loaded(tmp_path, {
        "organizations/amt.yml": "id: amt\nname: {ru: Ведомство}\ntranslation: {ru: original}\n"
                                 "sources: [{source: zeitung}]\n",
        "people/paul.yml": "id: paul\nname: {de: Paul}\ntranslation: {de: original}\nsources: [{source: bericht}]\n",
    }).archive
    amt = archive.organizations["amt"]
    assert (amt.short_name, amt.type, amt.place, amt.description) == (None, None, None, None)
    assert amt.name == LocalizedText({"ru": "Ведомство"}, "ru")
    assert archive.people["paul"].organizations == ()


def test_sources_are_named_by_their_title_in_their_own_language(tmp_path):
    sources = loaded(tmp_path).archive.sources
    bericht = sources["bericht"]
    assert bericht.id == "bericht" and bericht.path == Path("data/sources/bericht.yml")
    assert bericht.name == LocalizedText({"de": "Bericht über die Partnerschaft"}, "de")
    assert bericht.translated_title == LocalizedText({"ru": "Отчёт о партнёрстве",
                                                      "de": "Bericht über die Partnerschaft"}, "de")
    assert bericht.description == LocalizedText({"de": "Ein Bericht.", "ru": "Отчёт."}, "de")
    assert bericht.language == "de" and str(bericht.date) == "2017-06-08"
    assert (bericht.publisher, bericht.author, bericht.url) == ("verein", "Anna Autorin", "https://example.org/bericht")
    assert bericht.translation.statuses == {"de": TranslationStatus.ORIGINAL, "ru": TranslationStatus.UNREVIEWED}
    zeitung = sources["zeitung"]
    assert zeitung.name == LocalizedText({"ru": "Газета"}, "ru") and zeitung.language == "ru"
    assert zeitung.translated_title is None and zeitung.description is None and zeitung.date is None
    assert (zeitung.publisher, zeitung.author, zeitung.url) == (None, None, None)
    assert zeitung.translation.original == "ru"


def test_notices_say_which_translations_are_still_to_do_in_file_order(tmp_path):
    result = loaded(tmp_path, {
        "topics/teilhabe.yml": "id: teilhabe\nname: {ru: Участие}\ndescription: {ru: Текст.}\n"
                               "translation: {ru: original}\nsources: [{source: zeitung}]\n",
        "seminars/seminar-a.yml": BASE["seminars/seminar-a.yml"].replace(
            "body: {de: Text des Seminars., ru: Текст семинара.}", "body: {de: Text des Seminars.}"),
    })
    assert [(str(n), n.severity) for n in result.notices] == [
        ("data/meetings/treffen-b.yml:10: translation: de: no translation yet of summary", Severity.NOTICE),
        ("data/seminars/seminar-a.yml:10: translation: ru: no translation yet of body", Severity.NOTICE),
        ("data/topics/teilhabe.yml:1: id: warning: nothing names this topic, so its page lists nothing: name it in a "
         "record's `topics:`, or delete the file", Severity.NOTICE),
        ("data/topics/teilhabe.yml:4: translation: de: no translation yet of name, description", Severity.NOTICE),
    ]



# Reading the folders ---------------------------------------------------------------------------------------------

FOLDERS_WITH_SLASH = "seminars/, agreements/, projects/, meetings/, topics/, organizations/, people/, places/, sources/"


def test_anything_beside_the_known_folders_is_named(tmp_path):
    data = write(tmp_path, {"notes.txt": "x", ".entwurf.yml": "id: x\n", ".alt.yaml": "x", ".ALT.YML": "x"})
    (data / "topic").mkdir()
    (data / "link").symlink_to(data / "topics")
    # Read-me files and hidden files that are no records are left alone.
    for name in ("README.md", "ReadMe", ".gitkeep"):
        (data / name).write_text("x", encoding="utf-8")
    assert problems(data) == [
        f"data/.ALT.YML: unexpected file: records belong in one of the folders {FOLDERS_WITH_SLASH}",
        f"data/.alt.yaml: unexpected file: records belong in one of the folders {FOLDERS_WITH_SLASH}",
        f"data/.entwurf.yml: unexpected file: records belong in one of the folders {FOLDERS_WITH_SLASH}",
        f"data/link: unexpected file: records belong in one of the folders {FOLDERS_WITH_SLASH}",
        f"data/notes.txt: unexpected file: records belong in one of the folders {FOLDERS_WITH_SLASH}",
        "data/topic: unknown folder 'topic' (did you mean 'topics'?): its files would not be published; the folders "
        "are seminars, agreements, projects, meetings, topics, organizations, people, places, sources",
    ]


def test_an_unknown_folder_unlike_any_known_one_gets_no_suggestion(tmp_path):
    data = write(tmp_path, {})
    (data / "xyz").mkdir()
    assert problems(data) == [
        "data/xyz: unknown folder 'xyz': its files would not be published; the folders are seminars, agreements, "
        "projects, meetings, topics, organizations, people, places, sources"]


def test_a_missing_data_folder_is_one_problem(tmp_path):
    assert problems(tmp_path / "data") == ["data: the data folder does not exist"]


def test_paths_are_said_from_the_project_root(tmp_path):
    data = write(tmp_path / "project", {"notes.txt": "x"})
    assert problems(data, tmp_path) == [
        f"project/data/notes.txt: unexpected file: records belong in one of the folders {FOLDERS_WITH_SLASH}"]
    # A data folder outside the root is named by its whole path.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert problems(data, elsewhere) == [
        f"{data.as_posix()}/notes.txt: unexpected file: records belong in one of the folders {FOLDERS_WITH_SLASH}"]


def test_files_in_a_folder_that_are_no_records(tmp_path):
    data = write(tmp_path, {"topics/a.yaml": "", "topics/a.txt": "", "topics/.entwurf.yml": ""})
    for name in (".gitkeep", "README.md", "readme"):
        (data / "topics" / name).write_text("x", encoding="utf-8")
    (data / "topics" / "sub").mkdir()
    (data / "topics" / "link.yml").symlink_to(data / "topics" / "inklusion.yml")
    assert problems(data) == [
        "data/topics/.entwurf.yml: the file name '.entwurf' is not a valid id: use lower-case ASCII letters, digits "
        "and single hyphens",
        "data/topics/a.txt: unexpected file: only .yml record files belong here",
        "data/topics/a.yaml: unexpected file: rename it to a.yml",
        "data/topics/link.yml: symbolic links are not allowed in data/",
        "data/topics/sub: folders inside topics/ are not read: move the records up into topics/",
    ]


@pytest.mark.parametrize("stem", ["Thema", "-thema", "thema-", "the--ma", "the_ma", "thema.v2"])
def test_a_file_name_that_is_no_id(tmp_path, stem):
    data = write(tmp_path, {f"places/{stem}.yml": ""})
    assert problems(data) == [f"data/places/{stem}.yml: the file name '{stem}' is not a valid id: use lower-case "
                              "ASCII letters, digits and single hyphens"]


@pytest.mark.parametrize("stem", ["con", "prn", "aux", "nul", "com0", "com9", "lpt0", "lpt9"])
def test_a_windows_device_name_is_no_id(tmp_path, stem):
    data = write(tmp_path, {f"people/{stem}.yml": ""})
    assert problems(data) == [f"data/people/{stem}.yml: the id '{stem}' is a device name on Windows, where the offline "
                              "copy of the site could not be unpacked: choose another"]


def test_reserved_ids():
    assert reserved_id("index") == ("the id 'index' is the name of a page the site makes (each folder's list): "
                                    "choose another")
    assert reserved_id("lpt1") == ("the id 'lpt1' is a device name on Windows, where the offline copy of the site "
                                   "could not be unpacked: choose another")
    for fine in ("com10", "lpt", "console", "indexes", "nul-1"):
        assert reserved_id(fine) is None


def test_ids_of_one_character_and_with_digits_are_fine(tmp_path):
    archive = loaded(tmp_path, {
        "topics/a.yml": "id: a\nname: {de: A}\ntranslation: {de: original}\n",
        "topics/com10.yml": "id: com10\nname: {de: B}\ntranslation: {de: original}\n",
        "topics/x-1-y.yml": "id: x-1-y\nname: {de: C}\ntranslation: {de: original}\n",
        # Every character an id may hold, at once.
        "topics/a-bcdefghijklmnopqrstuvwxyz0123456789.yml": "id: a-bcdefghijklmnopqrstuvwxyz0123456789\n"
                                                            "name: {de: D}\ntranslation: {de: original}\n",
    }).archive
    assert sorted(archive.topics) == ["a", "a-bcdefghijklmnopqrstuvwxyz0123456789", "com10", "inklusion", "x-1-y"]


def test_a_named_pipe_is_refused_but_its_id_is_known(tmp_path):
    data = write(tmp_path, {"seminars/seminar-a.yml": BASE["seminars/seminar-a.yml"].replace(
        "topics: [inklusion]", "topics: [inklusion, rohr]")})
    os.mkfifo(data / "topics" / "rohr.yml")
    # The record naming `rohr` is not also told that the topic is unknown.
    assert problems(data) == ["data/topics/rohr.yml: not a regular file (a named pipe, device or socket): a record "
                              "is a plain text file"]


def test_a_file_at_the_size_limit_is_read_and_one_byte_more_is_refused(tmp_path):
    # The file ends in its last field's closing brace: a byte less read would be a syntax error.
    text = "id: rand\ntranslation: {de: original}\nname: {de: Rand}"
    padding = 262_144 - len(text) - 1
    data = write(tmp_path, {"topics/rand.yml": "#" * padding + "\n" + text})
    assert (data / "topics/rand.yml").stat().st_size == 262_144
    assert load_archive(data).archive.topics["rand"].name == LocalizedText({"de": "Rand"}, "de")
    (data / "topics/rand.yml").write_text("#" * (padding + 1) + "\n" + text, encoding="utf-8")
    assert problems(data) == ["data/topics/rand.yml: file is 262,145 bytes; a record may have at most 262,144"]


def test_a_file_that_vanishes_while_it_is_read(tmp_path, monkeypatch):
    data = write(tmp_path, {"topics/weg.yml": "id: weg\n"})
    lstat = Path.lstat

    def vanished(path):
        if path.name == "weg.yml":
            raise FileNotFoundError(2, "No such file or directory")
        return lstat(path)

    monkeypatch.setattr(Path, "lstat", vanished)
    assert problems(data) == ["data/topics/weg.yml: cannot be read: No such file or directory"]


def test_a_file_that_grew_since_its_size_was_looked_at_is_read_one_byte_past_the_limit(tmp_path, monkeypatch):
    data = write(tmp_path, {"topics/wachsend.yml": "#" * 300_000 + "\n"})
    lstat = Path.lstat

    def looked_at_before_it_grew(path):
        info = lstat(path)
        if path.name != "wachsend.yml":
            return info
        return os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink, info.st_uid, info.st_gid, 100,
                               info.st_atime, info.st_mtime, info.st_ctime))

    monkeypatch.setattr(Path, "lstat", looked_at_before_it_grew)
    assert problems(data) == ["data/topics/wachsend.yml: file is 262,145 bytes; a record may have at most 262,144"]


def test_a_file_that_is_no_mapping(tmp_path):
    data = write(tmp_path, {"topics/liste.yml": "- a\n- b\n"})
    assert problems(data) == ["data/topics/liste.yml:1: a record is a mapping of fields (field: value), not a single "
                              "value or list"]


def test_a_file_without_id_is_told_so_once(tmp_path):
    data = write(tmp_path, {"topics/ohne.yml": "name: {de: Ohne}\ntranslation: {de: original}\n"})
    assert problems(data) == ["data/topics/ohne.yml:1: id: missing required field"]


def test_empty_ids_are_told_empty_not_unknown(tmp_path):
    data = write(tmp_path, {"seminars/seminar-a.yml": BASE["seminars/seminar-a.yml"].replace(
        "topics: [inklusion]", "topics: ['', inklusion]").replace("record: treffen-b", "record: ''")})
    assert problems(data) == ["data/seminars/seminar-a.yml:11: topics[0]: must not be empty",
                              "data/seminars/seminar-a.yml:17: relations[0].record: must not be empty"]


def test_a_yaml_error_is_said_alone(tmp_path):
    data = write(tmp_path, {"topics/kaputt.yml": "id: [kaputt\nname: x\n"})
    assert problems(data) == ["data/topics/kaputt.yml:1: id[1]: YAML syntax: a list in [ ] is not closed, or an item "
                              "in it holds ':' or ',' (put it in quotes)"]


def test_an_id_unlike_its_file_name_and_the_file_is_still_checked(tmp_path):
    data = write(tmp_path, {"topics/anders.yml": "id: andere\nname: {de: X}\ntranslation: {de: original}\n"
                                                 "sources: [{source: berich}]\n"})
    assert problems(data) == [
        "data/topics/anders.yml:1: id: 'andere' differs from the file name 'anders': the id is the file name without .yml",
        "data/topics/anders.yml:4: sources[0].source: unknown source 'berich' (did you mean 'bericht'?)",
    ]


# Checks across files ---------------------------------------------------------------------------------------------

def test_an_id_used_twice_and_a_seminar_number_given_twice(tmp_path):
    data = write(tmp_path, {
        "meetings/seminar-a.yml": _record("seminar-a", "meeting", "status: held\n"),
        "seminars/seminar-c.yml": _record("seminar-c", "seminar", "status: held\nnumber: 7\n"),
        "seminars/seminar-d.yml": _record("seminar-d", "seminar", "status: held\nnumber: 8\n"),
    })
    assert problems(data) == [
        "data/meetings/seminar-a.yml:1: id: id 'seminar-a' is also used by data/seminars/seminar-a.yml",
        "data/seminars/seminar-c.yml:9: number: seminar number 7 is also given in data/seminars/seminar-a.yml",
    ]


def test_the_same_id_in_a_record_and_a_registry_is_fine(tmp_path):
    archive = loaded(tmp_path, {"topics/seminar-a.yml": "id: seminar-a\nname: {de: S}\ntranslation: {de: original}\n"
                                                        "sources: [{source: bericht}]\n"}).archive
    assert "seminar-a" in archive.topics and "seminar-a" in archive.records


def test_dates_from_1900_to_the_end_of_2099(tmp_path):
    seminar = BASE["seminars/seminar-a.yml"]
    assert str(loaded(tmp_path / "ends", {"seminars/seminar-a.yml": seminar.replace(
        "2017-06-04/2017-06-09", "1900-01-01/2099-12-31")}).archive.records["seminar-a"].date) == "1900-01-01/2099-12-31"
    data = write(tmp_path / "beyond", {
        "seminars/seminar-a.yml": seminar.replace("2017-06-04/2017-06-09", "1899-12-31/1900-01-01"),
        "meetings/treffen-b.yml": BASE["meetings/treffen-b.yml"].replace('"2018"', '"2099/2100"'),
        "sources/zeitung.yml": BASE["sources/zeitung.yml"] + "date: '2100'\n",
    })
    assert problems(data) == [
        "data/meetings/treffen-b.yml:4: date: '2099/2100': the archive shows dates from the year 1900 to the end of 2099",
        "data/seminars/seminar-a.yml:5: date: '1899-12-31/1900-01-01': the archive shows dates from the year 1900 to "
        "the end of 2099",
        "data/sources/zeitung.yml:5: date: '2100': the archive shows dates from the year 1900 to the end of 2099",
    ]


def test_checked_date():
    assert str(checked_date("1900")) == "1900" and str(checked_date("2099-12-31")) == "2099-12-31"
    with pytest.raises(EdtfError, match=r"^'٢٠١٧': write dates with the digits 0 to 9 \(e\.g\. 2017-06-04\)$"):
        checked_date("٢٠١٧")
    with pytest.raises(EdtfError, match=r"^'1899-12': the archive shows dates from the year 1900 to the end of 2099$"):
        checked_date("1899-12")
    with pytest.raises(EdtfError, match=r"^'2099/2100': the archive shows"):
        checked_date("2099/2100")


def test_a_body_beyond_the_markdown_bounds_in_either_language(tmp_path):
    data = write(tmp_path, {"seminars/seminar-a.yml": BASE["seminars/seminar-a.yml"].replace(
        "body: {de: Text des Seminars., ru: Текст семинара.}", "body: {de: '%s', ru: '%s'}" % ("[" * 201, "x" * 3001))})
    assert problems(data) == [
        "data/seminars/seminar-a.yml:9: body.de: a paragraph with more than 200 square brackets (from line 1 of the "
        "text): at most 100 links per paragraph",
        "data/seminars/seminar-a.yml:9: body.ru: a paragraph of more than 3,000 characters (from line 1 of the text): "
        "split it with a blank line",
    ]


@pytest.mark.parametrize("statuses, found", [("{de: original, ru: original}", 2), ("{de: reviewed, ru: unreviewed}", 0)])
def test_exactly_one_original_language(tmp_path, statuses, found):
    data = write(tmp_path, {"seminars/seminar-a.yml": BASE["seminars/seminar-a.yml"].replace(
        "translation: {de: original, ru: unreviewed}", f"translation: {statuses}")})
    assert problems(data) == [f"data/seminars/seminar-a.yml:10: translation: exactly one language must be marked "
                              f"original (found {found})"]


def test_a_source_title_in_its_own_language_belongs_in_title(tmp_path):
    data = write(tmp_path, {"sources/zeitung.yml": BASE["sources/zeitung.yml"]
                            + "title_translation: {ru: Газета, de: Zeitung}\n"})
    assert problems(data) == ["data/sources/zeitung.yml:5: title_translation.ru: the title in the source's own "
                              "language (ru) belongs in 'title'; title_translation holds only translations of it"]


def test_texts_missing_in_the_original_language(tmp_path):
    seminar = BASE["seminars/seminar-a.yml"]
    for old, new in (("title: {de: Seminar A, ru: Семинар А}", "title: {ru: Семинар А}"),
                     ("summary: {de: Ein Seminar., ru: Семинар.}", "summary: {ru: Семинар.}"),
                     ("body: {de: Text des Seminars., ru: Текст семинара.}", "body: {ru: Текст.}")):
        seminar = seminar.replace(old, new)
    data = write(tmp_path, {
        "seminars/seminar-a.yml": seminar,
        "topics/inklusion.yml": BASE["topics/inklusion.yml"].replace("name: {de: Inklusion, ru: Инклюзия}",
                                                                     "name: {ru: Инклюзия}"),
        # A description and a short name may exist in a translation only.
        "organizations/verein.yml": BASE["organizations/verein.yml"].replace(
            "short_name: {de: VfS, ru: ОСП}", "short_name: {ru: ОСП}\ndescription: {ru: Описание.}"),
        "meetings/treffen-b.yml": BASE["meetings/treffen-b.yml"].replace("summary: {ru: Встреча.}",
                                                                         "summary: {ru: Встреча.}\nbody: {de: Text.}"),
    })
    assert problems(data) == [
        "data/meetings/treffen-b.yml:10: body.ru: the text in the original language (ru) is missing",
        "data/seminars/seminar-a.yml:7: title.de: the text in the original language (de) is missing",
        "data/seminars/seminar-a.yml:8: summary.de: the text in the original language (de) is missing",
        "data/seminars/seminar-a.yml:9: body.de: the text in the original language (de) is missing",
        "data/topics/inklusion.yml:2: name.de: the text in the original language (de) is missing",
    ]


def test_a_translation_without_status_is_said_once_per_record(tmp_path):
    data = write(tmp_path, {
        "seminars/seminar-a.yml": BASE["seminars/seminar-a.yml"].replace(
            "translation: {de: original, ru: unreviewed}", "translation: {de: original}"),
        "meetings/treffen-b.yml": BASE["meetings/treffen-b.yml"].replace(
            "translation: {ru: original, de: unreviewed}", "translation: {ru: original}"),
    })
    assert problems(data) == [
        "data/meetings/treffen-b.yml:10: translation: the de text has no status: add 'de: unreviewed' (or reviewed)",
        "data/seminars/seminar-a.yml:10: translation: the ru text has no status: add 'ru: unreviewed' (or reviewed)",
    ]


def test_every_kind_of_reference_names_a_file(tmp_path):
    seminar = BASE["seminars/seminar-a.yml"]
    for old, new in (("topics: [inklusion]", "topics: [inklusio, 'a b']"), ("{id: verein,", "{id: verei,"),
                     ("{id: olga,", "{id: olg,"), ("- source: zeitung", "- source: zeitun"),
                     ("place: mitte", "place: mite"), ("record: treffen-b", "record: treffen-c")):
        seminar = seminar.replace(old, new)
    data = write(tmp_path, {
        "seminars/seminar-a.yml": seminar,
        "people/olga.yml": BASE["people/olga.yml"].replace("organizations: [verein]", "organizations: [verin]"),
        "sources/zeitung.yml": BASE["sources/zeitung.yml"] + "publisher: verien\n",
        "places/mitte.yml": BASE["places/mitte.yml"].replace("within: berlin", "within: berln"),
    })
    assert problems(data) == [
        "data/people/olga.yml:3: organizations[0]: unknown organization 'verin' (did you mean 'verein'?)",
        "data/places/mitte.yml:3: within: unknown place 'berln' (did you mean 'berlin'?)",
        "data/seminars/seminar-a.yml:6: place: unknown place 'mite' (did you mean 'mitte'?)",
        "data/seminars/seminar-a.yml:11: topics[0]: unknown topic 'inklusio' (did you mean 'inklusion'?)",
        # Not an id at all: the schema says so, the reference check does not add "unknown".
        "data/seminars/seminar-a.yml:11: topics[1]: 'a b': ids are lower-case ASCII letters and digits joined by single "
        "hyphens, e.g. 2017-06-moskau",
        "data/seminars/seminar-a.yml:13: organizations[0].id: unknown organization 'verei' (did you mean 'verein'?)",
        "data/seminars/seminar-a.yml:15: people[0].id: unknown person 'olg' (did you mean 'olga'?)",
        "data/seminars/seminar-a.yml:17: relations[0].record: unknown record 'treffen-c' (did you mean 'treffen-b'?)",
        "data/seminars/seminar-a.yml:21: sources[1].source: unknown source 'zeitun' (did you mean 'zeitung'?)",
        "data/sources/zeitung.yml:5: publisher: unknown organization 'verien' (did you mean 'verein'?)",
    ]


def test_unknown_ids_unlike_any_file_and_references_of_a_file_with_schema_errors(tmp_path):
    data = write(tmp_path, {
        "agreements/abkommen.yml": _record("abkommen", "agreement", "status: unterzeichnet\ntopics: [xyz]\n"
                                           "organizations: [{id: qqq, role: party}]\npeople: [{id: ppp, role: party}]\n"
                                           "relations: [{type: rests_on, record: rrr}]\n"
                                           "places: [{id: nirgendwo, role: visited}]\n"),
    })
    assert problems(data) == [
        "data/agreements/abkommen.yml:8: status: 'unterzeichnet' is not allowed here; use one of: signed, in_force, "
        "superseded",
        "data/agreements/abkommen.yml:9: topics[0]: unknown topic 'xyz'",
        "data/agreements/abkommen.yml:10: organizations[0].id: unknown organization 'qqq'",
        "data/agreements/abkommen.yml:11: people[0].id: unknown person 'ppp'",
        "data/agreements/abkommen.yml:12: relations[0].record: unknown record 'rrr'",
        "data/agreements/abkommen.yml:13: places[0].id: unknown place 'nirgendwo': the places are the file names under "
        "data/places/",
    ]


def test_entries_that_are_no_mappings_are_told_once(tmp_path):
    seminar = BASE["seminars/seminar-a.yml"]
    for old, new in (("  - {id: olga, role: leader, function: {de: Leiterin, ru: Руководитель}}", "  - olga"),
                     ("  - source: zeitung", "  - zeitung"), ("  - {type: prepares, record: treffen-b}", "  - treffen-b")):
        seminar = seminar.replace(old, new)
    assert problems(write(tmp_path, {"seminars/seminar-a.yml": seminar})) == [
        "data/seminars/seminar-a.yml:15: people[0]: expected a mapping of fields, found text",
        "data/seminars/seminar-a.yml:17: relations[0]: expected a mapping of fields, found text",
        "data/seminars/seminar-a.yml:21: sources[1]: expected a mapping of fields, found text",
    ]


def test_a_related_record_that_is_no_id_is_told_by_the_schema_alone(tmp_path):
    data = write(tmp_path, {"seminars/seminar-a.yml": BASE["seminars/seminar-a.yml"].replace(
        "  - {type: prepares, record: treffen-b}", "  - {type: prepares, record: Treffen B}\n"
                                                   "  - {type: continues, record: 5}\n"
                                                   "  - {type: continues, record: treffen-c}")})
    assert problems(data) == [
        "data/seminars/seminar-a.yml:17: relations[0].record: 'Treffen B': ids are lower-case ASCII letters and digits "
        "joined by single hyphens, e.g. 2017-06-moskau",
        "data/seminars/seminar-a.yml:18: relations[1].record: expected text, found the number 5 (put it in quotes if it "
        "is text)",
        "data/seminars/seminar-a.yml:19: relations[2].record: unknown record 'treffen-c' (did you mean 'treffen-b'?)",
    ]


def test_relations_reach_records_of_every_kind_but_not_the_record_itself(tmp_path):
    archive = loaded(tmp_path / "kinds", {
        "projects/projekt.yml": _record("projekt", "project", "relations: [{type: part_of, record: seminar-a}, "
                                                              "{type: results_in, record: treffen-b}]\n"),
    }).archive
    assert archive.records["projekt"].relations == (Relation(RelationType.PART_OF, "seminar-a"),
                                                    Relation(RelationType.RESULTS_IN, "treffen-b"))
    data = write(tmp_path / "itself", {"seminars/seminar-a.yml": BASE["seminars/seminar-a.yml"].replace(
        "record: treffen-b", "record: seminar-a")})
    assert problems(data) == ["data/seminars/seminar-a.yml:17: relations[0].record: a record cannot relate to itself"]


def test_a_record_may_not_name_a_registry_entry_as_related_record(tmp_path):
    data = write(tmp_path, {"seminars/seminar-a.yml": BASE["seminars/seminar-a.yml"].replace(
        "record: treffen-b", "record: inklusion")})
    assert problems(data) == ["data/seminars/seminar-a.yml:17: relations[0].record: unknown record 'inklusion'"]


def test_a_reference_to_a_file_with_errors_is_no_unknown_id(tmp_path):
    data = write(tmp_path, {"topics/inklusion.yml": BASE["topics/inklusion.yml"] + "farbe: rot\n"})
    assert problems(data) == ["data/topics/inklusion.yml:9: farbe: unknown field 'farbe'"]


# Places within places --------------------------------------------------------------------------------------------

def _place(pid: str, within: str) -> str:
    return f"id: {pid}\nname: {{de: {pid.upper()}}}\ntranslation: {{de: original}}\nwithin: {within}\n"


def test_a_place_within_itself(tmp_path):
    data = write(tmp_path, {"places/berlin.yml": BASE["places/berlin.yml"] + "within: berlin\n"})
    assert problems(data) == ["data/places/berlin.yml:5: within: the places lie within each other in a loop "
                              "('berlin' → 'berlin'): one of them must name a larger place"]


def test_each_place_of_a_loop_is_told_the_loop_from_itself(tmp_path):
    data = write(tmp_path, {"places/berlin.yml": BASE["places/berlin.yml"] + "within: mitte\n"})
    assert problems(data) == [
        "data/places/berlin.yml:5: within: the places lie within each other in a loop ('berlin' → 'mitte' → 'berlin'): "
        "one of them must name a larger place",
        "data/places/mitte.yml:3: within: the places lie within each other in a loop ('mitte' → 'berlin' → 'mitte'): "
        "one of them must name a larger place",
    ]


def test_a_place_leading_into_a_loop_is_not_part_of_it(tmp_path):
    data = write(tmp_path, {"places/a.yml": _place("a", "b"), "places/b.yml": _place("b", "c"),
                            "places/c.yml": _place("c", "b"), "places/d.yml": _place("d", "a")})
    assert problems(data) == [
        "data/places/b.yml:4: within: the places lie within each other in a loop ('b' → 'c' → 'b'): one of them must "
        "name a larger place",
        "data/places/c.yml:4: within: the places lie within each other in a loop ('c' → 'b' → 'c'): one of them must "
        "name a larger place",
    ]


def test_two_loops_and_a_long_chain(tmp_path):
    chain = {f"places/k{n}.yml": _place(f"k{n}", f"k{n + 1}") for n in range(5)}
    data = write(tmp_path, {**chain, "places/k5.yml": _place("k5", "berlin"),
                            "places/x.yml": _place("x", "y"), "places/y.yml": _place("y", "x"),
                            "places/z.yml": _place("z", "z")})
    assert problems(data) == [
        "data/places/x.yml:4: within: the places lie within each other in a loop ('x' → 'y' → 'x'): one of them must "
        "name a larger place",
        "data/places/y.yml:4: within: the places lie within each other in a loop ('y' → 'x' → 'y'): one of them must "
        "name a larger place",
        "data/places/z.yml:4: within: the places lie within each other in a loop ('z' → 'z'): one of them must "
        "name a larger place",
    ]


# Bounds of a Markdown body ---------------------------------------------------------------------------------------

NESTED = "lists and quotes nest more than 8 levels deep (line {} of the text): use fewer levels"


@pytest.mark.parametrize("marker", ["- ", "* ", "+ ", "> ", ">", "1. ", "2) ", "123456789. "])
def test_eight_levels_of_lists_and_quotes_and_no_more(marker):
    assert markdown_problem(marker * 8 + "Text") is None
    assert markdown_problem(marker * 9 + "Text") == NESTED.format(1)
    assert markdown_problem("Absatz.\n\n" + marker * 9 + "Text\n") == NESTED.format(3)


def test_four_columns_of_indentation_are_one_level():
    assert markdown_problem(" " * 32 + "Code") is None
    assert markdown_problem(" " * 35 + "Code") is None
    assert markdown_problem(" " * 36 + "Code") == NESTED.format(1)
    assert markdown_problem("\t" * 8 + "Code") is None
    assert markdown_problem("\t" * 9 + "Code") == NESTED.format(1)
    # Only the indentation before the first marker counts.
    assert markdown_problem("- " * 8 + "        Text") is None
    assert markdown_problem("    " * 4 + "- " * 4 + "Text") is None
    assert markdown_problem("    " * 4 + "- " * 5 + "Text") == NESTED.format(1)


def test_what_is_no_marker_opens_no_level():
    assert markdown_problem("-" * 40) is None  # a rule
    assert markdown_problem("-x " * 20) is None
    assert markdown_problem("1234567890. " * 9) is None  # ten digits are no list number
    assert markdown_problem("1: " * 9) is None
    assert markdown_problem("- " * 7 + "-") is None
    assert markdown_problem("- " * 8 + "-") == NESTED.format(1)  # a marker at the end of the line opens a level
    assert markdown_problem("- " * 7 + "1.") is None
    assert markdown_problem("- " * 8 + "1)") == NESTED.format(1)


def test_a_paragraph_of_at_most_3000_characters():
    # Each line counts with its line break.
    assert markdown_problem("x" * 2999) is None
    assert markdown_problem("x" * 3000) == ("a paragraph of more than 3,000 characters (from line 1 of the text): split "
                                            "it with a blank line")
    assert markdown_problem("x" * 1499 + "\n" + "x" * 1499) is None
    assert markdown_problem("x" * 1499 + "\n" + "x" * 1500) == ("a paragraph of more than 3,000 characters (from line 1 "
                                                                "of the text): split it with a blank line")
    assert markdown_problem(("x" * 2000 + "\n\n") * 5) is None
    assert markdown_problem("x" * 2000 + "\n \t\n" + "x" * 2000) is None  # a line of spaces is blank
    assert markdown_problem("Titel\n\n" + "x" * 2999) is None
    assert markdown_problem("Titel\n\n" + "x" * 2000 + "\n" + "x" * 1000) == (
        "a paragraph of more than 3,000 characters (from line 3 of the text): split it with a blank line")


def test_each_list_item_starts_a_paragraph():
    assert markdown_problem("- " + "x" * 2000 + "\n- " + "x" * 2000) is None
    assert markdown_problem("> 1. " + "x" * 2000 + "\n> 2. " + "x" * 2000) is None
    assert markdown_problem("Absatz\n- " + "x" * 1000 + "\n" + "x" * 1999) == (
        "a paragraph of more than 3,000 characters (from line 2 of the text): split it with a blank line")
    assert markdown_problem("- " + "x" * 2000 + "\n-\n" + "x" * 2997) is None  # an empty item is an item too
    # A marker without the space after it starts no item.
    assert markdown_problem("-" + "x" * 2000 + "\n-" + "x" * 2000) == (
        "a paragraph of more than 3,000 characters (from line 1 of the text): split it with a blank line")


def test_a_paragraph_of_at_most_200_square_brackets():
    assert markdown_problem("[a](b) " * 100) is None
    assert markdown_problem("[" * 100 + "]" * 100) is None
    assert markdown_problem("[" * 100 + "]" * 101) == ("a paragraph with more than 200 square brackets (from line 1 of "
                                                       "the text): at most 100 links per paragraph")
    assert markdown_problem("[a]\n" * 100 + "\n" + "[a]\n" * 100) is None
    assert markdown_problem("Titel\n\n" + "[a]\n" * 100 + "[") == ("a paragraph with more than 200 square brackets "
                                                                   "(from line 3 of the text): at most 100 links per "
                                                                   "paragraph")
    assert markdown_problem("- " + "[a]" * 60 + "\n- " + "[a]" * 60) is None
    assert markdown_problem("Absatz [a]\n- " + "[]" * 100) is None
    assert markdown_problem("x" * 2999 + "\n" + "[" * 201) == ("a paragraph of more than 3,000 characters (from line 1 "
                                                               "of the text): split it with a blank line")


# The snapshot a language build receives --------------------------------------------------------------------------

def test_a_snapshot_hands_over_the_whole_archive(tmp_path):
    data = write(tmp_path, {})
    result = load_archive(data)
    snapshot = dump_snapshot(result, data)
    assert snapshot[:2] == b"\x80\x05"  # pickle's newest protocol, the fastest to copy
    handed = load_snapshot(snapshot, data)
    assert handed == result and handed is not result
    assert handed.archive.records["seminar-a"].title.values == {"de": "Seminar A", "ru": "Семинар А"}
    # The same folder, named another way.
    assert load_snapshot(dump_snapshot(result, tmp_path / "x" / ".." / "data"), data) == result
    assert load_snapshot(dump_snapshot(result, data), tmp_path / "data" / "topics" / "..") == result


def test_a_snapshot_of_another_folder_or_version_is_refused(tmp_path):
    data = write(tmp_path, {})
    result = load_archive(data)
    other = tmp_path / "other"
    with pytest.raises(ValueError) as raised:
        load_snapshot(dump_snapshot(result, data), other)
    assert str(raised.value) == f"this is not a snapshot of {other}"
    for forged in (("partnerschaftsarchiv-snapshot-0", str(data.resolve()), result),
                   ("partnerschaftsarchiv-snapshot-1", str(data.resolve()), result.archive)):
        with pytest.raises(ValueError) as raised:
            load_snapshot(pickle.dumps(forged), data)
        assert str(raised.value) == f"this is not a snapshot of {data}"
    assert load_snapshot(pickle.dumps(("partnerschaftsarchiv-snapshot-1", str(data.resolve()), result)), data) == result


@pytest.mark.parametrize("handed, why", [
    (b"", "Ran out of input"),
    (pickle.dumps(("partnerschaftsarchiv-snapshot-1", "data"))[:-3], "pickle data was truncated"),
    (pickle.dumps(("partnerschaftsarchiv-snapshot-1", "data")), "not enough values to unpack (expected 3, got 2)"),
])
def test_an_empty_or_cut_off_snapshot_says_so(tmp_path, handed, why):
    with pytest.raises(ValueError) as raised:
        load_snapshot(handed, tmp_path / "data")
    assert str(raised.value) == f"no valid snapshot of {tmp_path / 'data'} was handed over ({why})"
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


def test_the_error_of_a_failed_load_reads_as_the_report(tmp_path):
    data = write(tmp_path, {"notes.txt": "x"})
    with pytest.raises(ArchiveInvalid) as raised:
        load_archive(data)
    assert str(raised.value) == (f"data/notes.txt: unexpected file: records belong in one of the folders "
                                 f"{FOLDERS_WITH_SLASH}\n1 error in the records: nothing was built.")


# Loading again (the preview) -------------------------------------------------------------------------------------


def test_loading_again_parses_only_the_files_whose_bytes_changed(tmp_path, monkeypatch):
    from partnerschaftsarchiv.loading import loader

    parsed: list[str] = []

    def counted(raw: bytes, name: str):
        parsed.append(name)
        return read_yaml(raw, name)

    monkeypatch.setattr(loader, "read_yaml", counted)
    monkeypatch.setattr(loader, "_PARSED", loader._ParsedFiles())  # other tests loaded the same files
    data = write(tmp_path, {})
    first = load_archive(data)
    assert len(parsed) == len(BASE)
    parsed.clear()
    again = load_archive(data)
    assert parsed == [] and again.archive == first.archive

    seminar = data / "seminars" / "seminar-a.yml"
    seminar.write_text(seminar.read_text(encoding="utf-8").replace("{de: Seminar A,", "{de: Seminar A neu,"),
                       encoding="utf-8")
    edited = load_archive(data)
    assert parsed == ["data/seminars/seminar-a.yml"]
    assert edited.archive.records["seminar-a"].title.values["de"] == "Seminar A neu"

    # A file with a problem is told again on every load, parsed or not.
    seminar.write_text("id: seminar-a\nkind: [\n", encoding="utf-8")
    told = problems(data)
    parsed.clear()
    assert problems(data) == told and parsed == []
    assert told[0].startswith("data/seminars/seminar-a.yml:")
