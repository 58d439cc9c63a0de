"""The accessibility checkers and browser helpers the tests share: axe-core in Chromium, the Nu HTML Checker, keys.

`PAGES` lists the page types checked in every language: add a line for a new page type (timeline, year pages, …).
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import socket
import subprocess
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

REPO = Path(__file__).resolve().parent.parent
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ("de", "ru")
PA11Y_JS = REPO / "tests" / "checkers" / "pa11y_pages.js"
LIGHTHOUSE_JS = REPO / "tests" / "checkers" / "lighthouse_pages.mjs"
CHROMIUM = "/usr/bin/chromium"
# WCAG 2.0 and 2.1, levels A and AA: what BITV 2.0 (EN 301 549) asks of web pages; and axe's best practices
# (landmarks, named dialogs, roles allowed on an element), which catch barriers the success criteria leave open.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def open_search(page, query: str = "Inklusion") -> None:
    """Open Material's search with the keyboard shortcut and wait for its results."""
    page.keyboard.press("s")
    page.wait_for_selector(".md-search__input:focus")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")


@dataclass(frozen=True)
class PageType:
    """One kind of page to check: `path` below the language folder; `prepare` puts it in the state to check;
    `generated` is False for hand-written pages (their authors mark languages themselves)."""

    name: str
    path: str
    prepare: Callable | None = None
    languages: tuple[str, ...] = LANGUAGES
    generated: bool = True

    def url(self, lang: str) -> str:
        return f"{lang}/{self.path}"


PAGES: tuple[PageType, ...] = (
    PageType("home", "index.html"),
    PageType("seminar", "seminars/2017-06-moskau.html"),
    PageType("agreement", "agreements/2012-09-25-kooperationsvereinbarung-soziales.html"),
    PageType("project", "projects/2014-2016-berufliche-eingliederung.html"),
    PageType("meeting", "meetings/2017-05-12-berlin-arbeitstreffen.html"),
    PageType("section", "seminars/index.html"),
    PageType("topic index", "topics/index.html"),
    PageType("topic", "topics/inklusion.html"),
    PageType("organization", "organizations/paritaet-berlin.html"),
    PageType("person", "people/elke-breitenbach.html"),
    PageType("place", "places/moskau.html"),
    PageType("sources", "sources/index.html"),
    PageType("source", "sources/seminare-soziales.html"),
    PageType("side by side", "review/seminars/2017-06-moskau.html"),
    PageType("timeline", "timeline.html"),
    PageType("years", "years/index.html"),
    PageType("year", "years/2017.html"),
    PageType("data", "data.html"),
    PageType("translation status", "translation-status.html"),
    PageType("contributing", "contributing.html", generated=False),
    PageType("field reference", "fields.html", generated=False),
    PageType("about", "about.html", generated=False),
    PageType("accessibility statement", "accessibility.html", generated=False),
    PageType("legal notice", "legal-notice.html", generated=False),
    PageType("privacy statement", "privacy.html", generated=False),
    # Leichte Sprache in German, a short page in plain Russian (ясный язык) under the same file name.
    PageType("easy language", "leichte-sprache.html", generated=False),
    PageType("404", "no-such-page.html"),  # served by the test server's 404 handler, like a real web server
    PageType("search open", "index.html", prepare=open_search),
    # A search result opened: Material marks the search words on the page.
    PageType("search words marked", "seminars/2017-06-moskau.html?h=Moskau"),
)


def page_cases() -> list[tuple[PageType, str]]:
    return [(page_type, lang) for page_type in PAGES for lang in page_type.languages]


def case_id(case: tuple[PageType, str]) -> str:
    return f"{case[1]}-{case[0].name.replace(' ', '-')}"


# A web server ---------------------------------------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing page gets its language's 404.html (as `ErrorDocument 404 /de/404.html` would)."""

    def send_error(self, code, message=None, explain=None):
        lang = self.path.lstrip("/").split("/", 1)[0]
        not_found = Path(self.directory) / lang / "404.html"
        if code == 404 and lang in LANGUAGES and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128  # Chromium opens several connections at once; the default 5 makes it wait and retry
    daemon_threads = True


def reserve_port() -> socket.socket:
    """A listening socket on a free port: build with its URL as site_url, then `serve` on it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def serve(directory: Path, sock: socket.socket | None = None) -> Iterator[str]:
    """Serve `directory` over HTTP; yields the base URL (ending in /)."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler, bind_and_activate=sock is None)
    if sock is not None:
        server.socket.close()
        server.socket = sock
        server.server_address = sock.getsockname()
        server.server_activate()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Browser ----------------------------------------------------------------------------------------------------------



_REMOTE = re.compile(r"^(?!http://127\.0\.0\.1[:/])")


