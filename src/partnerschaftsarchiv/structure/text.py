"""Text kept in several languages, and how far each translation has come."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Mapping

__all__ = ["TranslationStatus", "LocalizedText", "ResolvedText", "Review", "Translation"]


class TranslationStatus(str, enum.Enum):
    ORIGINAL = "original"
    REVIEWED = "reviewed"
    UNREVIEWED = "unreviewed"
    MISSING = "missing"


@dataclass(frozen=True)
class ResolvedText:
    """The text to show in a language: in that language, or the original marked with its own language."""

    text: str
    lang: str
    is_fallback: bool

    def __bool__(self) -> bool:
        return bool(self.text)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Review:
    """Who reviewed a translation, and on which day (ISO, YYYY-MM-DD)."""

    by: str
    date: str


@dataclass(frozen=True)
class Translation:
    """Which language is the original and the status of every other language."""

    original: str
    statuses: Mapping[str, TranslationStatus] = field(default_factory=dict)
    reviews: Mapping[str, Review] = field(default_factory=dict)

    def status(self, lang: str) -> TranslationStatus:
        if lang == self.original:
            return TranslationStatus.ORIGINAL
        return self.statuses.get(lang, TranslationStatus.MISSING)


@dataclass(frozen=True)
class LocalizedText:
    """One text in several languages; the original language always has it (the validator sees to that)."""

    values: Mapping[str, str]
    original: str

    def get(self, lang: str) -> ResolvedText:
        """The text in `lang`, else the original text, flagged as a fallback."""
        value = self.values.get(lang)
        if value:
            return ResolvedText(value, lang, False)
        return ResolvedText(self.values.get(self.original, ""), self.original, True)

    def has(self, lang: str) -> bool:
        return bool(self.values.get(lang))

    def __bool__(self) -> bool:
        return any(self.values.values())
