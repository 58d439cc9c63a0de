"""The search index reads a generated page without the parts marked `data-search-exclude` (search/indexed.py): the
same entries as from the whole page, from a fraction of its HTML (issue 20). Runs among the fast tests: the pages are
rendered by the core, the entries made by Material's own indexer."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex

from conftest import REPO
from partnerschaftsarchiv.build.language import LanguageBuild
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.project import Project
from partnerschaftsarchiv.publishing import SiteAddress
from partnerschaftsarchiv.rendering.site import SiteRenderer
from partnerschaftsarchiv.search import indexed_html


def test_marked_elements_are_cut_with_what_they_contain():
    html = ('<h1 id="t">Titel</h1>\n<p>Vorher</p>\n<ol class="archive-list" data-search-exclude>\n'
            '<li><p>Eintrag</p></li>\n</ol>\n<p>Nachher</p>')
    assert indexed_html(html) == '<h1 id="t">Titel</h1>\n<p>Vorher</p>\n\n<p>Nachher</p>'


def test_nested_elements_of_the_same_name_end_where_the_marked_one_ends():
    html = ('<div data-search-exclude><div><div>a</div></div>b</div><p>c</p>'
            '<section class="x" data-search-exclude="">d</section><p>e</p>')
    assert indexed_html(html) == "<p>c</p><p>e</p>"


def test_unmarked_text_and_void_elements_stay():
    html = '<p>data-search-exclude is a word here</p><img alt="" data-search-exclude><p data-search-excluded>x</p>'
    assert indexed_html(html) == html


def test_every_marked_element_is_cut_after_a_marked_void_one_and_end_tags_in_capitals_count():
    html = '<br data-search-exclude><p>a</p><OL data-search-exclude><li>b</li></OL><p>c</p><ul data-search-exclude>d</ul>'
    assert indexed_html(html) == "<br data-search-exclude><p>a</p><p>c</p>"


def test_an_element_left_open_is_cut_to_the_end():
    assert indexed_html("<p>a</p><ul data-search-exclude><li>b") == "<p>a</p>"


def _entries(html: str, url: str) -> list[dict]:
    index = SearchIndex(lang=["de"], separator=" ", pipeline=[], fields={})
    page = SimpleNamespace(content=html, meta={"title": "T"}, toc=[], url=url, title="T")
    index.add_entry_from_context(page)
    return index.entries


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_the_real_archive_is_indexed_the_same_from_a_fraction_of_its_html(lang):
    archive = load_archive(REPO / "data", REPO).archive
    site = SiteRenderer(archive, REPO / "translations", ("de", "ru"), REPO / "layouts", accessed=dt.date(2026, 12, 1))
    pages = list(LanguageBuild(site, Project.at(REPO, ("de", "ru")), lang, SiteAddress()).render_pages())
    whole = sum(len(page.html) for page in pages)
    indexed = 0
    for page in pages:
        cut = indexed_html(page.html)
        indexed += len(cut)
        assert _entries(cut, page.key) == _entries(page.html, page.key), page.key
    timeline = next(page for page in pages if page.key == "timeline")
    assert "archive-timeline__list" in timeline.html and "archive-timeline__list" not in indexed_html(timeline.html)
    assert indexed < 0.8 * whole
