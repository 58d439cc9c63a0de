"""Citations formatted by a CSL processor (citeproc-py) with the style of each language's citation tradition."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import as_file, files

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.model import CitationStylesElement, Date, Locale
from citeproc.source.json import CiteProcJSON

from .cited_page import CitedPage

__all__ = ["CitationStyle", "STYLES", "citation_style"]


@dataclass(frozen=True)
class CitationStyle:
    lang: str
    file: str  # below citation/styles/
    locale: str  # the CSL locale citeproc-py ships
    standard: str  # the standard's name as readers know it, the same in every language
    # CSL 1.0 has no genitive month names ("28 августа"): such a style gets the page's own date label, which keeps
    # the record's precision, as a literal date instead of dropping the day.
    literal_date: bool = False

    def format(self, page: CitedPage) -> str:
        """The bibliography entry of one page as plain text (record text stays text: nothing is markup)."""
        return _format(self, page)


# German: DIN ISO 690, the published iso690-author-date-de with German ordinal days (see the style's summary).
# Russian: GOST R 7.0.100-2018; no published style follows it, so ours is based on gost-r-7-0-5-2008.
STYLES = {
    "de": CitationStyle("de", "iso690-author-date-de-partnerschaftsarchiv.csl", "de-DE", "DIN ISO 690"),
    "ru": CitationStyle("ru", "gost-r-7-0-100-2018-partnerschaftsarchiv.csl", "ru-RU", "ГОСТ Р 7.0.100-2018",
                        literal_date=True),
}


def citation_style(lang: str) -> CitationStyle:
    """The style of `lang`; a language without its own tradition here gets ISO 690 (the German style's base)."""
    return STYLES.get(lang, STYLES["de"])


def _range_or_shared_part(render_date_range):
    """citeproc-py 0.11.1 renders nothing for a range whose shown parts are all the same ("4-9 June 2017" shown as
    month and year): then the part both ends share is the date ("июнь 2017")."""

    def render(self, date_range, show_parts=None, context=None):
        text = render_date_range(self, date_range, list(show_parts or ()) or None, context)
        if text is None and not date_range.end.is_nil():
            return self.render_single_date(date_range.end, show_parts, context)
        return text

    render.fixed = True
    return render


def _remembered(lookup):
    """citeproc-py searches the style's XML with XPath for every term and macro of every citation, which makes up
    half of its time; a parsed style never changes, so each lookup is made once (keys keep their elements alive)."""
    found: dict = {}

    def remembered(self, *args, **options):
        key = (self, args, tuple(sorted(options.items())))
        if key not in found:
            try:
                found[key] = (lookup(self, *args, **options), None)
            except IndexError as missing:  # Locale.get_term's "no such term", which callers catch
                found[key] = (None, missing.args)
        value, missing = found[key]
        if missing is not None:
            # A new exception each time: raising a kept one again would add every raise's frames to its
            # traceback, and hold them (and all they refer to) for as long as the process lives.
            raise IndexError(*missing)
        return value

    remembered.fixed = True
    return remembered


if not getattr(Date.render_date_range, "fixed", False):
    Date.render_date_range = _range_or_shared_part(Date.render_date_range)
    Locale.get_term = _remembered(Locale.get_term)
    CitationStylesElement.get_macro = _remembered(CitationStylesElement.get_macro)


@cache
def _parsed(style: CitationStyle) -> CitationStylesStyle:
    with as_file(files("partnerschaftsarchiv.citation") / "styles" / style.file) as path:
        return CitationStylesStyle(str(path), locale=style.locale, validate=False)


# A page's citation is a function of its facts alone: a process that builds again (the preview) formats only the
# pages whose facts changed. citeproc-py takes about 2 ms a page.
@lru_cache(maxsize=16384)
def _format(style: CitationStyle, page: CitedPage) -> str:
    item = page.csl_json()
    if style.literal_date and page.date_label:
        item["issued"] = {"literal": page.date_label}
    source = CiteProcJSON([copy.deepcopy(item)])  # citeproc-py changes the items it reads
    bibliography = CitationStylesBibliography(_parsed(style), source, formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    (entry,) = bibliography.bibliography()
    # White space folded to single spaces, except the narrow no-break space of a date label ("2017 г.").
    return re.sub(r"[^\S\u202f]+", " ", str(entry)).strip()
