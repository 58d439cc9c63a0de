"""`partnerschaftsarchiv render`: one language as plain files that MkDocs without our hooks turns into a working
site (the door to other engines, issue 21)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import make_project
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.project import Project
from partnerschaftsarchiv.rendering.site import SiteRenderer

TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\b_\(|gettext")


def page_keys(project: Path) -> list[str]:
    """The keys of the generated pages, as the core lists them (one per page, the same in every language)."""
    parts = Project.at(project)
    return SiteRenderer(load_archive(parts.data_dir, parts.root).archive, parts.translations_dir).page_keys()


def render(project: Path, out: Path, lang: str = "de") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partnerschaftsarchiv", "render", "--lang", lang, "--out", str(out),
                           "--root", str(project)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("render")
    project = make_project(base / "project")
    out = base / "out"
    run = render(project, out)
    assert run.returncode == 0, run.stderr
    assert f"wrote {len(page_keys(project))} generated pages of 'de' to {out}/docs/" in run.stdout
    return out


@pytest.fixture(scope="module")
def plain_site(rendered) -> Path:
    """The rendered files built by plain MkDocs + Material: no hooks, no overrides, strict."""
    config = yaml.safe_load((rendered / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"] and "plugins" not in config
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", "mkdocs.yml"],
                         cwd=rendered, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stdout + run.stderr
    return rendered / "site"


def test_pages_are_written_translated_with_their_titles(rendered):
    page = (rendered / "docs" / "seminars" / "2017-06-moskau.md").read_text(encoding="utf-8")
    front, body = page.split("---\n")[1:3]
    assert yaml.safe_load(front)["title"] == "18. Sozialseminar in Moskau"
    assert '<a href="../places/moskau.html">Moskau</a>' in body
    assert "<dt>Datum</dt>" in body and "4.–9. Juni 2017" in body
    # The hand-written pages, the core's assets and the exports come along.
    for path in ("about.md", "leichte-sprache.md", "assets/archive/timeline-filter.js",
                 "assets/archive/archive-browse.css", "data/records.json", "data/records.csv", "data/events.ics",
                 "data/feed.atom"):
        assert (rendered / "docs" / path).is_file(), path
    handwritten = {f"{key}.md" for key in Project.at(rendered.parent / "project").handwritten_pages("de")}
    assert {"about.md", "leichte-sprache.md"} <= handwritten
    generated = [path for path in (rendered / "docs").rglob("*.md")
                 if path.relative_to(rendered / "docs").as_posix() not in handwritten]
    keys = page_keys(rendered.parent / "project")
    assert len(keys) > 90 and sorted(path.relative_to(rendered / "docs").with_suffix("").as_posix()
                                     for path in generated) == sorted(keys)
    assert [path.name for path in generated if TEMPLATE_SYNTAX.search(path.read_text(encoding="utf-8"))] == []


def test_russian_is_rendered_in_russian(tmp_path):
    out = tmp_path / "ru"
    assert render(Path(__file__).resolve().parent.parent, out, "ru").returncode == 0
    page = (out / "docs" / "seminars" / "2017-06-moskau.md").read_text(encoding="utf-8")
    assert yaml.safe_load(page.split("---\n")[1])["title"] == "18-й социальный семинар в Москве"
    assert "theme:\n  name: material\n  language: ru\n" in (out / "mkdocs.yml").read_text(encoding="utf-8")


def test_plain_mkdocs_builds_a_working_site(rendered, plain_site):
    page = (plain_site / "seminars" / "2017-06-moskau.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page
    assert '<h1 id="page-title">18. Sozialseminar in Moskau</h1>' in page
    assert '<a href="../places/moskau.html">Moskau</a>' in page
    assert '<script src="../assets/archive/timeline-filter.js"></script>' in page
    records = json.loads((plain_site / "data" / "records.json").read_text(encoding="utf-8"))
    assert "2017-06-moskau" in json.dumps(records)
    # Every relative link of every page leads to a file (the 404 page links from the site's root), except the
    # offline zip of the whole bilingual site, which lives beside the language folders.
    dead = set()
    for html in plain_site.rglob("*.html"):
        if html.name == "404.html":
            continue
        for href in re.findall(r'href="([^"#?]+)', html.read_text(encoding="utf-8")):
            if not href.startswith(("http:", "https:", "mailto:", "data:")) and not (html.parent / href).exists():
                dead.add((html.relative_to(plain_site).as_posix(), href))
    assert dead == {("index.html", "../partnerschaftsarchiv.zip"), ("data.html", "../partnerschaftsarchiv.zip")}
    # Every generated and hand-written page, and MkDocs' 404 page.
    keys = page_keys(rendered.parent / "project")
    handwritten = Project.at(rendered.parent / "project").handwritten_pages("de")
    assert len(list(plain_site.rglob("*.html"))) == len(keys) + len(handwritten) + 1


def test_render_refuses_a_folder_that_is_not_empty(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    run = render(Path(__file__).resolve().parent.parent, out)
    assert run.returncode == 1
    assert "is not empty; render writes into a new or empty folder" in run.stderr
    assert [path.name for path in out.iterdir()] == ["keep.txt"]
