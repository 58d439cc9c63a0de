"""The preview's files kept on disk between rebuilds (build/kept_files.py), without an engine: the root stashes a
language folder, an "engine" empties the site and writes some files, the worker keeps only files that are on disk
exactly as it wrote them, and whatever was neither written nor kept is gone afterwards."""

from __future__ import annotations

from pathlib import Path

import shutil

import pytest

from partnerschaftsarchiv.build.kept_files import KeptFiles, stash_language_folders
from partnerschaftsarchiv.build.reuse import content_digest


def build(site: Path, kept: KeptFiles, static: dict[str, str], pages: dict[str, str]) -> set[str]:
    """One rebuild as the preview runs it; the static files the engine had to write."""
    stash_language_folders(site, ("de",))
    for entry in site.iterdir():  # the engine empties the site, keeping hidden entries (as MkDocs does)
        if not entry.name.startswith("."):
            shutil.rmtree(entry)
    folder = site / "de"
    kept.restore(folder)
    written = set()
    for path, content in {**pages, **static}.items():
        if path in static and kept.unchanged(path, content):
            continue
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(content, encoding="utf-8")
        written.add(path)
    kept.finish(folder)
    return written - set(pages)


def files_of(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in folder.rglob("*") if path.is_file()}


@pytest.fixture
def kept() -> KeptFiles:
    memory = KeptFiles()
    memory.enabled = True
    return memory


def test_only_changed_files_are_written_and_removed_ones_go(tmp_path, kept):
    site = tmp_path / "site"
    site.mkdir()
    pages = {"index.html": "<h1>Start</h1>"}
    static = {"data/records.csv": "a", "seminars/a.bib": "@a", "seminars/b.bib": "@b"}
    assert build(site, kept, static, pages) == set(static)  # the first build writes everything
    assert build(site, kept, static, pages) == set()
    assert kept.kept == set(static)

    static = {"data/records.csv": "a, changed", "seminars/a.bib": "@a"}  # b removed, the table changed
    assert build(site, kept, static, pages) == {"data/records.csv"}
    assert kept.kept == {"seminars/a.bib"}
    assert files_of(site / "de") == {"index.html": "<h1>Start</h1>", "data/records.csv": "a, changed",
                                     "seminars/a.bib": "@a"}
    assert not list(site.glob(".*"))  # the stash is back in place

    static = {"data/records.csv": "a, changed"}  # the last file of a folder: the folder goes too
    build(site, kept, static, pages)
    assert not (site / "de" / "seminars").exists()


def test_a_file_changed_on_disk_is_written_again(tmp_path, kept):
    site = tmp_path / "site"
    site.mkdir()
    static = {"seminars/a.bib": "@a", "seminars/b.bib": "@b"}
    build(site, kept, static, {})
    (site / "de" / "seminars" / "a.bib").write_text("@changed", encoding="utf-8")
    assert build(site, kept, static, {}) == {"seminars/a.bib"}
    assert files_of(site / "de") == static


def test_switched_off_or_after_a_failure_everything_is_written(tmp_path, kept):
    site = tmp_path / "site"
    site.mkdir()
    static = {"seminars/a.bib": "@a"}
    build(site, kept, static, {})
    kept.forget()
    assert build(site, kept, static, {}) == set(static)
    kept.enabled = False
    assert build(site, kept, static, {}) == set(static)
    assert kept.kept == set()


def test_a_stash_outlives_a_build_that_never_reached_its_languages(tmp_path, kept):
    """The records did not validate: the root stashed the folder and built only an error page."""
    site = tmp_path / "site"
    site.mkdir()
    static = {"seminars/a.bib": "@a"}
    build(site, kept, static, {})
    stash_language_folders(site, ("de",))
    assert not (site / "de").exists()
    stash_language_folders(site, ("de",))  # the next build: nothing to move, the stash stays
    assert build(site, kept, static, {}) == set()
    assert files_of(site / "de") == static


def test_a_new_folder_replaces_an_old_stash(tmp_path, kept):
    site = tmp_path / "site"
    (site / ".partnerschaftsarchiv-kept-de").mkdir(parents=True)
    (site / ".partnerschaftsarchiv-kept-de" / "old.html").write_text("old", encoding="utf-8")
    (site / "de").mkdir()
    (site / "de" / "new.html").write_text("new", encoding="utf-8")
    stash_language_folders(site, ("de",))
    assert files_of(site / ".partnerschaftsarchiv-kept-de") == {"new.html": "new"}


