"""Issue 4, hosted: site address, sitemap with language alternates, canonical links, 404 pages, robots.txt,
OpenGraph and schema.org JSON-LD, and the GitHub Pages workflow."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml

from conftest import REPO, SITE_URL, run_build

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGS = ("de", "ru")
RECORD_FOLDERS = ("seminars", "agreements", "projects", "meetings")


class _Head(HTMLParser):
    """The <link>, <meta> and JSON-LD of a page, as a browser or a crawler reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.meta: list[dict[str, str]] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.meta.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data

    def prop(self, name: str) -> list[str]:
        return [m["content"] for m in self.meta if m.get("property") == name]

    def link(self, rel: str) -> list[str]:
        return [link["href"] for link in self.links if link.get("rel") == rel]


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path, lang: str) -> list[str]:
    """Every content page of a language, as its path below the language folder (not the 404 page)."""
    base = site / lang
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.html") if p.name != "404.html")


def graph(path: Path) -> dict[str, dict]:
    (text,) = head(path).jsonld
    return {node["@type"]: node for node in json.loads(text)["@graph"]}


def test_sitemap_lists_every_page_with_its_alternates(hosted_site):
    site = hosted_site.site
    root = ET.parse(site / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall(f"{SM}url"):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert {link.get("rel") for link in url.findall(f"{XHTML}link")} == {"alternate"}
        entries[url.find(f"{SM}loc").text] = alternates
    expected = {f"{SITE_URL}{lang}/{page}" for lang in LANGS for page in pages(site, lang)}
    # The language chooser is in it too: the x-default of the home pages.
    assert entries.pop(f"{SITE_URL}index.html") == {"de": f"{SITE_URL}de/index.html", "ru": f"{SITE_URL}ru/index.html",
                                                    "x-default": f"{SITE_URL}index.html"}
    assert set(entries) == expected
    for loc, alternates in entries.items():
        path = loc.removeprefix(SITE_URL).split("/", 1)[1]
        # Every language that has the page (the Leichte-Sprache page exists in German only).
        languages = [lang for lang in LANGS if (site / lang / path).is_file()]
        assert alternates == {**{lang: f"{SITE_URL}{lang}/{path}" for lang in languages},
                              "x-default": f"{SITE_URL}index.html"}
    for lang in LANGS:  # each language's own sitemap: its pages, with the same alternates
        own = ET.parse(site / lang / "sitemap.xml").getroot()
        locs = {url.find(f"{SM}loc").text for url in own.findall(f"{SM}url")}
        assert locs == {loc for loc in expected if loc.startswith(f"{SITE_URL}{lang}/")}
    assert "seminars/2017-06-moskau.html" in pages(site, "ru")


def test_robots_and_canonical_links(hosted_site, tmp_path):
    site = hosted_site.site
    # Below a sub-path a robots.txt is never read: none is written (README.md says what the host does instead).
    assert not (site / "robots.txt").exists()
    for lang in LANGS:
        for page in pages(site, lang):
            parsed = head(site / lang / page)
            assert parsed.link("canonical") == [f"{SITE_URL}{lang}/{page}"], page
            hreflang = {link["hreflang"]: link["href"] for link in parsed.links if link.get("hreflang")}
            languages = [code for code in LANGS if (site / code / page).is_file()]
            assert hreflang == {**{code: f"{SITE_URL}{code}/{page}" for code in languages},
                                "x-default": f"{SITE_URL}index.html"}, page


def test_robots_txt_at_the_root_of_a_host():
    from partnerschaftsarchiv.publishing import SiteAddress, robots_txt

    assert robots_txt(SiteAddress("https://archiv.example.org/")) == (
        "User-agent: *\nAllow: /\nSitemap: https://archiv.example.org/sitemap.xml\n")
    assert robots_txt(SiteAddress("https://example.github.io/archiv/")) is None
    assert robots_txt(SiteAddress()) == "User-agent: *\nAllow: /\n"


def test_language_chooser_is_bilingual_canonical_and_the_default(hosted_site):
    site = hosted_site.site
    html = hosted_site.page("index.html")
    assert '<html lang="mul">' in html
    assert '<li lang="de">' in html and '<li lang="ru">' in html
    parsed = head(site / "index.html")
    assert parsed.link("canonical") == [f"{SITE_URL}index.html"]
    assert parsed.prop("og:url") == [f"{SITE_URL}index.html"]
    assert {link["hreflang"]: link["href"] for link in parsed.links if link.get("hreflang")} == {
        "de": f"{SITE_URL}de/index.html", "ru": f"{SITE_URL}ru/index.html", "x-default": f"{SITE_URL}index.html"}


def test_opengraph_on_every_page(hosted_site):
    site = hosted_site.site
    for lang, other in (("de", "ru_RU"), ("ru", "de_DE")):
        for page in pages(site, lang):
            parsed = head(site / lang / page)
            assert parsed.prop("og:title") and parsed.prop("og:title")[0].strip(), page
            assert parsed.prop("og:url") == [f"{SITE_URL}{lang}/{page}"], page
            assert parsed.prop("og:locale") == [{"de": "de_DE", "ru": "ru_RU"}[lang]]
            assert parsed.prop("og:locale:alternate") == [other]
            # Record pages are articles (and carry JSON-LD); indexes, registries and the rest are websites.
            is_record = page.split("/")[0] in RECORD_FOLDERS and not page.endswith("/index.html")
            assert parsed.prop("og:type") == ["article" if is_record else "website"], page
            (jsonld,) = parsed.jsonld  # every page: a WebPage, on record pages with the record's thing
            types = {node["@type"] for node in json.loads(jsonld)["@graph"]}
            assert (types != {"WebPage"}) == is_record, page
        records = sum(len(list((REPO / "data" / folder).glob("*.yml"))) for folder in RECORD_FOLDERS)
        assert sum(page.split("/")[0] in RECORD_FOLDERS and not page.endswith("/index.html")
                   for page in pages(site, lang)) == records
    record = head(site / "ru" / "seminars" / "2017-06-moskau.html")
    assert record.prop("og:title") == ["18-й социальный семинар в Москве"]
    assert record.prop("og:description")[0].startswith("Первый из двух")


def test_not_found_pages(hosted_site):
    site = hosted_site.site
    root = (site / "404.html").read_text(encoding="utf-8")
    assert "Seite nicht gefunden" in root and "Страница не найдена" in root
    # Relative links (they work from disk); served at any missing address, a <base> of the site's root.
    assert 'href="de/index.html"' in root and 'href="ru/index.html"' in root
    assert 'base.href = "/partnerschaft/"' in root
    for lang in LANGS:
        page = (site / lang / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page
        # Links from the page's own folder, never from the server's root: right from disk and in the zip.
        assert 'href="./assets/stylesheets/accessibility.css"' in page and 'href="/' not in page
        assert not [link for link in head(site / lang / "404.html").links if link.get("hreflang")]


def test_seminar_is_an_event_at_its_precision(hosted_site):
    site = hosted_site.site
    de = graph(site / "de" / "seminars" / "2017-06-moskau.html")
    ru = graph(site / "ru" / "seminars" / "2017-06-moskau.html")
    event = ru["Event"]
    assert event["@id"] == de["Event"]["@id"] == f"{SITE_URL}de/seminars/2017-06-moskau.html#record"
    assert (event["startDate"], event["endDate"]) == ("2017-06-04", "2017-06-09")
    # One event, described on two pages: each name tagged with its language.
    assert event["name"] == {"@value": "18-й социальный семинар в Москве", "@language": "ru"}
    assert de["Event"]["name"] == {"@value": "18. Sozialseminar in Moskau", "@language": "de"}
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["location"]["name"] == {"@value": "Москва", "@language": "ru"}
    assert "address" not in event["location"]  # no source gives one
    assert {o["name"]["@value"] for o in event["organizer"]} == {
        "Сенатское управление по вопросам интеграции, труда и социальной политики",
        "Департамент труда и социальной защиты населения города Москвы"}
    assert ru["WebPage"]["inLanguage"] == "ru" and de["WebPage"]["inLanguage"] == "de"
    assert ru["WebPage"]["translationOfWork"] == {"@id": f"{SITE_URL}de/seminars/2017-06-moskau.html",
                                                  "inLanguage": "de"}
    assert de["WebPage"]["workTranslation"] == [{"@id": f"{SITE_URL}ru/seminars/2017-06-moskau.html",
                                                 "inLanguage": "ru"}]

    meeting = graph(site / "de" / "meetings" / "2013-09-botschaft-fachgespraech.html")["Event"]
    assert meeting["startDate"] == "2013-09" and "endDate" not in meeting
    planned = graph(site / "de" / "seminars" / "2017-herbst-berlin.html")["Event"]
    assert planned["startDate"] == "2017-23"  # autumn 2017, as ISO 8601-2 (EDTF) writes it: no made-up day
    assert planned["location"]["name"] == {"@value": "Berlin", "@language": "de"}
    place = graph(site / "de" / "meetings" / "2017-05-12-berlin-arbeitstreffen.html")["Event"]["location"]
    assert place["containedInPlace"]["name"] == {"@value": "Berlin", "@language": "de"}


def test_agreements_and_projects_have_their_types(hosted_site):
    site = hosted_site.site
    for path in (site / "de" / "agreements").glob("[0-9]*.html"):
        assert "Legislation" in graph(path), path.name
    for path in (site / "ru" / "projects").glob("[0-9]*.html"):
        assert "Project" in graph(path), path.name
    topic = graph(site / "de" / "topics" / "inklusion.html")
    assert topic == {"WebPage": {"@type": "WebPage", "@id": f"{SITE_URL}de/topics/inklusion.html",
                                 "url": f"{SITE_URL}de/topics/inklusion.html", "name": "Inklusion",
                                 "inLanguage": "de"}}
    about = graph(site / "ru" / "about.html")["WebPage"]
    assert about["inLanguage"] == "ru" and about["name"] and not _schema_problems({"WebPage": {**about, "mainEntity": 1}}, "ru")


def test_jsonld_cannot_be_broken_out_of(project_copy, tmp_path):
    record = project_copy / "data" / "meetings" / "2017-05-12-berlin-arbeitstreffen.yml"
    text = record.read_text(encoding="utf-8")
    hostile = 'Treffen </script><script>alert("x")</script> & <!-- Ende'
    record.write_text(re.sub(r'(\n  de: )"[^"\n]*"', lambda m: f'{m.group(1)}{json.dumps(hostile)}', text, count=1),
                      encoding="utf-8")
    result = run_build(project_copy)
    assert result.ok, result.output
    html = result.page("de/meetings/2017-05-12-berlin-arbeitstreffen.html")
    assert "<script>alert" not in html
    (script,) = head(result.site / "de" / "meetings" / "2017-05-12-berlin-arbeitstreffen.html").jsonld
    assert {node["@type"]: node for node in json.loads(script)["@graph"]}["Event"]["name"]["@value"] == hostile
    # Without a site address: no sitemap, no canonical links, relative links in the JSON-LD.
    assert not (result.site / "sitemap.xml").exists() and not (result.site / "de" / "sitemap.xml").exists()
    assert "Sitemap:" not in (result.site / "robots.txt").read_text(encoding="utf-8")
    assert not head(result.site / "de" / "index.html").link("canonical")
    assert json.loads(script)["@graph"][0]["workTranslation"] == [
        {"@id": "../../ru/meetings/2017-05-12-berlin-arbeitstreffen.html", "inLanguage": "ru"}]


def test_pages_workflow_builds_with_the_pages_address():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = workflow["jobs"]["build"]["steps"]
    pages_step = next(step for step in build if step.get("uses", "").startswith("actions/configure-pages@"))
    make = next(step for step in build if step.get("run") == "make build")
    # The whole history, so each feed entry's `updated` is its record's last commit.
    checkout = next(step for step in build if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert make["env"]["PARTNERSCHAFTSARCHIV_SITE_URL"] == f"${{{{ steps.{pages_step['id']}.outputs.base_url }}}}/"
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
    assert "!ENV [PARTNERSCHAFTSARCHIV_SITE_URL" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


# schema.org: the type of each record page's thing and the properties it needs (Google's required ones for an
# Event: name, startDate, location where the record names a place); dates as ISO 8601 at the record's precision.
_REQUIRED = {"Event": ("name", "startDate", "description", "url"), "Legislation": ("name", "legislationDate", "url"),
             "Project": ("name", "foundingDate", "url"), "WebPage": ("name", "url", "inLanguage", "mainEntity")}
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2]|2[1-4])(-\d{2})?)?")
_DATES = ("startDate", "endDate", "legislationDate", "foundingDate", "dissolutionDate")


