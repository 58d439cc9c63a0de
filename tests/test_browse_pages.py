"""Ways in: a page per topic, organization, person, place and year in both languages, each reachable from its
index and from every record that names it, listing exactly the records that name it."""

from __future__ import annotations

import posixpath
from collections import Counter

import pytest

from browse_html import content
from conftest import REPO
from partnerschaftsarchiv.loading import load_archive

LANGUAGES = ("de", "ru")
FOLDERS = {"topic": "topics", "organization": "organizations", "person": "people", "place": "places"}


@pytest.fixture(scope="module")
def archive():
    return load_archive(REPO / "data", REPO).archive


def named(record) -> dict[str, set[str]]:
    """What a record names, read straight from its fields."""
    return {
        "topic": set(record.topics),
        "organization": {p.id for p in record.organizations},
        "person": {p.id for p in record.people},
        "place": ({record.place} if record.place else set()) | {m.id for m in record.places},
    }


def resolve(page_key: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_key), href.split("#")[0])).removesuffix(".html")


def timeline_records(page, page_key: str) -> list[str]:
    timelines = page.find_all("div", cls="archive-timeline")
    return [resolve(page_key, entry.find("span", cls="archive-timeline__title").links()[0])
            for timeline in timelines for entry in timeline.find_all("li", cls="archive-timeline__entry")]


def entries(archive, kind):
    return {"topic": archive.topics, "organization": archive.organizations, "person": archive.people,
            "place": archive.places}[kind]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", FOLDERS)
def test_entry_pages_list_exactly_the_records_naming_them(real_site, archive, lang, kind):
    folder = FOLDERS[kind]
    index_links = {resolve(f"{folder}/index", href)
                   for href in content(real_site.page(f"{lang}/{folder}/index.html")).links()}
    for entry_id in entries(archive, kind):
        key = f"{folder}/{entry_id}"
        listed = timeline_records(content(real_site.page(f"{lang}/{key}.html")), key)
        expected = [r.key for r in archive.records.values() if entry_id in named(r)[kind]]
        assert sorted(listed) == sorted(expected), key
        # The index offers an entry only when some record names it.
        assert (key in index_links) is bool(expected), f"{lang}/{folder}/index.html: {key}"
        assert len(listed) == len(set(listed)), key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_record_links_to_what_it_names(real_site, archive, lang):
    for record in archive.records.values():
        links = {resolve(record.key, href) for href in content(real_site.page(f"{lang}/{record.key}.html")).links()}
        for kind, ids in named(record).items():
            for entry_id in ids:
                assert f"{FOLDERS[kind]}/{entry_id}" in links, (record.key, kind, entry_id)
        for year in record.date.years:
            assert f"years/{year}" in links, (record.key, year)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_related_records_link_each_other(real_site, archive, lang):
    for record in archive.records.values():
        for relation in record.relations:
            other = archive.records[relation.record]
            here = {resolve(record.key, h) for h in content(real_site.page(f"{lang}/{record.key}.html")).links()}
            there = {resolve(other.key, h) for h in content(real_site.page(f"{lang}/{other.key}.html")).links()}
            assert other.key in here and record.key in there, (record.key, other.key)


