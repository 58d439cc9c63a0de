"""A missing translation never leaves a page empty: the original text, marked with its language, and a visible note
in the page's language (outside the marked original)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import REPO, make_project, run_build

FIXTURE = REPO / "tests/fixtures/translation-status"
NOTE = {"de": "Dieser Text ist noch nicht übersetzt; er erscheint in der Originalsprache (Russisch).",
        "ru": "Этот текст ещё не переведён и показан на языке оригинала (немецкий)."}


class _LangOf(HTMLParser):
    """The language in effect (nearest `lang` attribute) for each piece of text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip():
            lang = next((code for _, code in reversed(self.stack) if code), "")
            self.texts.append((" ".join(data.split()), lang))


def lang_of(page: str, text: str) -> str:
    """The language of `text` in the page's content (the header repeats the title in the page's language)."""
    page_lang = re.search(r'<html lang="(\w+)"', page)[1]
    parser = _LangOf()
    parser.feed(page[page.index('<div class="archive-'):])
    return next(lang or page_lang for data, lang in parser.texts if data == text)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = run_build(make_project(tmp_path_factory.mktemp("fallback") / "project", FIXTURE))
    assert result.ok, result.output
    return result


def test_russian_page_of_a_german_only_record(site):
    page = site.page("ru/seminars/2003-teststadt.html")
    assert lang_of(page, "Testseminar ohne Übersetzung") == "de"
    assert lang_of(page, "Dieser Text ist nur deutsch.") == "de"
    assert lang_of(page, "Absatz ohne Übersetzung.") == "de"
    assert lang_of(page, NOTE["ru"]) == "ru"
    assert page.count('class="archive-note archive-note--fallback"') == 1
    assert re.search(r'<h1 id="page-title"><span lang="de">Testseminar ohne Übersetzung</span></h1>\s*<p class="archive-note', page)


def test_german_page_of_a_record_whose_body_is_only_russian(site):
    page = site.page("de/meetings/2004-teststadt.html")
    assert lang_of(page, "Только русский текст.") == "ru"
    assert lang_of(page, NOTE["de"]) == "de"  # the note is German, not inside the Russian text
    assert lang_of(page, "Testtreffen") == "de"


def test_registry_entry_without_russian_name(site):
    page = site.page("ru/people/erika-test.html")
    assert lang_of(page, "Erika Test") == "de"
    assert NOTE["ru"] in page


def test_translated_page_has_no_note(site):
    page = site.page("ru/seminars/2002-teststadt.html")
    assert "archive-note--fallback" not in page
    assert lang_of(page, "Непроверенный тестовый семинар") == "ru"
