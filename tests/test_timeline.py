"""The timeline page: every record once, in date order, grouped by year, dates at their own precision."""

from __future__ import annotations

import posixpath

import pytest

from browse_html import content
from conftest import REPO
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.structure import parse_edtf

LANGUAGES = ("de", "ru")


@pytest.fixture(scope="module")
def archive():
    return load_archive(REPO / "data", REPO).archive


def timeline_entries(page):
    """(year of the section, entry element) for every entry of the page's timeline."""
    timeline = page.find("div", cls="archive-timeline")
    return [(int(section.attrs["data-year"]), entry)
            for section in timeline.find_all("section", cls="archive-timeline__year")
            for entry in section.find_all("li", cls="archive-timeline__entry")]


def record_key(entry, page_key: str) -> str:
    href = entry.find("span", cls="archive-timeline__title").find("a").attrs["href"]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_key), href)).removesuffix(".html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_lists_every_record_once(real_site, archive, lang):
    page = content(real_site.page(f"{lang}/timeline.html"))
    keys = [record_key(entry, "timeline") for _, entry in timeline_entries(page)]
    assert sorted(keys) == sorted(record.key for record in archive.records.values())
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_is_in_date_order_and_grouped_by_start_year(real_site, lang):
    page = content(real_site.page(f"{lang}/timeline.html"))
    entries = timeline_entries(page)
    dates = [parse_edtf(entry.find("time").attrs["data-edtf"]) for _, entry in entries]
    assert [d.sort_key for d in dates] == sorted(d.sort_key for d in dates)
    assert all(year == date.start.first_day.year for (year, _), date in zip(entries, dates))
    years = [year for year, _ in entries]
    assert years == sorted(years)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_jump_bar_leads_to_every_year_group(real_site, lang):
    page = content(real_site.page(f"{lang}/timeline.html"))
    sections = [s.attrs["id"] for s in page.find("div", cls="archive-timeline").find_all("section")]
    jumps = page.find("nav", cls="archive-jump").links()
    assert jumps == [f"#{section}" for section in sections]


@pytest.mark.parametrize("lang, label, status", [
    ("de", "Herbst 2017", "geplant"),
    ("ru", "осень 2017 г.", "запланирован"),
])
def test_entry_shows_precision_kind_place_topics_and_planned_status(real_site, archive, lang, label, status):
    page = content(real_site.page(f"{lang}/timeline.html"))
    record = archive.records["2017-herbst-berlin"]
    entry = next(e for _, e in timeline_entries(page) if record_key(e, "timeline") == record.key)
    time = entry.find("time")
    assert time.text == label and time.attrs["datetime"] == "2017" and time.attrs["data-edtf"] == "2017-23"
    assert entry.find("strong", cls="archive-status--planned").text == status
    assert entry.attrs["data-kind"] == "seminar"
    assert entry.find("span", cls="archive-timeline__place").links() == [f"places/{record.place}.html"]
    tags = [link for ul in entry.find_all("ul", cls="archive-tags") for link in ul.links()]
    assert tags == [f"topics/{t}.html" for t in record.topics]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_filters_wait_for_the_script_and_announce_results(real_site, lang):
    page = content(real_site.page(f"{lang}/timeline.html"))
    form = page.find("form", cls="archive-filter")
    assert "hidden" in form.attrs  # without JavaScript the page shows the whole timeline and no dead controls
    assert [o.attrs["value"] for o in form.find("select", name="kind").find_all("option")][0] == ""
    status = page.find("p", cls="archive-filter__status")
    assert status.attrs["aria-live"] == "polite"
    messages = {name.removeprefix("data-message-"): value for name, value in status.attrs.items()
                if name.startswith("data-message-")}
    assert messages == {
        "de": {"one": "{n} Eintrag angezeigt", "other": "{n} Einträge angezeigt"},
        "ru": {"one": "Показана {n} запись", "few": "Показаны {n} записи", "many": "Показано {n} записей"},
    }[lang]
    html = real_site.page(f"{lang}/timeline.html")
    assert 'src="assets/archive/timeline-filter.js"' in html
    assert (real_site.site / lang / "assets/archive/timeline-filter.js").is_file()


@pytest.mark.parametrize("lang, title", [("de", "Zeitleiste"), ("ru", "Хронология")])
def test_timeline_and_years_are_in_the_navigation(real_site, lang, title):
    html = real_site.page(f"{lang}/index.html")
    assert 'href="timeline.html"' in html and title in html
    assert 'href="years/index.html"' in html
