"""RIS records of cited pages (the tagged format of EndNote, Zotero, Citavi); dates without made-up days."""

from __future__ import annotations

from .cited_page import CitedPage
from ..structure import Precision

__all__ = ["ris_record", "ris_file"]


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def _ris_date(page: CitedPage) -> str:
    """RIS's YYYY/MM/DD/other: only the parts the record knows; a season or a range goes, as written on the page,
    into the free part ("2017///Herbst 2017")."""
    start = page.date.start
    month = f"{start.month:02d}" if start.precision >= Precision.MONTH and start.month else ""
    day = f"{start.day:02d}" if start.precision is Precision.DAY else ""
    other = page.date_label if page.date.end or start.season is not None else ""
    return f"{start.year:04d}/{month}/{day}/{other}"


def ris_record(page: CitedPage) -> str:
    lines = [_line("TY", "ELEC"), _line("TI", page.title)]
    if page.original_title:
        lines.append(_line("OP", page.original_title))
    lines += [_line("AU", name) for name in page.authors]
    if page.date:
        lines.append(_line("PY", str(page.date.start.year)))
        lines.append(_line("DA", _ris_date(page)))
    lines.append(_line("T2", page.site_name))
    if page.url:
        lines.append(_line("UR", page.url))
        lines.append(_line("Y2", page.accessed.strftime("%Y/%m/%d")))
    lines += [_line("LA", page.lang), _line("ID", page.id), "ER  - "]
    return "\n".join(lines) + "\n"


def ris_file(pages: list[CitedPage]) -> bytes:
    return "\n".join(ris_record(page) for page in pages).encode("utf-8")
