"""The speed-ups the benchmark led to change nothing a user sees: same data, same problems, same site.

* YAML is parsed by libyaml where PyYAML has it; any file with a problem is read again by the pure-Python loader,
  whose messages are the ones we show.
* JSON Schema: `$ref`s are inlined and fastjsonschema lets valid records skip jsonschema, which alone reports.
* The root build validates once and hands the archive to the language builds through a pipe.
"""

from __future__ import annotations

import copy
import json
import os
import posixpath
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from conftest import REPO, make_project
from partnerschaftsarchiv.loading import ArchiveInvalid, dump_snapshot, load_archive, load_snapshot
from partnerschaftsarchiv.loading import schema as schema_module
from partnerschaftsarchiv.loading import yaml_source
from partnerschaftsarchiv.loading.schema import SCHEMA_NAMES, schema_path, validate_document
from partnerschaftsarchiv.loading.yaml_source import YamlDocument, read_yaml
from partnerschaftsarchiv.rendering.outline import Heading, first_heading

REAL_FILES = sorted((REPO / "data").glob("*/*.yml"))
FOLDER_SCHEMA = {"seminars": "seminar", "agreements": "agreement", "projects": "project", "meetings": "meeting",
                 "topics": "topic", "organizations": "organization", "people": "person", "places": "place",
                 "sources": "source"}


def _pure(text: str, path: str = "f.yml") -> YamlDocument:
    return yaml_source._read_pure(YamlDocument(path), text)


def _seen(doc: YamlDocument) -> tuple:
    return doc.data, doc.lines, [str(p) for p in doc.problems]


# YAML ----------------------------------------------------------------------------------------------------------


def test_libyaml_is_used_where_pyyaml_has_it():
    import yaml

    assert (yaml_source._FastRecordLoader is not None) == bool(getattr(yaml, "__with_libyaml__", False))


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_records_read_the_same_as_with_the_pure_python_loader(path):
    raw = path.read_bytes()
    assert _seen(read_yaml(raw, path.name)) == _seen(_pure(raw.decode("utf-8-sig"), path.name))


@pytest.mark.parametrize("text", [
    "a: 1\n\tb: 2\n",  # tab
    "a: &x 1\nb: *x\n",  # anchor and alias
    "a: &x 1\n",  # anchor alone
    "a: *x\n",  # alias without anchor
    "text: 'A & B'\nb: *x\n",  # '&' in text, alias
    "a: 1\na: 2\n",  # duplicate key
    "a: !!python/object:os.system 1\n",  # tag
    "a: !custom 1\n",
    "", "# nothing\n",
    "a: [1, 2\n", "a: 'x\n", "a: b: c\n", "? [1]\n: 2\n",
    "date: 2017-06-04\nk: on\nn: 012\nf: .inf\nx: 1_000\n",  # implicit types, dates stay text
    "a: |\n  x\n   y\n", "- 1\n- 2\n", "a: \ufeffx\n", "a: \x85b\n",
])
def test_problems_and_values_are_the_same_as_with_the_pure_python_loader(text):
    assert _seen(read_yaml(text.encode("utf-8"), "f.yml")) == _seen(_pure(text))


def test_anchors_and_aliases_are_still_refused():
    for text in ("a: &x 1\nb: *x\n", "a: *x\n", "a: &x [1]\n"):
        doc = read_yaml(text.encode("utf-8"), "f.yml")
        assert doc.problems and doc.data is None, text
        assert "not allowed in records" in str(doc.problems[0]) or "alias" in str(doc.problems[0]), text


def test_the_invisible_character_class_is_the_unicode_rule():
    """The one regular expression finds exactly the characters of the rule, over all of Unicode: controls, every
    format character (Cf), surrogates, private use, non-characters, line/paragraph separators, invisible letters."""
    invisible_letters = set("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0")
    for code in range(0x110000):
        ch = chr(code)
        category = unicodedata.category(ch)
        non_character = 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
        unicode_15_format = 0x13439 <= code <= 0x1343F  # Egyptian format controls, Cf since Unicode 15
        refused = ((category == "Cc" and ch not in "\t\n\r") or category in ("Cf", "Cs", "Co", "Zl", "Zp")
                   or non_character or ch in invisible_letters or unicode_15_format)
        assert bool(yaml_source.INVISIBLE_CHARACTER.fullmatch(ch)) == refused, hex(code)


