"""The machine-readable citation files: per page BibTeX, RIS and CSL-JSON beside the page, and the whole archive's
records as one BibTeX and one CSL-JSON file for the Data page."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..rendering.labels import N_
from .bibtex import bibtex_file
from .cited_page import CitedPage
from .ris import ris_file

__all__ = ["CitationFormat", "CITATION_FORMATS", "ARCHIVE_BIBTEX", "ARCHIVE_CSL_JSON", "page_citation_files",
           "archive_citation_files", "csl_json_file"]


@dataclass(frozen=True)
class CitationFormat:
    suffix: str  # after the page key: seminars/2017-06-moskau.bib
    format: str  # the format's own name, the same in every language
    media_type: str


BIBTEX = CitationFormat(".bib", "BibTeX", "application/x-bibtex")
RIS = CitationFormat(".ris", "RIS", "application/x-research-info-systems")
CSL_JSON = CitationFormat(".csl.json", "CSL-JSON", "application/vnd.citationstyles.csl+json")
CITATION_FORMATS = (BIBTEX, RIS, CSL_JSON)


@dataclass(frozen=True)
class ArchiveCitationFile:
    path: str  # below the language folder
    format: CitationFormat
    title: str  # N_() strings, translated where shown
    description: str


ARCHIVE_BIBTEX = ArchiveCitationFile(
    "data/citations.bib", BIBTEX, N_("Every record as a citation"),
    N_("One entry per record, for reference managers and typesetting: title in this language, the responsible "
       "organizations, the date at the precision of the sources, the page's address."))
ARCHIVE_CSL_JSON = ArchiveCitationFile(
    "data/citations.csl.json", CSL_JSON, N_("Every record as a citation"),
    N_("The same citations in the format that citation style processors read."))


def csl_json_file(pages: list[CitedPage]) -> bytes:
    return (json.dumps([page.csl_json() for page in pages], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_WRITERS = {BIBTEX: bibtex_file, RIS: ris_file, CSL_JSON: csl_json_file}


def page_citation_files(page: CitedPage) -> dict[str, bytes]:
    """Below the language folder, beside the page: its citation in every format."""
    return {f"{page.key}{fmt.suffix}": _WRITERS[fmt]([page]) for fmt in CITATION_FORMATS}


def archive_citation_files(records: list[CitedPage]) -> dict[str, bytes]:
    return {ARCHIVE_BIBTEX.path: bibtex_file(records), ARCHIVE_CSL_JSON.path: csl_json_file(records)}
