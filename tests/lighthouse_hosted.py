"""Lighthouse 12 SEO and best-practices scores of every page type of a hosted build, served below /archiv/.

    python tests/lighthouse_hosted.py SITE_DIR PORT     # SITE_DIR built with
                                                        # PARTNERSCHAFTSARCHIV_SITE_URL=http://127.0.0.1:PORT/archiv/

Prints one line per page with both scores and the audits that failed; exits 1 if any score is below 100. The last
measurement is in lighthouse_hosted.md.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accessibility_tools import PAGES  # noqa: E402
from subpath_server import serve_below_prefix  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
PATHS = ["index.html", "de/404.html", "ru/404.html"] + list(dict.fromkeys(
    f"{lang}/{page.path}" for page in PAGES for lang in page.languages
    if "?" not in page.path and "no-such" not in page.path))


def scores(url: str) -> tuple[dict[str, float], list[str]]:
    run = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", "--only-categories=seo,best-practices",
                          "--chrome-flags=--headless --no-sandbox"],
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    report = json.loads(run.stdout)
    failed = [f"{audit['id']}" for audit in report["audits"].values()
              if audit.get("score") is not None and audit["score"] < 1 and audit["scoreDisplayMode"] == "binary"]
    return {name: category["score"] * 100 for name, category in report["categories"].items()}, failed


def main(site: Path, port: int) -> int:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    worst = 100.0
    with serve_below_prefix(site, sock) as base:
        for path in PATHS:
            result, failed = scores(base + path)
            worst = min(worst, *result.values())
            print(f"{path}: " + ", ".join(f"{k} {v:.0f}" for k, v in result.items()) + (f"  failed: {failed}" if failed else ""),
                  flush=True)
    return 0 if worst == 100 else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2])))
