"""Accessibility (WCAG 2.1 AA / BITV 2.0), measured by real tools on a real build in headless Chromium.

axe-core checks every page type in both languages and both colour schemes; the Nu HTML Checker validates every
page file of the default build; keyboard walks and a 320 px viewport check what the tools cannot.
"""

from __future__ import annotations

import os
import re

import pytest

from accessibility_tools import (AXE_JS, LANGUAGES, PAGES, VNU_JAR, axe_violations, case_id, describe_violations,
                                 focused, new_context, page_cases, settle, tab_to, vnu_errors)

# Outside CI a plain `pytest` without the checkers skips these; in CI (and with `make test`) they must run.
pytestmark = pytest.mark.skipif(not (AXE_JS.is_file() and VNU_JAR.is_file()) and not os.environ.get("CI"),
                                reason="run `make test` (it installs axe-core and vnu-jar with npm ci)")


@pytest.fixture(scope="session", params=["light", "dark"])
def scheme_page(request, browser):
    """One tab per colour scheme (prefers-color-scheme, which Material's palette follows until toggled)."""
    context = new_context(browser, color_scheme=request.param)
    page = context.new_page()
    yield request.param, page
    context.close()


@pytest.fixture
def page(browser):
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


# axe-core -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", page_cases(), ids=case_id)
def test_axe_finds_no_violation(case, scheme_page, site_url):
    page_type, lang = case
    scheme, page = scheme_page
    page.goto(site_url + page_type.url(lang))
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.body.dataset.mdColorScheme") == {"light": "default", "dark": "slate"}[scheme]
    if page_type.prepare:
        page_type.prepare(page)
    violations = axe_violations(page)
    if violations:
        pytest.fail(f"{page_type.url(lang)} ({scheme} scheme):\n{describe_violations(violations)}", pytrace=False)


def test_axe_finds_no_violation_on_the_language_chooser(scheme_page, site_url):
    scheme, page = scheme_page
    page.goto(site_url + "index.html")
    violations = axe_violations(page)
    if violations:
        pytest.fail(f"index.html ({scheme} scheme):\n{describe_violations(violations)}", pytrace=False)


def test_palette_toggle_switches_scheme_and_stays_clean(page, site_url):
    """The scheme chosen with the toggle (not only the system's) passes too, and the toggle speaks German."""
    page.goto(site_url + "de/seminars/2017-06-moskau.html")
    toggle = page.locator("button.archive-palette__toggle:visible")
    assert toggle.get_attribute("title") == "Zum dunklen Farbschema wechseln"
    toggle.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    violations = axe_violations(page)
    if violations:
        pytest.fail(describe_violations(violations), pytrace=False)


@pytest.mark.parametrize("lang, to_dark, to_light", [
    ("de", "Zum dunklen Farbschema wechseln", "Zum hellen Farbschema wechseln"),
    ("ru", "Переключить на тёмную цветовую схему", "Переключить на светлую цветовую схему"),
])
def test_palette_toggle_is_a_button_that_space_and_enter_press(page, site_url, lang, to_dark, to_light):
    """A button named by its action (no radio button named so), switched by Space and by Enter; the focus stays on
    the toggle, which then names the way back. The choice is kept on the next page."""
    page.goto(site_url + f"{lang}/seminars/2017-06-moskau.html")
    stop = tab_to(page, ".archive-palette__toggle")[-1]
    assert (stop["tag"], stop["label"]) == ("button", to_dark) and _visible_focus(stop)
    assert page.get_by_role("radio").count() == 0
    page.keyboard.press("Space")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function("document.activeElement.matches('.archive-palette__toggle:not([hidden])')")
    assert focused(page)["label"] == to_light
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    page.wait_for_function("document.activeElement.matches('.archive-palette__toggle:not([hidden])')")
    assert focused(page)["label"] == to_dark
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.goto(site_url + f"{lang}/timeline.html")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


# The Nu HTML Checker --------------------------------------------------------------------------------------------


def test_nu_html_checker_finds_no_error(real_site):
    files = sorted(real_site.site.rglob("*.html"))
    assert len(files) > 100
    errors = vnu_errors(files, real_site.site)
    if errors:
        pytest.fail(f"{len(errors)} errors:\n" + "\n".join(map(str, errors[:50])), pytrace=False)


# Language of parts ----------------------------------------------------------------------------------------------

