"""The SVG overview of records per year: well-formed XML, localized, with a text alternative, linking into the
timeline's year groups."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from browse_html import content
from conftest import REPO
from partnerschaftsarchiv.loading import load_archive

SVG = "{http://www.w3.org/2000/svg}"


def overview_svg(html: str) -> ET.Element:
    match = re.search(r'<svg xmlns="http://www.w3.org/2000/svg" class="archive-overview__chart".*?</svg>', html,
                      re.DOTALL)
    assert match, "no overview chart"
    return ET.fromstring(match.group(0))  # raises on anything that is not well-formed XML


@pytest.fixture(scope="module")
def starts_per_year():
    archive = load_archive(REPO / "data", REPO).archive
    return Counter(r.date.start.first_day.year for r in archive.records.values())


@pytest.mark.parametrize("lang, title, legend", [
    ("de", "Einträge pro Jahr nach Art", "Seminare"),
    ("ru", "Записи по годам и видам", "Семинары"),
])
def test_svg_is_well_formed_localized_and_has_a_text_alternative(real_site, lang, title, legend):
    svg = overview_svg(real_site.page(f"{lang}/timeline.html"))
    assert svg.find(f"{SVG}title").text == title
    desc = svg.find(f"{SVG}desc").text
    assert desc and ("1991" in desc and "2017" in desc)
    labelled_by = svg.get("aria-labelledby").split()
    assert labelled_by == [svg.find(f"{SVG}title").get("id"), svg.find(f"{SVG}desc").get("id")]
    assert legend in [t.text for t in svg.iter(f"{SVG}text")]


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_bars_link_to_year_groups_of_the_timeline(real_site, starts_per_year, lang):
    html = real_site.page(f"{lang}/timeline.html")
    svg = overview_svg(html)
    links = {a.get("href"): a for a in svg.iter(f"{SVG}a")}
    assert set(links) == {f"timeline.html#y{year}" for year in starts_per_year}
    page = content(html)
    for href, link in links.items():
        year = int(href.rsplit("#y", 1)[1])
        section = page.find("section", id=f"y{year}")
        assert len(section.find_all("li", cls="archive-timeline__entry")) == starts_per_year[year]
        assert link.find(f"{SVG}title").text.startswith(f"{year}: ")
        assert link.find(f"{SVG}text").text == str(starts_per_year[year])
    years_page = overview_svg(real_site.page(f"{lang}/years/index.html"))
    assert {a.get("href") for a in years_page.iter(f"{SVG}a")} == {f"../timeline.html#y{y}" for y in starts_per_year}


def test_bar_heights_are_proportional_to_counts(real_site, starts_per_year):
    svg = overview_svg(real_site.page("de/timeline.html"))
    heights = {}
    for link in svg.iter(f"{SVG}a"):
        year = int(link.get("href").rsplit("#y", 1)[1])
        heights[year] = sum(float(rect.get("height")) for rect in link.iter(f"{SVG}rect"))
    most = max(starts_per_year.values())
    top = max(heights.values())
    for year, height in heights.items():
        assert height == pytest.approx(top * starts_per_year[year] / most, abs=0.3)


@pytest.mark.parametrize("lang, total", [("de", "Gesamt"), ("ru", "Всего")])
def test_table_gives_the_same_figures(real_site, starts_per_year, lang, total):
    page = content(real_site.page(f"{lang}/timeline.html"))
    table = page.find("table")
    assert table.find_all("th")[-1].text == total or total in [th.text for th in table.find_all("th")]
    rows = table.find("tbody").find_all("tr")
    assert {int(row.find("th").text): int(row.find_all("td")[-1].text) for row in rows} == dict(starts_per_year)
