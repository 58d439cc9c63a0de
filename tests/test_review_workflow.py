"""Review in the open: `status` summarises by kind and language and shows only a branch's changes with
`--changed`; `make translations-update` leaves the catalogs alone when no UI string changed; the review of a
translation (who, when) reaches the side-by-side page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, make_project

# Records with known translation gaps (see test_translation_status.py): de 1, ru 4.
FIXTURE = REPO / "tests/fixtures/translation-status"
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.rendering.site import SiteRenderer
from partnerschaftsarchiv.workflow.catalog_files import keep_committed_if_same

GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, env=GIT_ENV)


def status(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partnerschaftsarchiv", "status", *args], cwd=project,
                          capture_output=True, text=True, timeout=120)


def test_status_starts_with_a_summary_by_kind_and_language(tmp_path):
    run = status(make_project(tmp_path / "project", FIXTURE))
    assert run.returncode == 0, run.stdout
    lines = run.stdout.splitlines()
    assert lines[:10] == [
        "Translation status",
        "",
        "Entries to translate or review, by kind and language:",
        "kind              de    ru",
        "seminar            0     2",
        "meeting            1     0",
        "topic              0     1",
        "person             0     1",
        "total              1     4",
        "",
    ]
    assert lines[10] == "de: 1 entry to translate or review, 0 UI strings untranslated or fuzzy"


def test_status_changed_shows_only_what_the_branch_changed(tmp_path):
    project = make_project(tmp_path / "project", FIXTURE)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "main")
    git(project, "switch", "-q", "-c", "seminar")
    nothing = status(project, "--changed")
    assert nothing.returncode == 0
    assert "(none)" in nothing.stdout and "ru: 0 entries to translate or review" in nothing.stdout
    # One committed change, one edit not committed yet, one new file (complete: nothing to report for it).
    seminar = project / "data/seminars/2002-teststadt.yml"
    seminar.write_text(seminar.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "edit")
    topic = project / "data/topics/ohne-beschreibung-ru.yml"
    topic.write_text(topic.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    complete = project / "data/topics/vollstaendig.yml"
    (project / "data/topics/vollstaendig-kopie.yml").write_text(
        complete.read_text(encoding="utf-8").replace("id: vollstaendig", "id: vollstaendig-kopie"), encoding="utf-8")
    run = status(project, "--changed")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Translation status of the entries this branch changed against main"
    assert [line for line in lines if line.startswith("  data/")] == [
        "  data/seminars/2002-teststadt.yml: unreviewed", "  data/topics/ohne-beschreibung-ru.yml: missing (description)"]
    assert lines[3:7] == ["kind              de    ru", "seminar            0     1", "topic              0     1",
                          "total              0     2"]
    markdown = status(project, "--changed", "--format", "markdown").stdout
    assert "Only the entries this branch changed against `main`." in markdown
    assert "| seminar | 0 | 1 | \n| topic | 0 | 1 | \n" in markdown
    unknown = status(project, "--changed", "--base", "trunk")
    assert unknown.returncode == 2 and "error: --changed needs git and the branch 'trunk'" in unknown.stderr


POT = """# Template.
msgid ""
msgstr ""
"Project-Id-Version: Partnerschaftsarchiv\\n"
"POT-Creation-Date: {date}\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "{message}"
msgstr ""
"""


def test_a_template_differing_only_in_its_date_is_kept_as_committed(tmp_path):
    template = tmp_path / "messages.pot"
    committed = POT.format(date="2026-11-21 12:34+0000", message="Home")
    template.write_text(POT.format(date="2026-11-30 09:00+0000", message="Home"), encoding="utf-8")
    assert keep_committed_if_same(template, committed) is True
    assert template.read_text(encoding="utf-8") == committed
    template.write_text(POT.format(date="2026-11-30 09:00+0000", message="Start"), encoding="utf-8")
    assert keep_committed_if_same(template, committed) is False
    assert 'msgid "Start"' in template.read_text(encoding="utf-8")
    assert keep_committed_if_same(template, None) is False  # no commit to compare with: left as extracted


def test_make_translations_update_changes_nothing_when_nothing_changed(tmp_path):
    project = tmp_path / "project"
    for part in ("src", "hooks", "overrides", "translations"):
        shutil.copytree(REPO / part, project / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for part in ("Makefile", "babel.cfg", "pyproject.toml", "constraints.txt"):
        shutil.copy2(REPO / part, project / part)
    stamp = project / "installed-stamp"
    stamp.touch()  # newer than pyproject.toml and constraints.txt: nothing is installed
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "catalogs")
    # The environment of this test run stands in for .venv/.
    run = subprocess.run(["make", "--no-print-directory", "translations-update", f"BIN={Path(sys.executable).parent}",
                          f"STAMP={stamp.name}"], cwd=project, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "translations/messages.pot: only the creation date changed: kept as committed" in run.stdout
    changed = subprocess.run(["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True).stdout
    assert changed == ""


def test_the_review_reaches_the_side_by_side_page(tmp_path):
    project = make_project(tmp_path / "project")
    place = project / "data/places/moskau.yml"
    text = place.read_text(encoding="utf-8")
    assert "  ru: reviewed\n" in text
    record = project / "data/seminars/2017-06-moskau.yml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "translation:\n  de: original\n  ru: unreviewed\n",
        "translation:\n  de: original\n  ru: reviewed\nreview:\n  ru: {by: \"Anna Beispiel\", date: 2026-11-30}\n"),
        encoding="utf-8")
    archive = load_archive(project / "data", project).archive
    page = SiteRenderer(archive, project / "translations").language("de").side_by_side(
        archive.records["2017-06-moskau"])
    assert page.key == "review/seminars/2017-06-moskau"
    assert "Russisch: Übersetzung geprüft (von Anna Beispiel am 2026-11-30)</th>" in page.html
