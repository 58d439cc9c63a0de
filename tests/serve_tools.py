"""Driving a real `mkdocs serve` (or `properdocs serve`) in a test: start it on a free local port, wait for pages."""

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

# How long a rebuild may take on a loaded machine before a test gives up (a safety net, not a speed check).
PATIENCE = 240


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_bytes(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=PATIENCE) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:  # the server's 404 page (or our error page as it)
        return error.code, error.read()


def fetch(url: str) -> str:
    return fetch_bytes(url)[1].decode("utf-8")


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
def serving(project: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """The engine's `serve` in `project` on a free local port; its address. Stops it and its language builds."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    env.pop("PARTNERSCHAFTSARCHIV_LANGUAGE", None)
    server = subprocess.Popen([sys.executable, "-m", ENGINE, "serve", "--config-file", "mkdocs.yml",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