# Words in the other language's script whose closest [lang] is not that language: Cyrillic on German pages must be
# marked Russian; on Russian pages the German names and quotes of record text must be marked German.
_UNMARKED = """([letters, expected, scope]) => {
    const word = new RegExp(`[${letters}]{2,}`, 'g');
    // Technical names are no passage in another language (WCAG 3.1.2 exempts them): formats, file names.
    const technical = new Set(['JSON', 'CSV', 'UTF', 'ZIP', 'HTML', 'RFC', 'XML', 'iCalendar', 'Atom', 'index',
                               'html', 'partnerschaftsarchiv']);
    const found = [];
    for (const root of document.querySelectorAll(scope)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const words = (node.data.match(word) || []).filter(w => !technical.has(w));
            // Code (YAML examples, commands) is not a passage in a human language (WCAG 3.1.2).
            if (!words.length || node.parentElement.closest('script, style, pre, code')) continue;
            const owner = node.parentElement.closest('[lang]');
            // Marked as any language but the page's: German names, English format names (JSON, CSV).
            if (!owner || owner.getAttribute('lang') === document.documentElement.lang) {
                found.push(node.data.trim().slice(0, 80));
            }
        }
    }
    return found;
}"""
_OTHER_SCRIPT = {"de": ("\\u0400-\\u04FF", "ru", "body"), "ru": ("A-Za-zÄÖÜäöüß", "de", "article")}


@pytest.mark.parametrize("case", [c for c in page_cases() if not c[0].prepare and (c[1] == "de" or c[0].generated)],
                         ids=case_id)
def test_words_in_the_other_language_are_marked(case, page, site_url):
    page_type, lang = case
    page.goto(site_url + page_type.url(lang))
    assert page.evaluate(_UNMARKED, list(_OTHER_SCRIPT[lang])) == []


def test_german_originals_on_russian_pages_are_marked(page, site_url):
    page.goto(site_url + "ru/sources/index.html")
    cited = page.locator("cite[lang='de']")
    assert cited.count() >= 1
    assert re.search(r"[A-Za-zÄÖÜäöüß]", cited.first.inner_text())
    page.goto(site_url + "ru/seminars/2017-06-moskau.html")
    languages = page.locator(".md-select__link").evaluate_all("els => els.map(e => [e.lang, e.hreflang, e.textContent.trim()])")
    assert languages == [["de", "de", "Deutsch"], ["ru", "ru", "Русский"]]


# Keyboard -------------------------------------------------------------------------------------------------------


def _visible_focus(stop: dict) -> bool:
    return stop["outline"] or stop["shadow"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_focus_stop_is_visible_and_ringed(page, site_url, lang):
    """WCAG 2.4.7: Tab through a whole record page; every stop is on screen and shows its focus."""
    page.goto(site_url + f"{lang}/seminars/2017-06-moskau.html")
    walk = tab_to(page, ".archive-footer-links li:last-child a", limit=120)
    assert len(walk) > 30
    hidden = [stop for stop in walk if not (stop["visible"] and _visible_focus(stop))]
    assert not hidden, [{k: stop[k] for k in ("tag", "text", "cls", "visible", "outline", "shadow")} for stop in hidden]


@pytest.mark.parametrize("start, other", [("de", "ru"), ("ru", "de")])
def test_language_selector_by_keyboard(page, site_url, start, other):
    """Tab to the language button: the list stays closed and says so; Enter opens it, Tab reaches the other
    language, Enter leads to the same page in that language."""
    page.goto(site_url + f"{start}/seminars/2017-06-moskau.html")
    walk = tab_to(page, ".md-select > button")
    assert all(_visible_focus(stop) for stop in walk if stop["tag"] != "body"), \
        [stop for stop in walk if not _visible_focus(stop)]
    button = page.locator(".md-select > button")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator(".md-select__inner").is_visible()  # focus alone does not open it
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator(".md-select__inner").is_visible()
    assert page.locator(".md-select__inner").get_attribute("id") == button.get_attribute("aria-controls")
    choice = tab_to(page, f".md-select__link[lang={other}]", limit=len(LANGUAGES))[-1]
    assert _visible_focus(choice)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{other}/seminars/2017-06-moskau.html")
    assert page.evaluate("document.documentElement.lang") == other


def test_language_button_opens_and_closes_the_list(page, site_url):
    """Pressed (pointer or Space) the button toggles the list; Escape closes it and leaves focus on the button;
    Tab past the closed list goes on to the next control, not into the list."""
    page.goto(site_url + "de/timeline.html")
    button = page.locator(".md-select > button")
    button.click()
    page.mouse.move(0, 600)  # away from the selector: only the click keeps it open
    assert button.get_attribute("aria-expanded") == "true" and page.locator(".md-select__inner").is_visible()
    button.click()
    page.mouse.move(0, 600)
    settle(page)
    assert button.get_attribute("aria-expanded") == "false" and not page.locator(".md-select__inner").is_visible()
    button.focus()
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true"
    tab_to(page, ".md-select__link[lang=de]", limit=1)
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert focused(page, ".md-select > button")["matches"]
    page.keyboard.press("Tab")
    assert not focused(page, ".md-select__link")["matches"]


@pytest.mark.parametrize("lang, shown", [("de", "1 Eintrag angezeigt"), ("ru", "Показана 1 запись")])
def test_timeline_filter_by_keyboard_only(page, site_url, lang, shown):
    """Tab to the kind filter, choose with the arrow keys, Tab on to the reset button: every stop visible, the
    result announced in the live region, and everything back after the reset."""
    page.goto(site_url + f"{lang}/timeline.html")
    total = page.locator("[data-archive-timeline] li[data-kind]").count()
    walk = tab_to(page, "#archive-filter-kind", limit=150)
    assert _visible_focus(walk[-1])
    page.keyboard.press("End")  # the last kind: meetings
    meetings = page.locator("[data-archive-timeline] li[data-kind=meeting]:visible").count()
    assert page.locator("[data-archive-timeline] li[data-kind]:visible").count() == meetings < total
    topic = tab_to(page, "#archive-filter-topic", limit=3)[-1]
    assert _visible_focus(topic)
    page.keyboard.press("ArrowDown")  # the first topic, combined with the kind
    status = page.locator("[data-archive-filter-status]")
    assert status.get_attribute("aria-live") == "polite"
    visible = page.locator("[data-archive-timeline] li[data-kind]:visible").count()
    assert status.inner_text().startswith(str(visible)) or str(visible) in status.inner_text()
    if visible == 1:
        assert status.inner_text() == shown
    reset = tab_to(page, "form[data-archive-filter] button[type=reset]", limit=3)[-1]
    assert _visible_focus(reset)
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('[data-archive-timeline] li[data-kind]:not([hidden])')"
                           f".length === {total}")
    assert page.locator("[data-archive-timeline] li[data-kind]:visible").count() == total