@pytest.mark.parametrize(("text", "named"), [
    ('title: "a\\u0007b"\n', "U+0007 (control character)"),
    ('title: "a\\uD800"\n', "U+D800 (lone surrogate)"),
    ("title: a\u202eb\n", "U+202E (right-to-left override)"),
    ('title: "\\x85"\n', "U+0085 (control character)"),
    ("title: a\u00adb\n", "U+00AD (soft hyphen)"),
    ("title: a\u200bb\n", "U+200B (zero width space)"),
    ('title: "a\\u2028b"\n', "U+2028 (line separator)"),
    ("title: a\U000e0041b\n", "U+E0041 (tag latin capital letter a)"),
    ("title: a\ue000b\n", "U+E000 (private use character)"),
    ("title: a\u3164b\n", "U+3164 (hangul filler)"),
])
def test_invisible_characters_are_named_where_they_are(text, named):
    doc = read_yaml(text.encode("utf-8"), "f.yml")
    assert [str(p) for p in doc.problems] == [f"f.yml:1: title: contains the invisible character {named}: remove it"]


# JSON Schema ---------------------------------------------------------------------------------------------------


def _reference_validator(name: str) -> Draft7Validator:
    """The validator as it was: `$ref`s resolved through the registry (patterns ending the text at `$`, as JSON
    Schema means them)."""
    load = lambda n: schema_module._python_patterns(json.loads(schema_path(n).read_text(encoding="utf-8")))  # noqa: E731
    registry = Registry().with_resource("common.schema.json", Resource(load("common"), DRAFT7))
    return Draft7Validator(load(name), registry=registry)


_MUTATIONS = [
    lambda d: d.pop("title", None), lambda d: d.pop("translation", None),
    lambda d: d.__setitem__("title", {"de": "two\nlines"}), lambda d: d.__setitem__("title", {}),
    lambda d: d.__setitem__("title", {"de": " "}), lambda d: d.__setitem__("title", None),
    lambda d: d.__setitem__("name", {"de": ""}), lambda d: d.__setitem__("summary", {"de": "x" * 3000}),
    lambda d: d.__setitem__("status", "wierd"), lambda d: d.__setitem__("extra", 1),
    lambda d: d.__setitem__("id", "Bad_Id"), lambda d: d.__setitem__("id", "abc\n"),
    lambda d: d.__setitem__("topics", ["a", "a"]), lambda d: d.__setitem__("topics", "a"),
    lambda d: d.__setitem__("topics", [1, True]),
    lambda d: d.__setitem__("sources", [{"source": "x", "page": 1}]),
    lambda d: d.__setitem__("people", [{"id": "x", "role": "boss", "function": {"fr": "x"}}]),
    lambda d: d.__setitem__("relations", [{"type": "x"}]), lambda d: d.__setitem__("date", 2017),
    lambda d: d.__setitem__("number", 0), lambda d: d.__setitem__("number", True),
    lambda d: d.__setitem__("number", 1.0), lambda d: d.__setitem__("number", 2.5),
    lambda d: d.__setitem__("translation", {"de": "orig"}), lambda d: d.__setitem__("url", "ftp://x"),
    lambda d: None,
]


def test_schema_problems_are_the_same_and_only_valid_records_skip_jsonschema():
    checked = 0
    for path in REAL_FILES:
        name = FOLDER_SCHEMA[path.parent.name]
        doc = read_yaml(path.read_bytes(), path.name)
        for mutate in _MUTATIONS:
            mutated = YamlDocument(doc.path, copy.deepcopy(doc.data), doc.lines)
            mutate(mutated.data)
            reference = sorted(_reference_validator(name).iter_errors(mutated.data),
                               key=lambda e: list(map(str, e.absolute_path)))
            expected = list(dict.fromkeys(str(mutated.problem(*schema_module._explain(e))) for e in reference))
            assert [str(p) for p in validate_document(mutated, name)] == expected, (path.name, mutated.data)
            if schema_module._surely_valid(mutated.data, name):
                assert not reference, (path.name, mutated.data)
            checked += 1
    assert checked == len(REAL_FILES) * len(_MUTATIONS)


def test_inlined_schemas_have_no_references_left():
    for name in SCHEMA_NAMES:
        assert "$ref" not in json.dumps(schema_module._inlined(name)), name


# Snapshot: validate once per build -----------------------------------------------------------------------------


