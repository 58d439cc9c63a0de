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


@pytest.mark.parametrize("lang, link, footer", [("de", "Informationen in Leichter Sprache", "Leichte Sprache"),
                                                ("ru", "Об архиве ясным языком", "Ясный язык")])
def test_easy_language_page_is_linked_from_the_home_page_nav_and_footer(real_site, lang, link, footer):
    home = real_site.page(f"{lang}/index.html")
    content = home[home.index('<article class="md-content__inner'):]
    # Right after the title, which "skip to content" leads to: the skip link does not jump past it.
    assert re.search(r'<h1 id="page-title">[^<]+</h1>\s*<p class="archive-easy-language">'
                     rf'<a href="leichte-sprache.html">{link}</a></p>', content)
    assert content.index('id="page-title"') < content.index("archive-easy-language")
    # Top level of the nav, right after the home page.
    nav_links = re.findall(r'<a href="([^"]+)" class="md-nav__link', home)
    assert nav_links[:2] == ["index.html", "leichte-sprache.html"]
    footer_html = home[home.index('<footer'):]
    assert f'<a href="leichte-sprache.html">{footer}</a>' in footer_html
    # The two pages are each other's translation.
    other = {"de": "ru", "ru": "de"}[lang]
    assert f'href="../{other}/leichte-sprache.html"' in real_site.page(f"{lang}/leichte-sprache.html")


def test_plain_russian_page_marks_its_translation_status(real_site):
    page = real_site.page("ru/leichte-sprache.html")
    assert ">Об архиве ясным языком</h1>" in page
    assert "<strong>Статус перевода: не проверен.</strong>" in page
    assert '<a href="accessibility.html">заявлении о доступности</a>' in page


def test_easy_language_page_explains_the_statement(real_site):
    page = real_site.page("de/leichte-sprache.html")
    for heading in ("Was steht in der Erklärung?", "Wie haben wir das Archiv geprüft?",
                    "Sie haben eine Barriere gefunden?", "Wir antworten nicht?"):
        assert f">{heading}</h3>" in page, heading
    assert "Landes-Beauftragte für digitale Barriere-Freiheit" in page
    assert '<a href="accessibility.html">Erklärung zur Barriere-Freiheit</a>' in page


_ENFORCEMENT = ("https://www.berlin.de/lb/digitale-barrierefreiheit/aufgaben/durchsetzungsverfahren/"
                "durchsetzungsverfahren-1305830.php")


@pytest.mark.parametrize("lang, placeholder, tools", [
    ("de", "Platzhalter – Kontaktadresse folgt:", "zuletzt am 30. November 2026 überprüft"),
    ("ru", "Заполнитель – контактный адрес будет указан позже:", "последний раз проверено 30 ноября 2026 года"),
])
def test_statement_names_checks_feedback_and_enforcement(real_site, lang, placeholder, tools):
    page = real_site.page(f"{lang}/accessibility.html")
    assert f"<strong>{placeholder}</strong>" in page
    assert tools in page
    for tool in ("axe-core 4.14.1", "pa11y 9.1.0", "HTML_CodeSniffer", "Lighthouse 12.2.3", "vnu-jar 26.9.27",
                 "Chromium 156"):
        assert tool in page, tool
    assert f'href="{_ENFORCEMENT}"' in page
    assert "Landesbeauftragte für digitale Barrierefreiheit" in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_landmarks_main_holds_the_content_only(real_site, lang):
    """One <main>, around the content column: the navigation is beside it, no empty table of contents is a
    landmark, and no article sits inside the page's article."""
    for path in _pages(real_site.site, lang) + [real_site.site / lang / "404.html"]:
        html = path.read_text(encoding="utf-8")
        assert html.count("<main") == 1 and html.count("</main>") == 1, path
        main = html[html.index("<main"):html.index("</main>")]
        assert main.startswith('<main class="md-content" data-md-component="content">'), path
        assert '<nav class="md-nav' not in main, path  # the site navigation is beside it
        assert main.count("<article") == 1, path
        assert not re.search(r'<nav class="md-nav md-nav--secondary"[^>]*>\s*</nav>', html), path
        assert html.index('class="md-nav md-nav--primary"') < html.index("<main"), path


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