@pytest.mark.parametrize("path, label", [("ru/seminars/2017-06-moskau.html", "Перейти к содержанию"),
                                         ("de/no-such-page.html", "Zum Inhalt")])
def test_skip_link_is_first_and_moves_to_the_content(page, site_url, path, label):
    page.goto(site_url + path)
    first = tab_to(page, "*", limit=1)[0]
    assert first["text"] == label and first["visible"] and _visible_focus(first)
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#page-title"
    assert page.locator("#page-title").is_visible()


def test_search_by_keyboard(page, site_url):
    """Type into the search from the keyboard, move to a result and open it."""
    page.goto(site_url + "de/index.html")
    tab_to(page, ".md-search__input")
    page.keyboard.type("Breitenbach")
    page.wait_for_selector(".md-search-result__item")
    walk = tab_to(page, "a[href*='people/elke-breitenbach']", limit=10, key="ArrowDown")
    assert _visible_focus(walk[-1])
    page.keyboard.press("Enter")
    page.wait_for_url("**/de/people/elke-breitenbach.html*")


@pytest.mark.parametrize("lang, menu", [("de", "Menü"), ("ru", "Меню")])
def test_navigation_drawer_by_keyboard_at_320_px(browser, site_url, lang, menu):
    """Narrow window: the closed drawer takes no focus, the menu button opens it, a nav link leads on."""
    context = new_context(browser, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + f"{lang}/seminars/2017-06-moskau.html")
    walk = tab_to(page, "button.archive-menu-button")
    assert walk[-1]["label"] == menu and walk[-1]["visible"] and _visible_focus(walk[-1])
    assert page.locator("button.archive-menu-button").get_attribute("aria-expanded") == "false"
    # Before it is opened, no link of the drawer is reachable: Tab goes through the page to its footer.
    walk = tab_to(page, ".md-copyright a")
    assert not [stop for stop in walk if stop["in_drawer"]], [stop for stop in walk if stop["in_drawer"]]
    page.goto(site_url + f"{lang}/seminars/2017-06-moskau.html")
    tab_to(page, "button.archive-menu-button")
    page.keyboard.press("Enter")
    assert page.locator("button.archive-menu-button").get_attribute("aria-expanded") == "true"
    settle(page)
    stop = focused(page)
    assert stop["in_drawer"] and stop["visible"] and _visible_focus(stop)
    target = tab_to(page, ".md-sidebar--primary a[href='../topics/index.html']")[-1]
    assert target["in_drawer"] and _visible_focus(target)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{lang}/topics/index.html")
    context.close()


