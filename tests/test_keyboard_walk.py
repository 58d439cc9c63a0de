"""WCAG 2.1.1: a keyboard-only walk (Tab, and Enter on the language button) reaches every control and link that a
mouse reaches on the page: everything shown and clickable, plus the language list that hovering opens."""

from __future__ import annotations

import os

import pytest

from accessibility_tools import AXE_JS, LANGUAGES, new_context, settle

pytestmark = pytest.mark.skipif(not AXE_JS.is_file() and not os.environ.get("CI"),
                                reason="run `make test` (it installs the checkers with npm ci)")

PAGES = ("index.html", "seminars/2017-06-moskau.html", "timeline.html", "years/2017.html", "topics/index.html",
         "people/elke-breitenbach.html", "data.html", "accessibility.html", "no-such-page.html")

# Every element a pointer can click, numbered: rendered, not hidden or transparent, with a box; plus the language links, which the
# pointer reaches by hovering over the language button.
_MARK_CLICKABLE = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex^="-"])';
    const shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true})
        && el.getClientRects().length > 0 && getComputedStyle(el).pointerEvents !== 'none'
        && !el.closest('[inert], [aria-hidden=true]');
    const found = [];
    document.querySelectorAll(selector).forEach((el, i) => {
        el.dataset.walk = String(i);
        if (shown(el) || el.matches('.md-header .md-select__link')) {
            const name = (el.getAttribute('aria-label') || el.innerText || el.value || '').trim().slice(0, 50);
            found.push([String(i), `${el.tagName.toLowerCase()} ${name}`]);
        }
    });
    return found;
}"""


def walk(page, limit: int) -> set[str]:
    """Tab through the page until the focus comes round again; Enter opens the language list on the way."""
    reached: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        here = page.evaluate("""() => {
            const el = document.activeElement;
            return el && el.dataset ? [el.dataset.walk || '', el.matches('.md-select > button[aria-expanded=false]')]
                                    : ['', false];
        }""")
        if here[0] and reached and here[0] == reached[0]:
            break
        if here[0]:
            reached.append(here[0])
        if here[1]:
            page.keyboard.press("Enter")
    return set(reached)


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyboard_reaches_everything_the_mouse_reaches(browser, site_url, lang, path):
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + f"{lang}/{path}")
    settle(page)
    clickable = dict(page.evaluate(_MARK_CLICKABLE))
    assert len(clickable) > 10
    reached = walk(page, limit=3 * len(clickable) + 20)
    missed = sorted(clickable[key] for key in clickable.keys() - reached)
    context.close()
    assert not missed, f"{lang}/{path}: the keyboard never reaches {missed}"
