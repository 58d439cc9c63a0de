"""The schema.org JSON-LD of record pages, as a search engine reads it from the page. Fast (no build).

Made in-process from the real records plus a few invented ones that reach every branch (a Russian original, a
cancelled meeting at a place within a place, a superseded agreement, a completed and a running project); each
graph is read back with `json.loads` from the text the page carries, and compared with values written out by hand.
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.publishing import SiteAddress
from partnerschaftsarchiv.rendering.site import SiteRenderer
from partnerschaftsarchiv.rendering.structured_data import StructuredData, script_json

SITE = "https://example.org/archiv/"
INVENTED = {
    "meetings/2018-03-01-runder-tisch.yml": """\
id: 2018-03-01-runder-tisch
kind: meeting
status: cancelled
date: 2018-03-01/2018-03-02
place: geschaeftsstelle-bezirke-paritaet
title: {ru: "Круглый стол", de: "Runder Tisch"}
summary: {ru: "Отменён."}
translation: {ru: original, de: unreviewed}
organizations:
  - {id: tcso-maryino, role: host}
  - {id: lageso, role: coordinator}
people:
  - {id: julia-gubina, role: organizer}
  - {id: nelli-stanko, role: participant}
sources:
  - source: paritaet-2017-06-08
""",
    "agreements/2019-herbst-vereinbarung.yml": """\
id: 2019-herbst-vereinbarung
kind: agreement
status: superseded
date: 2019-23
title: {de: "Vereinbarung", ru: "Соглашение"}
summary: {de: "Abgelöst.", ru: "Заменено."}
translation: {de: original, ru: reviewed}
organizations:
  - {id: lageso, role: party}
  - {id: tcso-maryino, role: endorser}
people:
  - {id: nelli-stanko, role: party}
sources:
  - source: paritaet-2017-06-08
""",
    "projects/2015-2018-abgeschlossen.yml": """\
id: 2015-2018-abgeschlossen
kind: project
status: completed
date: 2015/2018
title: {de: "Abgeschlossen", ru: "Завершён"}
summary: {de: "Fertig.", ru: "Готово."}
translation: {de: original, ru: reviewed}
organizations:
  - {id: lageso, role: implementer}
  - {id: tcso-maryino, role: organizer}
  - {id: senatskanzlei, role: coordinator}
people:
  - {id: nelli-stanko, role: party}
sources:
  - source: paritaet-2017-06-08
""",
    "projects/2016-2019-laufend.yml": """\
id: 2016-2019-laufend
kind: project
status: running
date: 2016/2019
title: {de: "Laufend", ru: "Идёт"}
summary: {de: "Läuft.", ru: "Идёт."}
translation: {de: original, ru: reviewed}
sources:
  - source: paritaet-2017-06-08
""",
}


# Function scope: mutation testing runs each test alone.
@pytest.fixture
def makers(tmp_path) -> dict[tuple[str, bool], StructuredData]:
    """The JSON-LD of each language, with a site address (hosted) and without."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    for path, text in INVENTED.items():
        (data / path).write_text(text, encoding="utf-8")
    site = SiteRenderer(load_archive(data).archive, REPO / "translations")
    return {(lang, hosted): StructuredData(site.language(lang), SiteAddress(SITE if hosted else None))
            for lang in site.languages for hosted in (True, False)}


@pytest.fixture
def json_ld(makers):
    """(lang, key, hosted) → the page's JSON-LD as a reader's tool parses it from the page (None: it has none)."""
    def read(lang: str, key: str, hosted: bool = True):
        graph = makers[lang, hosted].for_key(key)
        return None if graph is None else json.loads(script_json(graph))

    return read


def de(text):
    return {"@value": text, "@language": "de"}


def ru(text):
    return {"@value": text, "@language": "ru"}


MARYINO_DE = "Zentrum für soziale Leistungen der Stadt Moskau „Maryino“"
MARYINO_RU = "Территориальный центр социального обслуживания «Марьино»"
LAGESO_RU = "Земельное управление по вопросам здравоохранения и социальной сферы"


