"""OpenGraph facts of a page that depend on the language and the record (the template adds title and URL)."""

from __future__ import annotations

from dataclasses import dataclass

from babel.core import get_global

__all__ = ["OpenGraph", "og_locale"]


def og_locale(lang: str) -> str:
    """OpenGraph wants language_TERRITORY: CLDR's likely subtags give de → de_DE, ru → ru_RU."""
    parts = get_global("likely_subtags").get(lang, lang).split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else lang


@dataclass(frozen=True)
class OpenGraph:
    type: str
    locale: str
    alternate_locales: tuple[str, ...]

    @classmethod
    def for_page(cls, lang: str, languages: tuple[str, ...], is_record: bool) -> "OpenGraph":
        return cls("article" if is_record else "website", og_locale(lang),
                   tuple(og_locale(code) for code in languages if code != lang))
