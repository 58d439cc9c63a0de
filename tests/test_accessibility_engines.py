"""A second and a third opinion: pa11y (HTML_CodeSniffer, WCAG 2 AA) on every page type in both languages and both
colour schemes, and Lighthouse's accessibility score on a representative set (every page type, both languages:
`python tests/checkers/lighthouse_report.py`, scores in tests/checkers/LIGHTHOUSE.md).

Both drive Debian's Chromium from Node (tests/checkers/); nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil

import pytest

from accessibility_tools import (LIGHTHOUSE_JS, PA11Y_JS, REPO, case_id, lighthouse_scores, page_cases,
                                 pa11y_errors)

_INSTALLED = (REPO / "node_modules" / "pa11y").is_dir() and (REPO / "node_modules" / "lighthouse").is_dir()
pytestmark = pytest.mark.skipif((not _INSTALLED or not shutil.which("node")) and not os.environ.get("CI"),
                                reason="run `make test` (it installs pa11y and Lighthouse with npm ci)")

SCHEMES = ("light", "dark")
# Pages in the state they load in (the search's open state is axe's to check, see test_accessibility.py).
CASES = [case for case in page_cases() if not case[0].prepare]


def _url(base: str, path: str, scheme: str) -> str:
    return base + path + ("#dark" if scheme == "dark" else "")


@pytest.fixture(scope="module")
def pa11y_report(site_url):
    """One pa11y run over every page type, both languages and both schemes, plus the language chooser."""
    urls = [_url(site_url, page_type.url(lang), scheme) for page_type, lang in CASES for scheme in SCHEMES]
    urls += [_url(site_url, "index.html", scheme) for scheme in SCHEMES]
    return pa11y_errors(urls)


def _describe(issues: list[dict]) -> str:
    return "\n".join(f"{issue['code']}: {issue['message']}\n    at {issue['selector']}: {issue['context'][:200]}"
                     for issue in issues)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_pa11y_finds_no_error(case, scheme, pa11y_report, site_url):
    page_type, lang = case
    issues = pa11y_report[_url(site_url, page_type.url(lang), scheme)]
    if issues:
        pytest.fail(f"{page_type.url(lang)} ({scheme}):\n{_describe(issues)}", pytrace=False)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_pa11y_finds_no_error_on_the_language_chooser(scheme, pa11y_report, site_url):
    issues = pa11y_report[_url(site_url, "index.html", scheme)]
    assert not issues, _describe(issues)


def test_pa11y_reports_what_is_not_exempt():
    """pa11y runs and reports: an unlabelled field is an error, a form without submit button too, except the
    timeline filter's kind (PA11Y_EXEMPT)."""
    page = ('data:text/html,<!doctype html><html lang="de"><title>Probe</title><main><h1>Probe</h1>'
            '<form class="archive-filter"><select><option>a</option></select></form>'
            '<form><input type="text"></form></main></html>')
    found = {(issue["code"], issue["context"]) for issue in pa11y_errors([page])[page]}
    assert ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", '<form><input type="text"></form>') in found
    assert ("WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", '<input type="text">') in found
    assert ("WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", "<select><option>a</option></select>") in found
    assert not [context for code, context in found if context.startswith('<form class="archive-filter"')]


# Lighthouse: a few seconds per page, so a representative set here; all page types in lighthouse_report.py.
# It audits no page served with status 404, so the error page is scored as its file.
LIGHTHOUSE_PAGES = ("de/index.html", "ru/seminars/2017-06-moskau.html", "de/timeline.html",
                    "ru/people/elke-breitenbach.html", "de/404.html", "index.html")


@pytest.fixture(scope="module")
def lighthouse_report(site_url):
    urls = [site_url + path for path in LIGHTHOUSE_PAGES] + [_url(site_url, "ru/timeline.html", "dark")]
    return lighthouse_scores(urls)


@pytest.mark.parametrize("path", [*LIGHTHOUSE_PAGES, "ru/timeline.html#dark"])
def test_lighthouse_accessibility_score_is_100(path, lighthouse_report, site_url):
    result = lighthouse_report[site_url + path]
    assert (result["score"], result["failed"]) == (100, [])
    assert result.get("dark", False) == path.endswith("#dark")  # the dark scheme was the one audited
