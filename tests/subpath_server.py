"""The built site served below a sub-path (`/archiv/`), as on GitHub Pages for a project site, and a browser visit
that records every console error and failed request."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from accessibility_tools import reserve_port

PREFIX = "/archiv/"
LANGUAGES = ("de", "ru")


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Files of the site below PREFIX only. A missing page gets its language's 404.html, elsewhere the root
    404.html, with status 404 (what `error_page 404 /archiv/de/404.html;` per language folder does)."""

    def translate_path(self, path: str) -> str:
        clean = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        if not clean.startswith(PREFIX):
            return str(Path(self.directory) / ".outside-the-prefix")  # no such file: a 404
        return super().translate_path("/" + clean.removeprefix(PREFIX))

    def send_error(self, code, message=None, explain=None):
        inside = urllib.parse.urlsplit(self.path).path.removeprefix(PREFIX)
        lang = inside.split("/", 1)[0]
        page = Path(self.directory) / (f"{lang}/404.html" if lang in LANGUAGES else "404.html")
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True


@contextmanager
def serve_below_prefix(directory: Path, sock=None) -> Iterator[str]:
    """Serve `directory` at http://127.0.0.1:<port>/archiv/; yields that URL. `sock`: a reserved port to use."""
    handler = functools.partial(_SubPathHandler, directory=str(directory))
    sock = sock or reserve_port()
    server = _Server(sock.getsockname(), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = sock
    server.server_activate()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """What the browser met on one page: console errors, failed requests, and every URL it asked for."""

    url: str
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    stylesheets_applied: bool = False

    @property
    def clean(self) -> bool:
        return not self.errors and not self.failed


def visit(context, url: str, expected_status: int = 200) -> Visit:
    """Load `url` in a new tab of `context`, wait until the network is idle, and record what went wrong.

    The page itself may answer `expected_status` (404 for an error page); any other response of 400 or more,
    any request that failed and any console error or uncaught exception counts."""
    seen = Visit(url)
    page = context.new_page()
    page.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(f"uncaught: {error}"))
    page.on("requestfailed", lambda request: seen.failed.append(f"{request.url} ({request.failure})"))
    page.on("request", lambda request: seen.requests.append(request.url))

    def answered(response) -> None:
        main = response.request.is_navigation_request() and response.request.frame == page.main_frame
        if response.status >= 400 and not (main and response.status == expected_status):
            seen.failed.append(f"{response.url} ({response.status})")

    page.on("response", answered)
    try:
        response = page.goto(url, wait_until="load")
        if response is not None and response.status != expected_status:
            seen.failed.append(f"{url} answered {response.status}, not {expected_status}")
        page.wait_for_timeout(250)  # requests Material's scripts make once the page is ready (sitemaps)
        seen.stylesheets_applied = page.evaluate(
            "() => !!document.querySelector('.md-header') ? getComputedStyle(document.querySelector('.md-header')).position === 'sticky' : document.styleSheets.length > 0")
    finally:
        page.close()
    return seen
