"""Accessibility in the built HTML: statement and easy-language page linked, skip links, language of parts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import run_build

LANGUAGES = ("de", "ru")


class _Links(HTMLParser):
    """Every element's attributes, for the few questions below."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Links()
    parser.feed(html)
    return parser.elements


def _pages(site, lang):
    return sorted(p for p in (site / lang).rglob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_the_accessibility_statement_in_its_footer(real_site, lang):
    statement = {"de": "Erklärung zur Barrierefreiheit", "ru": "Заявление о доступности"}[lang]
    pages = _pages(real_site.site, lang)
    assert len(pages) > 50
    for path in pages + [real_site.site / lang / "404.html"]:
        html = path.read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">'):]
        match = re.search(r'<a href="([^"]*accessibility\.html)">([^<]*)</a>', footer)
        assert match and match.group(2) == statement, path
        if path.name != "404.html":  # the 404 page links from the site's root (see test_accessibility.py)
            assert (path.parent / match.group(1)).resolve() == (real_site.site / lang / "accessibility.html")


def test_statement_has_the_same_file_name_in_both_languages(real_site):
    german = real_site.page("de/accessibility.html")
    russian = real_site.page("ru/accessibility.html")
    assert "<h1" in german and "Erklärung zur Barrierefreiheit" in german
    assert "Заявление о доступности" in russian
    for html in (german, russian):
        assert 'hreflang="de" href="../de/accessibility.html"' in html
        assert 'hreflang="ru" href="../ru/accessibility.html"' in html
    # The parts BIKTG Bln asks for, in German.
    for heading in ("Stand der Vereinbarkeit mit den Anforderungen", "Nicht barrierefreie Inhalte",
                    "Erstellung dieser Erklärung", "Feedback und Kontakt", "Durchsetzungsverfahren"):
        assert f">{heading}</h2>" in german, heading
    assert "teilweise" in german and "частично" in russian


def test_easy_language_page_is_linked_from_the_german_home_nav_and_footer(real_site):
    home = real_site.page("de/index.html")
    content = home[home.index('<article class="md-content__inner'):]
    assert re.search(r'<p class="archive-easy-language"><a href="leichte-sprache.html">'
                     r'Informationen in Leichter Sprache</a></p>\s*<h1 id="page-title"', content)
    # Top level of the nav, right after the home page.
    nav_links = re.findall(r'<a href="([^"]+)" class="md-nav__link', home)
    assert nav_links[:2] == ["index.html", "leichte-sprache.html"]
    footer = home[home.index('<footer'):]
    assert '<a href="leichte-sprache.html">Leichte Sprache</a>' in footer
    # Russian pages have no such page, so no link to one; the selector leads to the Russian home page instead.
    assert "leichte-sprache" not in real_site.page("ru/index.html")
    assert 'href="../ru/index.html"' in real_site.page("de/leichte-sprache.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_skips_to_its_title(real_site, lang):
    for path in _pages(real_site.site, lang) + [real_site.site / lang / "404.html"]:
        elements = _elements(path.read_text(encoding="utf-8"))
        skips = [attrs["href"] for tag, attrs in elements if tag == "a" and "md-skip" in attrs.get("class", "")]
        assert len(skips) == 1, path
        target = skips[0].removeprefix("#")
        headings = [attrs.get("id") for tag, attrs in elements if tag == "h1"]
        assert headings == [target], path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ui_of_every_page_is_in_its_language(real_site, lang):
    """Material's own English strings are replaced: footer and palette toggle speak the page's language."""
    toggle = {"de": "Zum dunklen Farbschema wechseln", "ru": "Переключить на тёмную цветовую схему"}[lang]
    for path in _pages(real_site.site, lang) + [real_site.site / lang / "404.html"]:
        html = path.read_text(encoding="utf-8")
        assert "Made with" not in html and "Dunkles Farbschema / Тёмная тема" not in html, path
        assert f'title="{toggle}"' in html, path
        # The software credit names it in English, marked so, without a link.
        assert '<span lang="en">Material for MkDocs</span>' in html and "squidfunk" not in html
    not_found = real_site.page(f"{lang}/404.html")
    heading = {"de": "Seite nicht gefunden", "ru": "Страница не найдена"}[lang]
    assert f'<h1 id="page-title">{heading}</h1>' in not_found
    assert "404 - Not found" not in not_found


def test_german_words_in_russian_record_text_are_marked_and_escaped(project_copy):
    """Latin-script words in Russian text get lang="de" (plain fields and Markdown bodies), markup stays text."""
    record = project_copy / "data" / "meetings" / "2017-05-12-berlin-arbeitstreffen.yml"
    text = record.read_text(encoding="utf-8")
    text = text.replace('ru: "В рамках подготовки к социальному семинару в Москве',
                        'ru: "Встреча «Kiez & <b>Atlas</b>» и «<script>x</script>». В рамках подготовки к социальному '
                        'семинару в Москве', 1)
    text = text.replace("    В центре внимания были следующие темы:\n",
                        "    В центре внимания были темы «Teilhabe *und* Inklusion» и `Kiez code`:\n", 1)
    record.write_text(text, encoding="utf-8")
    result = run_build(project_copy)
    assert result.ok, result.output
    html = result.page("ru/meetings/2017-05-12-berlin-arbeitstreffen.html")
    summary = re.search(r'<p class="archive-summary">(.*?)</p>', html).group(1)
    # A run holds words, spaces and the punctuation of names; markup characters end it and stay escaped text.
    assert summary.startswith('Встреча «<span lang="de">Kiez</span> &amp; &lt;<span lang="de">b</span>&gt;'
                              '<span lang="de">Atlas</span>&lt;/<span lang="de">b</span>&gt;» и '
                              '«&lt;<span lang="de">script</span>&gt;<span lang="de">x</span>&lt;/'
                              '<span lang="de">script</span>&gt;».')
    assert "<script>x" not in html
    # Markdown: each text piece marked on its own, code left alone.
    assert ('темы «<span lang="de">Teilhabe</span> <em><span lang="de">und</span></em> '
            '<span lang="de">Inklusion</span>» и <code>Kiez code</code>:') in html
    # German pages are untouched by this (their Latin text is their own).
    assert '<span lang="de">' not in result.page("de/meetings/2017-05-12-berlin-arbeitstreffen.html")
