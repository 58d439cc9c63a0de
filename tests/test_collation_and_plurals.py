"""Alphabetical order per language (UCA through pyuca) and the plural forms of the gettext catalogs."""

from __future__ import annotations

import os
import random

import pytest
from babel import Locale

from conftest import REPO
from partnerschaftsarchiv.i18n import load_translations
from partnerschaftsarchiv.i18n.collation import collation_key, initial
from partnerschaftsarchiv.i18n.plurals import plural_samples


@pytest.mark.parametrize("lang, expected", [
    # DIN 5007-1: umlauts as their base letter, ß as ss; an umlaut only decides between otherwise equal words.
    ("de", ["Abend", "Apfel", "Äpfel", "Arzt", "Ärzte", "Masse", "Maße", "Ofen", "Öfen", "Öl", "Ozean", "Strasse",
            "Straße", "Strauß", "Zebra", "Zürich"]),
    # Russian alphabet; Ё with Е, and after it where the words are otherwise equal; Й its own letter.
    ("ru", ["Аист", "Все", "Всё", "Ёж", "Ежевика", "Ёлка", "Ель", "Зебра", "Иван", "Йошкар-Ола", "Яблоко"]),
])
def test_collation(lang, expected):
    shuffled = expected[:]
    random.Random(3).shuffle(shuffled)
    assert sorted(shuffled, key=collation_key(lang)) == expected


@pytest.mark.parametrize("lang, words", [
    ("ru", ["Берлин", "Москва", "Zürich"]),
    ("de", ["Berlin", "Zürich", "Москва"]),
])
def test_own_script_first(lang, words):
    assert sorted(reversed(words), key=collation_key(lang)) == words


@pytest.mark.parametrize("text, letter", [
    ("Ärzte", "A"), ("Öl", "O"), ("über", "U"), ("Straße", "S"), ("Ёлка", "Е"), ("Йошкар-Ола", "Й"),
    ("ель", "Е"), ("1991", "#"), ("„Kiez“", "#"),
])
def test_initial_letter(text, letter):
    assert initial(text) == letter


@pytest.mark.parametrize("n, expected", [
    (0, "0 записей"), (1, "1 запись"), (2, "2 записи"), (5, "5 записей"), (11, "11 записей"),
    (21, "21 запись"), (22, "22 записи"), (25, "25 записей"), (111, "111 записей"), (104, "104 записи"),
])
def test_russian_plural_forms(n, expected):
    ru = load_translations(REPO / "translations", "ru")
    assert ru.ngettext("%(num)s entry", "%(num)s entries", n) % {"num": n} == expected


@pytest.mark.parametrize("n, expected", [(0, "0 Einträge"), (1, "1 Eintrag"), (2, "2 Einträge"), (21, "21 Einträge")])
def test_german_plural_forms(n, expected):
    de = load_translations(REPO / "translations", "de")
    assert de.ngettext("%(num)s entry", "%(num)s entries", n) % {"num": n} == expected


@pytest.mark.parametrize("n, expected", [
    (0, "Показано 0 записей"), (1, "Показана 1 запись"), (2, "Показаны 2 записи"), (5, "Показано 5 записей"),
    (11, "Показано 11 записей"), (21, "Показана 21 запись"), (22, "Показаны 22 записи"), (25, "Показано 25 записей"),
])
def test_russian_plural_forms_of_the_filter_message(n, expected):
    ru = load_translations(REPO / "translations", "ru")
    assert ru.ngettext("%(num)s entry shown", "%(num)s entries shown", n) % {"num": n} == expected


@pytest.mark.parametrize("lang, expected", [
    ("de", [("other", 0), ("one", 1)]),
    ("ru", [("many", 0), ("one", 1), ("few", 2)]),
])
def test_plural_samples_cover_every_whole_number_category(lang, expected):
    assert plural_samples(Locale.parse(lang)) == expected


@pytest.mark.parametrize("text, letter", [
    ("B2 Sprachkurs", "B"),  # only the first character decides
    ("ᾀδης", "Α"), ("Ἀθήνα", "Α"),  # Greek with breathing marks and iota subscript: under its base letter
    ("한강", "ᄒ"),  # a Hangul syllable under its first consonant
])
def test_initial_letter_of_other_scripts(text, letter):
    assert initial(text) == letter


@pytest.mark.parametrize("lang, expected", [
    # Digits and signs first (also a sign the collation has no place for), then the language's own script, then
    # others; leading blanks do not count. 𗀀 is a Tangut letter, which has no Unicode character name.
    ("de", ["12", "\ue000 Zeichen", "Apfel", "Zebra", "  Москва", "𗀀"]),
    ("ru", ["12", "\ue000 Zeichen", "  Москва", "Apfel", "Zebra", "𗀀"]),
])
def test_signs_first_then_own_script_then_others(lang, expected):
    assert sorted(reversed(expected), key=collation_key(lang)) == expected
    assert sorted(expected, key=collation_key(lang)) == expected


PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_plural_forms_come_from_the_language_where_the_catalog_names_none(tmp_path):
    # No Plural-Forms header: Russian's three forms come from CLDR's rules for "ru".
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        PO_HEADER + 'msgid "%(num)s entry"\nmsgid_plural "%(num)s entries"\n'
        'msgstr[0] "%(num)s запись"\nmsgstr[1] "%(num)s записи"\nmsgstr[2] "%(num)s записей"\n', encoding="utf-8")
    ru = load_translations(tmp_path, "ru")
    assert [ru.ngettext("%(num)s entry", "%(num)s entries", n) % {"num": n} for n in (1, 2, 5)] == [
        "1 запись", "2 записи", "5 записей"]


def test_a_changed_catalog_is_read_again(tmp_path):
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "messages.po"
    po.write_text(PO_HEADER + 'msgid "held"\nmsgstr "stattgefunden"\n', encoding="utf-8")
    os.utime(po, ns=(1_000_000_000, 1_000_000_000))
    assert load_translations(tmp_path, "de").gettext("held") == "stattgefunden"
    po.write_text(PO_HEADER + 'msgid "held"\nmsgstr "fand statt"\n', encoding="utf-8")
    os.utime(po, ns=(2_000_000_000, 2_000_000_000))
    assert load_translations(tmp_path, "de").gettext("held") == "fand statt"