def test_cancelled_meeting_on_the_page_of_its_translation(json_ld):
    # The thing's @id is the Russian original's page; the summary has no German text and is tagged Russian.
    assert json_ld("de", "meetings/2018-03-01-runder-tisch") == {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage",
         "@id": f"{SITE}de/meetings/2018-03-01-runder-tisch.html",
         "url": f"{SITE}de/meetings/2018-03-01-runder-tisch.html",
         "name": de("Runder Tisch"),
         "inLanguage": "de",
         "mainEntity": {"@id": f"{SITE}ru/meetings/2018-03-01-runder-tisch.html#record"},
         "translationOfWork": {"@id": f"{SITE}ru/meetings/2018-03-01-runder-tisch.html", "inLanguage": "ru"}},
        {"@type": "Event",
         "@id": f"{SITE}ru/meetings/2018-03-01-runder-tisch.html#record",
         "name": de("Runder Tisch"),
         "description": ru("Отменён."),
         "url": f"{SITE}de/meetings/2018-03-01-runder-tisch.html",
         "startDate": "2018-03-01",
         "endDate": "2018-03-02",
         "eventStatus": "https://schema.org/EventCancelled",
         "location": {
             "@type": "Place", "name": de("Geschäftsstelle Bezirke des Paritätischen Wohlfahrtsverbandes"),
             "url": f"{SITE}de/places/geschaeftsstelle-bezirke-paritaet.html",
             "containedInPlace": {"@type": "Place", "name": de("Berlin"), "url": f"{SITE}de/places/berlin.html"}},
         # The host organizes; the coordinator is neither organizer nor attendee. A short name given only in
         # Russian is no alternate name on the German page.
         "organizer": [
             {"@type": "Organization", "name": de(MARYINO_DE), "url": f"{SITE}de/organizations/tcso-maryino.html"},
             {"@type": "Person", "name": de("Julia Gubina"), "url": f"{SITE}de/people/julia-gubina.html"}],
         "attendee": [
             {"@type": "Person", "name": de("Nelli Stanko"), "url": f"{SITE}de/people/nelli-stanko.html"}]},
    ]}


def test_cancelled_meeting_on_the_page_of_its_original(json_ld):
    assert json_ld("ru", "meetings/2018-03-01-runder-tisch") == {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage",
         "@id": f"{SITE}ru/meetings/2018-03-01-runder-tisch.html",
         "url": f"{SITE}ru/meetings/2018-03-01-runder-tisch.html",
         "name": ru("Круглый стол"),
         "inLanguage": "ru",
         "mainEntity": {"@id": f"{SITE}ru/meetings/2018-03-01-runder-tisch.html#record"},
         "workTranslation": [{"@id": f"{SITE}de/meetings/2018-03-01-runder-tisch.html", "inLanguage": "de"}]},
        {"@type": "Event",
         "@id": f"{SITE}ru/meetings/2018-03-01-runder-tisch.html#record",
         "name": ru("Круглый стол"),
         "description": ru("Отменён."),
         "url": f"{SITE}ru/meetings/2018-03-01-runder-tisch.html",
         "startDate": "2018-03-01",
         "endDate": "2018-03-02",
         "eventStatus": "https://schema.org/EventCancelled",
         "location": {
             "@type": "Place", "name": ru("Отдел по работе с округами Паритетного благотворительного союза Берлина"),
             "url": f"{SITE}ru/places/geschaeftsstelle-bezirke-paritaet.html",
             "containedInPlace": {"@type": "Place", "name": ru("Берлин"), "url": f"{SITE}ru/places/berlin.html"}},
         "organizer": [
             {"@type": "Organization", "name": ru(MARYINO_RU), "url": f"{SITE}ru/organizations/tcso-maryino.html",
              "alternateName": ru("ГБУ ТЦСО «Марьино»")},
             {"@type": "Person", "name": ru("Юлия Губина"), "url": f"{SITE}ru/people/julia-gubina.html"}],
         "attendee": [
             {"@type": "Person", "name": ru("Нелли Станко"), "url": f"{SITE}ru/people/nelli-stanko.html"}]},
    ]}


