"""`data/` → `Archive`: read every file, validate it, check what spans files, then build the model.

All problems of a run are collected and raised together; the model is only built from a clean run, so rendering
never sees a half-valid archive.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from ..structure import (
    Archive, Citation, EdtfDate, EdtfError, LocalizedText, Organization, Participation, Person, Place, Record, RecordKind,
    RegistryKind, Relation, Source, Topic, Translation, TranslationStatus, parse_edtf,
)
from ..structure.kinds import EventStatus, RelationType, Role
from .ids import is_id
from .markdown_limits import markdown_problem
from .provenance import check_provenance, place_mentions, reviews_of, venue_of
from .problems import ArchiveInvalid, Problem, Severity, quoted, suggest
from .schema import validate_document
from .yaml_source import MAX_FILE_BYTES, YamlDocument, read_yaml

__all__ = ["LoadResult", "load_archive", "LANGUAGES", "checked_date", "reserved_id"]

LANGUAGES = ("de", "ru")

# Text fields that must exist in a record's original language, per schema.
_REQUIRED_TEXT = {"title", "summary", "name"}
_TEXT_FIELDS = ("title", "summary", "body", "name", "description", "short_name")


@dataclass
class LoadResult:
    archive: Archive
    notices: list[Problem]


@dataclass
class _Item:
    """One parsed, schema-valid file waiting for cross-file checks."""

    folder: str
    schema: str
    doc: YamlDocument

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data


# Ids the site cannot give a record: `index` is the page of every folder's list, and Windows refuses files named
# after its devices (`con.html` cannot be unpacked from the offline zip there).
_GENERATED_PAGE_IDS = {"index"}
_WINDOWS_DEVICE_IDS = {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
# The years the archive shows: its records begin in 1991. Far from datetime's ends (Atom and iCalendar add time
# zones; a winter runs into the next year), and a record has a page per year it touches: at most 200.
FIRST_YEAR, LAST_YEAR = 1900, 2099


def reserved_id(text: str) -> str | None:
    """Why `text` cannot be an id although it has the id's form, or None."""
    if text in _GENERATED_PAGE_IDS:
        return f"the id {quoted(text)} is the name of a page the site makes (each folder's list): choose another"
    if text in _WINDOWS_DEVICE_IDS:
        return (f"the id {quoted(text)} is a device name on Windows, where the offline copy of the site could not "
                f"be unpacked: choose another")
    return None


def checked_date(text: Any) -> EdtfDate:
    """An EDTF date the archive can show (also for `new`); else `EdtfError` saying why."""
    if isinstance(text, str) and not text.isascii():
        raise EdtfError(f"{quoted(text)}: write dates with the digits 0 to 9 (e.g. 2017-06-04)")
    date = parse_edtf(text)
    if date.start.first_day.year < FIRST_YEAR or date.last.last_day.year > LAST_YEAR:
        raise EdtfError(f"{quoted(text)}: the archive shows dates from the year {FIRST_YEAR} to the end of "
                        f"{LAST_YEAR}")
    return date


def _is_ignored(path: Path) -> bool:
    """Hidden files (.gitkeep) and read-me files are no records; a hidden .yml file is reported, not skipped."""
    hidden = path.name.startswith(".") and not path.name.lower().endswith((".yml", ".yaml"))
    return hidden or path.name.lower() in ("readme.md", "readme")


def _list(data: dict[str, Any], field: str) -> list[Any]:
    value = data.get(field)
    return value if isinstance(value, list) else []


def _field(entry: Any, key: str) -> Any:
    return entry.get(key) if isinstance(entry, dict) else None


def _folders() -> list[tuple[str, str]]:
    return [(k.folder, k.value) for k in RecordKind] + [(k.folder, k.value) for k in RegistryKind]


