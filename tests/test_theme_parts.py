"""Parts of Material's page that many pages show alike (the sidebars of a folder's pages outside the navigation, the
settings script of a folder) are rendered once per build and key (`build.reuse.THEME_PARTS`, keys from
hooks/archive.py), and every page is still byte for byte what rendering its own parts gives (issue 20).

The German build runs in this process, as `mkdocs build` runs it."""

from __future__ import annotations

import pytest

import sys
from types import SimpleNamespace

from mkdocs.structure.toc import AnchorLink, TableOfContents

from conftest import REPO, make_project
from partnerschaftsarchiv.build.reuse import THEME_PARTS
from test_preview_reuse import build_language, reuse  # noqa: F401  (the fixture: a German build in this process)

sys.path.insert(0, str(REPO / "hooks"))
from archive import _shared_sidebars  # noqa: E402


@pytest.fixture
def language(reuse):
    yield
    THEME_PARTS.forget()


def pages_of(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*.html"))}


def test_shared_parts_are_rendered_once_and_every_page_is_as_if_rendered_alone(tmp_path, monkeypatch, language):
    project = make_project(tmp_path / "project")
    found: list[bool] = []
    get = THEME_PARTS.get

    def counted_get(key):
        part = get(key)
        found.append(part is not None)
        return part

    monkeypatch.setattr(THEME_PARTS, "get", counted_get)
    build_language(project, tmp_path / "shared", reusing=False)
    # The settings are asked for on every page built, the sidebars on every page outside the navigation: 215 times
    # for the real archive's German pages (2026-12-01), rendered 29 times, once per folder and key.
    assert len(found) > 200 and found.count(False) < 40

    monkeypatch.setattr(THEME_PARTS, "get", lambda key: None)  # every page renders its own parts
    build_language(project, tmp_path / "alone", reusing=False)
    shared, alone = pages_of(tmp_path / "shared"), pages_of(tmp_path / "alone")
    assert sorted(shared) == sorted(alone) and len(shared) > 100
    assert [path for path in alone if shared[path] != alone[path]] == []


def test_a_page_outside_the_navigation_shares_its_folders_sidebars_and_a_listed_one_has_its_own(tmp_path, language):
    project = make_project(tmp_path / "project")
    site = tmp_path / "site"
    build_language(project, site, reusing=False)

    def sidebar(path):
        html = (site / path).read_text(encoding="utf-8")
        return html[html.index('<div class="md-sidebar md-sidebar--primary"'):html.index('data-md-component="content"')]

    seminars = sorted(path.name for path in (site / "seminars").glob("*.html") if path.name != "index.html")
    assert len(seminars) >= 2
    assert sidebar(f"seminars/{seminars[0]}") == sidebar(f"seminars/{seminars[-1]}")
    # The section's page is in the navigation: its entry is marked as the current page there.
    assert "md-nav__link--active" in sidebar("seminars/index.html")
    assert "md-nav__link--active" not in sidebar(f"seminars/{seminars[0]}")
    # Another folder: the same navigation, its links relative to that folder.
    assert sidebar("topics/index.html") != sidebar(f"seminars/{seminars[0]}")


def heading(title, level, *children):
    anchor = AnchorLink(title, title.lower(), level)
    anchor.children = list(children)
    return anchor


def test_the_sidebars_key_names_the_folder_and_hidden_parts_and_none_where_a_page_has_its_own():
    def key(url, toc=(), hide=None, listed=False):
        page = SimpleNamespace(url=url, toc=TableOfContents(list(toc)), meta={"hide": hide} if hide else {})
        return _shared_sidebars(page, SimpleNamespace(pages=[page] if listed else []))

    # Every hand-written page is in the navigation and every generated one has its title alone as its contents,
    # so a build of this project never meets the last two cases.
    assert key("seminars/2017-06-moskau.html", [heading("Moskau", 1)], ["toc"]) == "sidebars seminars ['toc']"
    assert key("topics/inklusion.html", [heading("Inklusion", 1)], ["toc"]) == "sidebars topics ['toc']"
    assert key("timeline.html") == "sidebars  []"
    assert key("seminars/index.html", listed=True) is None
    assert key("notizen/a.html", [heading("Notiz", 1, heading("Anfang", 2))]) is None
    assert key("notizen/b.html", [heading("Anfang", 2)]) is None