def test_links_are_relative_to_the_page_without_a_site_address(json_ld):
    page, thing = json_ld("de", "meetings/2018-03-01-runder-tisch", hosted=False)["@graph"]
    assert (page["@id"], page["url"], page["mainEntity"], page["translationOfWork"]) == (
        "2018-03-01-runder-tisch.html", "2018-03-01-runder-tisch.html",
        {"@id": "../../ru/meetings/2018-03-01-runder-tisch.html#record"},
        {"@id": "../../ru/meetings/2018-03-01-runder-tisch.html", "inLanguage": "ru"})
    assert (thing["@id"], thing["url"], thing["location"]["url"], thing["location"]["containedInPlace"]["url"]) == (
        "../../ru/meetings/2018-03-01-runder-tisch.html#record", "2018-03-01-runder-tisch.html",
        "../places/geschaeftsstelle-bezirke-paritaet.html", "../places/berlin.html")
    assert [a["url"] for a in thing["organizer"] + thing["attendee"]] == [
        "../organizations/tcso-maryino.html", "../people/julia-gubina.html", "../people/nelli-stanko.html"]
    page, thing = json_ld("ru", "agreements/2019-herbst-vereinbarung", hosted=False)["@graph"]
    assert page["translationOfWork"] == {"@id": "../../de/agreements/2019-herbst-vereinbarung.html", "inLanguage": "de"}
    assert thing["@id"] == "../../de/agreements/2019-herbst-vereinbarung.html#record"
    page, thing = json_ld("de", "agreements/2019-herbst-vereinbarung", hosted=False)["@graph"]
    assert page["workTranslation"] == [{"@id": "../../ru/agreements/2019-herbst-vereinbarung.html", "inLanguage": "ru"}]
    assert [a["url"] for a in thing["legislationPassedBy"]] == ["../organizations/lageso.html",
                                                               "../people/nelli-stanko.html"]
    _, thing = json_ld("ru", "projects/2015-2018-abgeschlossen", hosted=False)["@graph"]
    assert [a["url"] for a in thing["member"]] == [
        "../organizations/lageso.html", "../organizations/tcso-maryino.html", "../people/nelli-stanko.html"]


def test_superseded_agreement_keeps_its_season(json_ld):
    assert json_ld("ru", "agreements/2019-herbst-vereinbarung") == {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage",
         "@id": f"{SITE}ru/agreements/2019-herbst-vereinbarung.html",
         "url": f"{SITE}ru/agreements/2019-herbst-vereinbarung.html",
         "name": ru("Соглашение"),
         "inLanguage": "ru",
         "mainEntity": {"@id": f"{SITE}de/agreements/2019-herbst-vereinbarung.html#record"},
         "translationOfWork": {"@id": f"{SITE}de/agreements/2019-herbst-vereinbarung.html", "inLanguage": "de"}},
        {"@type": "Legislation",
         "@id": f"{SITE}de/agreements/2019-herbst-vereinbarung.html#record",
         "name": ru("Соглашение"),
         "description": ru("Заменено."),
         "url": f"{SITE}ru/agreements/2019-herbst-vereinbarung.html",
         "legislationDate": "2019-23",
         # The parties pass it, the endorser does not.
         "legislationPassedBy": [
             {"@type": "Organization", "name": ru(LAGESO_RU), "url": f"{SITE}ru/organizations/lageso.html"},
             {"@type": "Person", "name": ru("Нелли Станко"), "url": f"{SITE}ru/people/nelli-stanko.html"}],
         "legislationLegalForce": "https://schema.org/NotInForce"},
    ]}


def test_agreement_in_force_signed_and_without_status(json_ld):
    in_force = json_ld("de", "agreements/2012-05-un-brk-russland")["@graph"][1]
    assert (in_force["legislationDate"], in_force["legislationLegalForce"]) == ("2012-05", "https://schema.org/InForce")
    assert "legislationPassedBy" not in in_force
    signed = json_ld("de", "agreements/2006-06-kooperationsvereinbarung-soziales")["@graph"][1]
    assert signed["legislationDate"] == "2006-06" and "legislationLegalForce" not in signed
    assert [p["url"] for p in signed["legislationPassedBy"]] == [
        f"{SITE}de/organizations/senatsverwaltung-gsv.html", f"{SITE}de/organizations/dszn-moskau.html"]
    unknown = json_ld("ru", "agreements/1991-08-28-freundschaftsabkommen")["@graph"][1]
    assert unknown["legislationDate"] == "1991-08-28" and "legislationLegalForce" not in unknown


