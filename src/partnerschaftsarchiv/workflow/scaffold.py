"""A new record's skeleton: every field of its kind, explained from the JSON Schema, in both languages.

The skeleton has the form of a valid record, so `validate` names exactly what is left to do: the title and summary
are placeholders (marked PLATZHALTER / ЗАПОЛНИТЬ, refused until replaced) that only repeat kind, place and date, a
record without a source is refused, and every optional field is a comment to fill in or delete.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..i18n import Localizer, load_translations
from ..loading.loader import reserved_id
from ..loading.problems import quoted, suggest
from ..loading.provenance import PLACEHOLDER_PREFIXES
from ..loading.schema import schema_path
from ..loading.yaml_source import read_yaml
from ..rendering import labels
from ..structure import EdtfDate, RecordKind, RegistryKind
from .record_id import derive_id
from .text_templates import text_environment

__all__ = ["RecordDraft", "ScaffoldError", "check_draft", "render_skeleton", "write_skeleton", "status_choices"]

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class ScaffoldError(ValueError):
    """A draft that cannot become a record: unknown place or source, or its id is taken."""


@dataclass(frozen=True)
class RecordDraft:
    """What the editor told the `new` command."""

    kind: RecordKind
    date: EdtfDate
    place: str | None = None
    status: str | None = None
    sources: tuple[str, ...] = ()
    slug: str | None = None
    # An id given by the editor instead of the derived one, e.g. to follow an existing series.
    given_id: str | None = None

    @property
    def id(self) -> str:
        return self.given_id or derive_id(self.date, self.place, self.slug)

    def path(self, data_dir: Path) -> Path:
        return Path(data_dir) / self.kind.folder / f"{self.id}.yml"


@cache
def _schema(name: str) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


def status_choices(kind: RecordKind) -> list[str]:
    """The status values the kind's schema allows, first the default of a new record."""
    return list(_schema(kind.value)["properties"]["status"]["enum"])


def status_required(kind: RecordKind) -> bool:
    return "status" in _schema(kind.value)["required"]


def field_description(kind: RecordKind, field: str) -> str:
    """The German/Russian description of a field, from the property or the definition it refers to."""
    prop = _schema(kind.value)["properties"][field]
    if "description" in prop:
        return prop["description"]
    reference = prop.get("$ref", "")
    if reference.startswith("common.schema.json#/definitions/"):
        return _schema("common")["definitions"][reference.rsplit("/", 1)[1]].get("description", "")
    return ""


def _ids(data_dir: Path, folder: str) -> dict[str, Path]:
    """Ids by file name: the archive may be half-edited, so no full load is needed to scaffold."""
    directory = Path(data_dir) / folder
    return {p.stem: p for p in sorted(directory.glob("*.yml"))} if directory.is_dir() else {}


def check_draft(draft: RecordDraft, data_dir: Path) -> None:
    """Refuse unknown places and sources, and an id that any record already has (ids are shared by all kinds)."""
    problems = []
    if draft.given_id is not None and not _ID.fullmatch(draft.given_id):
        raise ScaffoldError(f"{quoted(draft.given_id)} is not a valid id: lower-case ASCII letters and digits joined by "
                            f"single hyphens, e.g. 2017-06-moskau")
    if reserved := reserved_id(draft.id):  # as `validate` would say
        problems.append(reserved)
    places = _ids(data_dir, RegistryKind.PLACE.folder)
    if draft.place and draft.place not in places:
        problems.append(f"unknown place {quoted(draft.place)}{suggest(draft.place, places)}: "
                        f"the places are the file names under data/places/")
    sources = _ids(data_dir, RegistryKind.SOURCE.folder)
    for source in draft.sources:
        if source not in sources:
            problems.append(f"unknown source {quoted(source)}{suggest(source, sources)}: add the source under "
                            f"data/sources/ first")
    if draft.status is not None and draft.status not in status_choices(draft.kind):
        problems.append(f"status {quoted(draft.status)} is not one of: {', '.join(status_choices(draft.kind))}")
    for kind in RecordKind:
        taken = _ids(data_dir, kind.folder).get(draft.id)
        if taken is not None:
            problems.append(f"the id '{draft.id}' is already taken by {kind.folder}/{taken.name}: records are "
                            f"never overwritten; if this is another record, tell them apart with --slug WORD "
                            f"(id '{derive_id(draft.date, draft.place, 'WORD')}')")
    if problems:
        raise ScaffoldError("\n".join(problems))


def _comment(text: str, indent: int = 0) -> str:
    prefix = " " * indent + "# "
    return "\n".join(textwrap.wrap(text, width=116 - indent, initial_indent=prefix, subsequent_indent=prefix))


def _yaml_string(value: str) -> str:
    """A double-quoted YAML scalar: JSON string syntax is a subset of it, so any text is safe."""
    return json.dumps(str(value), ensure_ascii=False)


def _place_name(data_dir: Path, place: str) -> dict[str, str]:
    path = Path(data_dir) / RegistryKind.PLACE.folder / f"{place}.yml"
    data = read_yaml(path.read_bytes(), path.name).data
    names = data.get("name") if isinstance(data, dict) else None
    return dict(names) if isinstance(names, dict) else {}


def render_skeleton(draft: RecordDraft, data_dir: Path, translations_dir: Path,
                    languages: tuple[str, ...] = ("de", "ru")) -> str:
    """The YAML text of the new record; the first language is the original (German, as the sources are)."""
    place_names = _place_name(data_dir, draft.place) if draft.place else {}
    placeholders = {}
    for lang in languages:
        l10n = Localizer(lang, load_translations(translations_dir, lang))
        parts = [l10n.gettext(labels.KIND[draft.kind])]
        if place_names.get(lang):
            parts.append(place_names[lang])
        placeholders[lang] = f"{PLACEHOLDER_PREFIXES.get(lang, '')}{' – '.join(parts)}, {l10n.date(draft.date)}"
    fields = list(_schema(draft.kind.value)["properties"])
    return text_environment(q=_yaml_string, comment=_comment).get_template("record.yml.j2").render(
        draft=draft,
        schema=f"../../src/partnerschaftsarchiv/schemas/{draft.kind.value}.schema.json",
        fields=fields,
        describe=lambda field: field_description(draft.kind, field),
        status=draft.status or status_choices(draft.kind)[0],
        statuses=status_choices(draft.kind),
        status_required=status_required(draft.kind),
        languages=languages,
        placeholders=placeholders,
    )


def write_skeleton(draft: RecordDraft, data_dir: Path, translations_dir: Path) -> Path:
    """Check the draft and create its file; an existing file is never touched."""
    check_draft(draft, data_dir)
    path = draft.path(data_dir)
    text = render_skeleton(draft, data_dir, translations_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{draft.kind.folder}/{path.name} already exists: records are never overwritten") from None
    return path
