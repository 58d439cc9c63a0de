"""The archive's look, on a real build: its own mark and icons, record pages that start with the record, the home
page, the legal pages in every footer, no third-party requests, print, and screenshots of every page type.

Screenshots go to `screenshots/` (git-ignored; `PARTNERSCHAFTSARCHIV_SCREENSHOTS` names another folder); the
pull-request workflow uploads them, so that a reviewer sees what a change looks like.
"""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path

import pytest
from conftest import REPO, run_build

from accessibility_tools import LANGUAGES, PAGES, new_context, settle
from browse_html import content

MATERIAL = Path(pytest.importorskip("material").__file__).parent / "templates"
OURS = REPO / "overrides" / "assets" / "images"
SCREENSHOTS = Path(os.environ.get("PARTNERSCHAFTSARCHIV_SCREENSHOTS") or REPO / "screenshots")

# One record of each kind: the body must start above the fold at 1280×800, the summary at 360×800.
RECORDS = ("seminars/2017-06-moskau.html", "agreements/2012-09-25-kooperationsvereinbarung-soziales.html",
           "projects/2014-2016-berufliche-eingliederung.html", "meetings/2017-05-12-berlin-arbeitstreffen.html")
FOOTER_LINKS = {
    "de": {"legal-notice.html": "Impressum", "privacy.html": "Datenschutzerklärung",
           "accessibility.html": "Erklärung zur Barrierefreiheit"},
    "ru": {"legal-notice.html": "Выходные данные", "privacy.html": "Политика конфиденциальности",
           "accessibility.html": "Заявление о доступности"},
}


def _pages(site: Path, lang: str) -> list[Path]:
    return sorted(p for p in (site / lang).rglob("*.html") if p.name != "404.html")


def _footer(html: str) -> str:
    return html[html.index('<footer class="md-footer">'):]


# Identity -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_stock_material_icon_or_logo_is_left(real_site, lang):
    stock_favicon = (MATERIAL / "assets" / "images" / "favicon.png").read_bytes()
    built = real_site.site / lang / "assets" / "images"
    # Material's favicon.png is replaced by ours at the same path; the SVG icon and the mark are ours.
    assert (built / "favicon.png").read_bytes() != stock_favicon
    for name in ("favicon.png", "favicon.svg", "favicon-32.png", "apple-touch-icon.png", "logo.svg"):
        assert (built / name).read_bytes() == (OURS / name).read_bytes(), name
    assert struct.unpack(">II", (built / "favicon-32.png").read_bytes()[16:24]) == (32, 32)
    assert struct.unpack(">II", (built / "apple-touch-icon.png").read_bytes()[16:24]) == (180, 180)
    stock_logo = (MATERIAL / ".icons" / "material" / "library.svg").read_text(encoding="utf-8")
    stock_path = re.search(r' d="([^"]+)"', stock_logo).group(1)
    for path in _pages(real_site.site, lang) + [real_site.site / lang / "404.html"]:
        html = path.read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        up = "../" * (len(path.relative_to(real_site.site / lang).parts) - 1)
        assert f'<link rel="icon" href="{up}assets/images/favicon.svg">' in head or path.name == "404.html", path
        assert 'sizes="32x32"' in head and 'rel="apple-touch-icon"' in head, path
        assert stock_path not in html, path
        header = html[html.index('<header class="md-header'):html.index("</header>")]
        assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" class="archive-logo"' \
            ' aria-hidden="true" focusable="false">' in header, path
        footer = _footer(html)
        assert "squidfunk" not in footer and "Made with" not in footer, path


