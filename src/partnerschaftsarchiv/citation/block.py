"""What a page's "Cite" block shows (templates/_citation.html)."""

from __future__ import annotations

from dataclasses import dataclass

from .files import CitationFormat

__all__ = ["CitationBlock"]


@dataclass(frozen=True)
class CitationBlock:
    text: str  # the formatted citation, plain text
    standard: str  # "DIN ISO 690", "ГОСТ Р 7.0.100-2018"
    url: str  # the page's hosted address, "" without one
    path: str  # the page below the site's root: "de/seminars/2017-06-moskau.html"
    files: tuple[tuple[CitationFormat, str], ...]  # each format with its link from the page
