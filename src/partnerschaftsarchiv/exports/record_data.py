"""A record as plain data in the format of `data/` (and its JSON Schema): what the open-data exports carry."""

from __future__ import annotations

from typing import Any

from ..structure import Citation, LocalizedText, Participation, PlaceRole, Record, Translation

__all__ = ["record_data"]


def _text(value: LocalizedText | None) -> dict[str, str] | None:
    return {lang: text for lang, text in value.values.items() if text} if value else None


def _translation(value: Translation) -> dict[str, str]:
    return {lang: status.value for lang, status in value.statuses.items()}


def _participation(item: Participation) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "role": item.role.value}
    if item.function:  # people only: an organization has no function
        data["function"] = _text(item.function)
    return data


def _citation(item: Citation) -> dict[str, Any]:
    return {"source": item.source, **({"note": _text(item.note)} if item.note else {})}


def record_data(record: Record) -> dict[str, Any]:
    """Every field the record has, in the order of data/README.md; empty optional fields are left out."""
    data: dict[str, Any] = {
        "id": record.id,
        "kind": record.kind.value,
        "number": record.number,
        "status": record.status.value if record.status else None,
        "date": str(record.date),
        "place": record.place,
        # `places` as written in data/: every place but the venue already given as `place`.
        "places": [{"id": m.id, "role": m.role.value} for m in record.places
                   if not (m.role is PlaceRole.VENUE and m.id == record.place)],
        "title": _text(record.title),
        "summary": _text(record.summary),
        "body": _text(record.body),
        "translation": _translation(record.translation),
        "review": {lang: {"by": r.by, "date": r.date} for lang, r in record.translation.reviews.items()} or None,
        "topics": list(record.topics),
        "organizations": [_participation(p) for p in record.organizations],
        "people": [_participation(p) for p in record.people],
        "relations": [{"type": r.type.value, "record": r.record} for r in record.relations],
        "sources": [_citation(c) for c in record.sources],
    }
    return {key: value for key, value in data.items() if value not in (None, [])}  # `sources` is never empty