def test_the_palette_is_our_own_in_both_schemes():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "primary: indigo" not in config
    assert config.count("primary: custom") == 2 and config.count("accent: custom") == 2
    css = (REPO / "overrides" / "assets" / "stylesheets" / "identity.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #1b4b5a;" in css
    assert '[data-md-color-scheme="slate"][data-md-color-primary="custom"]' in css
    assert "@font-face" not in css and "url(" not in css


def test_the_repository_link_asks_no_third_party(project_copy):
    """With a repository named, Material's header link would fetch stars and forks from the GitHub API in the
    reader's browser; ours is a plain link (overrides/partials/source.html)."""
    result = run_build(project_copy, env={"PARTNERSCHAFTSARCHIV_REPO_URL": "https://github.com/example/archiv"})
    assert result.ok, result.output
    for path in ("de/index.html", "ru/seminars/2017-06-moskau.html"):
        html = result.page(path)
        assert '<a href="https://github.com/example/archiv" title="' in html and 'class="md-source"' in html
        assert 'data-md-component="source"' not in html


# Legal pages ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, legal, privacy, placeholder", [
    ("de", "Impressum", "Datenschutzerklärung", "Platzhalter – von den Betreibern auszufüllen:"),
    ("ru", "Выходные данные", "Политика конфиденциальности", "Заполнитель – заполняют владельцы сайта:"),
])
def test_legal_pages_exist_with_marked_placeholders(real_site, lang, legal, privacy, placeholder):
    notice = real_site.page(f"{lang}/legal-notice.html")
    statement = real_site.page(f"{lang}/privacy.html")
    assert f">{legal}</h1>" in notice
    assert f">{privacy}</h1>" in statement
    # What only the owners can say is a visible placeholder: the responsible body, the contact, the host.
    assert notice.count(f"<strong>{placeholder}</strong>") == 3
    assert statement.count(f"<strong>{placeholder}</strong>") == 3
    # Honest about the one thing stored in the browser: Material's palette toggle writes localStorage.
    assert "<code>localStorage</code>" in statement
    for html in (notice, statement):
        for other in LANGUAGES:
            page = "legal-notice" if html is notice else "privacy"
            assert f'hreflang="{other}" href="../{other}/{page}.html"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_footer_links_the_legal_pages(real_site, lang):
    pages = _pages(real_site.site, lang)
    assert len(pages) > 50
    for path in pages:
        footer = _footer(path.read_text(encoding="utf-8"))
        links = dict((href.rsplit("/", 1)[-1], text) for href, text in
                     re.findall(r'<a href="([^"]*\.html)">([^<]*)</a>', footer))
        for target, text in FOOTER_LINKS[lang].items():
            assert links.get(target) == text, (path, target)
        for href in re.findall(r'<a href="([^"]*(?:legal-notice|privacy)\.html)">', footer):
            assert (path.parent / href).resolve().is_file(), (path, href)


# Layout in the HTML ---------------------------------------------------------------------------------------------


def test_record_page_starts_with_the_record_and_ends_with_its_neighbours(real_site):
    page = content(real_site.page("de/seminars/2017-06-moskau.html"))
    article = page.find("div", cls="archive-record")
    order = [e.tag + "." + (e.classes[0] if e.classes else "") for e in article.iter()
             if e.tag in ("h1", "p", "section", "div", "nav") and (
                 e.tag == "h1" or {"archive-summary", "archive-facts-panel", "archive-body",
                                   "archive-record-pager"} & set(e.classes))]
    assert order == ["h1.", "p.archive-summary", "section.archive-facts-panel", "div.archive-body",
                     "nav.archive-record-pager"]
    facts = article.find("dl", cls="archive-facts")
    assert [dt.text for dt in facts.find_all("dt")] == ["Art", "Datum", "Ort", "Status", "Organisationen",
                                                        "Personen", "Themen", "Quellen"]
    values = {dt.text: dd for dt, dd in zip(facts.find_all("dt"), facts.find_all("dd"))}
    assert values["Art"].text == "Seminar (Nr. 18)"
    assert values["Datum"].find("time").text == "4.–9. Juni 2017"
    assert values["Status"].text == "stattgefunden"
    people = [li.text for li in values["Personen"].find_all("li")]
    assert people[0] == "Elke Breitenbach, Senatorin für Integration, Arbeit und Soziales (Leitung)"
    assert [li.text for li in values["Organisationen"].find_all("li")][2] == \
        "Landesamt für Gesundheit und Soziales (fachliche Begleitung und Organisation)"
    assert values["Quellen"].find("a").attrs["href"] == "#sources"
    pager = article.find("nav", cls="archive-record-pager")
    assert pager.attrs["aria-label"] == "Seminare"
    assert pager.links() == ["../seminars/2012-2013-sozialseminare.html", "../seminars/2017-herbst-berlin.html"]
    assert [a.attrs["rel"] for a in pager.find_all("a")] == ["prev", "next"]
    russian = content(real_site.page("ru/seminars/2017-06-moskau.html"))
    assert [s.text for s in russian.find("nav", cls="archive-record-pager").find_all(
        "span", cls="archive-record-pager__label")] == ["← Раньше", "Позже →"]


