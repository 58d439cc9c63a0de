"""Record text is data: escaped wherever it lands, never run as a template, Markdown only as the safe subset.

The HTML checks read every page built from `hostile_records/` (titles, descriptions, the header, `<title>`,
attributes, the search index); `test_injection_browser.py` loads them in Chromium.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import HOSTILE_RECORDS, REPO
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.rendering.markdown_text import SafeMarkdown, is_safe_link
from partnerschaftsarchiv.rendering.paths import UnsafePagePath, checked_key
from partnerschaftsarchiv.rendering.site import SiteRenderer

LANGUAGES = ("de", "ru")
RECORD = yaml.safe_load((HOSTILE_RECORDS / "seminars" / "feindlich.yml").read_text(encoding="utf-8"))
DANGEROUS_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.I)


class Page(HTMLParser):
    """Every element of a page with its (decoded) attributes, the text of each element and of the whole page."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in ("meta", "link", "img", "br", "hr", "input"):
            self._open.append(tag)
            self.texts.setdefault(tag, []).append("")

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data):
        for tag in set(self._open):
            self.texts[tag][-1] += data

    def text_of(self, tag: str) -> list[str]:
        return [" ".join(text.split()) for text in self.texts.get(tag, [])]

    def attribute(self, tag: str, **match: str) -> dict[str, str]:
        return next(attrs for t, attrs in self.elements if t == tag and all(attrs.get(k) == v for k, v in match.items()))


def one_line(text: str) -> str:
    return " ".join(text.split())


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def parsed(hostile_site) -> dict[str, Page]:
    return {path.relative_to(hostile_site.site).as_posix(): Page(path.read_text(encoding="utf-8"))
            for path in pages(hostile_site.site)}


def test_no_page_carries_markup_from_a_record(parsed):
    assert len(parsed) > 100
    for name, page in parsed.items():
        for tag, attrs in page.elements:
            assert tag not in ("iframe", "object", "embed", "img"), f"{name}: <{tag} {attrs}>"
            handlers = [key for key in attrs if key.startswith("on")]
            assert not handlers, f"{name}: <{tag}> has {handlers}"
            for key in ("href", "src", "action", "formaction"):
                value = "".join(ch for ch in attrs.get(key, "") if ch.isprintable() and not ch.isspace())
                assert not DANGEROUS_SCHEME.match(value), f"{name}: <{tag} {key}={attrs[key]!r}>"
        scripts = zip([attrs for tag, attrs in page.elements if tag == "script"], page.texts.get("script", []))
        for attrs, content in scripts:
            if "json" in attrs.get("type", ""):
                # A data block (Material's config, JSON-LD) may quote record text, but must stay one JSON value:
                # text that closed the element early would leave it unparsable and run as a script of its own.
                json.loads(content)
            else:
                assert "__pwned" not in content and "alert(" not in content, f"{name}: a record's text runs as script"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_record_text_shows_literally_in_title_header_heading_and_description(parsed, lang):
    page = parsed[f"{lang}/seminars/feindlich.html"]
    title, summary = RECORD["title"][lang], RECORD["summary"][lang]
    site_name = parsed[f"{lang}/index.html"].text_of("title")[0]  # the home page is titled with the site name
    assert page.text_of("title") == [f"{one_line(title)} – {site_name}"]
    assert one_line(title) in page.text_of("h1")
    assert any(one_line(title) in text for text in page.text_of("header"))  # Material's header topic
    assert page.attribute("meta", name="description")["content"] == summary
    assert one_line(summary) in page.text_of("p")


