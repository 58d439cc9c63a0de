"""An A–Z index: entries already in the language's alphabetical order, grouped under their initial letter."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Generic, Iterable, TypeVar

from ..i18n.collation import initial

__all__ = ["LetterGroup", "letter_groups"]

T = TypeVar("T")


@dataclass(frozen=True)
class LetterGroup(Generic[T]):
    """The entries filed under one letter ("Ä…" under A, "Ё…" under Е)."""

    letter: str
    entries: tuple[T, ...]


def letter_groups(entries: Iterable[T], name: Callable[[T], str]) -> list[LetterGroup[T]]:
    """Group collated entries by initial; entries must already be sorted with `i18n.collation.collation_key`."""
    return [LetterGroup(letter, tuple(group)) for letter, group in groupby(entries, key=lambda e: initial(name(e)))]