def test_snapshot_round_trip_and_refusal(tmp_path):
    result = load_archive(REPO / "data", REPO)
    copy_ = load_snapshot(dump_snapshot(result, REPO / "data"), REPO / "data")
    assert copy_.archive.records == result.archive.records
    assert copy_.archive.people == result.archive.people
    assert [str(n) for n in copy_.notices] == [str(n) for n in result.notices]
    for record in result.archive.records.values():
        assert copy_.archive.linked(record) == result.archive.linked(record)
    with pytest.raises(ValueError, match="not a snapshot of"):
        load_snapshot(dump_snapshot(result, REPO / "data"), tmp_path / "data")
    with pytest.raises(ValueError, match="no valid snapshot"):
        load_snapshot(b"", REPO / "data")


def test_the_build_validates_once_and_writes_no_temporary_file(tmp_path):
    """Break a record after the root has validated: the language builds never read data/ again (they get the
    archive through a pipe, not a temporary file)."""
    project = make_project(tmp_path / "project")
    temp = tmp_path / "tmp"
    temp.mkdir()
    # A hook run before ours breaks a record once the root build has read it (on_config runs at priority 100).
    (project / "hooks" / "break_after_load.py").write_text(
        "import os\nfrom pathlib import Path\nfrom mkdocs.plugins import event_priority\n\n"
        "@event_priority(50)\ndef on_config(config):\n"
        "    if not os.environ.get('PARTNERSCHAFTSARCHIV_LANGUAGE'):\n"
        "        path = Path(config.config_file_path).parent / 'data' / 'seminars' / '2017-06-moskau.yml'\n"
        "        path.write_text(path.read_text(encoding='utf-8').replace('kind: seminar', 'kind: seminar\\n"
        "bogus: 1'), encoding='utf-8')\n"
        "    return config\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  - hooks/archive.py", "  - hooks/archive.py\n"
                                                       "  - hooks/break_after_load.py"), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)}
    env.pop("PARTNERSCHAFTSARCHIV_LANGUAGE", None)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    # The record on disk is broken now, yet both languages were built from the validated archive.
    with pytest.raises(ArchiveInvalid):
        load_archive(project / "data", project)
    for lang in ("de", "ru"):
        page = (project / "site" / lang / "seminars" / "2017-06-moskau.html").read_text(encoding="utf-8")
        assert "<h1 id=\"page-title\">" in page and 'class="archive-record' in page
    assert _left_in(temp) == []


def _left_in(temp: Path) -> list[Path]:
    """What a build left in the temporary folder besides Jinja's cache of compiled templates (kept on purpose)."""
    return [p for p in temp.iterdir() if not p.name.startswith("_jinja2-cache-")]


# Links ---------------------------------------------------------------------------------------------------------


def test_relative_links_reach_their_page_and_depend_only_on_the_depth():
    from partnerschaftsarchiv.rendering.site import SiteRenderer, relative_url

    site = SiteRenderer(load_archive(REPO / "data", REPO).archive, REPO / "translations")
    keys = site.page_keys() + ["about", "a/b/c", "a/b/d", "a/c", "seminars/seminars/x"]
    by_depth: dict[tuple[int, str], set[str]] = {}
    for source in keys:
        for target in keys:
            link = relative_url(source, target)
            assert posixpath.normpath(posixpath.join(posixpath.dirname(source), link)) == f"{target}.html"
            by_depth.setdefault((source.count("/"), target), set()).add(link)
    assert all(len(links) == 1 for links in by_depth.values())  # what lets a timeline entry be reused


