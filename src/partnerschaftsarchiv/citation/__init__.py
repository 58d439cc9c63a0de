"""Citations of archive pages: CSL-JSON items, formatted by citeproc-py in each language's tradition, and the
BibTeX and RIS files reference managers import. No publisher knowledge."""

from .block import CitationBlock
from .cited_page import CitedPage, cited_entry, cited_record
from .files import (ARCHIVE_BIBTEX, ARCHIVE_CSL_JSON, CITATION_FORMATS, CitationFormat, archive_citation_files,
                    page_citation_files)
from .formatting import CitationStyle, citation_style
from .meta import citation_meta

__all__ = ["CitationBlock", "CitedPage", "cited_entry", "cited_record", "CITATION_FORMATS", "ARCHIVE_BIBTEX",
           "ARCHIVE_CSL_JSON", "CitationFormat", "archive_citation_files", "page_citation_files", "CitationStyle", "citation_style",
           "citation_meta"]