def test_templates_in_record_text_stay_text(parsed):
    page = parsed["de/seminars/feindlich.html"]
    body = " ".join(page.text_of("article"))
    for literal in ("{{ config }}", '{% include "record.html" %}', "{{ 7*7 }}", "{# Kommentar #}"):
        assert literal in body
    assert "{{ config }}" in page.text_of("h1")[0]
    assert "{% include 'record.html' %}" in parsed["ru/seminars/feindlich.html"].text_of("h1")[0]
    assert "{% raw %}{{ self }}" in parsed["ru/seminars/feindlich.html"].attribute("meta", name="description")["content"]
    assert "<Config" not in body and "mkdocs" not in body.lower()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_holds_record_text_escaped(hostile_site, lang):
    index = json.loads((hostile_site.site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    doc = next(d for d in index["docs"] if d["location"] == "seminars/feindlich.html")
    assert html.unescape(doc["title"]) == RECORD["title"][lang]
    assert "<" not in doc["title"] and '"' not in doc["title"]
    # The text keeps the page's own markup (Material shows it as HTML) but none from the record.
    assert "<script" not in doc["text"] and "<img" not in doc["text"] and "<iframe" not in doc["text"]
    # The JavaScript copy for reading from disk holds the same data.
    script = (hostile_site.site / lang / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(script.split("=", 1)[1].rstrip().rstrip(";")) == index


def test_body_links_only_to_http_mailto_and_relative_targets(parsed):
    page = parsed["de/seminars/feindlich.html"]
    links = {text: attrs for (tag, attrs), text in zip(
        [(t, a) for t, a in page.elements if t == "a"], page.text_of("a"))}
    for name in ("Link eins", "Link zwei", "Link drei", "Link vier", "Link fünf", "Link sechs", "Link sieben",
                 "Verweis"):
        assert "href" not in links[name], (name, links[name])
    # External links end with a note for screen readers (visually hidden) and leave with rel="noopener noreferrer".
    assert links["Erlaubt (externer Link)"] == {"href": "https://example.org/", "rel": "noopener noreferrer"}
    assert links["Auch erlaubt (externer Link)"] == {"href": "mailto:archiv@example.org", "rel": "noopener noreferrer"}
    assert links["Relativ"] == {"href": "../topics/index.html"}
    assert 'Bild" onerror="window.__pwned=1' in page.text_of("span")  # an image keeps only its words


# The Markdown subset, one construct at a time -------------------------------------------------------------------

ALLOWED = {"p": set(), "a": {"href", "rel"}, "em": set(), "strong": set(), "code": set(), "pre": set(),
           "ul": set(), "ol": {"start"}, "li": set(), "blockquote": set(), "hr": set(), "br": set(), "span": set(),
           **{f"h{n}": set() for n in range(2, 7)}}

HOSTILE_MARKDOWN = [
    "<script>window.__pwned=1</script>",
    "text <img src=x onerror=alert(1)> text",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<div onclick=alert(1)>x</div>",
    "<!-- comment --> <style>*{}</style>",
    "[a](javascript:alert(1))",
    "[a](  JaVaScRiPt:alert(1))",
    "[a](&#106;avascript:alert(1))",
    "[a](&#x6A;avascript:alert(1))",
    "[a](java&#x09;script:alert(1))",
    "[a](javascript&colon;alert(1))",
    "[a](&amp;#106;avascript:alert(1))",
    "[a](data:text/html;base64,PHNjcmlwdD4=)",
    "[a](vbscript:msgbox)",
    "[a][r]\n\n[r]: javascript:alert(1)",
    '[a](https://example.org "t" onmouseover="alert(1)")',
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](https://example.org/x.png)',
    '<https://example.org/" onmouseover="alert(1)>',
    "# heading\n\n###### deepest",
    "1. one\n2. two\n\n> quoted\n\n`<b>code</b>`\n\n    <b>block</b>\n\n---\n\n*em* **strong**",
]


class Fragment(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


@pytest.mark.parametrize("text", HOSTILE_MARKDOWN)
def test_markdown_renders_only_the_safe_subset(text):
    rendered = SafeMarkdown().render(text)
    for tag, attrs in Fragment(rendered).elements:
        assert tag in ALLOWED, f"<{tag}> from {text!r}: {rendered}"
        assert set(attrs) <= ALLOWED[tag], f"<{tag} {attrs}> from {text!r}"
        href = attrs.get("href") or ""
        assert is_safe_link(href) and not DANGEROUS_SCHEME.match(html.unescape(href).strip()), rendered


def test_markdown_keeps_raw_html_as_visible_text():
    rendered = SafeMarkdown().render("a <b>bold</b> & <script>x</script>")
    assert rendered == "<p>a &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;</p>"


def test_markdown_headings_start_below_the_page_title():
    assert SafeMarkdown().render("# One\n\n## Two") == "<h2>One</h2>\n<h3>Two</h3>"


@pytest.mark.parametrize("target, safe", [
    ("https://example.org/a?b=1&c=2", True), ("http://example.org", True), ("mailto:a@example.org", True),
    ("../seminars/index.html", True), ("#sources", True), ("page.html", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("JAVASCRIPT:alert(1)", False),
    ("java\tscript:alert(1)", False), ("java\x00script:alert(1)", False), ("&#106;avascript:alert(1)", False),
    ("javascript&colon;alert(1)", False), ("&amp;#x6a;avascript:alert(1)", False), ("data:text/html,x", False),
    ("file:///etc/passwd", False), ("ftp://example.org", False),
])
def test_link_targets(target, safe):
    assert is_safe_link(target) is safe


# Output paths ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["../index", "../../etc/passwd", "/etc/passwd", "seminars/../../x", "a\\b", "",
                                 "seminars/", "Seminars/x", "seminars/x.html", "seminars//x", ".", "seminars/ü"])
def test_unsafe_page_keys_are_refused(key):
    with pytest.raises(UnsafePagePath):
        checked_key(key)


def test_a_record_id_that_escapes_the_site_folder_is_refused_where_the_path_is_made():
    """Even a record that bypassed validation cannot make the renderer name a page outside the site."""
    archive = load_archive(REPO / "data", REPO).archive
    record = archive.records["2017-06-moskau"]
    evil = dataclasses.replace(record, id="../../../outside")
    archive = dataclasses.replace(archive, records={**archive.records, evil.id: evil})
    renderer = SiteRenderer(archive, REPO / "translations").language("de")
    with pytest.raises(UnsafePagePath, match="outside"):
        list(renderer.render_pages())


def test_every_page_of_the_hostile_build_lies_inside_the_site(hostile_site):
    site = hostile_site.site.resolve()
    files = [path for path in site.rglob("*") if path.is_file()]
    assert files and all(path.resolve().is_relative_to(site) for path in files)
    assert not any(path.name == "outside.html" for path in hostile_site.project.rglob("*.html"))
    for lang in LANGUAGES:
        assert (site / lang / "seminars" / "feindlich.html").is_file()