class _ParsedFiles:
    """The files of the previous load, parsed and checked against their schemas. The preview loads the archive
    again on every save, in the same process: a file whose bytes are what they were is not parsed again (both
    steps depend on its bytes, name and schema alone). Only the latest load's files are kept."""

    def __init__(self) -> None:
        self.previous: dict[tuple[str, str], tuple[bytes, YamlDocument, list[Problem]]] = {}
        self.current: dict[tuple[str, str], tuple[bytes, YamlDocument, list[Problem]]] = {}

    def get(self, raw: bytes, name: str, schema: str) -> tuple[YamlDocument, list[Problem]]:
        kept = self.previous.get((name, schema))
        if kept is None or kept[0] != raw:
            doc = read_yaml(raw, name)
            clean = not doc.problems and isinstance(doc.data, dict)
            kept = raw, doc, list(validate_document(doc, schema)) if clean else []
        self.current[name, schema] = kept
        return kept[1], kept[2]

    def loaded(self) -> None:
        self.previous, self.current = self.current, {}


_PARSED = _ParsedFiles()
# The preview loads the same bodies on every save: each text's bounds are checked once.
_body_problem = lru_cache(maxsize=16384)(markdown_problem)


class _Loader:
    def __init__(self, data_dir: Path, root: Path):
        self.data_dir = data_dir
        self.root = root
        self.problems: list[Problem] = []
        self.items: list[_Item] = []
        # Files with schema errors: their references are still checked, so one run lists every problem.
        self.invalid: list[_Item] = []
        # Every id that has a file, valid or not, so one broken file does not cascade into "unknown id" errors.
        self.known: dict[str, set[str]] = {folder: set() for folder, _ in _folders()}

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    # Reading -------------------------------------------------------------------------------------------------

    def read_all(self) -> None:
        if not self.data_dir.is_dir():
            self.problems.append(Problem(self.relative(self.data_dir), None, None, "the data folder does not exist"))
            return
        self.check_layout()
        for folder, schema in _folders():
            directory = self.data_dir / folder
            if not directory.is_dir():
                continue
            for path in sorted(directory.iterdir()):
                self.read_file(path, folder, schema)

    def check_layout(self) -> None:
        """Anything outside the known folders would silently stay unpublished: say so."""
        folders = [folder for folder, _ in _folders()]
        for path in sorted(self.data_dir.iterdir()):
            if _is_ignored(path):
                continue
            if not path.is_dir() or path.is_symlink():
                self.problems.append(Problem(self.relative(path), None, None,
                                             "unexpected file: records belong in one of the folders "
                                             f"{', '.join(f + '/' for f in folders)}"))
            elif path.name not in folders:
                self.problems.append(Problem(self.relative(path), None, None,
                                             f"unknown folder {quoted(path.name)}{suggest(path.name, folders)}: its files "
                                             f"would not be published; the folders are {', '.join(folders)}"))

    def read_file(self, path: Path, folder: str, schema: str) -> None:
        name = self.relative(path)
        if _is_ignored(path):
            return
        try:
            info = path.lstat()
        except OSError as error:
            self.problems.append(Problem(name, None, None, f"cannot be read: {error.strerror}"))
            return
        if stat.S_ISLNK(info.st_mode):
            self.problems.append(Problem(name, None, None, "symbolic links are not allowed in data/"))
            return
        if stat.S_ISDIR(info.st_mode):
            self.problems.append(Problem(name, None, None, f"folders inside {folder}/ are not read: move the "
                                                           f"records up into {folder}/"))
            return
        if path.suffix != ".yml":
            hint = f": rename it to {path.stem}.yml" if path.suffix == ".yaml" else ": only .yml record files belong here"
            self.problems.append(Problem(name, None, None, f"unexpected file{hint}"))
            return
        stem = path.stem
        if not is_id(stem):
            self.problems.append(Problem(name, None, None,
                                         f"the file name {quoted(stem)} is not a valid id: use lower-case ASCII letters, "
                                         "digits and single hyphens"))
            return
        if reserved := reserved_id(stem):
            self.problems.append(Problem(name, None, None, reserved))
            return
        self.known[folder].add(stem)
        if not stat.S_ISREG(info.st_mode):  # reading a named pipe or a device could wait forever
            self.problems.append(Problem(name, None, None, "not a regular file (a named pipe, device or socket): "
                                                           "a record is a plain text file"))
            return
        if info.st_size > MAX_FILE_BYTES:  # said before reading, as the reading would
            self.problems.append(Problem(name, None, None, f"file is {info.st_size:,} bytes; a record may have at "
                                                           f"most {MAX_FILE_BYTES:,}"))
            return
        with open(path, "rb") as file:  # bounded: the file may have grown since
            raw = file.read(MAX_FILE_BYTES + 1)
        doc, schema_problems = _PARSED.get(raw, name, schema)
        self.problems.extend(doc.problems)
        if doc.problems:
            return
        if not isinstance(doc.data, dict):
            self.problems.append(Problem(name, 1, None, "a record is a mapping of fields (field: value), not a single value or list"))
            return
        self.problems.extend(schema_problems)
        item = _Item(folder, schema, doc)
        if doc.data.get("id") != stem and "id" in doc.data:
            self.problems.append(doc.problem(("id",), f"{quoted(doc.data['id'])} differs from the file name '{stem}': "
                                                      f"the id is the file name without .yml"))
            self.invalid.append(item)
        elif not schema_problems:
            self.items.append(item)
        else:
            self.invalid.append(item)

    # Checks across files ---------------------------------------------------------------------------------------

    def check_all(self) -> list[Problem]:
        notices: list[Problem] = []
        record_ids: dict[str, _Item] = {}
        seminar_numbers: dict[int, _Item] = {}
        for item in self.items:
            data, doc = item.data, item.doc
            if item.schema in {k.value for k in RecordKind}:
                if data["id"] in record_ids:
                    other = record_ids[data["id"]].doc.path
                    self.problems.append(doc.problem(("id",), f"id '{data['id']}' is also used by {other}"))
                record_ids.setdefault(data["id"], item)
                number = data.get("number")
                if number is not None:
                    if number in seminar_numbers:
                        other = seminar_numbers[number].doc.path
                        self.problems.append(doc.problem(("number",), f"seminar number {number} is also given in {other}"))
                    seminar_numbers.setdefault(number, item)
            if "date" in data:
                self.check_date(doc, data["date"])
            for lang, body in (data.get("body") or {}).items():
                if why := _body_problem(body):
                    self.problems.append(doc.problem(("body", lang), why))
            self.check_translation(item, notices)
            self.check_references(item)
        for item in self.invalid:
            self.check_references(item)
        self.check_places_within()
        return notices

    def check_date(self, doc: YamlDocument, text: Any) -> None:
        try:
            checked_date(text)
        except EdtfError as error:
            self.problems.append(doc.problem(("date",), str(error)))

    def check_places_within(self) -> None:
        """Pages name a place with the places it lies in, following `within`: a loop would never end."""
        within = {item.data["id"]: (item.data.get("within"), item.doc) for item in self.items
                  if item.folder == RegistryKind.PLACE.folder}
        reported: set[str] = set()
        for start in sorted(within):
            chain = [start]
            while (following := within.get(chain[-1], (None, None))[0]) is not None and following not in chain:
                chain.append(following)
            if following is None or following in reported:
                continue
            loop = chain[chain.index(following):]
            reported.update(loop)
            for place in loop:
                doc = within[place][1]
                path = " → ".join(f"'{p}'" for p in loop[loop.index(place):] + loop[:loop.index(place) + 1])
                self.problems.append(doc.problem(("within",), f"the places lie within each other in a loop "
                                                              f"({path}): one of them must name a larger place"))

    def check_translation(self, item: _Item, notices: list[Problem]) -> None:
        data, doc = item.data, item.doc
        statuses = data["translation"]
        originals = [lang for lang, status in statuses.items() if status == "original"]
        if len(originals) != 1:
            self.problems.append(doc.problem(("translation",), "exactly one language must be marked original "
                                                               f"(found {len(originals)})"))
            return
        original = originals[0]
        own = data.get("language")
        if own and own in data.get("title_translation", {}):
            self.problems.append(doc.problem(("title_translation", own),
                                             f"the title in the source's own language ({own}) belongs in 'title'; "
                                             "title_translation holds only translations of it"))
        missing: list[str] = []
        with_status = set(statuses)
        for field in _TEXT_FIELDS:
            if not isinstance(data.get(field), dict):
                continue
            if not data[field].get(original):
                if field in _REQUIRED_TEXT or field == "body":
                    self.problems.append(doc.problem((field, original),
                                                     f"the text in the original language ({original}) is missing"))
            for lang in LANGUAGES:
                if lang != original and data[field].get(lang) and lang not in with_status:
                    self.problems.append(doc.problem(("translation",),
                                                     f"the {lang} text has no status: add '{lang}: unreviewed' "
                                                     f"(or reviewed)"))
                    with_status.add(lang)  # say it once per record
        for lang in LANGUAGES:
            if lang == original:
                continue
            absent = [f for f in _TEXT_FIELDS if isinstance(data.get(f), dict) and data[f].get(original)
                      and not data[f].get(lang)]
            if absent:
                missing.append(f"{lang}: no translation yet of {', '.join(absent)}")
        for text in missing:
            notices.append(Problem(doc.path, doc.line(("translation",)), "translation", text, Severity.NOTICE))

    def check_references(self, item: _Item) -> None:
        """Every id a file names must have a file; malformed entries are skipped (the schema reported them)."""
        data, doc = item.data, item.doc

        def check(path: tuple[str | int, ...], value: Any, folder: str, what: str) -> None:
            if isinstance(value, str) and is_id(value) and value not in self.known[folder]:
                self.problems.append(doc.problem(path, f"unknown {what} '{value}'{suggest(value, self.known[folder])}"))

        records = set().union(*(self.known[k.folder] for k in RecordKind))
        for i, topic in enumerate(_list(data, "topics")):
            check(("topics", i), topic, "topics", "topic")
        for i, entry in enumerate(_list(data, "organizations")):
            if isinstance(entry, dict):  # a record's participants
                check(("organizations", i, "id"), entry.get("id"), "organizations", "organization")
            else:  # a person's affiliations
                check(("organizations", i), entry, "organizations", "organization")
        for i, entry in enumerate(_list(data, "people")):
            check(("people", i, "id"), _field(entry, "id"), "people", "person")
        for i, citation in enumerate(_list(data, "sources")):
            check(("sources", i, "source"), _field(citation, "source"), "sources", "source")
        for field in ("place", "within"):
            if field in data:
                check((field,), data[field], "places", "place")
        if "publisher" in data:
            check(("publisher",), data["publisher"], "organizations", "organization")
        for i, relation in enumerate(_list(data, "relations")):
            target = _field(relation, "record")
            if not (isinstance(target, str) and is_id(target)):
                continue
            if target == data.get("id"):
                self.problems.append(doc.problem(("relations", i, "record"), "a record cannot relate to itself"))
            elif target not in records:
                self.problems.append(doc.problem(("relations", i, "record"),
                                                 f"unknown record '{target}'{suggest(target, records)}"))

    # Building the model ----------------------------------------------------------------------------------------

    def build(self) -> Archive:
        built: dict[str, dict[str, Any]] = {folder: {} for folder, _ in _folders()}
        for item in self.items:
            built[item.folder][item.data["id"]] = _BUILDERS[item.schema](item)
        records = {rid: r for k in RecordKind for rid, r in built[k.folder].items()}
        return Archive(
            records=records,
            topics=built["topics"],
            organizations=built["organizations"],
            people=built["people"],
            places=built["places"],
            sources=built["sources"],
        )