@pytest.mark.parametrize("lang, script_label, other_lang", [("de", "Kyrillisch", "ru"), ("ru", "латиница", "de")])
def test_person_pages_show_both_scripts_and_roles_per_record(real_site, archive, lang, script_label, other_lang):
    for person in archive.people.values():
        page = content(real_site.page(f"{lang}/people/{person.id}.html"))
        assert page.find("h1").text == person.name.values[lang]
        other = page.find("p", cls="archive-other-name")
        assert other.text.startswith(script_label)
        assert other.find("span", lang=other_lang).text == person.name.values[other_lang]
        listed = {resolve(f"people/{person.id}", e.find("span", cls="archive-timeline__title").links()[0]): e
                  for e in page.find_all("li", cls="archive-timeline__entry")}
        assert set(listed) == {r.key for r in archive.records.values() if person.id in {p.id for p in r.people}}
    # The role as the reader sees it, written out.
    roles = {
        ("de", "elke-breitenbach", "seminars/2017-06-moskau"): "Leitung",
        ("ru", "elke-breitenbach", "seminars/2017-06-moskau"): "руководство",
        ("de", "julia-gubina", "seminars/2017-06-moskau"): "Vorbereitung",
        ("ru", "nelli-stanko", "seminars/2017-06-moskau"): "подготовка",
        ("de", "sergej-tscheremin", "meetings/2013-12-berlin-runder-tisch"): "Anregung",
        ("ru", "sergej-tscheremin", "meetings/2013-12-berlin-runder-tisch"): "инициатор",
    }
    for (page_lang, person_id, key), role in roles.items():
        if page_lang != lang:
            continue
        page = content(real_site.page(f"{lang}/people/{person_id}.html"))
        entry = next(e for e in page.find_all("li", cls="archive-timeline__entry")
                     if resolve(f"people/{person_id}", e.find("span", cls="archive-timeline__title").links()[0]) == key)
        assert role in entry.find("span", cls="archive-timeline__roles").text, (person_id, key)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organization_pages_show_roles_per_record(real_site, archive, lang):
    for organization in archive.organizations.values():
        page = content(real_site.page(f"{lang}/organizations/{organization.id}.html"))
        entries_ = page.find_all("li", cls="archive-timeline__entry")
        naming = [r for r in archive.records.values() if organization.id in named(r)["organization"]]
        assert len(entries_) == len(naming)
        assert all(e.find_all("span", cls="archive-timeline__roles") for e in entries_), organization.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_topic_pages_list_co_occurring_topics(real_site, archive, lang):
    for topic_id in archive.topics:
        shared = Counter(other for r in archive.records.values() if topic_id in r.topics
                         for other in set(r.topics) - {topic_id})
        page = content(real_site.page(f"{lang}/topics/{topic_id}.html"))
        related = page.find_all("ul", cls="archive-related-topics")
        if not shared:
            assert not related, topic_id
            continue
        items = related[0].find_all("li")
        shown = {resolve(f"topics/{topic_id}", li.find("a").attrs["href"]).split("/")[-1]: li.text for li in items}
        assert set(shown) == set(shared), topic_id
        for other, n in shared.items():
            assert shown[other].endswith(f"({n})"), (topic_id, other)
        counts = [shared[other] for other in shown]
        assert counts == sorted(counts, reverse=True)
    # Most shared first, then alphabetically by id: written out for one topic.
    page = content(real_site.page(f"{lang}/topics/selbsthilfe.html"))
    shown = [resolve("topics/selbsthilfe", li.find("a").attrs["href"]).split("/")[-1]
             for li in page.find("ul", cls="archive-related-topics").find_all("li")]
    assert shown[0] == "teilhabe"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_year_pages_list_records_touching_the_year(real_site, archive, lang):
    years = sorted({y for r in archive.records.values() for y in r.date.years})
    index = content(real_site.page(f"{lang}/years/index.html"))
    assert [resolve("years/index", h) for h in index.find("ul", cls="archive-years").links()] == \
        [f"years/{y}" for y in years]
    for year in years:
        key = f"years/{year}"
        listed = timeline_records(content(real_site.page(f"{lang}/{key}.html")), key)
        assert sorted(listed) == sorted(r.key for r in archive.records.values() if year in r.date.years), year
    assert not (real_site.site / lang / "years" / f"{years[0] - 1}.html").exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_new_page_kinds_are_announced_as_page_keys(real_site, archive, lang):
    from partnerschaftsarchiv.rendering.site import SiteRenderer

    keys = SiteRenderer(archive, REPO / "translations").page_keys()
    for key in ["timeline", "years/index", *(f"years/{y}" for r in archive.records.values() for y in r.date.years)]:
        assert key in keys
        assert (real_site.site / lang / f"{key}.html").is_file()
