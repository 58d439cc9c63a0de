"""Property-based tests: whatever a record file holds, the validator ends in the documented `ArchiveInvalid` (or
accepts it), and the renderer turns every accepted archive into pages in both languages, never a traceback.

Examples are generated four ways: arbitrary text and bytes as a file, mutations of a valid record's text (the typos,
tabs, anchors, tags and stray characters of real editing), records built as data with values of any type, and
records drawn from the JSON Schemas with real ids, real date forms and Markdown from a grammar
(`record_strategies.py`), each accepted one built into every page and export of both languages in-process.
Counts stay modest for CI (deterministic, no example database); `FUZZ_EXAMPLES=2000 make test` fuzzes deeper, and
`python tests/fuzz_long.py` runs the structure-aware strategy for as long as it is given (figures in bench/RESULTS.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from conftest import REPO
from record_strategies import load_and_build, records, write_base
from partnerschaftsarchiv.loading import ArchiveInvalid, load_archive
from partnerschaftsarchiv.rendering.site import SiteRenderer

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None, derandomize=True,
                database=None, suppress_health_check=[HealthCheck.too_slow])

# A small archive around the record under test, so that each example loads in milliseconds.
BASE = {
    "places/moskau.yml": "id: moskau\nname: {de: Moskau, ru: Москва}\ntranslation: {de: original, ru: reviewed}\n",
    "topics/selbsthilfe.yml": "id: selbsthilfe\nname: {de: Selbsthilfe, ru: Самопомощь}\n"
                              "translation: {de: original, ru: unreviewed}\n",
    "sources/testquelle.yml": "id: testquelle\ntitle: Testquelle\nlanguage: de\ndate: 2017-06-08\n"
                              "url: https://example.org/quelle\ntranslation: {de: original}\n",
    "organizations/testverband.yml": "id: testverband\nname: {de: Testverband, ru: Тестовый союз}\ntype: ngo\n"
                                     "place: moskau\ntranslation: {de: original, ru: unreviewed}\n"
                                     "sources: [{source: testquelle}]\n",
    "people/test-person.yml": "id: test-person\nname: {de: Test Person, ru: Тест Персона}\n"
                              "organizations: [testverband]\ntranslation: {de: original, ru: unreviewed}\n"
                              "sources: [{source: testquelle}]\n",
    "agreements/testvereinbarung.yml": "id: testvereinbarung\nkind: agreement\ndate: 2012-09-25\n"
                                       "title: {de: Testvereinbarung}\nsummary: {de: Eine erfundene Vereinbarung.}\n"
                                       "translation: {de: original}\nsources: [{source: testquelle}]\n",
}
# A valid record that uses every field; the fuzzers start from it.
SEED = """# Ein erfundener Testfall. / Вымышленный тестовый случай.
id: fuzz
kind: seminar
number: 7
status: held
date: 2017-06-04/2017-06-09
place: moskau
title: {de: "Testfall", ru: "Тестовый случай"}
summary:
  de: "Ein erfundener Eintrag für einen Test."
  ru: "Вымышленная запись для теста."
