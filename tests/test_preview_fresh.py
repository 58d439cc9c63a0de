"""The preview never shows a stale page: after edits to records, registry entries and hand-written pages in a
running `mkdocs serve`, every page it serves is the page a clean build of the same files gives (issue 20)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import make_project, run_build
from serve_tools import fetch_bytes, serving, wait_for

# Fixed time stamps in the exports, so that the served and the clean site can be compared byte for byte.
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}
LIVERELOAD = re.compile(rb"<script>(?:(?!<script>).)*?livereload\(\d+, \d+\);\s*</script>(?=</body>)", re.DOTALL)


def language_workers(project: Path) -> set[int]:
    """The processes that run this project's language builds for the preview (Linux /proc)."""
    worker = str(project / "hooks" / "language_worker.py").encode()
    pids = set()
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and worker in (proc / "cmdline").read_bytes().split(b"\0"):
                pids.add(int(proc.name))
        except OSError:
            pass
    return pids


def served_differences(root: str, project: Path, tmp: Path) -> tuple[int, list[str]]:
    """Build `project` cleanly; (number of files compared, those the server gives otherwise). Both languages."""
    site = tmp / "clean"
    shutil.rmtree(site, ignore_errors=True)
    result = run_build(project, site, env=ENV)
    assert result.ok, result.output
    differing, compared = [], 0
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or not relative.startswith(("de/", "ru/")):
            continue  # the root's files are made with the server's address in serve (hosted), so differ anyway
        status, body = fetch_bytes(root + relative)
        compared += 1
        if status != 200 or LIVERELOAD.sub(b"", body) != path.read_bytes():
            differing.append(relative)
    return compared, differing


def test_every_served_page_matches_a_clean_build_after_edits(tmp_path):
    project = make_project(tmp_path / "project")
    record = project / "data" / "seminars" / "2017-06-moskau.yml"
    topic = project / "data" / "topics" / "selbsthilfe.yml"
    about = project / "docs" / "de" / "about.md"
    removed = project / "data" / "seminars" / "2007-04-berlin.yml"
    with serving(project, ENV) as root:
        wait_for(root + "de/seminars/2017-06-moskau.html", "18. Sozialseminar in Moskau</h1>")
        workers = language_workers(project)
        assert len(workers) == 2  # one per language, kept between rebuilds

        # A record's title (its page, section, year, timeline, topic pages, exports) and a registry entry's name
        # (shown on every record that has the topic), both languages.
        record.write_text(record.read_text(encoding="utf-8").replace(
            '  de: "18. Sozialseminar in Moskau"', '  de: "18. Sozialseminar in Moskau (bearbeitet)"').replace(
            '  ru: "18-й социальный семинар в Москве"', '  ru: "18-й социальный семинар в Москве (правка)"'),
            encoding="utf-8")
        topic.write_text(topic.read_text(encoding="utf-8").replace('de: "Selbsthilfe"', 'de: "Selbsthilfe (neu)"'),
                         encoding="utf-8")
        wait_for(root + "de/topics/selbsthilfe.html", "Selbsthilfe (neu)")
        wait_for(root + "ru/seminars/2017-06-moskau.html", "18-й социальный семинар в Москве (правка)</h1>")
        compared, differing = served_differences(root, project, tmp_path)
        assert compared > 290 and differing == []

        # A hand-written page changes and a record goes away: its pages must go too.
        about.write_text(about.read_text(encoding="utf-8") + "\nEin neuer Absatz zur Vorschau.\n", encoding="utf-8")
        removed.unlink()
        wait_for(root + "de/about.html", "Ein neuer Absatz zur Vorschau.")
        compared, differing = served_differences(root, project, tmp_path)
        assert compared > 290 and differing == []
        for lang in ("de", "ru"):
            for suffix in ("html", "bib", "ris", "csl.json"):  # the files the preview left in place go too
                assert fetch_bytes(root + f"{lang}/seminars/2007-04-berlin.{suffix}")[0] == 404
        # The same two processes built every rebuild: nothing was started again.
        assert language_workers(project) == workers