def _schema_problems(nodes: dict[str, dict], lang: str) -> list[str]:
    problems = []
    for kind, node in nodes.items():
        problems += [f"{kind} lacks {name}" for name in _REQUIRED.get(kind, ()) if not node.get(name)]
        for name in ("name", "description"):
            value = node.get(name)
            if value is not None and kind != "WebPage" and not (
                    isinstance(value, dict) and set(value) == {"@value", "@language"} and value["@language"] in LANGS):
                problems.append(f"{kind}.{name} is not language-tagged: {value!r}")
        problems += [f"{kind}.{name} {node[name]!r} is no date" for name in _DATES
                     if name in node and not _DATE.fullmatch(node[name])]
    if nodes.get("WebPage", {}).get("inLanguage") != lang:
        problems.append("WebPage.inLanguage is not the page's language")
    return problems


def test_jsonld_of_every_record_page_passes_the_schema_check(hosted_site):
    site = hosted_site.site
    expected = {"seminars": "Event", "meetings": "Event", "agreements": "Legislation", "projects": "Project"}
    for lang in LANGS:
        for folder, kind in expected.items():
            for path in sorted((site / lang / folder).glob("[0-9]*.html")):
                nodes = graph(path)
                assert set(nodes) == {"WebPage", kind}, path
                assert nodes["WebPage"]["mainEntity"] == {"@id": nodes[kind]["@id"]}
                assert not _schema_problems(nodes, lang), (path, _schema_problems(nodes, lang))
    # The check itself finds a made-up value.
    broken = {"WebPage": {"name": "x", "url": "u", "inLanguage": "de", "mainEntity": {}},
              "Event": {"name": "untagged", "startDate": "2017-13", "url": "u"}}
    assert _schema_problems(broken, "de") == [
        "WebPage lacks mainEntity", "Event lacks description", "Event.name is not language-tagged: 'untagged'",
        "Event.startDate '2017-13' is no date"]


def test_show_in_the_timeline_leads_to_the_records_own_entry(real_site):
    for lang in LANGS:
        record = real_site.page(f"{lang}/seminars/2017-herbst-berlin.html")
        assert 'href="../timeline.html#seminar-2017-herbst-berlin"' in record
        timeline = real_site.page(f"{lang}/timeline.html")
        assert timeline.count('id="seminar-2017-herbst-berlin"') == 1
        assert 'id="seminar-2017-herbst-berlin" data-kind="seminar"' in timeline