body:
  de: |
    Erster Absatz mit [Link](https://example.org/) und *Betonung*.

    - Punkt eins
    - Punkt zwei
translation: {de: original, ru: unreviewed}
topics: [selbsthilfe]
organizations:
  - {id: testverband, role: organizer}
people:
  - id: test-person
    role: leader
    function: {de: Leitung, ru: руководитель}
relations:
  - {type: rests_on, record: testvereinbarung}
sources:
  - source: testquelle
    note: {de: Abschnitt 2}
"""
SEED_DATA = yaml.safe_load(SEED)

# What editors (and attackers) type: YAML's special characters and values, and hostile text.
FRAGMENTS = ["\n", "  ", "\t", ": ", "- ", "-", "#", "'", '"', "{", "}", "[", "]", ",", "&a ", "*a", "!!python/object ",
             "!tag ", "? ", "|", ">", "---\n", "...", "~", "yes", "no", "on", "null", "1e400", "0x1F", "2017-02-30",
             "2017-13", "9999-24", "0000", "/", "../", "\\", "\\x00", "\x00", "\x07", "\ufeff", "\u202e", "\r\n",
             "<script>alert(1)</script>", "{{ config }}", "{% include 'x' %}", "&#106;avascript:", "Ä", "ё", "😀"]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("fuzz") / "data"
    for name, text in BASE.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    (data / "seminars").mkdir()
    return data


def check(data: Path, raw: bytes) -> None:
    """Load `raw` as the record `seminars/fuzz.yml`; render the archive when it is valid."""
    (data / "seminars" / "fuzz.yml").write_bytes(raw)
    try:
        result = load_archive(data, data.parent)
    except ArchiveInvalid as invalid:
        event("refused")
        assert invalid.problems, "ArchiveInvalid without a problem"
        for problem in invalid.problems:
            assert problem.path.startswith("data/") and problem.message and "\n" not in str(problem)
        return
    event("accepted and rendered")
    site = SiteRenderer(result.archive, REPO / "translations")
    for lang in site.languages:
        renderer = site.language(lang)
        pages = list(renderer.render_pages())
        assert len({page.key for page in pages}) == len(pages)
        record = result.archive.records.get("fuzz")
        if record is not None:
            page = next(page for page in pages if page.key == record.key)
            title = renderer.text(record.title)
            assert str(escape(title.text)) in page.html  # record text arrives escaped, as typed
    renderer.nav([("about", "")])


def test_the_seed_itself_is_valid(data_dir):
    (data_dir / "seminars" / "fuzz.yml").write_text(SEED, encoding="utf-8")
    assert "fuzz" in load_archive(data_dir, data_dir.parent).archive.records


@FUZZ
@given(text=st.text(max_size=3000))
def test_any_text_as_a_record_file(data_dir, text):
    check(data_dir, text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_any_bytes_as_a_record_file(data_dir, raw):
    check(data_dir, raw)


@st.composite
def mutated_seed(draw) -> bytes:
    text = SEED
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate line", "drop line", "indent"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(FRAGMENTS) | st.text(max_size=8)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 12)):]
        elif kind == "replace":
            text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[at + draw(st.integers(1, 6)):]
        else:
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, len(lines) - 1))
            if kind == "duplicate line":
                lines.insert(index, lines[index])
            elif kind == "drop line":
                del lines[index]
            else:
                lines[index] = draw(st.sampled_from([" ", "  ", "\t", "- "])) + lines[index]
            text = "".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return text.encode(encoding, errors="replace")


@FUZZ
@given(raw=mutated_seed())
def test_mutations_of_a_valid_record(data_dir, raw):
    check(data_dir, raw)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=40), st.sampled_from(["2017", "2017-23", "2017-02-30", "../x", "Moskau", ""]))
ANY_VALUE = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                         | st.dictionaries(st.text(max_size=8) | st.sampled_from(["de", "ru", "id", "role"]),
                                           inner, max_size=4), max_leaves=12)
TEXT = st.text(min_size=1, max_size=120).filter(lambda t: t.strip())
LOCALIZED = st.fixed_dictionaries({"de": TEXT}, optional={"ru": TEXT})
DATES = st.from_regex(r"\A\d{4}(-(0[1-9]|1[0-2]|2[1-4])(-[0-3]\d)?)?(/\d{4}(-(0[1-9]|1[0-2])(-[0-3]\d)?)?)?\Z")
IDS = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}\Z") | st.sampled_from(["selbsthilfe", "moskau", "fuzz"])
PLAUSIBLE = {
    "title": LOCALIZED.map(lambda d: {k: " ".join(v.split()) or "x" for k, v in d.items()}),
    "summary": LOCALIZED, "body": LOCALIZED, "date": DATES, "place": IDS, "number": st.integers(-5, 20000),
    "status": st.sampled_from(["planned", "held", "cancelled", "signed"]), "topics": st.lists(IDS, max_size=4),
    "relations": st.lists(st.fixed_dictionaries({"type": st.sampled_from(["rests_on", "part_of", "continues"]),
                                                 "record": IDS}), max_size=3),
    "translation": st.dictionaries(st.sampled_from(["de", "ru"]),
                                   st.sampled_from(["original", "reviewed", "unreviewed"]), min_size=1),
}


@st.composite
def generated_record(draw) -> bytes:
    record = dict(SEED_DATA)
    for field in draw(st.lists(st.sampled_from(sorted(set(SEED_DATA) | set(PLAUSIBLE))), max_size=5, unique=True)):
        choice = draw(st.sampled_from(["plausible", "plausible", "plausible", "any", "drop"]))
        if choice == "drop":
            record.pop(field, None)
        elif choice == "plausible" and field in PLAUSIBLE:
            record[field] = draw(PLAUSIBLE[field])
        else:
            record[field] = draw(ANY_VALUE)
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False).encode("utf-8", errors="surrogatepass")


@FUZZ
@given(raw=generated_record())
def test_generated_records(data_dir, raw):
    check(data_dir, raw)


@pytest.fixture(scope="module")
def structured_data_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("structured") / "data"
    write_base(data)
    return data


@settings(max_examples=int(os.environ.get("FUZZ_STRUCTURED_EXAMPLES", "25")), deadline=None, derandomize=True,
          database=None, suppress_health_check=list(HealthCheck))
@given(drawn=records())
def test_records_drawn_from_the_schemas_are_refused_or_fully_built(structured_data_dir, drawn):
    path, raw = drawn
    event(load_and_build(structured_data_dir, path, raw))
