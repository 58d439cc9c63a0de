"""The timeline filters in a real browser (Debian's Chromium through Playwright): keyboard use, hidden years,
results announced in the aria-live region with the catalog's plural forms."""

from __future__ import annotations


def russian_shown(n: int) -> str:
    """The Russian rule written out: 1, 21, 31… запись; 2–4, 22–24… записи; else записей (11–14 too)."""
    if n % 10 == 1 and n % 100 != 11:
        return f"Показана {n} запись"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"Показаны {n} записи"
    return f"Показано {n} записей"


def visible_entries(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-archive-timeline] li[data-kind]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.getAttribute('data-kind'))")


def test_without_javascript_the_whole_timeline_shows_and_no_controls(real_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((real_site.site / "de/timeline.html").as_uri())
    assert not page.is_visible("form[data-archive-filter]")
    assert len(visible_entries(page)) == page.locator("[data-archive-timeline] li[data-kind]").count() > 0
    context.close()


def test_kind_filter_by_keyboard_hides_other_kinds_and_announces_the_count(real_site, browser):
    page = browser.new_page()
    page.goto((real_site.site / "ru/timeline.html").as_uri())
    total = page.locator("[data-archive-timeline] li[data-kind]").count()
    meetings = page.locator("[data-archive-timeline] li[data-kind=meeting]").count()
    assert page.is_visible("form[data-archive-filter]")
    page.focus("#archive-filter-kind")
    # Options: all kinds, seminars, agreements, projects, meetings: four steps down to meetings.
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    assert page.input_value("#archive-filter-kind") == "meeting"
    assert visible_entries(page) == ["meeting"] * meetings
    status = page.locator("[data-archive-filter-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == russian_shown(meetings)
    hidden_years = page.eval_on_selector_all("[data-archive-timeline] section[data-year]",
                                             "els => els.filter(e => e.hidden).map(e => e.dataset.year)")
    shown_jumps = page.eval_on_selector_all("[data-archive-jump] li[data-year]",
                                            "els => els.filter(e => !e.hidden).map(e => e.dataset.year)")
    assert "1991" in hidden_years and "1991" not in shown_jumps
    page.focus("form[data-archive-filter] button[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelector('[data-archive-filter-status]').textContent.includes('{total}')")
    assert len(visible_entries(page)) == total
    assert status.inner_text() == russian_shown(total)
    page.close()


def test_topic_and_kind_filters_combine(real_site, browser):
    page = browser.new_page()
    page.goto((real_site.site / "de/timeline.html").as_uri())
    page.select_option("#archive-filter-topic", "integration-schwerbehinderter")
    topic_entries = page.eval_on_selector_all(
        "[data-archive-timeline] li[data-kind]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.topics.split(' '))")
    assert topic_entries and all("integration-schwerbehinderter" in topics for topics in topic_entries)
    page.select_option("#archive-filter-kind", "project")
    kinds = visible_entries(page)
    assert kinds and set(kinds) == {"project"} and len(kinds) <= len(topic_entries)
    n = len(kinds)
    assert page.inner_text("[data-archive-filter-status]") == f"{n} Eintr{'ag' if n == 1 else 'äge'} angezeigt"
    page.close()
