"""BibTeX (biblatex `@online`) entries of cited pages; dates as EDTF in `date`, so a season stays a season."""

from __future__ import annotations

import re

from .cited_page import CitedPage

__all__ = ["bibtex_entry", "bibtex_file"]

# biblatex's language names (`langid`) for the archive's languages.
_LANGID = {"de": "ngerman", "ru": "russian"}
_SPECIAL = re.compile(r"[\\{}&%$#_^~]")
_ESCAPES = {"\\": r"\textbackslash{}", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}


def _escape(text: str) -> str:
    """Record text as literal BibTeX text: LaTeX's special characters escaped, braces balanced by escaping."""
    return _SPECIAL.sub(lambda m: _ESCAPES.get(m[0], "\\" + m[0]), " ".join(text.split()))


def _field(name: str, value: str) -> str:
    return f"  {name} = {{{value}}}"


def bibtex_entry(page: CitedPage) -> str:
    fields = [_field("title", "{" + _escape(page.title) + "}")]  # inner braces: keep the title's own case
    if page.original_title:
        fields.append(_field("origtitle", "{" + _escape(page.original_title) + "}"))
        fields.append(_field("origlanguage", _LANGID.get(page.original_lang, page.original_lang)))
    if page.authors:
        # Each body in braces: a corporate name, never split into given and family names.
        fields.append(_field("author", " and ".join("{" + _escape(name) + "}" for name in page.authors)))
    if page.date:
        fields.append(_field("date", str(page.date)))  # EDTF: 2017-23 is autumn 2017, 2014/2016 a range
        fields.append(_field("year", str(page.date.start.year)))
    fields.append(_field("organization", _escape(page.site_name)))
    if page.url:
        fields.append(_field("url", page.url))
        fields.append(_field("urldate", page.accessed.isoformat()))
    fields.append(_field("langid", _LANGID.get(page.lang, page.lang)))
    return f"@online{{{page.id},\n" + ",\n".join(fields) + "\n}\n"


def bibtex_file(pages: list[CitedPage]) -> bytes:
    return "\n".join(bibtex_entry(page) for page in pages).encode("utf-8")
