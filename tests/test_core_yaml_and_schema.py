"""The strict YAML reader, the schema's words and the provenance rules, from small in-memory records.

Every expectation is the exact `file:line: field: why` line `validate` prints, or the value and line a field was
read with. Fast: no site build, no subprocess.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO
from partnerschaftsarchiv.loading import Severity, schema, yaml_source
from partnerschaftsarchiv.loading.provenance import (
    check_provenance, is_placeholder, place_mentions, reviews_of, venue_of,
)
from partnerschaftsarchiv.loading.schema import validate_document
from partnerschaftsarchiv.loading.yaml_source import read_yaml
from partnerschaftsarchiv.structure import PlaceMention, PlaceRole, Review

FILE = "data/seminars/testfall.yml"


def problems(raw: bytes | str, path: str = FILE) -> list[str]:
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    return [str(p) for p in read_yaml(raw, path).problems]


# Values, and the line each field starts on ------------------------------------------------------------------------

def test_values_keep_their_yaml_types_and_dates_stay_text():
    doc = read_yaml(b"a: yes\nb: 1.5\nc: ~\nd: 12\ne: 2017-06-04\nf: text\n", FILE)
    assert doc.problems == []
    assert doc.data == {"a": True, "b": 1.5, "c": None, "d": 12, "e": "2017-06-04", "f": "text"}
    assert type(doc.data["e"]) is str


def test_every_field_remembers_its_line():
    doc = read_yaml(b"# comment\na:\n  - x\n  - b: 1\n    c: [1, 2]\nd: {e: f}\n", FILE)
    assert doc.data == {"a": ["x", {"b": 1, "c": [1, 2]}], "d": {"e": "f"}}
    assert doc.lines == {(): 2, ("a",): 2, ("a", 0): 3, ("a", 1): 4, ("a", 1, "b"): 4, ("a", 1, "c"): 5,
                         ("a", 1, "c", 0): 5, ("a", 1, "c", 1): 5, ("d",): 6, ("d", "e"): 6}
    # A field that is not there is placed at the nearest enclosing one, the file at its first field.
    assert doc.line(("a", 1, "z", 3)) == 4
    assert doc.line(("a", 7)) == 2
    assert doc.line(("zz", "y")) == 2
    assert doc.line(()) == 2
    assert str(doc.problem(("a", 1, "z"), "why")) == f"{FILE}:4: a[1].z: why"
    assert str(doc.problem((), "why")) == f"{FILE}:2: why"


def test_a_document_that_read_nothing_places_problems_on_line_one():
    doc = read_yaml(b"", FILE)
    assert doc.line(("title", "de")) == 1
    assert str(doc.problem(("title",), "why")) == f"{FILE}:1: title: why"


def test_a_list_or_a_single_value_is_read_as_it_is():
    doc = read_yaml(b"- a\n- b\n", FILE)
    assert (doc.data, doc.lines, doc.problems) == (["a", "b"], {(): 1, (0,): 1, (1,): 2}, [])
    doc = read_yaml(b"\n\nhello\n", FILE)
    assert (doc.data, doc.lines, doc.problems) == ("hello", {(): 3}, [])


def test_a_byte_order_mark_is_harmless():
    doc = read_yaml(b"\xef\xbb\xbfa: 1\nb: zwei\n", FILE)
    assert (doc.data, doc.problems) == ({"a": 1, "b": "zwei"}, [])


# Encodings and sizes ---------------------------------------------------------------------------------------------

def test_empty_and_comment_only_files():
    assert problems(b"") == [f"{FILE}: the file is empty"]
    assert problems(b"# nur\n# Kommentare\n") == [f"{FILE}: the file is empty"]


def test_utf_16_and_binary_files_are_refused():
    assert problems("a: 1".encode("utf-16-le").join([b"\xff\xfe", b""])) == [
        f"{FILE}: the file is UTF-16 text: save it as UTF-8"]
    assert problems(b"\xfe\xff\x00a\x00:") == [f"{FILE}: the file is UTF-16 text: save it as UTF-8"]
    assert problems(b"a: 1\nb: \x00\n") == [f"{FILE}: this is a binary file, not YAML text"]


def test_latin_1_names_the_line_and_field_of_the_first_bad_byte():
    assert problems(b"a: 1\nb:\n  c: gr\xfcn\n  d: x\n") == [
        f"{FILE}:3: b.c: the file is not UTF-8 text (byte 0xfc): save it as UTF-8"]
    assert problems(b"\xfc: 1\n") == [f"{FILE}:1: the file is not UTF-8 text (byte 0xfc): save it as UTF-8"]
    # After a byte order mark and Cyrillic text: lines and fields still count right.
    assert problems("\ufeffa: Тест\nb:\n  - x\n  - y\n  - z".encode() + b"\xe9\n") == [
        f"{FILE}:5: b[2]: the file is not UTF-8 text (byte 0xe9): save it as UTF-8"]


def test_size_limit_is_the_largest_allowed_file():
    at_limit = b"a: " + b"x" * (yaml_source.MAX_FILE_BYTES - 4) + b"\n"
    assert len(at_limit) == 262_144
    assert problems(at_limit) == []
    assert problems(at_limit + b"\n") == [f"{FILE}: file is 262,145 bytes; a record may have at most 262,144"]


# Control and invisible characters --------------------------------------------------------------------------------

def test_a_raw_control_character_names_line_and_field():
    assert problems(b"a: 1\nb:\n  c: x\x07y\n") == [
        f"{FILE}:3: b.c: contains the invisible control character U+0007: remove it"]
    assert problems(b"a: 1\nb:\n  - x\n  - y\n  - z\x1bz\n") == [
        f"{FILE}:5: b[2]: contains the invisible control character U+001B: remove it"]
    assert problems(b"a:\n  - b: 1\n    c: 2\n  - b: 3\n    c: x\x7fy\n") == [
        f"{FILE}:5: a[1].c: contains the invisible control character U+007F: remove it"]
    assert problems(b"\x01: 1\n") == [f"{FILE}:1: contains the invisible control character U+0001: remove it"]
    assert problems(b"a:\n  b:\n    - x\n    - y\n    - z\x07z\n") == [
        f"{FILE}:5: a.b[2]: contains the invisible control character U+0007: remove it"]
    # Where a space should be, and right after a value: still the field of that line.
    assert problems(b"a:\x07x\n") == [f"{FILE}:1: a: contains the invisible control character U+0007: remove it"]
    assert problems(b"a: 1\nb: x\x07\nc: 2\n") == [
        f"{FILE}:2: b: contains the invisible control character U+0007: remove it"]
    assert problems(b"a: 1\nb: gr\xfc\nc: 2\n") == [
        f"{FILE}:2: b: the file is not UTF-8 text (byte 0xfc): save it as UTF-8"]


def test_a_control_character_alone_in_a_list_item():
    assert problems(b"a: [x, y, \x07]\n") == [
        f"{FILE}:1: a[2]: contains the invisible control character U+0007: remove it"]


def test_invisible_characters_in_values_are_named():
    assert problems(b'a: 1\nb: "x\\x07y"\n') == [
        f"{FILE}:2: b: contains the invisible character U+0007 (control character): remove it"]
    assert problems('a: 1\nb: [x, "y\u200bz"]\n') == [
        f"{FILE}:2: b[1]: contains the invisible character U+200B (zero width space): remove it"]
    assert problems("a: \ue000\n") == [
        f"{FILE}:1: a: contains the invisible character U+E000 (private use character): remove it"]
    assert problems('a: "\\uFDD0"\n') == [
        f"{FILE}:1: a: contains the invisible character U+FDD0 (non-character): remove it"]
    assert problems('a: "\\uD800"\n') == [
        f"{FILE}:1: a: contains the invisible character U+D800 (lone surrogate): remove it"]
    assert problems("a: wei\u00adter\n") == [
        f"{FILE}:1: a: contains the invisible character U+00AD (soft hyphen): remove it"]


def test_an_invisible_character_in_a_field_name_is_said_without_it():
    assert problems("a:\n  b\u200b: 1\n") == [
        f"{FILE}:2: a: a field name contains the invisible character U+200B (zero width space): remove it"]
    assert problems("b\u2060: 1\n") == [
        f"{FILE}:1: a field name contains the invisible character U+2060 (word joiner): remove it"]


# Refused YAML: tags, anchors, aliases, odd keys, duplicates, nesting ------------------------------------------

def test_tags_are_refused_on_values_mappings_and_field_names():
    assert problems(b"a: 1\nb: !!str 5\n") == [f"{FILE}:2: b: YAML tags such as '!!str' are not allowed in records"]
    assert problems(b"a: !x 1\n") == [f"{FILE}:1: a: YAML tags such as '!x' are not allowed in records"]
    assert problems(b"a:\n  b: !!map {c: 1}\n") == [
        f"{FILE}:2: a.b: YAML tags such as '!!map' are not allowed in records"]
    assert problems(b"a: !!python/object/apply:os.system [ls]\n") == [
        f"{FILE}:1: a: YAML tags such as '!!python/object/apply:os.system' are not allowed in records"]
    assert problems(b"a: 1\n!!str b: 1\n") == [
        f"{FILE}:2: b: YAML tags are not allowed in records: write the field name plainly"]
    assert problems(b"%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n") == [
        f"{FILE}:3: a: YAML tags such as 'tag:example.com,2000:x' are not allowed in records"]


def test_anchors_and_aliases_are_refused():
    assert problems(b"a: 1\nb: &x hi\nc: *x\n") == [
        f"{FILE}:2: b: YAML syntax: anchors (&x) are not allowed in records: write the value out"]
    assert problems(b"a: 1\nb: *x\n") == [
        f"{FILE}:2: b: YAML syntax: aliases (*x) are not allowed in records: write the value out"]
    assert problems(b"a: 1\n*x : 2\n") == [
        f"{FILE}:2: YAML syntax: aliases (*x) are not allowed in records: write the value out"]
    assert problems(b"a:\n  - &lst [1]\n") == [
        f"{FILE}:2: YAML syntax: anchors (&lst) are not allowed in records: write the value out"]
    assert problems(b"a: &m {b: 1}\n") == [
        f"{FILE}:1: a: YAML syntax: anchors (&m) are not allowed in records: write the value out"]


def test_field_names_must_be_plain_words():
    assert problems(b"a: 1\n? [x]\n: 2\n") == [f"{FILE}:2: a list or mapping cannot be a field name"]
    assert problems(b"a:\n  b: 1\n  ? {x: 1}\n  : 2\n") == [f"{FILE}:3: a: a list or mapping cannot be a field name"]
    assert problems(b"a:\n  1: x\n") == [
        f"{FILE}:2: a.1: '1' is not a field name: YAML reads it as a number (field names are plain words)"]
    assert problems(b"yes: x\n") == [
        f"{FILE}:1: yes: 'yes' is not a field name: YAML reads it as true/false (field names are plain words)"]
    assert problems(b"~: x\n") == [
        f"{FILE}:1: ~: '~' is not a field name: YAML reads it as nothing (null) (field names are plain words)"]
    assert problems(b"1.5: x\n") == [
        f"{FILE}:1: ['1.5']: '1.5' is not a field name: YAML reads it as a number (field names are plain words)"]
    assert problems(b"a: 1\n<<: {b: 2}\n") == [
        f"{FILE}:2: <<: '<<' is not a field name: YAML reads it as a merge key (<<) (field names are plain words)"]


def test_duplicate_keys_name_the_first_line():
    doc = read_yaml(b"a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", FILE)
    assert [str(p) for p in doc.problems] == [
        f"{FILE}:4: b.c: duplicate key 'c' (first given on line 3)",
        f"{FILE}:5: a: duplicate key 'a' (first given on line 1)"]
    assert doc.data == {"a": 1, "b": {"c": 1}}  # the first value stays


def test_a_number_too_long_to_read():
    assert problems(b"a: 1\nb: " + b"9" * 5000 + b"\n") == [
        f"{FILE}:2: b: cannot read the value: the number is far too long (put text in quotes)"]


def test_a_value_yaml_cannot_construct():
    assert problems(b"a: 1\nb: !!int x\n") == [f"{FILE}:2: b: YAML tags such as '!!int' are not allowed in records"]
    assert problems(b"a: 1\nb: !!binary '@@'\n") == [
        f"{FILE}:2: b: YAML tags such as '!!binary' are not allowed in records"]


def test_nesting_is_bounded_at_twenty_levels():
    def nested(levels: int) -> bytes:  # `a:` holds `levels` lists, one inside the other
        return b"a: " + b"[" * levels + b"x" + b"]" * levels + b"\n"

    # The mapping, 18 lists and the text in them: 20 levels, whichever parser reads them.
    assert read_yaml(nested(18), FILE).problems == []
    assert yaml_source._read_pure(yaml_source.YamlDocument(FILE), nested(18).decode()).problems == []
    assert problems(nested(19)) == [f"{FILE}:1: a: YAML syntax: values are nested more than 20 levels deep"]
    deep_map = b"a:\n" + b"".join(b"  " * i + b"k%d:\n" % i for i in range(1, 24)) + b"  " * 24 + b"x: 1\n"
    assert problems(deep_map) == [
        f"{FILE}:20: a.k1.k2.k3.k4.k5.k6.k7.k8.k9.k10.k11.k12.k13.k14.k15.k16.k17.k18.k19: YAML syntax: values are "
        "nested more than 20 levels deep"]
    # Deep lists inside a list item: the field holding the outermost list is named.
    assert problems(b"a:\n  - b: " + b"[" * 25 + b"]" * 25 + b"\n") == [
        f"{FILE}:2: a: YAML syntax: values are nested more than 20 levels deep"]
    assert problems(b"a:\n  - x\n  - b: " + b"[" * 25 + b"]" * 25 + b"\n") == [
        f"{FILE}:3: a: YAML syntax: values are nested more than 20 levels deep"]


@pytest.mark.parametrize("raw", [
    b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    b"a: " + b"{b: " * 40_000 + b"1" + b"}" * 40_000 + b"\n",
    b"a: " + b"[" * 15_000 + b"{b: " * 15_000 + b"1" + b"}" * 15_000 + b"]" * 15_000 + b"\n",
    b"- " * 100_000 + b"x\n",
])
def test_deep_nesting_never_reaches_the_recursive_c_composer(raw, monkeypatch):
    """libyaml's composer recurses in C: text this deep crashes the process there (a segfault, not an error). So
    the reader must send it the other way; the test watches the way instead of crashing."""
    taken = []

    class WatchedShallowLoader(yaml_source._ShallowLoader):
        def __init__(self, stream):
            taken.append(stream)
            raise AssertionError("deep text reached libyaml's recursive composer")

    monkeypatch.setattr(yaml_source, "_ShallowLoader", WatchedShallowLoader)
    found = problems(raw)
    assert taken == []
    assert len(found) == 1 and found[0].endswith("YAML syntax: values are nested more than 20 levels deep")


def test_plain_records_take_the_fastest_reader_and_refused_constructs_never_do(monkeypatch):
    taken = []
    real = yaml_source._ShallowLoader

    class WatchedShallowLoader(real):
        def __init__(self, stream):
            taken.append(stream)
            super().__init__(stream)

    monkeypatch.setattr(yaml_source, "_ShallowLoader", WatchedShallowLoader)
    record = (REPO / "data" / "seminars").glob("*.yml").__next__().read_bytes()
    assert read_yaml(record, FILE).problems == []
    assert len(taken) == 1
    taken.clear()
    # libyaml's own composer keeps anchors and forgets written tags: such text must not get there.
    assert problems(b"a: &x 1\n")[0].endswith("anchors (&x) are not allowed in records: write the value out")
    assert problems(b"a: !!str 1\n") == [f"{FILE}:1: a: YAML tags such as '!!str' are not allowed in records"]
    assert taken == []


def test_a_valid_record_is_read_once_by_libyaml_only(monkeypatch):
    """The pure-Python reader, slower by far, only rereads files with problems to word them for editors."""
    read_again = []
    monkeypatch.setattr(yaml_source, "_read_pure", lambda doc, text: read_again.append(text))
    record = (REPO / "data" / "seminars").glob("*.yml").__next__().read_bytes()
    doc = read_yaml(record, FILE)
    assert read_again == [] and doc.problems == [] and doc.data["kind"] == "seminar"


# Syntax errors in plain words ------------------------------------------------------------------------------------

def test_syntax_errors_in_plain_words():
    assert problems(b'a: 1\nb: "abc\nc: 2\n') == [f"{FILE}:2: b: YAML syntax: a quotation mark is not closed"]
    assert problems(b"a: 1\nb: 'abc\n") == [f"{FILE}:2: b: YAML syntax: a quotation mark is not closed"]
    assert problems(b"a: 1\nb: [x, y\nc: 2\n") == [
        f"{FILE}:2: b[2]: YAML syntax: a list in [ ] is not closed, or an item in it holds ':' or ',' (put it in "
        "quotes)"]
    assert problems(b"a: 1\nb: {x: 1\nc: 2\n") == [
        f"{FILE}:2: b: YAML syntax: a mapping in {{ }} is not closed, or a value in it holds ':' or ',' (put it in "
        "quotes)"]
    assert problems(b"a: 1\nb: x: y\n") == [
        f"{FILE}:2: b: YAML syntax: a ': ' where no field can start: put a value that contains ': ' in quotes, or "
        "check the indentation"]
    assert problems(b"a:\n  b: 1\n c: 2\n") == [
        f"{FILE}:3: c: YAML syntax: the indentation does not fit the lines above: the fields of one mapping and the "
        "items of one list start in the same column"]
    assert problems(b"a: 1\nb\nc: 2\n") == [
        f"{FILE}:3: c: YAML syntax: a line is neither 'field: value' nor a list item: a ':' is missing"]
    assert problems(b'a: 1\nb: "x\\qy"\n') == [
        f"{FILE}:2: b: YAML syntax: an unknown escape (\\…) in double quotes: write \\\\ for a backslash, or use "
        "single quotes"]
    assert problems(b"a: 1\n---\nb: 2\n") == [
        f"{FILE}:2: YAML syntax: a second YAML document (a line ---): one file holds one record"]
    assert problems(b"a: 1\nb: @x\n") == [
        f"{FILE}:2: b: YAML syntax: a value starts with a character YAML reserves (such as @ or `): put it in quotes"]
    assert problems(b"a: 1\nb: ]\n") == [
        f"{FILE}:2: b: YAML syntax: a value is missing, or a bracket or dash is out of place"]
    # The parser gives up after the last line.
    assert problems(b"{\n") == [f"{FILE}:2: YAML syntax: a value is missing, or a bracket or dash is out of place"]


def test_tabs_are_refused_wherever_they_are():
    assert problems(b"a: 1\nb:\n\t- x\n") == [
        f"{FILE}:3: b: YAML syntax: a tab character: indent with spaces, never with tabs"]
    assert problems(b"a:\tb: c\n") == [f"{FILE}:1: a: YAML syntax: a tab character: indent with spaces, never with tabs"]
    # libyaml takes these; the archive does not.
    assert problems(b"a: 1\nb:\tx\n") == [
        f"{FILE}:2: b: YAML syntax: a tab character: indent with spaces, never with tabs"]
    assert problems(b"a: [x,\ty]\n") == [
        f"{FILE}:1: a[1]: YAML syntax: a tab character: indent with spaces, never with tabs"]
    assert problems(b"a: |\n  x\n\ty\n") == [
        f"{FILE}:3: YAML syntax: a tab character: indent with spaces, never with tabs"]


def test_syntax_errors_without_a_plain_wording_keep_yaml_words():
    assert problems(b"a: 1\nb: - x\n") == [f"{FILE}:2: b: YAML syntax: sequence entries are not allowed here"]
    assert problems(b"a: 1\nb: &\n") == [
        f"{FILE}:2: b: YAML syntax: expected alphabetic or numeric character, but found '\\n' (while scanning an "
        "anchor)"]
    assert problems(b"a: 1\n...\nb: 2\n") == [
        f"{FILE}:3: b: YAML syntax: expected '<document start>', but found '<block mapping start>'"]


def test_the_unclosed_construct_is_reported_where_it_starts():
    # The parser gives up at the end of the file; the editor is sent to the line that opened the quote or bracket.
    assert problems(b"a: 1\nb: [x,\n  y\n\nc: 2\n") == [
        f"{FILE}:2: b[2]: YAML syntax: a list in [ ] is not closed, or an item in it holds ':' or ',' (put it in "
        "quotes)"]
    assert problems(b"a: 1\nb: 'x\n\n\n") == [f"{FILE}:2: b: YAML syntax: a quotation mark is not closed"]


# The schema's findings in plain words ----------------------------------------------------------------------------

SEMINAR = """# Ein erfundener Testfall.
id: testfall
kind: seminar
status: held
date: 2017-06-04
title: {de: Testfall, ru: Тестовый случай}
summary: {de: Ein Eintrag., ru: Запись.}
translation: {de: original, ru: unreviewed}
sources:
  - source: paritaet-2017-06-08