# Reflow ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_content_reflows_at_320_px(browser, site_url, lang):
    """WCAG 1.4.10: at 320 CSS px wide nothing needs horizontal scrolling."""
    context = new_context(browser, viewport={"width": 320, "height": 640})
    page = context.new_page()
    overflowing = {}
    for page_type in PAGES:
        if lang not in page_type.languages or page_type.prepare:
            continue
        page.goto(site_url + page_type.url(lang))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            overflowing[page_type.url(lang)] = width
    context.close()
    assert not overflowing, f"wider than 320 px: {overflowing}"


# The overview chart -------------------------------------------------------------------------------------------

_CHART = """() => {
    const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const luminance = c => {
        const [r, g, b] = rgb(c).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const svg = document.querySelector('.archive-overview__chart');
    const background = getComputedStyle(document.body).backgroundColor;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const kinds = ['seminar', 'agreement', 'project', 'meeting'];
    const summary = document.querySelector('.archive-overview__table > summary');
    return {
        smallest_text: Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale)),
        contrast: Object.fromEntries(kinds.map(k => [k, Math.round(100 * ratio(
            getComputedStyle(svg.querySelector(`.archive-overview__fill--${k}`)).fill, background)) / 100])),
        // What tells the kinds apart without colour: the marks of each pattern.
        marks: kinds.map(k => [...svg.querySelector(`#archive-overview-pattern-${k}`).children].slice(1)
            .map(m => m.outerHTML.replace(/ (fill|stroke)="[^"]*"/g, '')).join('')),
        bar_fills: [...new Set([...svg.querySelectorAll('.archive-overview__bar')].map(b => b.classList[1] + ' ' + b.getAttribute('fill')))].sort(),
        edges: [...new Set([...svg.querySelectorAll('.archive-overview__bar')].map(b => getComputedStyle(b).stroke === background))],
        summary_icon: getComputedStyle(summary, '::before').display,
        page_width: document.documentElement.scrollWidth,
    };
}"""


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_overview_chart_is_readable_without_colour(browser, site_url, scheme, width):
    """WCAG 1.4.1, 1.4.11, 1.4.10: kinds by pattern, colours 3:1 on the background, parts edged in it, text at
    12 px or more also at 320 px (the chart scrolls in its box, the page does not), the figure named by its
    caption, the table's summary without the note icon."""
    context = new_context(browser, color_scheme=scheme, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + "ru/timeline.html")
    settle(page)
    chart = page.evaluate(_CHART)
    assert chart["smallest_text"] >= 12
    assert min(chart["contrast"].values()) >= 3, chart["contrast"]
    assert chart["marks"][0] == "" and len(set(chart["marks"])) == 4, chart["marks"]
    assert chart["bar_fills"] == [f"archive-overview__bar--{kind} url(#archive-overview-pattern-{kind})"
                                  for kind in ("agreement", "meeting", "project", "seminar")]
    assert chart["edges"] == [True]
    assert chart["summary_icon"] == "none"
    assert chart["page_width"] <= width
    assert page.get_by_role("figure", name="Записи по годам и видам", exact=True).count() == 1
    context.close()


# WCAG 1.4.12: the spacing a reader may set (line height 1.5, letters 0.12 em, words 0.16 em, paragraphs 2 em).
_TEXT_SPACING = ("* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
                 " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")


@pytest.mark.parametrize("path", ["index.html", "404.html", "de/index.html", "ru/seminars/2017-06-moskau.html",
                                  "ru/timeline.html", "de/leichte-sprache.html"])
def test_reflow_at_320_px_with_text_spacing(browser, site_url, path):
    """WCAG 1.4.10 and 1.4.12 together: the language chooser and pages with their language list open stay
    within 320 px when the reader widens the text spacing."""
    context = new_context(browser, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    page.add_style_tag(content=_TEXT_SPACING)
    settle(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    if page.locator(".md-select > button").count():
        page.locator(".md-select > button").click()
        settle(page)
        box = page.locator(".md-select__inner").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_404_page_works_at_any_depth(page, site_url):
    """The error page is served for any missing path: its styles, selector and links must not depend on depth."""
    response = page.goto(site_url + "de/seminars/no/such/page.html")
    assert response.status == 404
    assert page.locator("h1#page-title").inner_text() == "Seite nicht gefunden"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    languages = page.locator(".md-select__link").evaluate_all("els => els.map(e => e.href)")
    assert languages == [site_url + "de/index.html", site_url + "ru/index.html"]
    page.locator("article a").click()
    page.wait_for_url(site_url + "de/index.html")