def test_the_first_record_of_a_kind_has_only_a_later_one(real_site):
    pager = content(real_site.page("de/seminars/2007-04-berlin.html")).find("nav", cls="archive-record-pager")
    assert pager.links() == ["../seminars/2012-2013-sozialseminare.html"]


@pytest.mark.parametrize("path, toc_shown", [
    ("de/seminars/2017-06-moskau.html", False), ("de/index.html", False), ("de/topics/inklusion.html", False),
    ("de/timeline.html", False), ("de/legal-notice.html", True), ("de/about.html", True),
])
def test_the_right_hand_column_is_hidden_where_it_would_be_empty(real_site, path, toc_shown):
    sidebar = re.search(r'<div class="md-sidebar md-sidebar--secondary"[^>]*>', real_site.page(path)).group(0)
    assert ("hidden" not in sidebar) is toc_shown


def test_home_page_for_readers(real_site):
    page = content(real_site.page("de/index.html"))
    assert [h.text for h in page.find_all("h2")] == ["Neueste Einträge", "Geplant", "Überblick", "Im Archiv stöbern",
                                                     "Offline lesen und offene Daten"]
    cards = page.find_all("ol", cls="archive-cards")
    latest = cards[0].find_all("li", cls="archive-list__item")
    assert len(latest) == 5
    for card in latest:
        meta = card.find("p", cls="archive-item__meta")
        assert meta.find("time") and meta.find("span", cls="archive-kind")
        assert card.find("p", cls="archive-item__title").links()
        assert card.find("p", cls="archive-item__summary").text
    planned = cards[1].find_all("li", cls="archive-list__item")
    assert [c.find("p", cls="archive-item__title").links() for c in planned] == [["seminars/2017-herbst-berlin.html"]]
    assert page.find("figure", cls="archive-overview")
    tiles = {a.attrs["href"]: a.find("span", cls="archive-entry-points__count").text
             for a in page.find("ul", cls="archive-entry-points").find_all("a")}
    assert list(tiles) == ["seminars/index.html", "agreements/index.html", "projects/index.html", "meetings/index.html",
                           "timeline.html", "topics/index.html", "organizations/index.html", "people/index.html",
                           "places/index.html", "years/index.html"]
    # The counts are those of the pages they lead to.
    section = content(real_site.page("de/seminars/index.html"))
    assert tiles["seminars/index.html"] == f"{len(section.find_all('li', cls='archive-list__item'))} Einträge"
    topics = content(real_site.page("de/topics/index.html"))
    named = sum(len(ul.find_all("li")) for ul in topics.find_all("ul", cls="archive-index"))
    assert tiles["topics/index.html"] == f"{named} Themen"
    years = content(real_site.page("de/years/index.html"))
    assert tiles["years/index.html"] == f"{len(years.find('ul', cls='archive-years').find_all('li'))} Jahre"


def test_section_pages_list_date_place_and_summary(real_site):
    page = content(real_site.page("de/seminars/index.html"))
    items = page.find("ol", cls="archive-list").find_all("li", cls="archive-list__item")
    first = items[-1]
    assert first.find("p", cls="archive-item__meta").text == "April 2007 · Berlin"
    assert first.find("p", cls="archive-item__title").links() == ["../seminars/2007-04-berlin.html"]
    assert first.find("p", cls="archive-item__summary").text


