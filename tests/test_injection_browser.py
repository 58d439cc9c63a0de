"""Pages built from hostile records, loaded in headless Chromium: nothing a record says ever runs.

Every payload in `hostile_records/` calls `alert` or sets `window.__pwned`; the test fails on any dialog, on the
flag, on a script error and on a link the browser resolves to a `javascript:` URL. It also searches for the hostile
title with Material's search, so the search results render record text too. The site is served from 127.0.0.1;
every request elsewhere is refused (Material's offline plugin asks a CDN for a worker shim).
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

pytest.importorskip("playwright.sync_api")

HOSTILE_PAGES = ["seminars/feindlich.html", "seminars/index.html", "index.html", "topics/feindliches-thema.html",
                 "topics/index.html", "people/feindliche-person.html", "people/index.html",
                 "organizations/feindliche-organisation.html", "organizations/index.html",
                 "places/feindlicher-ort.html", "places/index.html", "sources/index.html"]

PWNED = "() => window.__pwned"
JAVASCRIPT_LINKS = "() => Array.from(document.querySelectorAll('a[href]')).filter(a => a.protocol === 'javascript:')" \
                   ".map(a => a.outerHTML)"
HANDLERS = "() => Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes))" \
           ".filter(a => a.name.startsWith('on')).map(a => a.ownerElement.tagName + ' ' + a.name)"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(hostile_site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(_QuietHandler, directory=str(hostile_site.site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)




class Watched:
    """A page that records every dialog and script error, and may only reach the local server."""

    def __init__(self, browser, base: str):
        self.context = browser.new_context()
        self.context.route("**/*", lambda route: route.continue_()
                           if route.request.url.startswith((base, "file://")) else route.abort())
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def assert_nothing_ran(self, where: str) -> None:
        assert self.dialogs == [], f"{where}: dialogs {self.dialogs}"
        assert self.page.evaluate(PWNED) is None, f"{where}: window.__pwned was set"
        assert self.errors == [], f"{where}: script errors {self.errors}"
        assert self.page.evaluate(JAVASCRIPT_LINKS) == [], where
        assert self.page.evaluate(HANDLERS) == [], where


@pytest.fixture
def watched(browser, server):
    watched = Watched(browser, server)
    yield watched
    watched.context.close()


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_hostile_pages_run_nothing(watched, server, lang):
    for path in HOSTILE_PAGES:
        url = f"{server}/{lang}/{path}"
        watched.page.goto(url, wait_until="load")
        assert watched.page.title(), url
        # Hover and click everything a record put into the page body: links without a target do nothing.
        for link in watched.page.locator("article a:not([href])").all():
            link.hover()
            link.click()
        watched.assert_nothing_ran(url)


def test_record_page_opened_from_disk_runs_nothing(watched, hostile_site):
    page = hostile_site.site / "de" / "seminars" / "feindlich.html"
    watched.page.goto(page.as_uri(), wait_until="load")
    assert "Feind" in watched.page.title()
    watched.assert_nothing_ran(page.as_uri())


# The Russian stemmer finds "Враг" in many words; a word of the payload itself puts the record first.
@pytest.mark.parametrize("lang, query, title", [("de", "Feind", "Feind"), ("ru", "onmouseover", "Враг")])
def test_search_results_for_a_hostile_title_run_nothing(watched, server, lang, query, title):
    watched.page.goto(f"{server}/{lang}/index.html", wait_until="load")
    watched.page.click("input.md-search__input")
    watched.page.keyboard.type(query, delay=20)
    result = watched.page.locator(".md-search-result__item", has_text=title).first
    result.wait_for(state="visible", timeout=20_000)
    # The title shows as the text it is, tags and quotes included, not as markup.
    shown = " ".join(result.locator("h1").first.inner_text().split())
    assert "<script>" in shown and "</script>" in shown, shown
    watched.assert_nothing_ran(f"search for {query}")
    result.locator("a").first.click()
    watched.page.wait_for_url("**/seminars/feindlich.html*")
    watched.assert_nothing_ran("the search result's page")