def test_a_failed_language_build_leaves_the_previous_site(tmp_path):
    project = make_project(tmp_path / "project")
    temp = tmp_path / "tmp"
    temp.mkdir()
    site = project / "site"
    site.mkdir()
    (site / "previous.html").write_text("previous", encoding="utf-8")
    (project / "docs" / "ru" / "seminars").mkdir()
    (project / "docs" / "ru" / "seminars" / "index.md").write_text("# Clash\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)}
    env.pop("PARTNERSCHAFTSARCHIV_LANGUAGE", None)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode != 0
    assert "[ru]" in run.stderr and "has the path of a generated page" in run.stderr
    assert [p.name for p in site.iterdir()] == ["previous.html"]
    assert not (project / "site.partial").exists()
    assert _left_in(temp) == []


def test_invalid_records_stop_the_language_builds_started_early(tmp_path):
    """The language builds start before the root validates; a validation error stops them and keeps the site."""
    project = make_project(tmp_path / "project")
    record = project / "data" / "seminars" / "2017-06-moskau.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("kind: seminar", "kind: seminar\nbogus: 1"),
                      encoding="utf-8")
    site = project / "site"
    site.mkdir()
    (site / "previous.html").write_text("previous", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PARTNERSCHAFTSARCHIV_LANGUAGE", None)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode != 0
    assert "data/seminars/2017-06-moskau.yml:5: bogus: unknown field 'bogus'" in run.stderr
    assert "[de]" not in run.stderr and "[ru]" not in run.stderr
    assert [p.name for p in site.iterdir()] == ["previous.html"]
    assert not (project / "site.partial").exists()
    config = str(project / "mkdocs.yml")
    still_running = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if config in cmdline.read_bytes().decode("utf-8", "replace"):
                still_running.append(cmdline.parent.name)
        except OSError:
            continue
    assert still_running == []


def test_only_text_of_bounded_nesting_reaches_libyamls_recursive_composer():
    """libyaml's composer recurses in C: deep nesting from a pull request must never reach it."""
    assert all(yaml_source._is_shallow(path.read_text(encoding="utf-8")) for path in REAL_FILES)
    assert not yaml_source._is_shallow("a: " + "[" * 300 + "]" * 300 + "\n")
    assert not yaml_source._is_shallow("- " * 150 + "x\n")
    assert not yaml_source._is_shallow("".join(" " * i + f"k{i}:\n" for i in range(250)))
    # A whole file of brackets (256 KiB) is refused at once, in either loader.
    deep = ("a: " + "[" * 250_000).encode()
    assert [p.message for p in read_yaml(deep, "deep.yml").problems] == \
        [p.message for p in yaml_source._read_pure(YamlDocument("deep.yml"), deep.decode()).problems]


# Skip links ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("html", "expected"), [
    ('<h1>no id</h1><h2 id="a">A</h2><h1 id="t">The <em>title</em>\n of it</h1><h1 id="u">U</h1>',
     Heading(1, "t", "The title of it")),
    ('<p>x</p><H1 ID="up">Upper</H1>', Heading(1, "up", "Upper")),
    ("<h2 id='a'>A</h2><p>a &amp; b</p>", None),
    ('<h1 id="e">A &amp; B &lt;i&gt;</h1>', Heading(1, "e", "A & B <i>")),
    ("", None),
])
def test_first_heading_parses_only_what_it_needs_and_finds_the_same(html, expected):
    assert first_heading(html, 1) == expected


def test_every_generated_page_skips_to_its_title(real_site):
    from partnerschaftsarchiv.rendering.site import SiteRenderer

    generated = SiteRenderer(load_archive(REPO / "data", REPO).archive, REPO / "translations").page_keys()
    checked = 0
    for lang in ("de", "ru"):
        for page in (real_site.site / lang).rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            if '<h1 id="page-title">' not in html or page.name == "404.html":
                continue  # theme pages and hand-written Markdown pages (their headings come from Markdown)
            assert '<a href="#page-title" class="md-skip">' in html, page
            checked += 1
    assert checked == 2 * len(generated)


# Compiled templates kept between builds -------------------------------------------------------------------------


def test_a_changed_template_is_compiled_again(tmp_path, monkeypatch):
    from partnerschaftsarchiv.rendering import template_cache
    from partnerschaftsarchiv.rendering.site import SiteRenderer

    archive = load_archive(REPO / "data", REPO).archive
    layout = tmp_path / "layouts" / "record.html"
    layout.parent.mkdir()
    seen = []
    for version in ("first", "second", "second"):
        layout.write_text(f"<h1 id=\"page-title\">{version}: {{{{ record.id }}}}</h1>\n", encoding="utf-8")
        renderer = SiteRenderer(archive, REPO / "translations", layouts_dir=tmp_path / "layouts").language("de")
        assert renderer.env.bytecode_cache is not None
        seen.append(renderer.record(next(iter(archive.records.values()))).html.split(":")[0])
    assert seen == ['<h1 id="page-title">first', '<h1 id="page-title">second', '<h1 id="page-title">second']
    monkeypatch.setenv(template_cache.CACHE_ENV, "off")
    assert template_cache.template_cache("archive") is None
