"""Search documents (`location`, `title`, `text`, one per page and per section, as static-site search indexes
hold them) shaped for readers: page weights, pages left out, and two fields readers never see: `names` (what a
page is also called, weighted like its title) and `spellings` (other spellings of the words of a document)."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any, Mapping

from .profiles import PageProfile
from .spelling import spelling_variants, words

__all__ = ["NAMES_FIELD", "SPELLINGS_FIELD", "shape_documents"]

NAMES_FIELD = "names"
SPELLINGS_FIELD = "spellings"
_TAG = re.compile(r"<[^>]*>")


def _page_key(location: str) -> str:
    return location.split("#", 1)[0].removesuffix(".html") or "index"


@lru_cache(maxsize=65536)  # an archive's words repeat from page to page
def _word_variants(word: str) -> tuple[str, ...]:
    return tuple(sorted(spelling_variants(word)))


@lru_cache(maxsize=16384)  # the same texts in every rebuild of the preview
def _variants(*texts: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for text in texts:
        for word in words(html.unescape(_TAG.sub(" ", text))):
            for variant in _word_variants(word):
                found.setdefault(variant)
    return tuple(found)


def shape_documents(documents: list[dict[str, Any]], profiles: Mapping[str, PageProfile]) -> list[dict[str, Any]]:
    """New documents: those of unsearched pages dropped, the others weighted and given their hidden fields."""
    shaped = []
    for document in documents:
        location = document["location"]
        profile = profiles.get(_page_key(location)) or PageProfile(_page_key(location))
        if not profile.searched:
            continue
        document = dict(document)
        if profile.weight != 1.0:
            document["boost"] = profile.weight
        if "#" not in location and profile.names:
            names = [*profile.names, *_variants(*profile.names, document.get("title", ""))]
            document[NAMES_FIELD] = " ".join(dict.fromkeys(names))
        elif "#" not in location:
            names = _variants(document.get("title", ""))
            if names:
                document[NAMES_FIELD] = " ".join(names)
        spellings = _variants(document.get("text", ""))
        if spellings:
            document[SPELLINGS_FIELD] = " ".join(spellings)
        shaped.append(document)
    return shaped
