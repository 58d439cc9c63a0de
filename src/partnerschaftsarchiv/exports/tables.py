"""Records as JSON and as a CSV table: the JSON keeps every field, the CSV is one flat row per record."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Sequence

from .record_data import record_data
from .view import RecordView

__all__ = ["records_json", "records_csv", "CSV_COLUMNS", "spreadsheet_safe"]

CSV_COLUMNS = ("id", "kind", "kind_label", "status", "status_label", "date", "date_label", "first_day", "last_day",
               "title", "title_language", "summary", "place", "place_name", "topics", "organizations", "page", "url")


def records_json(views: Sequence[RecordView], lang: str, title: str, licence_note: str, made: dt.datetime) -> bytes:
    """`records[].record` is the record exactly as its JSON Schema describes it; the rest is this language's view."""
    document = {
        "title": title,
        "language": lang,
        "generated": made.isoformat().replace("+00:00", "Z"),
        "licence": None,
        "licence_note": licence_note,
        "records": [
            {
                "id": view.record.id,
                "page": view.page,
                "url": view.url or None,
                "title": view.title.text,
                "title_language": view.title.lang,
                "summary": view.summary.text,
                "summary_language": view.summary.lang,
                "kind_label": view.kind_label,
                "status_label": view.status_label or None,
                "date_label": view.date_label,
                "first_day": view.first_day.isoformat(),
                "last_day": view.last_day.isoformat(),
                "place_name": view.place_name or None,
                "record": record_data(view.record),
            }
            for view in views
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# What makes a spreadsheet program read a cell as a formula (OWASP, "CSV Injection"): =, +, -, @, tab, CR first.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """The cell as text a spreadsheet shows and never runs: a leading apostrophe where it could start a formula
    (the rule the data page states)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def records_csv(views: Sequence[RecordView]) -> bytes:
    """UTF-8 with a byte order mark, so spreadsheet programs read the Cyrillic and the umlauts right; record text
    that would start a formula is neutralised (`spreadsheet_safe`)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for view in views:
        record = view.record
        writer.writerow(spreadsheet_safe(cell) for cell in [
            record.id, record.kind.value, view.kind_label, record.status.value if record.status else "",
            view.status_label, str(record.date), view.date_label, view.first_day.isoformat(),
            view.last_day.isoformat(), view.title.text, view.title.lang, view.summary.text, record.place or "",
            view.place_name, "; ".join(view.topic_names), "; ".join(view.organization_names), view.page, view.url,
        ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
