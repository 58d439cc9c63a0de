"""The preview's language builds render, lay out and index again only the pages whose inputs changed
(build/reuse.py) and write again only the other files whose bytes changed (build/kept_files.py), and what they
reuse is byte for byte what a clean build makes: after edits to a record, a registry entry, a hand-written page
and a layout, and after a record is added and removed again, every file of the language equals a build that
reused nothing, and no other file is left (issue 20).

The builds run in this process, as the preview's language worker runs them, so the memory carries over."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from conftest import REPO, make_project
from partnerschaftsarchiv.build.kept_files import KEPT_FILES, stash_language_folders
from partnerschaftsarchiv.build.reuse import LAYOUTS, PAGE_CONTEXTS, RENDERED_PAGES

MEMORIES = (RENDERED_PAGES, PAGE_CONTEXTS, LAYOUTS, KEPT_FILES)
sys.path.insert(0, str(REPO / "hooks"))
from language_worker import build_language as worker_build  # noqa: E402


@pytest.fixture
def reuse(monkeypatch):
    monkeypatch.setenv("PARTNERSCHAFTSARCHIV_LANGUAGE", "de")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for memory in MEMORIES:
        memory.forget()
    yield
    for memory in MEMORIES:
        memory.enabled = False
        memory.forget()


def build_language(project: Path, site: Path, *, reusing: bool) -> None:
    """A build as the preview's language worker runs it (`reusing`), or as `mkdocs build` does."""
    for memory in MEMORIES:
        memory.enabled = reusing
    if reusing:  # what the preview's root does before MkDocs empties the site
        stash_language_folders(site.parent, (site.name,))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    worker_build(str(project / "mkdocs.yml"), str(site), strict=True, keep_folder=reusing)


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def assert_same_as_clean(project: Path, preview: Path, tmp: Path, name: str) -> None:
    clean = tmp / name
    build_language(project, clean, reusing=False)
    made, expected = files_of(preview), files_of(clean)
    assert sorted(made) == sorted(expected)
    differing = [path for path in expected if made[path] != expected[path]]
    assert differing == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_rebuilds_reuse_unchanged_pages_and_match_a_clean_build(tmp_path, reuse):
    project = make_project(tmp_path / "project")
    preview = tmp_path / "preview"
    record_page = "seminars/2017-06-moskau.md"

    build_language(project, preview, reusing=True)
    assert LAYOUTS.reused == set()  # the first build has nothing to reuse
    build_language(project, preview, reusing=True)
    everything = set(LAYOUTS.reused)
    assert len(everything) > 100 and record_page in everything and "about.md" in everything
    assert len(RENDERED_PAGES.reused) == 111  # every generated page (hand-written ones are the engine's)
    assert len(PAGE_CONTEXTS.reused) == 111
    assert {"data/records.csv", "seminars/2017-06-moskau.bib", "people/elke-breitenbach.ris"} <= KEPT_FILES.kept
    # Every file the core makes (217 other than pages, 111 pages) is in place already; hand-written pages are
    # laid out again (their layout reused), as the engine makes them.
    assert len(KEPT_FILES.kept) == 328
    assert {"seminars/2017-06-moskau.html", "timeline.html"} <= KEPT_FILES.kept and "about.html" not in KEPT_FILES.kept

    # A record's title: its page and the pages that list it are laid out again, the rest is reused.
    edit(project / "data" / "seminars" / "2017-06-moskau.yml",
         '  de: "18. Sozialseminar in Moskau"', '  de: "18. Sozialseminar in Moskau (bearbeitet)"')
    build_language(project, preview, reusing=True)
    assert record_page not in LAYOUTS.reused and "seminars/index.md" not in LAYOUTS.reused
    assert "about.md" in LAYOUTS.reused and len(LAYOUTS.reused) > 50
    assert "seminars/2017-06-moskau" not in RENDERED_PAGES.reused and len(RENDERED_PAGES.reused) > 50
    assert record_page not in PAGE_CONTEXTS.reused and "seminars/2007-04-berlin.md" in PAGE_CONTEXTS.reused
    assert "(bearbeitet)" in (preview / "seminars" / "2017-06-moskau.html").read_text(encoding="utf-8")
    # Its citation files and the exports are written again; another record's citation files are left in place.
    assert not {"data/records.csv", "seminars/2017-06-moskau.bib", "seminars/2017-06-moskau.html"} & KEPT_FILES.kept
    assert "timeline.html" not in KEPT_FILES.kept and "seminars/2007-04-berlin.html" in KEPT_FILES.kept
    assert "seminars/2007-04-berlin.bib" in KEPT_FILES.kept
    assert_same_as_clean(project, preview, tmp_path, "clean-record")

    # A record added, then removed: its page and files go with it.
    copy = project / "data" / "seminars" / "2017-06-moskau-kopie.yml"
    copy.write_text((project / "data" / "seminars" / "2017-06-moskau.yml").read_text(encoding="utf-8")
                    .replace("id: 2017-06-moskau\n", "id: 2017-06-moskau-kopie\n").replace("number: 18 ", "number: 99 "),
                    encoding="utf-8")
    build_language(project, preview, reusing=True)
    assert (preview / "seminars" / "2017-06-moskau-kopie.bib").is_file()
    copy.unlink()
    build_language(project, preview, reusing=True)
    assert not (preview / "seminars" / "2017-06-moskau-kopie.bib").exists()
    assert_same_as_clean(project, preview, tmp_path, "clean-removed")

    # A file changed on disk since the preview wrote it is written again, though its content did not change.
    build_language(project, preview, reusing=True)
    (preview / "seminars" / "2007-04-berlin.bib").write_text("@misc{changed,}", encoding="utf-8")
    (preview / "seminars" / "2007-04-berlin.html").write_text("changed", encoding="utf-8")
    (preview / "about.html").unlink()
    build_language(project, preview, reusing=True)
    assert "seminars/2007-04-berlin.bib" not in KEPT_FILES.kept and "seminars/2007-04-berlin.ris" in KEPT_FILES.kept
    assert "seminars/2007-04-berlin.html" not in KEPT_FILES.kept and "seminars/2017-06-moskau.html" in KEPT_FILES.kept
    assert_same_as_clean(project, preview, tmp_path, "clean-changed-on-disk")

    # A registry entry's name, shown on every record that has the topic.
    build_language(project, preview, reusing=True)
    edit(project / "data" / "topics" / "selbsthilfe.yml", 'de: "Selbsthilfe"', 'de: "Selbsthilfe (neu)"')
    build_language(project, preview, reusing=True)
    assert "topics/selbsthilfe.md" not in LAYOUTS.reused
    assert_same_as_clean(project, preview, tmp_path, "clean-topic")

    # A hand-written page (its title is in the navigation of every page) and a layout: nothing is reused.
    about = project / "docs" / "de" / "about.md"
    for changed, old, new in [(about, about.read_text(encoding="utf-8"), about.read_text(encoding="utf-8")
                               + "\nEin neuer Absatz.\n"),
                              (project / "overrides" / "main.html", "{% extends", "{# bearbeitet #}\n{% extends")]:
        build_language(project, preview, reusing=True)
        edit(changed, old, new)
        build_language(project, preview, reusing=True)
        assert LAYOUTS.reused == set()
        assert_same_as_clean(project, preview, tmp_path, f"clean-{changed.name}")
