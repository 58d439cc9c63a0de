"""Shared fixtures: real builds of real or fixture records in temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# What a site project consists of, apart from its records.
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "translations")
# The engine the site fixtures build with: mkdocs, or properdocs (`make test` runs the site tests under both).
ENGINE = os.environ.get("PARTNERSCHAFTSARCHIV_TEST_ENGINE", "mkdocs")


@dataclass
class BuildResult:
    project: Path
    site: Path
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def make_project(target: Path, data: Path | None = None) -> Path:
    """A copy of this repository's site project in `target`, with the records of `data` (default: the real ones)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    shutil.copytree(data or REPO / "data", target / "data")
    return target


def run_build(project: Path, site: Path | None = None, *extra: str, env: dict[str, str] | None = None,
              engine: str = ENGINE) -> BuildResult:
    """`mkdocs build` (or `properdocs build`) as a user runs it, in `project`; `env` adds environment variables
    (e.g. the site address)."""
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    env.pop("PARTNERSCHAFTSARCHIV_LANGUAGE", None)
    run = subprocess.run([sys.executable, "-m", engine, "build", "--config-file", "mkdocs.yml", "--site-dir", str(site),
                          *extra],
                         cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return BuildResult(project, site, run.returncode, run.stdout + run.stderr)


def run_validate(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partnerschaftsarchiv", "validate", "--root", str(project)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real archive, built once per test session."""
    project = make_project(tmp_path_factory.mktemp("real") / "project")
    result = run_build(project)
    assert result.ok, result.output
    return result


CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium, headless, no sandbox (root in CI), nothing that reaches out on its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session: Playwright's sync API allows one running instance per thread."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A fresh copy of the real project to break or extend in one test."""
    return make_project(tmp_path / "project")


SITE_URL = "https://archiv.example.org/partnerschaft/"


@pytest.fixture(scope="session")
def hosted_site(tmp_path_factory) -> BuildResult:
    """The real archive built as the GitHub Pages workflow builds it: with a site address (issue 4)."""
    project = make_project(tmp_path_factory.mktemp("hosted") / "project")
    result = run_build(project, env={"PARTNERSCHAFTSARCHIV_SITE_URL": SITE_URL})
    assert result.ok, result.output
    return result


HOSTILE_RECORDS = Path(__file__).resolve().parent / "hostile_records" / "data"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> BuildResult:
    """The real archive plus records whose every text tries to run code (`hostile_records/`), built once."""
    project = make_project(tmp_path_factory.mktemp("hostile") / "project")
    shutil.copytree(HOSTILE_RECORDS, project / "data", dirs_exist_ok=True)
    result = run_build(project)
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """The real archive built for a known address and served there, as deployed (the 404 page needs site_url).

    `real_site` is built without site_url, so its 404 page cannot load its styles when served; hence this build.
    """
    from accessibility_tools import reserve_port, serve

    sock = reserve_port()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    project = make_project(tmp_path_factory.mktemp("deployed") / "project")
    result = run_build(project, env={"PARTNERSCHAFTSARCHIV_SITE_URL": url})
    assert result.ok, result.output
    with serve(result.site, sock) as served:
        assert served == url
        yield url


def exports_of(target: Path, records: dict[str, str], made, changed=None) -> dict[tuple[str, bool], dict[str, bytes]]:
    """Every open-data file of both languages, with and without a site address (keyed `(lang, hosted)`), made
    in-process from the real records plus `records` (path below data/ → YAML text); `changed`: when record files
    last changed (path → time), as the build reads it from git."""
    from partnerschaftsarchiv.exports.language import language_exports
    from partnerschaftsarchiv.loading import load_archive
    from partnerschaftsarchiv.publishing import SiteAddress
    from partnerschaftsarchiv.rendering.site import SiteRenderer

    data = target / "data"
    shutil.copytree(REPO / "data", data)
    for path, text in records.items():
        (data / path).write_text(text, encoding="utf-8")
    site = SiteRenderer(load_archive(data).archive, REPO / "translations")
    return {(lang, address.hosted): {f.path: f.content
                                        for f in language_exports(site.language(lang), address, made, changed)}
            for lang in site.languages for address in (SiteAddress("https://example.org/archiv/"), SiteAddress())}


def pytest_collection_modifyitems(items):
    """Under mutmut (which stops at the first failing test), the quick loader tests first and the corpus of bad
    records, the slowest, last: a mutant most tests catch is then told in a second, not after the corpus."""
    if "MUTANT_UNDER_TEST" in os.environ:
        items.sort(key=lambda item: (item.nodeid.startswith("tests/test_bad_records.py"),
                                     not item.nodeid.startswith("tests/test_core_loader.py")))
