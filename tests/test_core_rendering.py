"""Pure parts of the rendering: safe page paths, A–Z letters, the skip target, words of the other language.

Fast (no build). Every expected value is written out by hand.
"""

from __future__ import annotations

import pytest

from partnerschaftsarchiv.i18n.collation import collation_key, initial
from partnerschaftsarchiv.rendering.alphabet import letter_groups
from partnerschaftsarchiv.rendering.foreign_runs import SCRIPT_LETTERS, _run_pattern, mark_foreign_runs, split_foreign_runs
from partnerschaftsarchiv.rendering.outline import Heading, first_heading
from partnerschaftsarchiv.rendering.paths import UnsafePagePath, checked_key

LANGS = ("de", "ru")


@pytest.mark.parametrize("key", ["index", "seminars/2017-06-moskau", "years/2017", "a/b/c", "x1-2"])
def test_plain_keys_are_kept(key):
    assert checked_key(key) == key


@pytest.mark.parametrize("key", ["../x", "/etc/x", "a//b", "a/", "/a", "a\\b", "A", "a-", "-a", "a--b", "a.b",
                                 "", "ü", "a b", "a/../b", None])
def test_keys_that_could_leave_the_site_folder_are_refused(key):
    with pytest.raises(UnsafePagePath) as error:
        checked_key(key)
    assert str(error.value) == (f"refusing to write the page {key!r}: page paths are lower-case ASCII words, digits, "
                                "hyphens and '/' between them, so they stay inside the site folder")


def test_words_of_the_other_script_are_marked_with_their_language():
    assert split_foreign_runs("Проект фонда Foundation Co-Integration (Volkssolidarität – Bundesverband e.V.) и 2017 г.",
                              "ru", LANGS) == [
        ("Проект фонда ", None), ("Foundation Co-Integration", "de"), (" (", None),
        ("Volkssolidarität – Bundesverband e.V.", "de"), (") и 2017 г.", None)]
    assert split_foreign_runs("Das „Memorandum“ (Меморандум) 2017", "de", LANGS) == [
        ("Das „Memorandum“ (", None), ("Меморандум", "ru"), (") 2017", None)]
    assert split_foreign_runs("Berlin", "de", LANGS) == [("Berlin", None)]
    assert split_foreign_runs("Москва", "de", ("de",)) == [("Москва", None)]  # no other language: nothing to mark
    assert split_foreign_runs("Berlin", "en", LANGS) == [("Berlin", None)]
    assert split_foreign_runs("", "ru", LANGS) == []
    assert split_foreign_runs("Seite 12, Москва-2", "de", LANGS) == [("Seite 12, ", None), ("Москва-2", "ru")]


def test_marked_text_stays_escaped():
    assert str(mark_foreign_runs("<b>Москва</b> & Berlin", "de", LANGS)) == \
        '&lt;b&gt;<span lang="ru">Москва</span>&lt;/b&gt; &amp; Berlin'
    assert str(mark_foreign_runs('"Berlin"', "ru", LANGS)) == '&#34;<span lang="de">Berlin</span>&#34;'


def test_the_first_heading_with_an_id_is_the_skip_target():
    html = ('<h2 id="a">Not this</h2><h1>no id</h1><h1 id="page-title">Das <em>18.</em>\n  Sozialseminar</h1>'
            '<h1 id="later">Later</h1>')
    assert first_heading(html) == Heading(1, "page-title", "Das 18. Sozialseminar")
    assert first_heading(html, 2) == Heading(2, "a", "Not this")
    assert first_heading("<p>no heading</p>") is None
    assert first_heading('<h1 id="t">unclosed') is None
    assert first_heading('<h3 id="x">x</h3>', 3) == Heading(3, "x", "x")
    assert first_heading('<h6 id="six">6</h6>', 6).level == 6


@pytest.mark.parametrize("text, letter", [
    ("Äpfel", "A"), ("Öl", "O"), ("Über", "U"), ("ß", "S"), ("Ёлка", "Е"), ("Йошкар-Ола", "Й"), ("12 Punkte", "#"),
    ("  berlin", "B"), ("„Runder Tisch“", "#"), ("élan", "E"),
])
def test_index_letters(text, letter):
    assert initial(text) == letter


def test_letter_groups_follow_the_languages_order():
    de = sorted(["Zebra", "Äpfel", "apfel", "Москва", "Öl", "12"], key=collation_key("de"))
    assert de == ["12", "apfel", "Äpfel", "Öl", "Zebra", "Москва"]
    groups = letter_groups(de, lambda name: name)
    assert [(g.letter, list(g.entries)) for g in groups] == [
        ("#", ["12"]), ("A", ["apfel", "Äpfel"]), ("O", ["Öl"]), ("Z", ["Zebra"]), ("М", ["Москва"])]
    ru = sorted(["Яблоко", "Ёлка", "Берлин", "Ель", "Berlin"], key=collation_key("ru"))
    assert ru == ["Берлин", "Ёлка", "Ель", "Яблоко", "Berlin"]


def test_a_run_of_words_ends_with_a_letter_a_digit_or_a_dot():
    run = _run_pattern(SCRIPT_LETTERS["ru"])
    assert run.findall("«Москва-2, ул. Ленина 5» и т.д. — Berlin") == ["Москва-2, ул. Ленина 5", "и т.д."]
    assert run.findall("Berlin, Москва, 12") == ["Москва, 12"]


def test_runs_at_the_start_and_languages_named_twice_or_unknown():
    assert split_foreign_runs("Москва und Минск", "de", ("de", "ru", "ru")) == [
        ("Москва", "ru"), (" und ", None), ("Минск", "ru")]
    assert split_foreign_runs("Москва und Минск", "de", ("en", "de", "ru")) == [
        ("Москва", "ru"), (" und ", None), ("Минск", "ru")]
    assert split_foreign_runs("Berlin и Москва", "ru", ("de", "ru")) == [("Berlin", "de"), (" и Москва", None)]


def test_heading_text_with_character_references_and_no_heading_of_the_level():
    assert first_heading('<h1 id="t">Berlin &amp; Moskau &#8211; 2017</h1>') == Heading(1, "t", "Berlin & Moskau – 2017")
    assert first_heading('<h2 id="a">A</h2><p>x</p>') is None
    assert first_heading('<h2 id="a">A</h2><p>x</p>', 3) is None
