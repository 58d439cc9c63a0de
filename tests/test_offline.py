"""Issue 4, offline: the built site opened from disk in Chromium works with no network at all, and so does the
zip readers download from the home page, once unzipped."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
# Inflected forms that occur nowhere in the pages: only a stemmed query finds the pages with other forms.
SEARCHES = {
    "de": ("Nachbarschaftshauses", "Nachbarschaftshäuser und Stadtteilzentren"),
    "ru": ("семинарами", "18-й социальный семинар в Москве"),
}
RECORD = "seminars/2017-06-moskau.html"
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")




@pytest.fixture(scope="module")
def unzipped(hosted_site, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(hosted_site.site / "partnerschaftsarchiv.zip") as archive:
        archive.extractall(target)
    return target / "partnerschaftsarchiv"


@pytest.fixture(params=["site", "unzipped"])
def site_dir(request, hosted_site) -> Path:
    """The hosted build (absolute URLs in it) as built, and as a reader gets it from the zip."""
    return hosted_site.site if request.param == "site" else request.getfixturevalue("unzipped")


def _search(page, word: str) -> list[str]:
    page.fill("input.md-search__input", word)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()


def _switch_language(page, lang: str) -> None:
    page.click(".md-header__option .md-select button")
    with page.expect_navigation():
        page.click(f".md-select__link[hreflang={lang}]")


def test_zip_holds_the_whole_site_but_not_itself(hosted_site):
    site = hosted_site.site
    with zipfile.ZipFile(site / "partnerschaftsarchiv.zip") as archive:
        names = set(archive.namelist())
        on_disk = {f"partnerschaftsarchiv/{p.relative_to(site).as_posix()}" for p in site.rglob("*") if p.is_file()}
        assert names == on_disk - {"partnerschaftsarchiv/partnerschaftsarchiv.zip"}
        assert archive.read(f"partnerschaftsarchiv/de/{RECORD}") == (site / "de" / RECORD).read_bytes()
    for lang in ("de", "ru"):
        home = hosted_site.page(f"{lang}/index.html")
        assert 'href="../partnerschaftsarchiv.zip"' in home


def test_search_index_lacks_the_inflected_forms(site_dir):
    for lang, (word, _) in SEARCHES.items():
        index = json.loads((site_dir / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert word.lower() not in json.dumps(index, ensure_ascii=False).lower()
        assert "stemmer" in index["config"]["pipeline"]


def test_offline_reading_makes_no_network_request(browser, site_dir):
    context = browser.new_context()
    requests: list[str] = []
    failed: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.on("requestfailed", lambda request: failed.append(request.url))
    page = context.new_page()
    try:
        for lang, (word, expected) in SEARCHES.items():
            page.goto((site_dir / lang / "index.html").as_uri())
            # Styles applied: Material's header is fixed to the top only with its stylesheet.
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
            assert page.get_attribute("html", "lang") == lang
            assert expected in _search(page, word)

        # The language selector leads to the same page in the other language, and back.
        page.goto((site_dir / "de" / RECORD).as_uri())
        for lang in ("ru", "de"):
            _switch_language(page, lang)
            assert page.url == (site_dir / lang / RECORD).as_uri()
            assert page.get_attribute("html", "lang") == lang
        # Navigation: the sidebar leads to another section.
        with page.expect_navigation():
            page.click(".md-sidebar--primary a.md-nav__link[href='../agreements/index.html']")
        assert page.url == (site_dir / "de" / "agreements" / "index.html").as_uri()
    finally:
        context.close()
    assert requests, "the browser recorded no requests at all"
    remote = [url for url in requests if not url.startswith(LOCAL_SCHEMES)]
    assert remote == []
    assert failed == []  # nothing the pages ask for is missing or refused under file://
    assert any(url.endswith("search_index.js") or "search" in url for url in requests)
