"""The translation status: the command, its exit code on UI strings, and the page in every language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from conftest import REPO, make_project, run_build

FIXTURE = REPO / "tests/fixtures/translation-status"
# (language, file, state, missing texts): exactly the unfinished entries of the fixture.
EXPECTED = {
    ("de", "data/meetings/2004-teststadt.yml", "missing", ("body",)),
    ("ru", "data/people/erika-test.yml", "missing", ("name",)),
    ("ru", "data/seminars/2002-teststadt.yml", "unreviewed", ()),
    ("ru", "data/seminars/2003-teststadt.yml", "missing", ("title", "summary", "body")),
    ("ru", "data/topics/ohne-beschreibung-ru.yml", "missing", ("description",)),
}
LINE = re.compile(r"^  (data/\S+): (\w+)(?: \((.*)\))?$")


def status(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partnerschaftsarchiv", "status", "--root", str(project), *args],
                          capture_output=True, text=True, timeout=120)


def listed(output: str) -> set[tuple[str, str, str, tuple[str, ...]]]:
    found, lang = set(), None
    for line in output.splitlines():
        if re.match(r"^(de|ru): ", line):
            lang = line[:2]
        elif match := LINE.match(line):
            fields = tuple(match[3].split(", ")) if match[3] else ()
            found.add((lang, match[1], match[2], fields))
    return found


@pytest.fixture(scope="module")
def fixture_project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("status") / "project", FIXTURE)


@pytest.fixture(scope="module")
def fixture_site(fixture_project):
    result = run_build(fixture_project)
    assert result.ok, result.output
    return result


def test_command_lists_exactly_the_incomplete_entries(fixture_project):
    result = status(fixture_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert listed(result.stdout) == EXPECTED
    assert "OK: every UI string is translated." in result.stdout


def test_markdown_report_for_the_job_summary(fixture_project):
    result = status(fixture_project, "--format", "markdown")
    assert result.returncode == 0
    rows = re.findall(r"^\| `(data/[^`]+)` \| (\w+) \|", result.stdout, re.MULTILINE)
    assert sorted(rows) == sorted((path, state) for _, path, state, _ in EXPECTED)
    assert "| ru | 4 | 0 |" in result.stdout and "| de | 1 | 0 |" in result.stdout


def test_untranslated_and_fuzzy_ui_strings_fail(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    po = project / "translations/ru/LC_MESSAGES/messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="ru")
    catalog["Topics"].flags.add("fuzzy")
    catalog["Places"].string = ""
    del catalog["Sources"]  # still in messages.pot: a string the catalog has not taken in yet
    with po.open("wb") as handle:
        write_po(handle, catalog, width=120)
    result = status(project)
    assert result.returncode == 1
    ui = re.findall(r"messages\.po: (\w+): \"(.*)\"$", result.stdout, re.MULTILINE)
    assert sorted(ui) == [("fuzzy", "Topics"), ("untranslated", "Places"), ("untranslated", "Sources")]
    assert "FAILED: 3 UI strings" in result.stdout
    # The entries are still listed: the report is complete even when it fails.
    assert listed(result.stdout) == EXPECTED


def test_the_real_catalogs_are_complete():
    result = status(REPO)
    assert result.returncode == 0, result.stdout


def test_the_catalog_template_is_current(tmp_path):
    """Every UI string marked in the code is in messages.pot (run `make translations-update` when this fails)."""
    extracted = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_",
                    "-k", "NP_:1c,2", "-k", "NN_:1,2", "--no-location", "-o", str(extracted), "."], cwd=REPO, check=True, capture_output=True)

    def ids(path: Path) -> set:
        with path.open("rb") as handle:
            return {(m.context, m.id) for m in read_po(handle) if m.id}

    assert ids(extracted) == ids(REPO / "translations/messages.pot")


def test_status_page_in_every_language(fixture_site):
    for lang, heading in (("de", "Übersetzungsstand"), ("ru", "Состояние перевода")):
        page = fixture_site.page(f"{lang}/translation-status.html")
        assert f'<h1 id="page-title">{heading}</h1>' in page
        rows = re.findall(r'<tr class="archive-status-entry" data-path="([^"]+)" data-state="(\w+)">', page)
        assert sorted(rows) == sorted((path, state) for _, path, state, _ in EXPECTED)
        ru = page[page.index('id="status-ru"'):]
        assert "<code>title</code>, <code>summary</code>, <code>body</code>" in ru
        assert 'href="seminars/2003-teststadt.html"' in ru
    home = fixture_site.page("ru/index.html")
    assert 'href="translation-status.html"' in home  # in the navigation


def test_status_page_of_the_real_archive(real_site):
    page = real_site.page("ru/translation-status.html")
    assert "Все тексты интерфейса переведены." in page
    assert 'data-path="data/seminars/2017-06-moskau.yml" data-state="unreviewed"' in page
