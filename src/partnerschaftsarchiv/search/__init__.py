"""What the site search needs beyond the rendered text, independent of the search engine: other spellings of
words and names (`spelling`), each page's weight and alternate names (`profiles`), how both are added to a
list of search documents (`documents`), and the part of a page an indexer reads (`indexed`)."""

from .documents import NAMES_FIELD, SPELLINGS_FIELD, shape_documents
from .indexed import indexed_html
from .profiles import PageProfile, search_profiles
from .spelling import spelling_variants, transliterations

__all__ = ["NAMES_FIELD", "SPELLINGS_FIELD", "PageProfile", "indexed_html", "search_profiles", "shape_documents",
           "spelling_variants", "transliterations"]
