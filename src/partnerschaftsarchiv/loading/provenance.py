"""Provenance: every fact comes from a source, and nothing half-finished is published.

Errors: a record that cites no source (`sources: []` or none at all), a text still holding a placeholder of the
`new` command, a place of `places:` that has no file. Warnings (reported, never fatal): a registry entry without a
source, a registry entry that no record names (its page would list nothing) and a source that nothing cites.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

from ..structure import EdtfError, PlaceMention, PlaceRole, RecordKind, RegistryKind, Review, parse_edtf
from .ids import is_id
from .problems import Problem, Severity, quoted, suggest
from .yaml_source import YamlDocument

__all__ = ["PLACEHOLDER_PREFIXES", "PLACEHOLDER_TEXTS", "WARNING", "check_provenance", "is_placeholder",
           "place_mentions", "reviews_of", "venue_of"]

# What the `new` command writes where the editor has to put the source's text (see workflow/scaffold.py).
PLACEHOLDER_PREFIXES = {"de": "PLATZHALTER: ", "ru": "ЗАПОЛНИТЬ: "}
# The "…" of the skeleton's commented examples, when a line is uncommented but not filled in.
PLACEHOLDER_TEXTS = frozenset({"…", "...", "TODO"})
# Warnings travel as notices; this word at the start tells them apart from translations still to do.
WARNING = "warning: "

_RECORD_SCHEMAS = frozenset(kind.value for kind in RecordKind)
_FOLDERS = {kind.value: kind.folder for kind in (*RecordKind, *RegistryKind)}
_WHAT = {RegistryKind.TOPIC: "topic", RegistryKind.ORGANIZATION: "organization", RegistryKind.PERSON: "person",
         RegistryKind.PLACE: "place", RegistryKind.SOURCE: "source"}


_PREFIXES = tuple(prefix.strip() for prefix in PLACEHOLDER_PREFIXES.values())


def is_placeholder(text: str) -> bool:
    stripped = text.strip()
    return stripped in PLACEHOLDER_TEXTS or stripped.startswith(_PREFIXES)


def _texts(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text of a document with the path of its field."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))


def _placeholders(doc: YamlDocument) -> Iterator[Problem]:
    statuses = doc.data["translation"]  # required by every schema
    for path, text in _texts(doc.data):  # ids and translation statuses cannot hold one: the schema holds their form
        if not is_placeholder(text):
            continue
        if statuses.get(path[-1], "original") == "original":
            how = "write what the source says here"
        else:
            how = (f"write the translation here, or delete this line until there is one (the page then shows the "
                   f"original text, marked as such)")
        yield doc.problem(path, f"still the placeholder of `new`: {how}")


def _unsourced(schema: str, doc: YamlDocument) -> Problem | None:
    """A record without a source is an error; a registry entry without one (a name, a place) a warning."""
    citations = doc.data.get("sources")
    if schema == RegistryKind.SOURCE.value or (isinstance(citations, list) and citations):
        return None
    record = schema in _RECORD_SCHEMAS
    why = (f"the {'record' if record else schema + ' entry'} cites no source: every fact needs one; add `sources:` "
           f"with `- source: <id>`, the file name of the document under data/sources/ that states it (add the "
           f"source there first if it is new)")
    line = doc.line(("sources",)) if "sources" in doc.data else 1
    return Problem(doc.path, line, "sources", why if record else WARNING + why,
                   Severity.ERROR if record else Severity.NOTICE)


def _named(schema: str, data: Mapping[str, Any]) -> Iterator[tuple[RegistryKind, str]]:
    """The registry entries a schema-valid document names, where that counts: a registry page lists the records
    that name its entry (not the registry entries), and a source is cited by records and registry entries alike."""
    for citation in data.get("sources", ()):
        yield RegistryKind.SOURCE, citation["source"]
    if schema not in _RECORD_SCHEMAS:
        return
    for topic in data.get("topics", ()):
        yield RegistryKind.TOPIC, topic
    for field, kind in (("organizations", RegistryKind.ORGANIZATION), ("people", RegistryKind.PERSON),
                        ("places", RegistryKind.PLACE)):
        for item in data.get(field, ()):
            yield kind, item["id"]
    if "place" in data:
        yield RegistryKind.PLACE, data["place"]


def _unknown_places(doc: YamlDocument, known_places: set[str]) -> Iterator[Problem]:
    places = doc.data.get("places")
    for i, item in enumerate(places if isinstance(places, list) else []):
        place = item.get("id") if isinstance(item, dict) else None
        # A malformed id has its message from the schema already.
        if isinstance(place, str) and is_id(place) and place not in known_places:
            yield doc.problem(("places", i, "id"), f"unknown place {quoted(place)}{suggest(place, known_places)}: "
                                                   f"the places are the file names under data/places/")


def _reviews(doc: YamlDocument) -> Iterator[Problem]:
    """`review:` says who reviewed a translation and when: only for a language marked reviewed, on a real day.

    A language marked reviewed without a `review:` entry is a warning: the archive's older records predate the field.
    """
    statuses = doc.data["translation"]  # required by every schema
    reviews = doc.data.get("review", {})
    for lang, note in reviews.items():
        status = statuses.get(lang)
        if status == "original":
            yield doc.problem(("review", lang), f"the {lang} text is the original: only a translation is reviewed; "
                                                f"remove review.{lang}")
        elif status != "reviewed":
            yield doc.problem(("review", lang), f"translation.{lang} says {status or 'nothing'}, not reviewed: set "
                                                f"`translation.{lang}: reviewed` once the review is done, or remove "
                                                f"review.{lang}")
        try:  # the schema holds its form (YYYY-MM-DD): this is whether the day exists
            parse_edtf(note["date"])
        except EdtfError as error:
            yield doc.problem(("review", lang, "date"), str(error))
    for lang, status in statuses.items():
        if status == "reviewed" and lang not in reviews:
            yield doc.problem(("translation", lang),
                              f"{WARNING}the {lang} translation is marked reviewed without saying by whom: add "
                              f"`review: {{{lang}: {{by: NAME, date: YYYY-MM-DD}}}}`")


def _unnamed(schema: str, doc: YamlDocument) -> Problem:
    kind = RegistryKind(schema)
    if kind is RegistryKind.SOURCE:
        why = ("no record or registry entry cites this source: cite it under `sources:` where it states a fact, "
               "or delete the file")
    else:
        where = {RegistryKind.TOPIC: "topics:", RegistryKind.ORGANIZATION: "organizations:",
                 RegistryKind.PERSON: "people:", RegistryKind.PLACE: "place: or places:"}[kind]
        why = (f"nothing names this {_WHAT[kind]}, so its page lists nothing: name it in a record's `{where}`, "
               f"or delete the file")
    return Problem(doc.path, doc.line(("id",)), "id", WARNING + why, Severity.NOTICE)


def check_provenance(documents: Iterable[tuple[str, YamlDocument]], known_places: Iterable[str] = (),
                     invalid: Iterable[tuple[str, YamlDocument]] = ()) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of schema-valid documents, each given with the name of its schema; of documents with
    schema errors only their places are checked, so one run still lists every unknown id."""
    documents = list(documents)
    places = set(known_places)
    errors: list[Problem] = [problem for _, doc in invalid for problem in _unknown_places(doc, places)]
    doc_warnings: list[Problem] = []  # and other warnings about a single document
    named: set[tuple[RegistryKind, str]] = set()
    for schema, doc in documents:
        errors += _placeholders(doc)
        unsourced = _unsourced(schema, doc)
        if unsourced is not None:
            (errors if unsourced.severity is Severity.ERROR else doc_warnings).append(unsourced)
        errors += _unknown_places(doc, places)
        for problem in _reviews(doc):
            if problem.message.startswith(WARNING):
                doc_warnings.append(Problem(problem.path, problem.line, problem.field, problem.message,
                                          Severity.NOTICE))
            else:
                errors.append(problem)
        named.update(_named(schema, doc.data))
    warnings = doc_warnings + [_unnamed(schema, doc) for schema, doc in documents
                if schema not in _RECORD_SCHEMAS and (RegistryKind(schema), doc.data.get("id")) not in named]
    return errors, warnings


# Building the model from a valid document --------------------------------------------------------------------------

def place_mentions(data: Mapping[str, Any]) -> tuple[PlaceMention, ...]:
    """`place` (the venue) first, then `places` with their roles, each place once per role."""
    mentions = [PlaceMention(data["place"], PlaceRole.VENUE)] if data.get("place") else []
    mentions += [PlaceMention(item["id"], PlaceRole(item["role"])) for item in data.get("places", ())]
    return tuple(dict.fromkeys(mentions))


def venue_of(data: Mapping[str, Any]) -> str | None:
    """The venue pages show as the record's place: `place`, else the first venue of `places`."""
    venues = [m.id for m in place_mentions(data) if m.role is PlaceRole.VENUE]
    return venues[0] if venues else None


def reviews_of(data: Mapping[str, Any]) -> dict[str, Review]:
    return {lang: Review(note["by"], note["date"]) for lang, note in (data.get("review") or {}).items()}
