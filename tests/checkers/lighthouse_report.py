"""Lighthouse's accessibility score for every page type in both languages (and the language chooser), written to
tests/checkers/LIGHTHOUSE.md. Too slow for every test run (several seconds a page), so a script:

    python tests/checkers/lighthouse_report.py            # in the environment, after `npm ci`

It builds the real archive for a local address into a temporary folder, serves it and runs
tests/checkers/lighthouse_pages.mjs (Debian's Chromium). Exit status 1 when any page scores below 100.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from accessibility_tools import PAGES, lighthouse_scores, reserve_port, serve  # noqa: E402
from conftest import make_project, run_build  # noqa: E402

REPORT = Path(__file__).resolve().parent / "LIGHTHOUSE.md"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        sock = reserve_port()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
        result = run_build(make_project(Path(folder) / "project"), env={"PARTNERSCHAFTSARCHIV_SITE_URL": url})
        if not result.ok:
            print(result.output)
            return 1
        # Lighthouse audits no page served with status 404: the 404 page is scored as its file.
        cases = [(page_type.name, lang, f"{lang}/404.html" if page_type.name == "404" else page_type.url(lang))
                 for page_type in PAGES if not page_type.prepare for lang in page_type.languages]
        cases.append(("language chooser", "de/ru", "index.html"))
        with serve(result.site, sock):
            scores = lighthouse_scores([url + path for _, _, path in cases])
    lines = ["# Lighthouse accessibility scores", "",
             f"Lighthouse 12.2.3, accessibility category, Debian's Chromium, desktop, light scheme; "
             f"{date.today().isoformat()}. Written by `python tests/checkers/lighthouse_report.py`.", "",
             "| page type | language | page | score | failed audits |", "| --- | --- | --- | ---: | --- |"]
    below = 0
    for name, lang, path in cases:
        score = scores[url + path]
        below += score["score"] != 100
        failed = ", ".join(score["failed"]) or score.get("error") or "–"
        lines.append(f"| {name} | {lang} | `{path}` | {score['score']} | {failed} |")
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
