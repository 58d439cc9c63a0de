"""Words of the other language inside a text: German names and quotes in Russian text, Russian ones in German text.

Record text is plain data and carries no markup, yet a screen reader has to switch its voice for a German title
quoted in a Russian summary (WCAG 3.1.2, language of parts). The archive's languages are written in different
scripts, so the script tells them apart: a run of Latin words in Russian text is German, a run of Cyrillic words in
German text is Russian. Each such run is wrapped in `<span lang>`; all text stays escaped. (The few English words in
Latin script, such as the proper name «Foundation Co-Integration», are marked German too; WCAG exempts proper names.)
"""

from __future__ import annotations

import re
from typing import Iterable

from markupsafe import Markup, escape

__all__ = ["SCRIPT_LETTERS", "split_foreign_runs", "mark_foreign_runs"]

# The letters of each language's script (a regular-expression character class body).
SCRIPT_LETTERS = {
    "de": "A-Za-zÀ-ÖØ-öø-ɏ",
    "ru": "\u0400-\u04ff",
}
# What may stand between two words of one run: spaces, digits and the punctuation of names and titles.
_JOINERS = r"0-9\s.,:;&/|'’\-–—"


def _run_pattern(letters: str) -> re.Pattern[str]:
    # A run starts with a letter and ends with a letter, a digit or the dot of an abbreviation ("e.V.").
    return re.compile(rf"[{letters}](?:[{letters}{_JOINERS}]*[{letters}0-9.])?")


_PATTERNS = {lang: _run_pattern(letters) for lang, letters in SCRIPT_LETTERS.items()}


def split_foreign_runs(text: str, lang: str, languages: Iterable[str]) -> list[tuple[str, str | None]]:
    """`text` (in `lang`) as pieces: (piece, None) in `lang`, (piece, code) in another archive language's script."""
    own = SCRIPT_LETTERS.get(lang)
    # Languages in another script than `lang`'s (`lang` itself is left out by its own script).
    others = [code for code in languages if code in _PATTERNS and SCRIPT_LETTERS[code] != own]
    if own is None or not others:
        return [(text, None)]
    pieces: list[tuple[str, str | None]] = []
    position = 0
    runs = sorted((m.start(), m.end(), code) for code in others for m in _PATTERNS[code].finditer(text))
    for start, end, code in runs:
        if start < position:
            continue
        pieces += [(text[position:start], None), (text[start:end], code)]
        position = end
    pieces.append((text[position:], None))
    return [(piece, code) for piece, code in pieces if piece]


def mark_foreign_runs(text: str, lang: str, languages: Iterable[str]) -> Markup:
    """`text` escaped, every run in another language's script in `<span lang>`."""
    return Markup("").join(Markup('<span lang="{}">{}</span>').format(code, piece) if code else escape(piece)
                           for piece, code in split_foreign_runs(text, lang, languages))