def _text(data: dict[str, Any], field: str, original: str) -> LocalizedText | None:
    values = data.get(field)
    return LocalizedText(dict(values), original) if values else None


def _translation(data: dict[str, Any]) -> Translation:
    statuses = {lang: TranslationStatus(s) for lang, s in data["translation"].items()}
    original = next(lang for lang, s in statuses.items() if s is TranslationStatus.ORIGINAL)
    return Translation(original, statuses, reviews_of(data))


def _citations(data: dict[str, Any], original: str) -> tuple[Citation, ...]:
    return tuple(Citation(c["source"], _text(c, "note", original)) for c in data.get("sources", []))


def _participations(entries: Iterable[dict[str, Any]], original: str) -> tuple[Participation, ...]:
    return tuple(Participation(e["id"], Role(e["role"]), _text(e, "function", original)) for e in entries)


def _build_record(item: _Item) -> Record:
    data = item.data
    translation = _translation(data)
    original = translation.original
    return Record(
        id=data["id"],
        path=Path(item.doc.path),
        translation=translation,
        kind=RecordKind(data["kind"]),
        title=_text(data, "title", original),
        summary=_text(data, "summary", original),
        date=parse_edtf(data["date"]),
        body=_text(data, "body", original),
        status=EventStatus(data["status"]) if "status" in data else None,
        number=data.get("number"),
        place=venue_of(data),
        places=place_mentions(data),
        topics=tuple(data.get("topics", ())),
        organizations=_participations(data.get("organizations", ()), original),
        people=_participations(data.get("people", ()), original),
        relations=tuple(Relation(RelationType(r["type"]), r["record"]) for r in data.get("relations", ())),
        sources=_citations(data, original),
    )


