"""Record bodies as a reader's browser gets them: the safe Markdown subset, links, images, headings, words of the
other language. Fast (no build); every expected HTML is written out by hand.
"""

from __future__ import annotations

import pytest

from partnerschaftsarchiv.rendering.foreign_runs import split_foreign_runs
from partnerschaftsarchiv.rendering.markdown_text import SafeMarkdown, _BracketText, is_external, is_safe_link

LANGS = ("de", "ru")


def in_german(text):
    return split_foreign_runs(text, "de", LANGS)


def in_russian(text):
    return split_foreign_runs(text, "ru", LANGS)


@pytest.mark.parametrize("target, safe", [
    ("https://example.org/a?b=1&c=2", True), ("http://example.org", True), ("mailto:a@example.org", True),
    ("HTTPS://EXAMPLE.ORG", True), ("MailTo:a@example.org", True), ("  https://example.org", True),
    ("../seminars/index.html", True), ("#sources", True), ("page.html", True), ("", True), ("//example.org", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("JAVASCRIPT:alert(1)", False),
    ("java\tscript:alert(1)", False), ("java\nscript:alert(1)", False), ("java\x00script:alert(1)", False),
    ("\x01javascript:alert(1)", False), ("&#106;avascript:alert(1)", False), ("javascript&colon;alert(1)", False),
    ("&amp;#x6a;avascript:alert(1)", False), ("&amp;amp;#x6a;avascript:alert(1)", False),
    ("data:text/html,x", False), ("file:///etc/passwd", False), ("ftp://example.org", False),
    ("x-y.z+1:stuff", False),
])
def test_link_targets_a_browser_could_run_are_refused(target, safe):
    assert is_safe_link(target) is safe


@pytest.mark.parametrize("target, external", [
    ("https://example.org/", True), ("mailto:a@example.org", True), ("HTTP://EXAMPLE.ORG", True),
    ("//example.org/x", True), ("/\\example.org", True), ("\\/example.org", True), ("\\\\example.org", True),
    ("   //example.org", True), ("\x01//example.org", True), ("/\t/example.org", True), ("/\n/example.org", True),
    ("/\r/example.org", True), ("\t//example.org", True),
    ("/local", False), ("../topics/x.html", False), ("#sources", False), ("x//y", False), ("X//y", False),
    ("page.html", False),
    ("", False), ("/ /example.org", False),
])
def test_links_that_leave_the_archive(target, external):
    assert is_external(target) is external


@pytest.mark.parametrize("text, html", [
    ("![Foto vom Seminar](https://example.org/x.png) danach", "<p><span>Foto vom Seminar</span> danach</p>"),
    ("Text ![alt](x.png) und ![](y.png) Ende", "<p>Text <span>alt</span> und <span></span> Ende</p>"),
    ("# h1\n\n## h2\n\n### h3\n\n#### h4\n\n##### h5\n\n###### h6",
     "<h2>h1</h2>\n<h3>h2</h3>\n<h4>h3</h4>\n<h5>h4</h5>\n<h6>h5</h6>\n<h6>h6</h6>"),
    ('[Seite](https://example.org/ "Titel")', '<p><a href="https://example.org/" rel="noopener noreferrer">Seite</a></p>'),
    ("[Mail](mailto:a@example.org)", '<p><a href="mailto:a@example.org" rel="noopener noreferrer">Mail</a></p>'),
    ("[Themen](../topics/index.html)", '<p><a href="../topics/index.html">Themen</a></p>'),
    ("[weg](javascript:alert(1))", "<p><a>weg</a></p>"),
    ("[leer]()", "<p><a>leer</a></p>"),
    ("[anderer Host](//evil.example)", '<p><a href="//evil.example" rel="noopener noreferrer">anderer Host</a></p>'),
    ("<https://example.org/>",
     '<p><a href="https://example.org/" rel="noopener noreferrer">https://example.org/</a></p>'),
    ("[Ref][r]\n\n[r]: javascript:alert(1)", "<p><a>Ref</a></p>"),
    ("<div>x</div>\n\nText", "<p>&lt;div&gt;x&lt;/div&gt;</p>\n<p>Text</p>"),
    ("a <b>fett</b> & <script>x</script>", "<p>a &lt;b&gt;fett&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;</p>"),
    ("Zeile  \nnächste", "<p>Zeile<br>\nnächste</p>"),
    ("1. eins\n* zwei", "<ol>\n<li>eins\n* zwei</li>\n</ol>"),
])
def test_the_safe_subset(text, html):
    assert SafeMarkdown().render(text) == html


@pytest.mark.parametrize("text, html", [
    ("[a](x(1).html)", '<p><a href="x(1).html">a</a></p>'),
    ("[a]( x.html )", '<p><a href="x.html">a</a></p>'),
    ('[a](x.html "t")', '<p><a href="x.html">a</a></p>'),
    ("[a](<y z.html>)", '<p><a href="y z.html">a</a></p>'),
    ("[a](x.html", "<p>[a](x.html</p>"),
    # An address with a title is looked for 300 characters far, no further.
    ('[a](x.html "' + "t" * 289 + '")', '<p><a href="x.html">a</a></p>'),
    ('[a](x.html "' + "t" * 290 + '")', '<p>[a](x.html "' + "t" * 290 + '")</p>'),
    # ... and read as Python-Markdown reads the first 300 characters: here the title is cut off.
    ('[a](x.html "' + "t" * 10 + ")" + "t" * 300 + '")',
     '<p><a href="x.html &quot;tttttttttt">a</a>' + "t" * 300 + '")</p>'),
    # A plain address is taken at any length.
    ("[a](https://example.org/" + "p" * 400 + ")",
     '<p><a href="https://example.org/' + "p" * 400 + '" rel="noopener noreferrer">a</a></p>'),
    ("[a [b] c](x.html) [d]", '<p><a href="x.html">a [b] c</a> [d]</p>'),
    ("[[a](x.html)", '<p>[<a href="x.html">a</a></p>'),
    ("[" + "[]" * 40 + "](x.html)", '<p><a href="x.html">' + "[]" * 40 + "</a></p>"),
    ("[" * 70 + "a](x.html)", "<p>" + "[" * 69 + '<a href="x.html">a</a></p>'),
    ("[" * 200, "<p>" + "[" * 200 + "</p>"),
    ("[" * 100 + "]" * 100, "<p>" + "[" * 100 + "]" * 100 + "</p>"),
])
def test_links_and_brackets_as_python_markdown_reads_them(text, html):
    assert SafeMarkdown().render(text) == html


def test_external_links_end_with_a_note_in_the_pages_language():
    md = SafeMarkdown()
    assert md.render("[Seite](https://example.org/) und [hier](x.html)", external_note=("(externer Link)", "de")) == (
        '<p><a href="https://example.org/" rel="noopener noreferrer">Seite'
        '<span class="archive-external" lang="de"> (externer Link)</span></a> und <a href="x.html">hier</a></p>')
    assert md.render("Берлин [Seite](https://example.org/) Москва", in_russian, ("(внешняя ссылка)", "ru")) == (
        '<p>Берлин <a href="https://example.org/" rel="noopener noreferrer"><span lang="de">Seite</span>'
        '<span class="archive-external" lang="ru"> (внешняя ссылка)</span></a> Москва</p>')
    # The next render without a note and a language has neither.
    assert md.render("Берлин [Seite](https://example.org/)") == (
        '<p>Берлин <a href="https://example.org/" rel="noopener noreferrer">Seite</a></p>')


@pytest.mark.parametrize("text, html", [
    ("Das **Memorandum** (Меморандум) und *Москва* `Москва`\n\n    Москва code\n\nSchluss Москва.",
     '<p>Das <strong>Memorandum</strong> (<span lang="ru">Меморандум</span>) und <em><span lang="ru">Москва</span>'
     "</em> <code>Москва</code></p>\n<pre><code>Москва code\n</code></pre>\n"
     '<p>Schluss <span lang="ru">Москва.</span></p>'),
    ("Москва", '<p><span lang="ru">Москва</span></p>'),
    ("Москва und Berlin", '<p><span lang="ru">Москва</span> und Berlin</p>'),
    ("Berlin", "<p>Berlin</p>"),
    ("x Москва **y** Минск z",
     '<p>x <span lang="ru">Москва</span> <strong>y</strong> <span lang="ru">Минск</span> z</p>'),
    ("* Москва\n* Berlin Минск",
     '<ul>\n<li><span lang="ru">Москва</span></li>\n<li>Berlin <span lang="ru">Минск</span></li>\n</ul>'),
    ("Москва  \nBerlin", '<p><span lang="ru">Москва</span><br>\nBerlin</p>'),
    # An entity is stashed text in Markdown: left as it is.
    ("&copy; Москва", "<p>&copy; Москва</p>"),
    # An image's words are marked too: the image becomes text before the languages are marked.
    ("![Москва](x.png) Berlin", '<p><span><span lang="ru">Москва</span></span> Berlin</p>'),
])
def test_words_of_the_other_language_in_a_body(text, html):
    assert SafeMarkdown().render(text, in_german) == html


def test_without_a_language_nothing_is_marked():
    assert SafeMarkdown().render("Das Memorandum (Меморандум)") == "<p>Das Memorandum (Меморандум)</p>"
    md = SafeMarkdown()
    md.render("Москва", in_german)
    assert md.render("Москва") == "<p>Москва</p>"


def test_bracket_text_up_to_the_closing_bracket():
    # (text inside, index after the closing bracket, closed?)
    assert _BracketText()("[a [b] c](x)", 1) == ("a [b] c", 9, True)
    assert _BracketText()("a[b", 2) == ("b", 3, False)
    assert _BracketText()("[b]", 1) == ("b", 3, True)
    # More than 64 brackets on: not just after a `[`, so walked to the end.
    assert _BracketText()("x" + "[]" * 40 + "]y", 1) == ("[]" * 40, 82, True)
    assert _BracketText()("x" + "[]" * 40 + "y", 1) == ("[]" * 40 + "y", 82, False)
    assert _BracketText()("x" + "[[]]" * 20 + "]y", 1) == ("[[]]" * 20, 82, True)
    assert _BracketText()("[x" + "[]" * 40 + "]", 2) == ("[]" * 40, 83, True)
    assert _BracketText()("[]" * 40 + "[", 0) == ("[]" * 40 + "[", 81, False)
    # Just after a `[`: every bracket from there is paired once, and the pairs answer later questions.
    text = "[" + "[]" * 40 + "]y [" + "[" * 70
    pairs = _BracketText()
    assert pairs(text, 1) == ("[]" * 40, 82, True)
    assert pairs(text, 2) == ("", 3, True)
    assert pairs(text, 3) == ("[]" * 39, 82, True)  # after a `]`: not among the pairs, so walked
    assert pairs(text, 84) == (text[84:], 155, False)
    assert pairs(text, 100) == (text[100:], 155, False)
    assert pairs("[" + "[" * 70 + "]", 1) == ("[" * 70 + "]", 72, False)
    assert pairs("[" + "[" * 70 + "]", 71) == ("", 72, True)
