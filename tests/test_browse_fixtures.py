"""Ordering of imprecise dates and A–Z collation, checked on a real build of fixture records.

The fixture records and topics are invented test data in a temporary copy of the project; they never reach data/.
"""

from __future__ import annotations

import pytest

from browse_html import content
from conftest import make_project, run_build

# (id, EDTF date, status): in the order the timeline must show them (start of the interval, then the more
# precise date first), written out by hand rather than computed.
DATED = [
    ("fx-2018-2020", "2018/2020", "held"),
    ("fx-2019-01-01", "2019-01-01", "held"),
    ("fx-2019-01", "2019-01", "held"),
    ("fx-2019", "2019", "held"),
    ("fx-2019-spring", "2019-21", "held"),
    ("fx-2019-03-05-07", "2019-03-05/2019-03-07", "held"),
    ("fx-2019-06", "2019-06", "cancelled"),
    ("fx-2019-09-01", "2019-09-01", "held"),
    ("fx-2019-autumn", "2019-23", "planned"),
]
LABELS = {
    "de": {"fx-2018-2020": "2018–2020", "fx-2019-spring": "Frühjahr 2019", "fx-2019-03-05-07": "5.–7. März 2019",
           "fx-2019-01": "Januar 2019", "fx-2019": "2019", "fx-2019-autumn": "Herbst 2019"},
    "ru": {"fx-2018-2020": "2018–2020 гг.", "fx-2019-spring": "весна 2019 г.",
           "fx-2019-03-05-07": "5–7 марта 2019 г.", "fx-2019-01": "январь 2019 г.", "fx-2019": "2019 г.",
           "fx-2019-autumn": "осень 2019 г."},
}
# Topic names (de, ru) in the order each language's A–Z index must list them.
TOPICS = [
    ("fx-apfel", "Apfelbaum", "Яблоня"),
    ("fx-aerzte", "Ärztliche Versorgung", "Ёлочный базар"),
    ("fx-ofen", "Ofenbau", "Ежегодный отчёт"),
    ("fx-oeffentlich", "Öffentlichkeit", "Ёж"),
    ("fx-ozean", "Ozeanforschung", "Elbe"),
    ("fx-strassenbau", "Straßenbau", "Аист"),
    ("fx-strassenfest", "Strassenfest", "Елизавета"),
    ("fx-zuwanderung", "Zuwanderung", "Жильё"),
]
EXPECTED_ORDER = {
    # DIN 5007-1: Ä as A, Ö as O, ß as ss.
    "de": ["Apfelbaum", "Ärztliche Versorgung", "Ofenbau", "Öffentlichkeit", "Ozeanforschung", "Straßenbau",
           "Strassenfest", "Zuwanderung"],
    # Russian alphabet, Ё with Е; Latin after Cyrillic.
    "ru": ["Аист", "Ёж", "Ежегодный отчёт", "Елизавета", "Ёлочный базар", "Жильё", "Яблоня", "Elbe"],
}

# A topic no record names: not offered in the A–Z as if it had entries.
UNNAMED_TOPIC = ("fx-unbenannt", "Unbenanntes Thema", "Тема без записей")


def _record(record_id: str, date: str, status: str, topics: list[str]) -> str:
    return f"""id: {record_id}
kind: meeting
status: {status}
date: "{date}"
title: {{de: "Testtreffen {record_id}", ru: "Тестовая встреча {record_id}"}}
summary: {{de: "Ein Testeintrag.", ru: "Тестовая запись."}}
translation: {{de: original, ru: reviewed}}
topics: [{", ".join(topics)}]
sources:
  - source: seminare-soziales
"""