"""


@pytest.fixture
def fresh_schemas():
    """The compiled schemas are cached per process: built again here, so the building itself is what is tested."""
    caches = (schema._inlined, schema._validator, schema._quick_check)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


def schema_problems(text: str, name: str = "seminar") -> list[str]:
    doc = read_yaml(text.encode("utf-8"), FILE)
    assert doc.problems == []
    return [str(p) for p in validate_document(doc, name)]


def test_a_valid_record_has_no_schema_problems(fresh_schemas):
    assert schema_problems(SEMINAR) == []


@pytest.mark.parametrize("folder", ["seminars", "agreements", "projects", "meetings", "topics", "organizations",
                                    "people", "places", "sources"])
def test_the_real_records_are_judged_valid_without_jsonschema(folder, fresh_schemas, monkeypatch):
    """A valid archive never needs the slow validator: the compiled quick check alone lets each record through."""
    def no_jsonschema(name):
        raise AssertionError(f"jsonschema was needed for a valid {name}")

    monkeypatch.setattr(schema, "_validator", no_jsonschema)
    name = {"people": "person", "sources": "source"}.get(folder, folder.removesuffix("s"))
    files = sorted((REPO / "data" / folder).glob("*.yml"))
    assert files
    for path in files:
        doc = read_yaml(path.read_bytes(), f"data/{folder}/{path.name}")
        assert doc.problems == [] and list(validate_document(doc, name)) == []


def test_missing_and_unknown_fields(fresh_schemas):
    # A missing field is placed at the record's first field (line 2, after the comment).
    assert schema_problems(SEMINAR.replace("title: {de: Testfall, ru: Тестовый случай}\n", "")) == [
        f"{FILE}:2: title: missing required field"]
    assert schema_problems(SEMINAR + "titel: x\n") == [
        f"{FILE}:11: titel: unknown field 'titel' (did you mean 'title'?)"]
    assert schema_problems(SEMINAR.replace("ru: Запись.}", "ru: Запись., fr: x}")) == [
        f"{FILE}:7: summary.fr: unknown field 'fr'"]
    assert schema_problems(SEMINAR + "titel: x\nnotiz: y\n") == [
        f"{FILE}:11: titel: unknown field 'titel' (did you mean 'title'?)"]


def test_wrong_types_say_what_yaml_read(fresh_schemas):
    assert schema_problems(SEMINAR + "number: zwei\n") == [f"{FILE}:11: number: expected a whole number, found text"]
    assert schema_problems(SEMINAR + "number: yes\n") == [
        f"{FILE}:11: number: expected a whole number, found true (YAML reads unquoted yes, no, on, off, true, false "
        "as true/false: put text in quotes)"]
    assert schema_problems(SEMINAR + "number: off\n") == [
        f"{FILE}:11: number: expected a whole number, found false (YAML reads unquoted yes, no, on, off, true, false "
        "as true/false: put text in quotes)"]
    assert schema_problems(SEMINAR + "number: 2.5\n") == [
        f"{FILE}:11: number: expected a whole number, found the number 2.5 (put it in quotes if it is text)"]
    assert schema_problems(SEMINAR.replace("status: held", "status:")) == [
        f"{FILE}:4: status: expected text, found nothing (an empty value)"]
    assert schema_problems(SEMINAR.replace("title: {de: Testfall, ru: Тестовый случай}", "title: Testfall")) == [
        f"{FILE}:6: title: expected a mapping of fields, found text"]
    assert schema_problems(SEMINAR.replace("title: {de: Testfall, ru: Тестовый случай}", "title: [Testfall]")) == [
        f"{FILE}:6: title: expected a mapping of fields, found a list"]
    assert schema_problems(SEMINAR.replace("  - source: paritaet-2017-06-08\n", "  source: x\n")) == [
        f"{FILE}:9: sources: expected a list, found a mapping of fields"]


def test_a_mistyped_value_is_said_once_and_later_fields_still_follow(fresh_schemas):
    # `status: 12` breaks both the type and the list of statuses: only the type is said.
    assert schema_problems(SEMINAR.replace("status: held", "status: 12") + "topics: [A]\n") == [
        f"{FILE}:4: status: expected text, found the number 12 (put it in quotes if it is text)",
        f"{FILE}:11: topics[0]: 'A': ids are lower-case ASCII letters and digits joined by single hyphens, e.g. "
        "2017-06-moskau"]


def test_problems_come_in_field_order(fresh_schemas):
    text = SEMINAR.replace("title: {de: Testfall, ru: Тестовый случай}\n", "").replace("status: held", "status: hled")
    assert schema_problems(text + "topics: [A, b, 7]\n") == [
        f"{FILE}:2: title: missing required field",
        f"{FILE}:4: status: 'hled' is not allowed here; use one of: planned, held, cancelled (did you mean 'held'?)",
        f"{FILE}:10: topics[0]: 'A': ids are lower-case ASCII letters and digits joined by single hyphens, e.g. "
        "2017-06-moskau",
        f"{FILE}:10: topics[2]: expected text, found the number 7 (put it in quotes if it is text)"]


def test_choices_ranges_and_sizes(fresh_schemas):
    assert schema_problems(SEMINAR.replace("kind: seminar", "kind: seminr")) == [
        f"{FILE}:3: kind: 'seminr' is not allowed here; use one of: seminar (did you mean 'seminar'?)"]
    assert schema_problems(SEMINAR.replace("status: held", "status: xyz")) == [
        f"{FILE}:4: status: 'xyz' is not allowed here; use one of: planned, held, cancelled"]
    assert schema_problems(SEMINAR + "number: 1\n") == []
    assert schema_problems(SEMINAR + "number: 10000\n") == []
    assert schema_problems(SEMINAR + "number: 0\n") == [f"{FILE}:11: number: 0 is out of range (minimum 1)"]
    assert schema_problems(SEMINAR + "number: 10001\n") == [f"{FILE}:11: number: 10001 is out of range (maximum 10000)"]
    assert schema_problems(SEMINAR.replace("de: Testfall,", "de: " + "x" * 300 + ",")) == []
    assert schema_problems(SEMINAR.replace("de: Testfall,", "de: " + "x" * 301 + ",")) == [
        f"{FILE}:6: title.de: is too long (301 characters; at most 300)"]
    assert schema_problems(SEMINAR + "body:\n  ru: " + "ж" * 60_001 + "\n") == [
        f"{FILE}:12: body.ru: is too long (60,001 characters; at most 60,000)"]
    topics = ", ".join(f"t{i}" for i in range(51))
    assert schema_problems(SEMINAR + f"topics: [{topics}]\n") == [f"{FILE}:11: topics: lists 51 items; at most 50"]
    assert schema_problems(SEMINAR + "topics: [a, b, a]\n") == [f"{FILE}:11: topics: lists the same entry twice"]


def test_empty_texts(fresh_schemas):
    assert schema_problems(SEMINAR.replace("title: {de: Testfall, ru: Тестовый случай}", "title: {}")) == [
        f"{FILE}:6: title: must give the text in at least one language (de or ru)"]
    # Empty breaks the length and the form of a line: said once.
    assert schema_problems(SEMINAR.replace("de: Testfall,", "de: '',")) == [f"{FILE}:6: title.de: must not be empty"]
    assert schema_problems(SEMINAR.replace("de: Testfall,", "de: '   ',")) == [f"{FILE}:6: title.de: must not be empty"]
    assert schema_problems(SEMINAR.replace("de: Ein Eintrag.,", "de: ' ',")) == [
        f"{FILE}:7: summary.de: must not be empty"]


def test_patterns_say_the_expected_form(fresh_schemas):
    assert schema_problems(SEMINAR.replace("id: testfall", "id: Test_Fall")) == [
        f"{FILE}:2: id: 'Test_Fall': ids are lower-case ASCII letters and digits joined by single hyphens, e.g. "
        "2017-06-moskau"]
    assert schema_problems(SEMINAR.replace("date: 2017-06-04", "date: 04.06.2017")) == [
        f"{FILE}:5: date: '04.06.2017': is not a date as the archive writes it (EDTF, with the digits 0 "
        "to 9): YYYY-MM-DD (2017-06-04), "
        "YYYY-MM (2007-04), YYYY (2017), YYYY-SS for a season (2017-23 = autumn; 21-24) or START/END "
        "(2017-06-04/2017-06-09)"]


def test_a_final_line_break_does_not_pass_as_the_end_of_the_text(fresh_schemas):
    """JSON Schema's `$` ends the text; Python's would also match before a final line break."""
    assert schema_problems(SEMINAR.replace("id: testfall", 'id: "testfall\\n"')) == [
        f"{FILE}:2: id: 'testfall\\n': ids are lower-case ASCII letters and digits joined by single hyphens, e.g. "
        "2017-06-moskau"]
    assert schema_problems(SEMINAR.replace("de: Testfall,", 'de: "Testfall\\n",')) == [
        f"{FILE}:6: title.de: 'Testfall\\n': must be one line of text, not empty"]
    assert schema_problems(SEMINAR + 'topics: ["inklusion\\n"]\n') == [
        f"{FILE}:11: topics[0]: 'inklusion\\n': ids are lower-case ASCII letters and digits joined by single hyphens, "
        "e.g. 2017-06-moskau"]


def test_registry_schemas_are_checked_too(fresh_schemas):
    topic = "id: inklusion\nname: {de: Inklusion}\ntranslation: {de: original}\n"
    assert schema_problems(topic, "topic") == []
    assert schema_problems(topic + "sources: [{source: x, seite: 3}]\n", "topic") == [
        f"{FILE}:4: sources[0].seite: unknown field 'seite'"]
    assert schema_problems(topic.replace("name: {de: Inklusion}\n", ""), "topic") == [
        f"{FILE}:1: name: missing required field"]


def test_every_schema_pattern_has_its_message_and_every_type_is_one_word():
    """What `_explain` relies on: a pattern always says its expected form, a type is never a list of types."""
    def walk(node):
        if isinstance(node, dict):
            yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    folder = REPO / "src" / "partnerschaftsarchiv" / "schemas"
    for path in sorted(folder.glob("*.schema.json")):
        for node in walk(json.loads(path.read_text(encoding="utf-8"))):
            assert "pattern" not in node or isinstance(node.get("x-message"), str), path.name
            assert not isinstance(node.get("type"), list), path.name


def test_references_are_inlined_across_documents():
    """Every `$ref` is replaced by what it points to, in its own document; a reference back into itself stays."""
    root = {
        "properties": {
            "x": {"$ref": "#/definitions/a"},
            "tree": {"$ref": "#/definitions/node"},
            "whole": {"$ref": "other"},
            "away": {"$ref": "elsewhere#/definitions/a"},
        },
        "definitions": {
            "a": {"properties": {"y": {"$ref": "other#/definitions/a"}}},
            "node": {"type": "object", "properties": {"child": {"$ref": "#/definitions/node"}}},
            "b": {"type": "integer"},
            "either": {"anyOf": [{"type": "null"}, {"$ref": "#/definitions/either"}]},
        },
    }
    other = {"definitions": {"a": {"items": [{"$ref": "#/definitions/b"}]}, "b": {"type": "string"}}}
    assert schema._inline_refs(root, {"": root, "other": other}) == {
        "properties": {
            "x": {"properties": {"y": {"items": [{"type": "string"}]}}},
            "tree": {"type": "object", "properties": {"child": {"$ref": "#/definitions/node"}}},
            "whole": {"definitions": {"a": {"items": [{"type": "string"}]}, "b": {"type": "string"}}},
            "away": {"$ref": "elsewhere#/definitions/a"},
        },
        "definitions": {
            "a": {"properties": {"y": {"items": [{"type": "string"}]}}},
            "node": {"type": "object", "properties": {"child": {
                "type": "object", "properties": {"child": {"$ref": "#/definitions/node"}}}}},
            "b": {"type": "integer"},
            "either": {"anyOf": [{"type": "null"}, {"anyOf": [{"type": "null"}, {"$ref": "#/definitions/either"}]}]},
        },
    }


def test_schema_patterns_end_at_the_end_of_the_text():
    assert schema._python_patterns({"a": [{"pattern": "^x$"}, {"pattern": "\\S"}], "pattern": "^a\\$",
                                    "b": {"pattern": "^[0-9]+$", "x": 1}}) == {
        "a": [{"pattern": "^x\\Z"}, {"pattern": "\\S"}], "pattern": "^a\\$", "b": {"pattern": "^[0-9]+\\Z", "x": 1}}


def test_schema_files_are_found_by_name():
    assert json.loads(schema.schema_path("topic").read_text(encoding="utf-8"))["title"] == "Thema / Тема"
    assert schema.schema_path("person").name == "person.schema.json"


# Provenance: sources, placeholders, reviews, places, and what nothing names --------------------------------------

def document(path: str, text: str):
    doc = read_yaml(text.encode("utf-8"), path)
    assert doc.problems == []
    return doc


def provenance(documents, places=(), invalid=()) -> tuple[list[str], list[str]]:
    errors, warnings = check_provenance(documents, places, invalid)
    assert all(p.severity is Severity.ERROR for p in errors)
    assert all(p.severity is Severity.NOTICE for p in warnings)
    return [str(p) for p in errors], [str(p) for p in warnings]


MEETING = "data/meetings/treffen.yml"
SOURCELESS_MEETING = """# Kommentar
id: treffen
kind: meeting
status: held
date: 2019-03
title: {de: "PLATZHALTER: Titel", ru: "ЗАПОЛНИТЬ: название"}
summary: {de: "  TODO ", ru: "…"}
translation: {de: original, ru: unreviewed}
review: {ru: {by: "...", date: 2026-02-30}}
places: [{id: moskau, role: venue}, {id: mars, role: visited}, {id: berln, role: visited}]
people: [{id: p1, role: host}, {id: p2, role: host, function: {de: Leiterin, ru: "ЗАПОЛНИТЬ: должность"}}]
sources: []
"""


def test_placeholders_sourceless_records_unknown_places_and_bad_reviews_are_errors():
    errors, warnings = provenance([("meeting", document(MEETING, SOURCELESS_MEETING))], ["moskau", "berlin"])
    assert errors == [
        f"{MEETING}:6: title.de: still the placeholder of `new`: write what the source says here",
        f"{MEETING}:6: title.ru: still the placeholder of `new`: write the translation here, or delete this line "
        "until there is one (the page then shows the original text, marked as such)",
        f"{MEETING}:7: summary.de: still the placeholder of `new`: write what the source says here",
        f"{MEETING}:7: summary.ru: still the placeholder of `new`: write the translation here, or delete this line "
        "until there is one (the page then shows the original text, marked as such)",
        f"{MEETING}:9: review.ru.by: still the placeholder of `new`: write what the source says here",
        f"{MEETING}:11: people[1].function.ru: still the placeholder of `new`: write the translation here, or delete "
        "this line until there is one (the page then shows the original text, marked as such)",
        f"{MEETING}:12: sources: the record cites no source: every fact needs one; add `sources:` with "
        "`- source: <id>`, the file name of the document under data/sources/ that states it (add the source there "
        "first if it is new)",
        f"{MEETING}:10: places[1].id: unknown place 'mars': the places are the file names under data/places/",
        f"{MEETING}:10: places[2].id: unknown place 'berln' (did you mean 'berlin'?): the places are the file names "
        "under data/places/",
        f"{MEETING}:9: review.ru: translation.ru says unreviewed, not reviewed: set `translation.ru: reviewed` once "
        "the review is done, or remove review.ru",
        f"{MEETING}:9: review.ru.date: '2026-02-30': day 30 does not exist in February 2026",
    ]
    assert warnings == []


def test_placeholder_texts():
    for text in ("…", "...", "TODO", "  TODO\n", "PLATZHALTER: Titel", "PLATZHALTER:", "ЗАПОЛНИТЬ: название",
                 " ЗАПОЛНИТЬ:x"):
        assert is_placeholder(text), text
    for text in ("", "TODO-Liste", "todo", "Platzhalter: x", "PLATZHALTER", "…!", "Заполнить: x"):
        assert not is_placeholder(text), text


RECORD_B = """id: b
kind: meeting
status: held
date: 2019-03
title: {de: "T", ru: "Т"}
summary: {de: "ok", ru: "ок"}
translation: {de: original, ru: reviewed}
review: {de: {by: X, date: 2026-01-01}}
sources: [{source: s1}]
topics: [t1]
organizations: [{id: o1, role: host}]
people: [{id: p1, role: host}]
place: pl1
places: [{id: pl2, role: visited}]
"""
RECORD_C = """id: c
kind: seminar
translation: {de: unreviewed, ru: original}
review: {de: {by: Y, date: 2026-01-01}}
sources: [{source: s2}]
"""


def registry(folder: str, entry: str, extra: str = ""):
    return document(f"data/{folder}/{entry}.yml",
                    f"# comment\nid: {entry}\nname: {{de: N}}\ntranslation: {{de: original}}\n{extra}")


def source(entry: str, comment: str = ""):
    return document(f"data/sources/{entry}.yml",
                    f"{comment}id: {entry}\ntitle: {{de: Q}}\nlanguage: de\ntranslation: {{de: original}}\n")


def test_warnings_for_entries_nothing_names_and_registry_entries_without_source():
    documents = [
        ("meeting", document("data/meetings/b.yml", RECORD_B)),
        ("seminar", document("data/seminars/c.yml", RECORD_C)),
        ("topic", registry("topics", "t1", "sources: [{source: s1}]\n")),
        ("topic", document("data/topics/t2.yml", "# comment\nname: {de: N}\nid: t2\ntranslation: {de: original}\n"
                                                 "sources:\n  []\n")),
        ("organization", registry("organizations", "o1", "sources: [{source: s1}]\n")),
        # Named only by a person: its page would still list no record.
        ("organization", registry("organizations", "o2", "sources: [{source: s3}]\n")),
        ("person", registry("people", "p1", "organizations: [o2]\nsources: [{source: s1}]\n")),
        ("person", registry("people", "p2", "sources: [{source: s1}]\n")),
        ("place", registry("places", "pl1", "within: pl3\nsources: [{source: s1}]\n")),
        ("place", registry("places", "pl2", "sources: [{source: s1}]\n")),
        ("place", registry("places", "pl3")),
        ("source", source("s1")),
        ("source", source("s2")),
        ("source", source("s3")),  # cited by a registry entry only: enough for a source
        ("source", source("s4", "# comment\n")),
    ]
    invalid = [("meeting", document("data/meetings/x.yml", "id: x\nplaces: [{id: nowhere, role: venue}, {id: pl1}, "
                                                         "x, {id: 3}]\n"))]
    errors, warnings = provenance(documents, ["pl1", "pl2", "pl3"], invalid)
    assert errors == [
        "data/meetings/x.yml:2: places[0].id: unknown place 'nowhere': the places are the file names under "
        "data/places/",
        "data/meetings/b.yml:8: review.de: the de text is the original: only a translation is reviewed; remove "
        "review.de",
        "data/seminars/c.yml:4: review.de: translation.de says unreviewed, not reviewed: set `translation.de: "
        "reviewed` once the review is done, or remove review.de",
    ]
    assert warnings == [
        "data/meetings/b.yml:7: translation.ru: warning: the ru translation is marked reviewed without saying by "
        "whom: add `review: {ru: {by: NAME, date: YYYY-MM-DD}}`",
        "data/topics/t2.yml:5: sources: warning: the topic entry cites no source: every fact needs one; add "
        "`sources:` with `- source: <id>`, the file name of the document under data/sources/ that states it (add "
        "the source there first if it is new)",
        "data/places/pl3.yml:1: sources: warning: the place entry cites no source: every fact needs one; add "
        "`sources:` with `- source: <id>`, the file name of the document under data/sources/ that states it (add "
        "the source there first if it is new)",
        "data/topics/t2.yml:3: id: warning: nothing names this topic, so its page lists nothing: name it in a "
        "record's `topics:`, or delete the file",
        "data/organizations/o2.yml:2: id: warning: nothing names this organization, so its page lists nothing: name "
        "it in a record's `organizations:`, or delete the file",
        "data/people/p2.yml:2: id: warning: nothing names this person, so its page lists nothing: name it in a "
        "record's `people:`, or delete the file",
        "data/places/pl3.yml:2: id: warning: nothing names this place, so its page lists nothing: name it in a "
        "record's `place: or places:`, or delete the file",
        "data/sources/s4.yml:2: id: warning: no record or registry entry cites this source: cite it under "
        "`sources:` where it states a fact, or delete the file",
    ]


def test_a_review_without_a_status_and_a_review_of_the_original():
    text = RECORD_C.replace("translation: {de: unreviewed, ru: original}", "translation: {ru: original}")
    errors, warnings = provenance([("seminar", document("data/seminars/c.yml", text))])
    assert errors == [
        "data/seminars/c.yml:4: review.de: translation.de says nothing, not reviewed: set `translation.de: reviewed` "
        "once the review is done, or remove review.de"]
    text = RECORD_C.replace("de: unreviewed", "de: reviewed").replace(
        "review: {de: {by: Y, date: 2026-01-01}}", "review: {de: {by: Y, date: 2026-01-01}, ru: {by: Z, date: 2026-01-02}}")
    errors, warnings = provenance([("seminar", document("data/seminars/c.yml", text))])
    assert errors == ["data/seminars/c.yml:4: review.ru: the ru text is the original: only a translation is "
                      "reviewed; remove review.ru"]
    assert warnings == []


def test_places_of_a_record_venue_first():
    data = {"place": "moskau", "places": [{"id": "berlin", "role": "visited"}, {"id": "moskau", "role": "venue"},
                                          {"id": "berlin", "role": "visited"}, {"id": "moskau", "role": "visited"}]}
    assert place_mentions(data) == (PlaceMention("moskau", PlaceRole.VENUE), PlaceMention("berlin", PlaceRole.VISITED),
                                    PlaceMention("moskau", PlaceRole.VISITED))
    assert venue_of(data) == "moskau"
    data = {"places": [{"id": "berlin", "role": "visited"}, {"id": "lageso", "role": "venue"},
                       {"id": "moskau", "role": "venue"}]}
    assert place_mentions(data) == (PlaceMention("berlin", PlaceRole.VISITED), PlaceMention("lageso", PlaceRole.VENUE),
                                    PlaceMention("moskau", PlaceRole.VENUE))
    assert venue_of(data) == "lageso"
    assert place_mentions({"places": [{"id": "berlin", "role": "visited"}]}) == (
        PlaceMention("berlin", PlaceRole.VISITED),)
    assert venue_of({"places": [{"id": "berlin", "role": "visited"}]}) is None
    assert place_mentions({"place": "moskau"}) == (PlaceMention("moskau", PlaceRole.VENUE),)
    assert place_mentions({}) == () and venue_of({}) is None


def test_reviews_of_a_record():
    assert reviews_of({"review": {"de": {"by": "Anna", "date": "2026-01-02"}, "ru": {"by": "Олег", "date": "2026-03-04"}}}) \
        == {"de": Review("Anna", "2026-01-02"), "ru": Review("Олег", "2026-03-04")}
    assert reviews_of({}) == {} and reviews_of({"review": None}) == {}


def test_every_bad_field_name_of_a_mapping_is_reported_and_the_fields_after_it_are_read():
    raw = "? [x]\n: 1\n2: x\nb\u200b: 1\n!!str c: 1\nd: 1\nd: 2\ne: 3\n"
    doc = read_yaml(raw.encode("utf-8"), FILE)
    assert [str(p) for p in doc.problems] == [
        f"{FILE}:1: a list or mapping cannot be a field name",
        f"{FILE}:3: 2: '2' is not a field name: YAML reads it as a number (field names are plain words)",
        f"{FILE}:4: a field name contains the invisible character U+200B (zero width space): remove it",
        f"{FILE}:5: c: YAML tags are not allowed in records: write the field name plainly",
        f"{FILE}:7: d: duplicate key 'd' (first given on line 6)",
    ]
    assert doc.data == {"d": 1, "e": 3}
