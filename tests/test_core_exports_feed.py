"""The Atom feed as a feed reader reads it, parsed with `xml.etree`: the feed's own fields, the order of the entries
and each entry's fields, in both languages, with and without a site address. Fast (no build).

Made in-process from the real records; expected values are written out by hand. The ids are pinned literally: a
feed reader knows an entry by its id, so they must stay the same from build to build.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from conftest import exports_of

MADE = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone.utc)
# When two record files last changed, as the build reads it from git.
CHANGED = {"data/seminars/2017-06-moskau.yml": dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
           "data/agreements/2017-memorandum.yml": dt.datetime(2024, 7, 8, 9, 10, 11, tzinfo=dt.timezone.utc)}
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def feeds_raw(tmp_path_factory) -> dict[tuple[str, bool], bytes]:
    files = exports_of(tmp_path_factory.mktemp("feed"), {}, MADE, CHANGED)
    return {key: made["data/feed.atom"] for key, made in files.items()}


@pytest.fixture
def feeds(feeds_raw):
    return {key: ET.fromstring(raw) for key, raw in feeds_raw.items()}


def text(element, name: str) -> str:
    return element.find(ATOM + name).text


def links(element) -> list[dict[str, str]]:
    return [link.attrib for link in element.findall(ATOM + "link")]


def entries(feed) -> dict[str, ET.Element]:
    """Entries by the page they link to, below the language folder."""
    return {"/".join(link["href"].split("/")[-2:]): entry
            for entry in feed.findall(ATOM + "entry") for link in links(entry)}


@pytest.mark.parametrize("lang, feed_id, title, subtitle", [
    ("de", "urn:uuid:5f11abb8-9db9-5577-83e1-329a3269b96c", "Partnerschaftsarchiv Berlin–Moskau",
     "Der Bereich Soziales der Städtepartnerschaft: Seminare, Vereinbarungen, Projekte und Treffen seit 1991."),
    ("ru", "urn:uuid:e729d453-fdde-564e-a0c6-cfcccc424c3b", "Архив партнёрства Берлин – Москва",
     "Социальная сфера побратимских связей городов: семинары, соглашения, проекты и встречи с 1991 года."),
])
def test_the_feed_names_itself_in_its_language(feeds, lang, feed_id, title, subtitle):
    for hosted in (True, False):
        feed = feeds[lang, hosted]
        assert feed.get(XML_LANG) == lang
        assert (text(feed, "id"), text(feed, "title"), text(feed, "subtitle")) == (feed_id, title, subtitle)
        assert feed.find(f"{ATOM}author/{ATOM}name").text == title
        assert text(feed, "updated") == "2026-11-30T12:00:00+00:00"


def test_the_hosted_feed_links_its_home_page_and_itself(feeds):
    assert links(feeds["ru", True]) == [
        {"href": "https://example.org/archiv/ru/index.html", "rel": "alternate", "type": "text/html"},
        {"href": "https://example.org/archiv/ru/data/feed.atom", "rel": "self", "type": "application/atom+xml"},
    ]


def test_without_a_site_address_the_feed_links_its_home_page_relatively(feeds):
    assert links(feeds["de", False]) == [{"href": "../index.html", "rel": "alternate", "type": "text/html"}]


def test_the_most_recent_date_comes_first_and_equal_dates_by_id(feeds):
    order = [link["href"] for entry in feeds["de", False].findall(ATOM + "entry") for link in links(entry)]
    assert order == [
        "../seminars/2017-herbst-berlin.html",
        "../seminars/2017-06-moskau.html",
        "../meetings/2017-05-12-berlin-arbeitstreffen.html",
        "../agreements/2017-memorandum.html",
        # 2014/2016: the same span, so the id decides (last id first).
        "../projects/2014-2016-sozialseminare.html",
        "../projects/2014-2016-qualitaetsbewertung.html",
        "../agreements/2014-2016-massnahmeplan-soziales.html",
        "../projects/2014-2016-fachkraefte-rehabilitation.html",
        "../projects/2014-2016-berufliche-eingliederung.html",
        "../meetings/2013-12-berlin-runder-tisch.html",
        "../meetings/2013-09-botschaft-fachgespraech.html",
        "../agreements/2012-09-25-kooperationsvereinbarung-soziales.html",
        "../agreements/2012-05-un-brk-russland.html",
        "../seminars/2012-2013-sozialseminare.html",
        "../seminars/2007-04-berlin.html",
        "../agreements/2006-06-kooperationsvereinbarung-soziales.html",
        "../agreements/1991-08-28-freundschaftsabkommen.html",
    ]


@pytest.mark.parametrize("lang, hosted, entry_id, title, summary, category, href", [
    ("de", True, "urn:uuid:e391c409-5a2c-51fc-8390-76f2036bc30b", "Zweites Sozialseminar 2017 in Berlin",
     "Herbst 2017 (2017-23): Im Herbst 2017 soll das zweite planmäßige Sozialseminar des Jahres in Berlin "
     "stattfinden.", {"term": "seminar", "label": "Seminar"},
     "https://example.org/archiv/de/seminars/2017-herbst-berlin.html"),
    ("de", False, "urn:uuid:e391c409-5a2c-51fc-8390-76f2036bc30b", "Zweites Sozialseminar 2017 in Berlin",
     "Herbst 2017 (2017-23): Im Herbst 2017 soll das zweite planmäßige Sozialseminar des Jahres in Berlin "
     "stattfinden.", {"term": "seminar", "label": "Seminar"}, "../seminars/2017-herbst-berlin.html"),
    ("ru", True, "urn:uuid:acafd218-f8d5-5cb0-b2ef-d86334fe5d38", "Второй социальный семинар 2017 г. в Берлине",
     "осень 2017\u202fг. (2017-23): Осенью 2017 г. в Берлине должен пройти второй плановый социальный семинар "
     "года.", {"term": "seminar", "label": "Семинар"},
     "https://example.org/archiv/ru/seminars/2017-herbst-berlin.html"),
])
def test_an_entry_says_what_when_and_where(feeds, lang, hosted, entry_id, title, summary, category, href):
    entry = entries(feeds[lang, hosted])["seminars/2017-herbst-berlin.html"]
    assert (text(entry, "id"), text(entry, "title"), text(entry, "summary")) == (entry_id, title, summary)
    assert [c.attrib for c in entry.findall(ATOM + "category")] == [category]
    assert links(entry) == [{"href": href}]  # rel="alternate" is Atom's default
    assert text(entry, "updated") == "2026-11-30T12:00:00+00:00"  # no commit time known: the build's time


def test_entry_ids_differ_by_language_and_record(feeds):
    de, ru = entries(feeds["de", True]), entries(feeds["ru", True])
    assert text(de["agreements/2017-memorandum.html"], "id") == "urn:uuid:8458819e-612e-5a26-8f16-998aa4626850"
    assert text(ru["agreements/2017-memorandum.html"], "id") == "urn:uuid:78a8c5ca-ab09-56eb-9e07-b93ddb0dee5b"
    ids = [text(entry, "id") for entry in [*de.values(), *ru.values()]]
    assert len(set(ids)) == len(ids) == 34


def test_an_entry_was_updated_when_its_record_file_last_changed(feeds):
    for lang in ("de", "ru"):
        feed = entries(feeds[lang, True])
        assert text(feed["seminars/2017-06-moskau.html"], "updated") == "2025-01-02T03:04:05+00:00"
        assert text(feed["agreements/2017-memorandum.html"], "updated") == "2024-07-08T09:10:11+00:00"
        assert text(feed["seminars/2007-04-berlin.html"], "updated") == "2026-11-30T12:00:00+00:00"


def test_an_agreement_entry_has_its_kind_and_the_date_as_the_source_gives_it(feeds):
    entry = entries(feeds["ru", False])["agreements/1991-08-28-freundschaftsabkommen.html"]
    assert [c.attrib for c in entry.findall(ATOM + "category")] == [{"term": "agreement", "label": "Соглашение"}]
    assert text(entry, "summary").startswith("28 августа 1991\u202fг. (1991-08-28): ")


def test_the_feed_file_is_indented_text(feeds_raw):
    raw = feeds_raw["de", False]
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                          b"xml:lang=\"de\">\n  <id>")
    assert b"\n  <entry>\n    <id>" in raw and raw.endswith(b"  </entry>\n</feed>\n")
