"""Pages built from the real archive: a page per source with everything that cites it, the reviewers'
side-by-side view of each record, and places visited shown on record and place pages."""

from __future__ import annotations

from browse_html import content, parse


def test_a_source_page_shows_its_citation_language_and_what_cites_it(real_site):
    page = content(real_site.page("de/sources/seminare-soziales.html"))
    assert page.find("h1").text == "Seminare im Bereich Soziales"
    assert page.find("h1").find("span").attrs["lang"] == "de"
    facts = page.find("dl", cls="archive-facts")
    assert [dt.text for dt in facts.find_all("dt")] == ["Zitierweise", "Sprache der Quelle"]
    assert facts.find_all("dd")[1].text == "Deutsch"
    assert page.find("h2", id="about").text == "Was diese Quelle ist"
    records = page.find("h2", id="records")
    assert records.text == "Einträge, die sich auf diese Quelle stützen"
    citing = page.find_all("ol", cls="archive-citing")[0]
    links = citing.links()
    assert "../agreements/2006-06-kooperationsvereinbarung-soziales.html" in links
    assert "../projects/2014-2016-fachkraefte-rehabilitation.html" in links
    assert "../seminars/2017-06-moskau.html" not in links  # cites the other source only
    # The citation note of a record is shown with it.
    item = next(li for li in citing.find_all("li") if "../meetings/2013-12-berlin-runder-tisch.html" in li.links())
    assert item.text.endswith("(Abschnitt „Maßnahmeplan Soziales 2014-2016“)")
    registry = page.find_all("ul", cls="archive-citing")[0]
    assert "../topics/inklusion.html" in registry.links()
    assert "../places/botschaft-rf.html" in registry.links()


def test_sources_are_linked_to_their_pages_wherever_they_are_listed(real_site):
    index = content(real_site.page("ru/sources/index.html"))
    assert {"../sources/paritaet-2017-06-08.html", "../sources/seminare-soziales.html"} <= set(index.links())
    record = content(real_site.page("de/seminars/2017-06-moskau.html"))
    sources = record.find("ul", cls="archive-sources")
    assert "../sources/paritaet-2017-06-08.html" in sources.links()
    assert "was diese Quelle belegt" in sources.text
    ru_source = content(real_site.page("ru/sources/paritaet-2017-06-08.html"))
    assert ru_source.find("dl", cls="archive-facts").find_all("dd")[1].text == "немецкий"


def test_side_by_side_view_of_a_record(real_site):
    page = content(real_site.page("ru/review/seminars/2017-06-moskau.html"))
    assert page.find("h1").text == "Рядом: 18-й социальный семинар в Москве"
    table = page.find("table", cls="archive-side-by-side")
    heads = [th.text for th in table.find("thead").find_all("th")]
    assert heads == ["Поле", "немецкий: оригинал", "русский: перевод ещё не проверен"]
    rows = table.find("tbody").find_all("tr")
    assert [row.find("th").text for row in rows] == [
        "title", "summary", "body", "people[0].function", "people[2].function"]
    title_cells = rows[0].find_all("td")
    assert [(td.attrs.get("lang"), td.text) for td in title_cells] == [
        ("de", "18. Sozialseminar in Moskau"), ("ru", "18-й социальный семинар в Москве")]
    # The body is rendered Markdown in both columns.
    assert rows[2].find_all("td")[1].find_all("p")
    assert "../../seminars/2017-06-moskau.html" in page.links()


def test_the_translation_status_page_links_the_side_by_side_view(real_site):
    page = parse(real_site.page("de/translation-status.html"))
    row = page.find("tr", cls="archive-status-entry", data_path="data/seminars/2017-06-moskau.yml")
    assert row.links() == ["seminars/2017-06-moskau.html", "review/seminars/2017-06-moskau.html"]
    assert "nebeneinander" in row.text
    topic = page.find("tr", cls="archive-status-entry", data_path="data/topics/inklusion.yml")
    assert topic.links() == ["topics/inklusion.html"]  # registry entries have no side-by-side page


def test_a_visited_place_is_shown_on_the_record_and_the_place_page(real_site):
    record = content(real_site.page("de/projects/2014-2016-fachkraefte-rehabilitation.html"))
    facts = record.find("dl", cls="archive-facts")
    terms = [dt.text for dt in facts.find_all("dt")]
    assert "Besuchte Orte" in terms and "Ort" not in terms  # Berlin is visited, not the venue
    visited = facts.find_all("dd")[terms.index("Besuchte Orte")]
    assert visited.links() == ["../places/berlin.html"]
    place = content(real_site.page("ru/places/berlin.html"))
    entry = next(li for li in place.find_all("li")
                 if "../projects/2014-2016-fachkraefte-rehabilitation.html" in li.links())
    assert "Роль: посещено" in entry.text
