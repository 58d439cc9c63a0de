"""The search query set (issue 12): what readers type, in both languages, and the page they expect in the top 3.

Inflected forms, names in the other script and in common transliterations, ё typed as е, umlauts typed as
ae/oe/ue, years and topic names. `tests/test_search.py` runs it in Chromium, from disk and served.
"""

from __future__ import annotations

from typing import NamedTuple


class Query(NamedTuple):
    lang: str
    text: str
    expected: str  # page key
    what: str


QUERIES: tuple[Query, ...] = (
    # German site
    Query("de", "Inklusion", "topics/inklusion", "topic name"),
    Query("de", "Selbsthilfe", "topics/selbsthilfe", "topic name"),
    Query("de", "Nachbarschaftshauses", "topics/nachbarschaftshaeuser", "inflected form"),
    Query("de", "Frühförderung", "topics/fruehfoerderung", "topic name"),
    Query("de", "Fruehfoerderung", "topics/fruehfoerderung", "umlauts typed as ue/oe"),
    Query("de", "Rehabilitation", "topics/rehabilitation", "topic name"),
    Query("de", "Barrierefreiheit", "topics/barrierefreiheit", "topic name"),
    Query("de", "Breitenbach", "people/elke-breitenbach", "person"),
    Query("de", "Брайтенбах", "people/elke-breitenbach", "other script"),
    Query("de", "Губина", "people/julia-gubina", "other script"),
    Query("de", "Черемин", "people/sergej-tscheremin", "other script, е for ё"),
    Query("de", "Cheremin", "people/sergej-tscheremin", "English transliteration"),
    Query("de", "Boehning", "people/bjoern-boehning", "umlaut typed as oe"),
    Query("de", "Москва", "places/moskau", "other script"),
    Query("de", "Самопомощь", "topics/selbsthilfe", "other script"),
    Query("de", "Paritaetischer Wohlfahrtsverband", "organizations/paritaet-berlin", "umlaut typed as ae"),
    Query("de", "Volkssolidarität", "organizations/volkssolidaritaet", "organization"),
    Query("de", "Massnahmeplan", "agreements/2014-2016-massnahmeplan-soziales", "ß typed as ss"),
    Query("de", "Memorandum", "agreements/2017-memorandum", "record title"),
    Query("de", "Runder Tisch", "meetings/2013-12-berlin-runder-tisch", "record title"),
    Query("de", "Kooperationsvereinbarungen", "agreements/2012-09-25-kooperationsvereinbarung-soziales",
          "inflected record title"),
    Query("de", "2012", "years/2012", "year"),
    Query("de", "2017", "years/2017", "year"),
    Query("de", "1991", "years/1991", "year"),
    # Russian site
    Query("ru", "инклюзия", "topics/inklusion", "topic name"),
    Query("ru", "самопомощи", "topics/selbsthilfe", "inflected form"),
    Query("ru", "Реабилитация", "topics/rehabilitation", "topic name"),
    Query("ru", "Меморандум", "agreements/2017-memorandum", "record title"),
    Query("ru", "Брайтенбах", "people/elke-breitenbach", "person"),
    Query("ru", "Губиной", "people/julia-gubina", "inflected name"),
    Query("ru", "Черемин", "people/sergej-tscheremin", "е for ё"),
    Query("ru", "Черёмин", "people/sergej-tscheremin", "name with ё"),
    Query("ru", "Breitenbach", "people/elke-breitenbach", "other script"),
    Query("ru", "Gubina", "people/julia-gubina", "other script"),
    Query("ru", "Tscheremin", "people/sergej-tscheremin", "German transliteration"),
    Query("ru", "Cheremin", "people/sergej-tscheremin", "English transliteration"),
    Query("ru", "Moskau", "places/moskau", "other script"),
    Query("ru", "Selbsthilfe", "topics/selbsthilfe", "other script"),
    Query("ru", "Volkssolidarität", "organizations/volkssolidaritaet", "other script"),
    Query("ru", "Paritaetischer", "organizations/paritaet-berlin", "other script, umlaut typed as ae"),
    Query("ru", "2012", "years/2012", "year"),
    Query("ru", "2014", "years/2014", "year"),
)
