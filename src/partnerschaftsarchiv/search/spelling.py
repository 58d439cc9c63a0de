"""Other spellings readers type for a word: ё as е, German umlauts and ß as ae/oe/ue/ss, and Russian names in
Latin letters the way German, English and scholarly texts write them (Черёмин: Tscheremin, Cheremin, Čeremin)."""

from __future__ import annotations

import re
from typing import Iterable

__all__ = ["spelling_variants", "transliterations", "words"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_CYRILLIC = re.compile(r"[а-яё]")

# One letter each; ё, е, й have further variants below (written without dots, je/ye at the start, i for й).
_SYSTEMS: dict[str, dict[str, str]] = {
    # Duden: how German newspapers write Russian names (Tscheremin, Jelzin).
    "de": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                   ["a", "b", "w", "g", "d", "e", "jo", "sch", "s", "i", "j", "k", "l", "m", "n", "o", "p", "r", "s",
                    "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "y", "", "e", "ju", "ja"])),
    # BGN/PCGN, as in English texts and passports (Cheremin, Yeltsin).
    "en": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                   ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                    "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"])),
    # Scholarly transliteration (Čeremin).
    "scholarly": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                          ["a", "b", "v", "g", "d", "e", "ë", "ž", "z", "i", "j", "k", "l", "m", "n", "o", "p", "r",
                           "s", "t", "u", "f", "ch", "c", "č", "š", "šč", "ʺ", "y", "ʹ", "è", "ju", "ja"])),
}
_IOTATED_E = {"de": "je", "en": "ye", "scholarly": "e"}  # е at the start of a word or after a vowel
_VOWELS = set("аеёиоуыэюя")


def words(text: str) -> list[str]:
    """The words of a text, lower case."""
    return _WORD.findall(text.lower())


def spelling_variants(word: str) -> set[str]:
    """Other spellings of one word that mean the same to a reader: ё as е, ä/ö/ü/ß as ae/oe/ue/ss."""
    word = word.lower()
    variants = {word.replace("ё", "е"), word.translate(_UMLAUTS)}
    variants.discard(word)
    return variants


def _transliterate(word: str, system: str, plain_yo: bool, y_as_i: bool) -> str:
    letters = _SYSTEMS[system]
    out = []
    for at, letter in enumerate(word):
        if letter == "ё" and plain_yo:
            out.append("e")
        elif letter == "е" and (at == 0 or word[at - 1] in _VOWELS | {"ь", "ъ"}):
            out.append(_IOTATED_E[system])
        elif letter == "й" and y_as_i:
            out.append("i")
        else:
            out.append(letters.get(letter, letter))
    return "".join(out)


def transliterations(names: Iterable[str]) -> list[str]:
    """Every Latin spelling of the Cyrillic words in `names` (German, English, scholarly; ё with and without
    dots; й also as i, as in Sergei), in a stable order and without repeats."""
    found: dict[str, None] = {}
    for name in names:
        for word in words(name):
            if not _CYRILLIC.search(word):
                continue
            for system in _SYSTEMS:
                for plain_yo in (False, True):
                    for y_as_i in (False, True):
                        found.setdefault(_transliterate(word, system, plain_yo, y_as_i))
    return list(found)
