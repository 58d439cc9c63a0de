"""`mkdocs serve` with a broken record shows the problems in the browser, and the site again once it is fixed,
instead of leaving the browser waiting (issue 16)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from conftest import ENGINE

PAGE = "de/seminars/2017-06-moskau.html"
TITLE = '<h1 id="page-title">18. Sozialseminar in Moskau</h1>'
PROBLEM = ("data/seminars/2017-06-moskau.yml:8: place: YAML syntax: a tab character: indent with spaces, "
           "never with tabs")
# How long a rebuild may take on a loaded machine before the test gives up (a safety net, not a speed check).
PATIENCE = 240


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=PATIENCE) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # the error page comes as the server's 404 page
        return error.read().decode("utf-8")


def wait_for(url: str, text: str) -> str:
    deadline = time.monotonic() + PATIENCE
    while True:
        try:
            body = fetch(url)
            if text in body:
                return body
        except (urllib.error.URLError, ConnectionError):
            pass  # not serving yet
        assert time.monotonic() < deadline, f"{url} never showed {text!r}"
        time.sleep(0.5)


@contextmanager
def serving(project: Path) -> Iterator[str]:
    """`mkdocs serve` on a free local port in `project`; its address. Stops it and its language builds after."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PARTNERSCHAFTSARCHIV_LANGUAGE", None)
    server = subprocess.Popen([sys.executable, "-m", ENGINE, "serve", "--config-file", "mkdocs.yml",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def test_a_broken_record_shows_in_the_browser_and_the_fixed_site_comes_back(project_copy, browser):
    record = project_copy / "data" / "seminars" / "2017-06-moskau.yml"
    valid = record.read_text(encoding="utf-8")
    assert valid.splitlines()[7] == "place: moskau"
    with serving(project_copy) as root:
        wait_for(root + PAGE, TITLE)
        page = browser.new_page()
        page.goto(root + PAGE)
        assert page.locator("h1").first.inner_text() == "18. Sozialseminar in Moskau"

        record.write_text(valid.replace("place: moskau\n", "place:\tmoskau\n"), encoding="utf-8")
        # The open page reloads by itself and lists the problem, as does any other address.
        page.wait_for_selector("pre", timeout=PATIENCE * 1000)
        assert PROBLEM in page.locator("pre").inner_text()
        assert page.locator("h1").inner_text() == ("Die Vorschau kann nicht erstellt werden · "
                                                   "Не удаётся собрать предварительный просмотр")
        assert PROBLEM in fetch(root + "ru/timeline.html")
        assert PROBLEM in fetch(root)

        record.write_text(valid, encoding="utf-8")
        page.wait_for_selector("h1#page-title", timeout=PATIENCE * 1000)
        assert page.locator("h1#page-title").inner_text() == "18. Sozialseminar in Moskau"
        assert TITLE.replace("18. Sozialseminar in Moskau", "18-й социальный семинар в Москве") in \
            fetch(root + "ru/seminars/2017-06-moskau.html")
        page.close()


def test_a_broken_hand_written_page_shows_what_the_language_build_said(project_copy):
    broken = project_copy / "docs" / "ru" / "broken.md"
    with serving(project_copy) as root:
        wait_for(root + PAGE, TITLE)
        broken.write_text("# Битая ссылка\n\n[нет такой](no-such-page.md)\n", encoding="utf-8")
        body = wait_for(root + "ru/index.html", "data-archive-build-error")
        assert ("[ru] WARNING -  Doc file &#39;broken.md&#39; contains a link &#39;no-such-page.md&#39;, but the "
                "target is not found among documentation files.") in body
        assert "data-archive-build-error" in fetch(root + PAGE)
        broken.unlink()
        wait_for(root + PAGE, TITLE)
