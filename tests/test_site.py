"""The real archive built with plain `mkdocs build`: both languages, same paths, language links, content."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import REPO

RECORD_FOLDERS = ("seminars", "agreements", "projects", "meetings")
RECORD_FILES = sorted(p for folder in RECORD_FOLDERS for p in (REPO / "data" / folder).glob("*.yml"))


class Links(HTMLParser):
    """Collects the tags and attributes a test asks about."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def parse(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def text_of(html: str) -> str:
    """Visible text with tags dropped and ASCII white space folded (CLDR's no-break spaces stay)."""
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", "", html))


def test_root_chooses_a_language_in_its_own_script(real_site):
    html = real_site.page("index.html")
    links = parse(html)
    assert {a["href"] for a in links.find("a")} == {"de/index.html", "ru/index.html"}
    assert 'lang="de"' in html and 'lang="ru"' in html
    assert "Deutsch" in html and "Русский" in html


@pytest.mark.parametrize("record", RECORD_FILES, ids=lambda p: p.stem)
def test_every_record_has_a_page_per_language_at_the_same_path(real_site, record):
    path = f"{record.parent.name}/{record.stem}.html"
    for lang in ("de", "ru"):
        html = real_site.page(f"{lang}/{path}")
        assert f'<html lang="{lang}"' in html
        links = parse(html)
        # Language selector: the same record in each language, relative so it also works from disk.
        selector = {a["hreflang"]: a["href"] for a in links.find("a", **{"class": "md-select__link"})}
        assert selector == {"de": f"../../de/{path}", "ru": f"../../ru/{path}"}
        alternates = {a["hreflang"]: a["href"] for a in links.find("link", rel="alternate") if a.get("hreflang")}
        assert alternates == {"de": f"../../de/{path}", "ru": f"../../ru/{path}", "x-default": "../../index.html"}
        for target in selector.values():
            assert (real_site.site / lang / record.parent.name / target).resolve().is_file()


def test_records_keep_their_titles_per_language(real_site):
    for record in RECORD_FILES:
        data = yaml.safe_load(record.read_text(encoding="utf-8"))
        path = f"{record.parent.name}/{record.stem}.html"
        for lang, title in data["title"].items():
            assert f'<h1 id="page-title">{title}</h1>' in real_site.page(f"{lang}/{path}").replace("&#34;", '"')


def test_18th_seminar_names_participants_topics_and_dates(real_site):
    de = text_of(real_site.page("de/seminars/2017-06-moskau.html"))
    ru = text_of(real_site.page("ru/seminars/2017-06-moskau.html"))
    for expected in ("4.–9. Juni 2017", "Moskau", "Elke Breitenbach", "Anna Zagidullin", "Julia Gubina",
                     "Nelli Stanko", "Paritätischer Wohlfahrtsverband Berlin", "Selbsthilfe", "Nr. 18",
                     "Leitung", "Vorbereitung", "Teilnahme"):
        assert expected in de, expected
    for expected in ("4–9 июня 2017\u202fг.", "Москва", "Эльке Брайтенбах", "Анна Загидуллин", "Юлия Губина",
                     "Нелли Станко", "Самопомощь", "№ 18", "руководство", "подготовка", "участник"):
        assert expected in ru, expected
    # The source is cited, in its own language.
    assert '<cite lang="de">Teilnahme des Paritätischen Wohlfahrtsverbandes am 18. Sozialseminar in Moskau</cite>' \
        in real_site.page("ru/seminars/2017-06-moskau.html")


@pytest.mark.parametrize("path, de, ru", [
    ("seminars/2007-04-berlin.html", "April 2007", "апрель 2007\u202fг."),
    ("seminars/2017-herbst-berlin.html", "Herbst 2017", "осень 2017\u202fг."),
    ("agreements/1991-08-28-freundschaftsabkommen.html", "28. August 1991", "28 августа 1991\u202fг."),
    ("agreements/2014-2016-massnahmeplan-soziales.html", "2014–2016", "2014–2016\u202fгг."),
])
def test_dates_render_at_their_precision(real_site, path, de, ru):
    assert f">{de}</time>" in real_site.page(f"de/{path}")
    assert f">{ru}</time>" in real_site.page(f"ru/{path}")


def test_relations_show_from_both_ends(real_site):
    meeting = real_site.page("de/meetings/2017-05-12-berlin-arbeitstreffen.html")
    seminar = real_site.page("de/seminars/2017-06-moskau.html")
    assert 'href="../seminars/2017-06-moskau.html"' in meeting and "bereitet vor" in meeting
    assert 'href="../meetings/2017-05-12-berlin-arbeitstreffen.html"' in seminar and "vorbereitet durch" in seminar


def test_home_pages_count_and_link_records(real_site):
    counts = {folder: len(list((REPO / "data" / folder).glob("*.yml"))) for folder in RECORD_FOLDERS}
    de = text_of(real_site.page("de/index.html"))
    assert f"Seminare {counts['seminars']} Einträge" in de
    assert "Neueste Einträge" in de
    ru = real_site.page("ru/index.html")
    assert '<html lang="ru"' in ru and "Последние записи" in ru


def test_handwritten_pages_per_language_link_each_other(real_site):
    de, ru = real_site.page("de/about.html"), real_site.page("ru/about.html")
    assert "Über das Archiv" in de and "Об архиве" in ru
    assert 'href="../ru/about.html"' in de and 'href="../de/about.html"' in ru


def test_nav_has_sections_not_records(real_site):
    for page in ("de/index.html", "ru/seminars/2017-06-moskau.html"):
        nav = [a["href"] for a in parse(real_site.page(page)).find("a") if "md-nav__link" in a.get("class", "")]
        here = posixpath.dirname(page.split("/", 1)[1])
        targets = {posixpath.normpath(posixpath.join(here, href)) for href in nav}
        assert {"seminars/index.html", "topics/index.html", "people/index.html"} <= targets, targets
        assert not any(href.endswith(("2017-06-moskau.html", "selbsthilfe.html")) for href in nav)


def test_nothing_is_written_into_docs(real_site):
    docs = real_site.project / "docs"
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) == \
        sorted(p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*") if p.is_file())
    assert not (real_site.site.parent / "site.partial").exists()


def test_registry_pages_list_the_records_naming_them(real_site):
    topic = real_site.page("ru/topics/selbsthilfe.html")
    assert 'href="../seminars/2017-06-moskau.html"' in topic
    person = real_site.page("de/people/julia-gubina.html")
    # The other script, marked with its language.
    assert '<span lang="ru">Юлия Губина</span>' in person
    assert 'href="../meetings/2017-05-12-berlin-arbeitstreffen.html"' in person