# In Chromium ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(site_url):
    """The real archive built for its address and served there, as deployed: the 404 page finds its styles."""
    return site_url


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("record", RECORDS)
def test_the_record_starts_above_the_fold(browser, served, lang, record):
    for width, selector in ((1280, ".archive-body"), (360, ".archive-summary")):
        context = new_context(browser, viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(f"{served}{lang}/{record}")
        top = page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().top")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        context.close()
        assert top < 800, (width, selector, top)
        assert overflow <= 0, (width, overflow)


def test_pages_send_nothing_to_third_parties(browser, served):
    """Fonts, scripts, images: everything from the site itself (docs/<lang>/privacy.md says so)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requested: list[str] = []
    context.route("**/*", lambda route: (requested.append(route.request.url), route.continue_()
                                         if route.request.url.startswith(served) else route.abort()))
    page = context.new_page()
    for path in ("de/index.html", "ru/seminars/2017-06-moskau.html", "de/timeline.html", "ru/privacy.html"):
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
    context.close()
    assert len(requested) > 20
    assert [url for url in requested if not url.startswith(served)] == []


def test_what_the_privacy_statement_says_is_stored(browser, served):
    """No cookie; in localStorage only Material's colour scheme, written on load (docs/<lang>/privacy.md)."""
    context = new_context(browser)
    page = context.new_page()
    page.goto(served + "de/seminars/2017-06-moskau.html")
    page.wait_for_load_state("networkidle")
    stored = page.evaluate("[document.cookie, Object.keys(localStorage), Object.keys(sessionStorage)]")
    page.locator("button.archive-palette__toggle:visible").click()
    keys_after_toggle = page.evaluate("Object.keys(localStorage)")
    cookies = context.cookies()
    context.close()
    assert stored == ["", ["/de/.__palette"], []]
    assert keys_after_toggle == ["/de/.__palette"] and cookies == []


def test_a_record_prints_as_a_document(browser, served):
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(served + "de/seminars/2017-06-moskau.html")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Object.fromEntries(['.md-header', '.md-sidebar--primary', '.md-footer',
        '.archive-record-pager', '.archive-print-url', '#sources', '.archive-sources', '.archive-facts-panel']
        .map(s => [s, getComputedStyle(document.querySelector(s)).display !== 'none']))""")
    assert shown == {".md-header": False, ".md-sidebar--primary": False, ".md-footer": False,
                     ".archive-record-pager": False, ".archive-print-url": True, "#sources": True,
                     ".archive-sources": True, ".archive-facts-panel": True}
    address = page.inner_text(".archive-print-url")
    assert address == f"Adresse dieser Seite: {served}de/seminars/2017-06-moskau.html"
    # No source of the real archive has a web address yet: give the first one a link, as a source with `url` gets.
    after = page.evaluate("""() => { const cite = document.querySelector('.archive-sources cite');
        const link = document.createElement('a');
        link.href = 'https://example.org/bericht.pdf';
        link.textContent = cite.textContent;
        cite.replaceChildren(link);
        return getComputedStyle(link, '::after').content }""")
    assert after == '" <https://example.org/bericht.pdf>"'
    page.emulate_media(media="screen")
    assert page.evaluate("getComputedStyle(document.querySelector('.archive-print-url')).display") == "none"
    context.close()


# Screenshots ----------------------------------------------------------------------------------------------------

# Every page type (the legal pages among them) except the search states, which are the same pages with a dialog
# open; the language chooser at the root.
SCREENSHOT_PAGES = [(p.name, p.url(lang)) for p in PAGES if p.prepare is None and "?" not in p.path
                    for lang in p.languages] + [("chooser", "index.html")]
# Long pages are cut: the top of a page is what a reviewer compares.
_MAX_HEIGHT = 3200


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 360])
def test_screenshots_of_every_page_type(browser, served, width, scheme):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = new_context(browser, viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    written = []
    for name, path in SCREENSHOT_PAGES:
        page.goto(served + path)
        settle(page)
        height = min(page.evaluate("document.documentElement.scrollHeight"), _MAX_HEIGHT)
        target = SCREENSHOTS / f"{path.removesuffix('.html').replace('/', '_')}-{width}-{scheme}.png"
        page.screenshot(path=str(target), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
        written.append(target)
    context.close()
    for target in written:
        data = target.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", target
        assert struct.unpack(">I", data[16:20])[0] == width, target
    assert len({t.name for t in written}) == len(SCREENSHOT_PAGES) == 55