def _build_registry(item: _Item, cls: type, **fields: Any) -> Any:
    """A registry entry: the fields all registries share, plus `fields` of its own kind."""
    data = item.data
    translation = _translation(data)
    original = translation.original
    return cls(
        id=data["id"],
        path=Path(item.doc.path),
        translation=translation,
        name=_text(data, "name", original),
        description=_text(data, "description", original),
        sources=_citations(data, original),
        **fields,
    )


def _build_topic(item: _Item) -> Topic:
    return _build_registry(item, Topic)


def _build_organization(item: _Item) -> Organization:
    data = item.data
    return _build_registry(item, Organization, short_name=_text(data, "short_name", _translation(data).original),
                           type=data.get("type"), place=data.get("place"))


def _build_person(item: _Item) -> Person:
    return _build_registry(item, Person, organizations=tuple(item.data.get("organizations", ())))


def _build_place(item: _Item) -> Place:
    return _build_registry(item, Place, within=item.data.get("within"))


def _build_source(item: _Item) -> Source:
    data = item.data
    translation = _translation(data)
    language = data["language"]
    return Source(
        id=data["id"],
        path=Path(item.doc.path),
        translation=translation,
        name=LocalizedText({language: data["title"]}, language),
        translated_title=(LocalizedText({**data["title_translation"], language: data["title"]}, language)
                          if "title_translation" in data else None),
        description=_text(data, "notes", translation.original),
        language=language,
        date=parse_edtf(data["date"]) if "date" in data else None,
        publisher=data.get("publisher"),
        author=data.get("author"),
        url=data.get("url"),
    )


_BUILDERS: dict[str, Callable[[_Item], Any]] = {
    **{k.value: _build_record for k in RecordKind},
    "topic": _build_topic,
    "organization": _build_organization,
    "person": _build_person,
    "place": _build_place,
    "source": _build_source,
}


def load_archive(data_dir: Path, root: Path | None = None) -> LoadResult:
    """Load and validate everything under `data_dir`; raises `ArchiveInvalid` listing every error."""
    data_dir = Path(data_dir).resolve()
    loader = _Loader(data_dir, Path(root).resolve() if root else data_dir.parent)
    loader.read_all()
    _PARSED.loaded()
    notices = loader.check_all()
    provenance_errors, provenance_warnings = check_provenance(((i.schema, i.doc) for i in loader.items),
                                                              loader.known["places"],
                                                              ((i.schema, i.doc) for i in loader.invalid))
    loader.problems += provenance_errors
    notices += provenance_warnings
    if loader.problems:
        raise ArchiveInvalid(loader.problems)
    return LoadResult(loader.build(), sorted(notices, key=lambda p: p.sort_key))