def test_pages_are_left_in_place_by_digest_and_the_engines_own_files_made_anew(tmp_path, kept):
    """The preview's worker builds keep the folder: a page the previous build wrote with the same content is left
    as it is (`in_place`), the engine's own files (theme assets) are taken out and made anew (`discard`)."""
    site = tmp_path / "site"
    site.mkdir()
    folder = site / "de"

    def rebuild(pages: dict[str, str], theme: dict[str, str]) -> set[str]:
        stash_language_folders(site, ("de",))
        kept.restore(folder)
        for path in theme:
            kept.discard(path)
        written = set()
        for path, content in pages.items():
            if kept.in_place(path, content_digest(content)):
                continue
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(content, encoding="utf-8")
            kept.written(path, content_digest(content))
            written.add(path)
        for path, content in theme.items():  # an engine that keeps the folder copies what is missing
            if not (folder / path).exists():
                (folder / path).parent.mkdir(parents=True, exist_ok=True)
                (folder / path).write_text(content, encoding="utf-8")
                written.add(path)
        kept.finish(folder)
        return written

    pages = {"index.html": "<h1>Start</h1>", "seminars/a.html": "A", "seminars/b.html": "B"}
    theme = {"assets/app.js": "js"}
    assert rebuild(pages, theme) == {"index.html", "seminars/a.html", "seminars/b.html", "assets/app.js"}
    assert rebuild(pages, theme) == {"assets/app.js"}
    assert kept.kept == {"index.html", "seminars/a.html", "seminars/b.html"}

    (folder / "seminars" / "a.html").write_text("changed on disk", encoding="utf-8")
    pages = {"index.html": "<h1>Start, edited</h1>", "seminars/a.html": "A"}  # b removed
    assert rebuild(pages, theme) == {"index.html", "seminars/a.html", "assets/app.js"}
    assert files_of(folder) == {"index.html": "<h1>Start, edited</h1>", "seminars/a.html": "A", "assets/app.js": "js"}


def test_every_language_is_stashed_and_a_folder_written_into_meanwhile_starts_afresh(tmp_path, kept):
    site = tmp_path / "site"
    for lang in ("de", "ru"):
        (site / lang).mkdir(parents=True)
        (site / lang / "index.html").write_text(lang, encoding="utf-8")
    (site / "en").mkdir()  # not a language of this build: stays
    stash_language_folders(site, ("fr", "de", "ru"))  # no French folder: nothing to move
    assert sorted(path.name for path in site.iterdir()) == [".partnerschaftsarchiv-kept-de",
                                                          ".partnerschaftsarchiv-kept-ru", "en"]
    (site / "de").mkdir()
    (site / "de" / "early.html").write_text("written before the restore", encoding="utf-8")
    kept.restore(site / "de")  # the engine wrote into the folder already: the stash is dropped, nothing kept
    assert files_of(site / "de") == {"early.html": "written before the restore"}
    assert not (site / ".partnerschaftsarchiv-kept-de").exists()
    assert not kept.unchanged("early.html", "written before the restore")


def test_a_restored_file_that_disappears_before_the_end_is_no_error(tmp_path, kept):
    site = tmp_path / "site"
    site.mkdir()
    static = {"data/records.csv": "a", "seminars/a.bib": "@a"}
    build(site, kept, static, {})
    stash_language_folders(site, ("de",))
    kept.restore(site / "de")
    (site / "de" / "seminars" / "a.bib").unlink()  # gone behind the preview's back
    kept.discard("seminars/a.bib")
    kept.discard("data/records.csv")
    kept.finish(site / "de")
    assert files_of(site / "de") == {}


def test_switched_off_it_keeps_nothing_and_before_a_restore_nothing_is_in_place(tmp_path):
    memory = KeptFiles()
    assert memory.enabled is False
    memory.restore(tmp_path / "de")
    assert not memory.unchanged("data/records.csv", "a") and memory.kept == set()
    memory = KeptFiles()
    memory.enabled = True
    assert not memory.in_place("index.html", content_digest("<h1>Start</h1>"))
    memory.discard("index.html")  # nothing was put back: nothing to take out
    assert memory.kept == set()