def _topic(topic_id: str, de: str, ru: str) -> str:
    return f"""id: {topic_id}
name: {{de: "{de}", ru: "{ru}"}}
translation: {{de: original, ru: reviewed}}
"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("browse") / "project")
    for topic_id, de, ru in TOPICS + [UNNAMED_TOPIC]:
        (project / "data/topics" / f"{topic_id}.yml").write_text(_topic(topic_id, de, ru), encoding="utf-8")
    for index, (record_id, date, status) in enumerate(DATED):
        # The first fixture topic is named by every record, the second by two, each of the others by one: counts of
        # 9, 2 and 1. The unnamed topic is named by none.
        topics = ["fx-apfel"] + (["fx-aerzte"] if index < 2 else []) + [t[0] for t in TOPICS[2:]][index:index + 1]
        (project / "data/meetings" / f"{record_id}.yml").write_text(_record(record_id, date, status, topics),
                                                                    encoding="utf-8")
    result = run_build(project)
    assert result.ok, result.output
    return result


def _fixture_entries(page):
    return [entry for entry in page.find("div", cls="archive-timeline").find_all("li", cls="archive-timeline__entry")
            if "fx-" in entry.find("span", cls="archive-timeline__title").links()[0]]


def _id(entry) -> str:
    return entry.find("span", cls="archive-timeline__title").links()[0].split("/")[-1].removesuffix(".html")


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_imprecise_dates_are_ordered_by_start_then_precision(fixture_site, lang):
    entries = _fixture_entries(content(fixture_site.page(f"{lang}/timeline.html")))
    assert [_id(e) for e in entries] == [record_id for record_id, _, _ in DATED]


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_imprecise_dates_are_shown_as_what_they_are(fixture_site, lang):
    entries = {_id(e): e for e in _fixture_entries(content(fixture_site.page(f"{lang}/timeline.html")))}
    for record_id, label in LABELS[lang].items():
        assert entries[record_id].find("time").text == label
    assert entries["fx-2019-autumn"].find("time").attrs["datetime"] == "2019"
    assert entries["fx-2019-01"].find("time").attrs["datetime"] == "2019-01"
    assert entries["fx-2019-autumn"].find_all("strong", cls="archive-status--planned")
    assert entries["fx-2019-06"].find_all("strong", cls="archive-status--cancelled")
    assert not entries["fx-2019"].find_all("strong", cls="archive-status")


def test_an_interval_is_listed_under_its_start_year_and_on_every_year_page(fixture_site):
    timeline = content(fixture_site.page("de/timeline.html"))
    section = timeline.find("section", id="y2018")
    assert [_id(e) for e in section.find_all("li", cls="archive-timeline__entry")] == ["fx-2018-2020"]
    for year in (2018, 2019, 2020):
        page = content(fixture_site.page(f"de/years/{year}.html"))
        assert "fx-2018-2020" in [_id(e) for e in _fixture_entries(page)]
    assert "Jahr 2020" in fixture_site.page("de/years/2020.html")


def _index_names(page) -> list[str]:
    return [a.text for ul in page.find_all("ul", cls="archive-index") for a in ul.find_all("a")]


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_a_to_z_uses_the_language_collation(fixture_site, lang):
    page = content(fixture_site.page(f"{lang}/topics/index.html"))
    names = [name for name in _index_names(page) if name in EXPECTED_ORDER[lang]]
    assert names == EXPECTED_ORDER[lang]


@pytest.mark.parametrize("lang, present, absent", [
    ("de", {"A", "O", "S", "Z"}, {"Ä", "Ö"}),
    ("ru", {"А", "Е", "Ж", "Я", "E"}, {"Ё"}),
])
def test_letters_file_umlauts_and_yo_under_their_base_letter(fixture_site, lang, present, absent):
    page = content(fixture_site.page(f"{lang}/topics/index.html"))
    letters = [a.text for a in page.find("nav", cls="archive-letters").find_all("a")]
    assert present <= set(letters) and not absent & set(letters)
    assert len(letters) == len(set(letters))
    for link, section in zip(page.find("nav", cls="archive-letters").links(),
                             page.find_all("section", cls="archive-letter")):
        assert link == f"#{section.attrs['id']}"
    section_e = next(s for s in page.find_all("section", cls="archive-letter")
                     if s.find("h2").text == ("A" if lang == "de" else "Е"))
    expected = {"de": {"Apfelbaum", "Ärztliche Versorgung"}, "ru": {"Ёж", "Ежегодный отчёт", "Елизавета",
                                                                      "Ёлочный базар"}}[lang]
    assert expected <= {a.text for a in section_e.find_all("a")}


@pytest.mark.parametrize("lang, counts", [
    ("de", {"Apfelbaum": "9 Einträge", "Ärztliche Versorgung": "2 Einträge", "Ofenbau": "1 Eintrag"}),
    ("ru", {"Яблоня": "9 записей", "Ёлочный базар": "2 записи", "Ежегодный отчёт": "1 запись"}),
])
def test_index_counts_use_catalog_plurals(fixture_site, lang, counts):
    page = content(fixture_site.page(f"{lang}/topics/index.html"))
    shown = {li.find("a").text: li.find("span", cls="archive-count").text.strip("()")
             for ul in page.find_all("ul", cls="archive-index") for li in ul.find_all("li")}
    assert {name: shown[name] for name in counts} == counts


@pytest.mark.parametrize("lang, name, note", [
    ("de", "Unbenanntes Thema", "Noch in keinem Eintrag genannt:"),
    ("ru", "Тема без записей", "Пока не упоминаются ни в одной записи:"),
])
def test_a_topic_no_record_names_is_not_offered_in_the_index(fixture_site, lang, name, note):
    page = content(fixture_site.page(f"{lang}/topics/index.html"))
    assert name not in _index_names(page)
    [unnamed] = [p.text for p in page.find_all("p", cls="archive-unnamed")]
    # Mentioned after the A–Z, unlinked, with the real archive's unnamed topics.
    assert unnamed.startswith(note) and name in unnamed.removeprefix(note).strip().split(", ")
    # The home page's entry point counts the topics the A–Z offers, not the unnamed one.
    home = content(fixture_site.page(f"{lang}/index.html"))
    tile = next(a for a in home.find("ul", cls="archive-entry-points").find_all("a")
                if a.attrs["href"] == "topics/index.html")
    shown = len(_index_names(page))
    assert tile.find("span", cls="archive-entry-points__count").text.split()[0] == str(shown)