def test_completed_project_ends_and_names_its_members(json_ld):
    assert json_ld("de", "projects/2015-2018-abgeschlossen") == {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage",
         "@id": f"{SITE}de/projects/2015-2018-abgeschlossen.html",
         "url": f"{SITE}de/projects/2015-2018-abgeschlossen.html",
         "name": de("Abgeschlossen"),
         "inLanguage": "de",
         "mainEntity": {"@id": f"{SITE}de/projects/2015-2018-abgeschlossen.html#record"},
         "workTranslation": [{"@id": f"{SITE}ru/projects/2015-2018-abgeschlossen.html", "inLanguage": "ru"}]},
        {"@type": "Project",
         "@id": f"{SITE}de/projects/2015-2018-abgeschlossen.html#record",
         "name": de("Abgeschlossen"),
         "description": de("Fertig."),
         "url": f"{SITE}de/projects/2015-2018-abgeschlossen.html",
         "foundingDate": "2015",
         "dissolutionDate": "2018",
         # Implementer, organizer and party are members; the coordinator is not.
         "member": [
             {"@type": "Organization", "name": de("Landesamt für Gesundheit und Soziales"),
              "url": f"{SITE}de/organizations/lageso.html"},
             {"@type": "Organization", "name": de(MARYINO_DE), "url": f"{SITE}de/organizations/tcso-maryino.html"},
             {"@type": "Person", "name": de("Nelli Stanko"), "url": f"{SITE}de/people/nelli-stanko.html"}]},
    ]}


def test_running_project_has_no_end_yet(json_ld):
    thing = json_ld("ru", "projects/2016-2019-laufend")["@graph"][1]
    assert thing == {"@type": "Project", "@id": f"{SITE}de/projects/2016-2019-laufend.html#record",
                     "name": ru("Идёт"), "description": ru("Идёт."),
                     "url": f"{SITE}ru/projects/2016-2019-laufend.html", "foundingDate": "2016"}
    no_status = json_ld("de", "projects/2014-2016-sozialseminare")["@graph"][1]
    assert (no_status["foundingDate"], "dissolutionDate" in no_status) == ("2014", False)
    assert no_status["member"] == [{"@type": "Organization",
                                    "name": de("Departement für soziale Sicherheit der Bevölkerung der Stadt Moskau"),
                                    "url": f"{SITE}de/organizations/dszn-moskau.html"}]


def test_seminars_held_and_planned(json_ld):
    held = json_ld("de", "seminars/2017-06-moskau")["@graph"][1]
    assert (held["@type"], held["startDate"], held["endDate"], held["eventStatus"]) == (
        "Event", "2017-06-04", "2017-06-09", "https://schema.org/EventScheduled")
    assert held["location"] == {"@type": "Place", "name": de("Moskau"), "url": f"{SITE}de/places/moskau.html"}
    assert [a["url"].removeprefix(f"{SITE}de/organizations/") for a in held["organizer"]] == [
        "senatsverwaltung-ias.html", "dtszn-moskau.html"]
    assert [a["url"].removeprefix(f"{SITE}de/organizations/") for a in held["attendee"]] == [
        "paritaet-berlin.html", "volkssolidaritaet.html", "koordinierungsstelle-kja.html"]
    planned = json_ld("ru", "seminars/2017-herbst-berlin")["@graph"][1]
    assert (planned["startDate"], planned["eventStatus"]) == ("2017-23", "https://schema.org/EventScheduled")
    assert "endDate" not in planned and "attendee" not in planned
    bare = json_ld("de", "seminars/2012-2013-sozialseminare")["@graph"][1]
    assert sorted(bare) == ["@id", "@type", "description", "endDate", "eventStatus", "name", "startDate", "url"]


def test_pages_that_are_no_record(makers, json_ld):
    assert json_ld("de", "index") is None
    assert json_ld("ru", "topics/inklusion") is None
    assert makers["ru", True].web_page("topics/inklusion", "Инклюзия") == {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": f"{SITE}ru/topics/inklusion.html", "url": f"{SITE}ru/topics/inklusion.html",
         "name": "Инклюзия", "inLanguage": "ru"}]}
    local = makers["de", False].web_page("topics/inklusion", "Inklusion")["@graph"][0]
    assert (local["@id"], local["url"], local["inLanguage"]) == ("inklusion.html", "inklusion.html", "de")


def test_script_json_cannot_close_the_script_element():
    text = script_json({"name": "</script><b>A & B</b>", "ru": "Ё"})
    assert text == '{"name":"\\u003c/script\\u003e\\u003cb\\u003eA \\u0026 B\\u003c/b\\u003e","ru":"Ё"}'
    assert json.loads(text) == {"name": "</script><b>A & B</b>", "ru": "Ё"}
