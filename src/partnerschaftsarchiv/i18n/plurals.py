"""One sample number per CLDR plural category of a language, so a catalog's plural forms can be handed to a
browser script: the script picks the category with `Intl.PluralRules` (the same CLDR rules) and uses the form the
catalog gives for that category's sample ("1 запись", "2 записи", "5 записей")."""

from __future__ import annotations

from babel import Locale

__all__ = ["plural_samples"]


def plural_samples(locale: Locale, search: int = 200) -> list[tuple[str, int]]:
    """(category, smallest whole number in it) for each category whole numbers reach, e.g. ru: one 1, few 2, many 0."""
    samples: dict[str, int] = {}
    for n in range(search):
        samples.setdefault(locale.plural_form(n), n)
    return sorted(samples.items(), key=lambda item: item[1])
