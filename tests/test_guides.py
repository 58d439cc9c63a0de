"""The editors' guides run as written: every shell command of README.md, CONTRIBUTING.md and docs/*/contributing.md,
each in a fresh copy of the repository's site project, and every worked YAML example fits its schema."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, make_project
from partnerschaftsarchiv.loading.schema import validate_document
from partnerschaftsarchiv.loading.yaml_source import read_yaml

GUIDES = ("README.md", "CONTRIBUTING.md", "docs/de/contributing.md", "docs/ru/contributing.md")
# Commands the test does not run, and why; any other command of a guide must run.
NOT_RUN = {
    "make build": "builds the whole site: test_site.py and every build test do",
    "make test": "is this test suite",
    "mkdocs build": "the same build as `make build`, in the environment",
    "mkdocs serve": "a server that runs until stopped",
    ". .venv/bin/activate": "the tests already run in the environment",
    "make build ENGINE=properdocs": "the same build with ProperDocs: test_engines.py builds and compares both",
    "make serve ENGINE=properdocs": "a server that runs until stopped",
    "pip install -c constraints.txt -e '.[mutation]'": "installs the mutation tester, which the suite does not need",
    "python tests/mutation.py": "mutation testing takes tens of minutes: a script beside the suite, not part of it",
}
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def blocks(language: str) -> list[tuple[str, str]]:
    """(guide, text) of every fenced block of that language in the guides."""
    return [(guide, match.group(2)) for guide in GUIDES
            for match in _FENCE.finditer((REPO / guide).read_text(encoding="utf-8")) if match.group(1) == language]


def commands() -> list[tuple[str, str]]:
    """(guide, command): continuation lines joined, comments and blank lines dropped."""
    found = []
    for guide, text in blocks("sh"):
        for line in re.sub(r"\\\n\s*", "", text).splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command and not command.startswith("#"):
                found.append((guide, command))
    return found


COMMANDS = commands()
RUN = sorted({command for _, command in COMMANDS if command not in NOT_RUN})


def test_the_guides_hold_the_commands_editors_need():
    run = set(RUN)
    kinds = {re.search(r" new (\w+)", c).group(1) for c in run if " new " in c}
    assert kinds == {"seminar", "agreement", "project", "meeting"}
    assert {"python -m partnerschaftsarchiv validate", "python -m partnerschaftsarchiv status",
            "python -m partnerschaftsarchiv status --changed", "pre-commit install"} <= run
    # Every guide with commands names each of its commands either to run or in NOT_RUN with a reason.
    assert {guide for guide, _ in COMMANDS} == set(GUIDES)


def _git(project: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"})


def fresh_repository(target: Path) -> Path:
    """A copy of the site project as a git repository on `main` with the shipped data committed."""
    project = make_project(target)
    for extra in (".pre-commit-config.yaml", "Makefile", ".yamllint"):
        if (REPO / extra).is_file():
            shutil.copy2(REPO / extra, project / extra)
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "shipped data")
    return project


@pytest.mark.parametrize("command", RUN)
def test_every_command_of_the_guides_runs_as_written(command, tmp_path):
    project = fresh_repository(tmp_path / "project")
    # The environment's scripts first, as after `. .venv/bin/activate`.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    before = {p.relative_to(project).as_posix() for p in (project / "data").rglob("*.yml")}
    run = subprocess.run(command, shell=True, cwd=project, capture_output=True, text=True, timeout=300,
                         stdin=subprocess.DEVNULL, env={**os.environ, "PATH": path})
    assert run.returncode == 0, f"{command}\n{run.stdout}\n{run.stderr}"
    after = {p.relative_to(project).as_posix() for p in (project / "data").rglob("*.yml")}
    if " new " in command:
        created = after - before
        assert len(created) == 1, created  # a new record, never an existing one rewritten
        assert run.stdout.startswith(f"created {created.pop()}: replace the placeholder texts")
    else:
        assert after == before
    if command == "pre-commit install":
        assert "pre-commit" in (project / ".git/hooks/pre-commit").read_text(encoding="utf-8")


def test_the_validate_message_quoted_in_the_guides_is_what_validate_says(tmp_path):
    project = fresh_repository(tmp_path / "project")
    new = next(c for c in RUN if "new seminar --date 2017-06-04/2017-06-09" in c)
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"  # as after activating
    subprocess.run(new, shell=True, cwd=project, check=True, capture_output=True, stdin=subprocess.DEVNULL,
                   env={**os.environ, "PATH": path})
    validated = subprocess.run([sys.executable, "-m", "partnerschaftsarchiv", "validate"], cwd=project,
                               capture_output=True, text=True, timeout=120)
    assert validated.returncode == 1
    quoted = "data/seminars/2017-06-moskau-uebung.yml:31: title.de: still the placeholder of `new`: write what the " \
             "source says here"
    assert quoted in validated.stderr.splitlines()
    for guide in ("docs/de/contributing.md", "docs/ru/contributing.md"):
        assert quoted in (REPO / guide).read_text(encoding="utf-8")


WORKED_EXAMPLES = [(guide, text) for guide, text in blocks("yaml") if text.startswith("# yaml-language-server")]


def test_there_is_a_worked_example_of_every_kind_in_both_languages():
    for guide in ("docs/de/contributing.md", "docs/ru/contributing.md"):
        schemas = {re.search(r"schemas/(\w+)\.schema\.json", text).group(1)
                   for g, text in WORKED_EXAMPLES if g == guide}
        assert schemas == {"seminar", "source", "organization", "place", "person", "topic"}, guide


@pytest.mark.parametrize("guide, text", WORKED_EXAMPLES, ids=[f"{g}:{i}" for i, (g, _) in enumerate(WORKED_EXAMPLES)])
def test_every_worked_example_fits_its_schema(guide, text):
    schema = re.search(r"schemas/(\w+)\.schema\.json", text).group(1)
    doc = read_yaml(text.encode("utf-8"), f"{guide} example")
    assert not doc.problems
    assert [str(problem) for problem in validate_document(doc, schema)] == []