def new_context(browser, **options):
    """A browser context that reaches only the local test server.

    The offline plugin adds a script from unpkg.com to every page; without network the name lookup can stall a
    page load for seconds, so requests to other hosts fail at once (the tests check our pages, not the web).
    """
    context = browser.new_context(**options)
    context.route(_REMOTE, lambda route: route.abort())
    return context


def settle(page) -> None:
    """Wait until no CSS transition or animation runs: mid-fade colours would be measured as low contrast."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page once it has settled, with the WCAG 2.0/2.1 A and AA rules and best practices."""
    settle(page)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           AXE_TAGS)
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    """Rule, impact, help text, and every element (selector, markup, why) for a test failure message."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            why = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:200]}")
            lines.append(f"       {why}")
    return "\n".join(lines)


def focused(page, selector: str = "*") -> dict:
    """The focused element: tag, text, accessible-name attributes, whether it `matches` `selector`, and how its
    focus is drawn (on the label for Material's hidden palette radio buttons)."""
    return page.evaluate("""selector => {
        const el = document.activeElement;
        if (!el || el === document.body) return {tag: 'body', matches: false};
        const shown = el.matches('.md-option') ? el.nextElementSibling : el;
        const style = getComputedStyle(shown);
        return {
            tag: el.tagName.toLowerCase(), text: (el.innerText ?? el.textContent ?? '').trim(), href: el.getAttribute('href'),
            matches: el.matches(selector), in_drawer: !!el.closest('.md-sidebar--primary'),
            label: el.getAttribute('aria-label'), lang: el.getAttribute('lang'), cls: el.className,
            outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
            shadow: style.boxShadow !== 'none',
            visible: (() => {  // on screen: not hidden, not moved out of the viewport (the closed drawer)
                const box = shown.getBoundingClientRect();
                return getComputedStyle(shown).visibility !== 'hidden' && box.width > 0 && box.height > 0
                    && box.right > 0 && box.left < innerWidth;
            })(),
        };
    }""", selector)


def tab_to(page, selector: str, limit: int = 60, key: str = "Tab") -> list[dict]:
    """Press `key` until the focused element matches the CSS `selector`; returns every element focused on the way
    (the last one matches). Fails with the walk so far if `limit` presses do not get there.
    """
    walk = []
    for _ in range(limit):
        page.keyboard.press(key)
        walk.append(focused(page, selector))
        if walk[-1]["matches"]:
            return walk
    raise AssertionError("keyboard focus never reached the element; it visited:\n" +
                         "\n".join(f"  {w.get('tag')} {w.get('label') or w.get('text', '')[:40]!r}" for w in walk))


# The Nu HTML Checker --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValidatorMessage:
    file: str
    line: int | None
    column: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}\n    {self.extract.strip()[:200]}"


def vnu_errors(files: list[Path], root: Path) -> list[ValidatorMessage]:
    """Validate every file in one Java run; errors only (warnings and info are advice, not conformance)."""
    run = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
                          *map(str, files)], capture_output=True, text=True, timeout=600)
    report = json.loads(run.stderr)
    errors = []
    for message in report["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal" or message["type"] == "non-document-error":
            path = message.get("url", "").removeprefix("file:")
            errors.append(ValidatorMessage(
                file=str(Path(path).relative_to(root)) if path.startswith(str(root)) else path,
                line=message.get("lastLine"), column=message.get("firstColumn"),
                message=message["message"], extract=message.get("extract", "")))
    return errors


# pa11y (HTML_CodeSniffer) and Lighthouse, in Node --------------------------------------------------------------


def _node(script: Path, urls: list[str], env: dict[str, str]) -> dict:
    import os

    run = subprocess.run(["node", str(script), *urls], capture_output=True, text=True, timeout=1800,
                         env={**os.environ, **env})
    if run.returncode:
        raise AssertionError(f"{script.name} failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout)


# HTML_CodeSniffer's H32.2 asks every form for a submit button. The search box and the timeline filter apply what
# is typed or chosen at once and change no context (WCAG 3.2.2 is met): nothing to submit.
PA11Y_EXEMPT = {("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", '<form class="md-search__form"'),
                ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", '<form class="archive-filter"')}


def pa11y_errors(urls: list[str]) -> dict[str, list[dict]]:
    """pa11y's errors (HTML_CodeSniffer, WCAG2AA) per URL, all in one Chromium; "#dark" checks the dark scheme."""
    found = _node(PA11Y_JS, urls, {"PUPPETEER_EXECUTABLE_PATH": CHROMIUM})
    return {url: [issue for issue in issues
                  if not any(issue["code"] == code and issue["context"].startswith(start)
                             for code, start in PA11Y_EXEMPT)]
            for url, issues in found.items()}


def lighthouse_scores(urls: list[str]) -> dict[str, dict]:
    """Lighthouse's accessibility score (0-100) and failed audits per URL; "#dark" checks the dark scheme."""
    return _node(LIGHTHOUSE_JS, urls, {"CHROME_PATH": CHROMIUM})
