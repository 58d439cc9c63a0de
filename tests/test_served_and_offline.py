"""Issue 15: every page type of both builds (with and without a site address) loads with no console error and no
failed request, from disk, from the unzipped offline copy and from a server below a sub-path (`/archiv/`),
including the 404 pages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import re

from accessibility_tools import PAGES, axe_violations, describe_violations, reserve_port
from conftest import make_project, run_build
from lighthouse_hosted import LIGHTHOUSE, scores as lighthouse_scores
from subpath_server import PREFIX, serve_below_prefix, visit

pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed")

# One page of every type in both languages, the root chooser and the 404 pages (a query string adds nothing here).
PATHS = ["index.html", "404.html", "de/404.html", "ru/404.html"] + list(dict.fromkeys(
    f"{lang}/{page.path}" for page in PAGES for lang in page.languages
    if "?" not in page.path and "no-such" not in page.path))
# Shown by the server at missing addresses: its own status is 404, nothing else may fail.
MISSING = ["de/no-such-page.html", "ru/no-such-page.html", "no-such-page.html"]


@pytest.fixture(scope="module")
def served_hosted(tmp_path_factory):
    """The archive built for the address of the test server that serves it below a sub-path: (site, its URL)."""
    sock = reserve_port()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}{PREFIX}"
    project = make_project(tmp_path_factory.mktemp("served") / "project")
    result = run_build(project, env={"PARTNERSCHAFTSARCHIV_SITE_URL": url})
    assert result.ok, result.output
    with serve_below_prefix(result.site, sock) as base:
        assert base == url
        yield result.site, base


@pytest.fixture(scope="module")
def served_plain(real_site):
    with serve_below_prefix(real_site.site) as base:
        yield real_site.site, base


def new_context(browser):
    """A context in which any request beyond this machine fails at once (and so counts as a failed request)."""
    context = browser.new_context()
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    return context


def _unzip(site: Path, target: Path) -> Path:
    with zipfile.ZipFile(site / "partnerschaftsarchiv.zip") as archive:
        archive.extractall(target)
    return target / "partnerschaftsarchiv"


def _problems(context, base: str, paths: list[str], status: int = 200) -> list[str]:
    problems = []
    for path in paths:
        seen = visit(context, base + path, status)
        errors = [e for e in seen.errors if not (status == 404 and "status of 404" in e and len(seen.errors) == 1)]
        if errors or seen.failed or not seen.stylesheets_applied:
            problems.append(f"{path}: styled={seen.stylesheets_applied} errors={errors[:3]} failed={seen.failed[:3]}")
    return problems


def _check_everywhere(browser, site: Path, base: str, unzipped: Path, from_disk: list[str] = PATHS) -> None:
    context = new_context(browser)
    try:
        problems = _problems(context, site.as_uri() + "/", from_disk)
        # The zip holds the same files (test_offline.py): the pages whose links depend on where they are.
        problems += [f"zip: {p}" for p in _problems(context, unzipped.as_uri() + "/", PATHS[:6])]
        problems += [f"served: {p}" for p in _problems(context, base, PATHS)]
        problems += [f"served: {p}" for p in _problems(context, base, MISSING, status=404)]
        page = context.new_page()
        for lang in ("de", "ru"):  # the 404 pages served at a missing address pass axe (label, target-size, …)
            page.goto(f"{base}{lang}/no-such-page.html")
            violations = axe_violations(page)
            assert not violations, describe_violations(violations)
        page.close()
    finally:
        context.close()
    assert problems == []


def test_build_without_address_loads_cleanly_everywhere(browser, served_plain, tmp_path):
    site, base = served_plain
    _check_everywhere(browser, site, base, _unzip(site, tmp_path))


def test_hosted_build_loads_cleanly_everywhere(browser, served_hosted, tmp_path):
    site, base = served_hosted
    # From disk its pages differ from the other build's only in the head (absolute links): the chooser, the 404
    # pages, the home and a record page stand for the rest.
    _check_everywhere(browser, site, base, _unzip(site, tmp_path), from_disk=PATHS[:8])


def test_404_pages_from_disk_are_styled_and_link_their_home(browser, real_site):
    context = new_context(browser)
    page = context.new_page()
    try:
        for lang in ("de", "ru"):
            page.goto((real_site.site / lang / "404.html").as_uri())
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
            with page.expect_navigation():
                page.click("article a[href='./index.html']")
            assert page.url == (real_site.site / lang / "index.html").as_uri()
    finally:
        context.close()


# Lighthouse 12 on a representative set (tests/lighthouse_hosted.py scores every page type: see its notes).
LIGHTHOUSE_PAGES = ["index.html", "de/seminars/2017-06-moskau.html", "ru/timeline.html", "ru/404.html"]


@pytest.mark.skipif(not LIGHTHOUSE.exists(), reason="the npm checkers (make checkers) are needed")
@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES)
def test_lighthouse_seo_and_best_practices_are_100(served_hosted, path):
    result, failed = lighthouse_scores(served_hosted[1] + path)
    assert result == {"best-practices": 100, "seo": 100}, failed
