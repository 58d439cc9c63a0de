"""Translation status: which entries still lack a text in a language or wait for review, and which UI strings of
the gettext catalogs are untranslated or fuzzy.

Entries are the editors' ongoing work (the site shows the original meanwhile), so they are reported, not errors.
A UI string without translation is a bug of the release: it makes the status command fail, and CI with it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterator

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from ..i18n import po_path
from ..structure import (
    Archive, Entry, LocalizedText, Record, RecordKind, RegistryEntry, RegistryKind, Source, TranslationStatus,
)

__all__ = ["entry_texts", "EntryGap", "MessageGap", "MessageProblem", "TranslationReport", "collect_status", "POT_NAME"]

POT_NAME = "messages.pot"


class MessageProblem(str, enum.Enum):
    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"


@dataclass(frozen=True)
class EntryGap:
    """One entry in one language that is not finished: texts missing, or translated but not reviewed."""

    entry: Entry
    lang: str
    status: TranslationStatus
    missing: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return self.entry.kind.value if isinstance(self.entry, Record) else self.entry.registry.value

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def path(self) -> str:
        return self.entry.path.as_posix()

    @property
    def state(self) -> TranslationStatus:
        """MISSING where any text is missing, whatever the declared status; else the declared status."""
        return TranslationStatus.MISSING if self.missing else self.status


@dataclass(frozen=True)
class MessageGap:
    lang: str
    msgid: str
    problem: MessageProblem


@dataclass(frozen=True)
class TranslationReport:
    languages: tuple[str, ...]
    entries: tuple[EntryGap, ...]
    messages: tuple[MessageGap, ...]

    @property
    def ok(self) -> bool:
        """True when every UI string is translated; entries waiting for translation do not count."""
        return not self.messages

    def summary(self) -> list[tuple[str, dict[str, int]]]:
        """Entries still to translate or review, counted by kind (records first, as the folders are) and language."""
        counts: dict[str, dict[str, int]] = {}
        for gap in self.entries:
            counts.setdefault(gap.kind, dict.fromkeys(self.languages, 0))[gap.lang] += 1
        order = [kind.value for kind in (*RecordKind, *RegistryKind)]
        return sorted(counts.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))

    def entries_in(self, lang: str) -> list[EntryGap]:
        return [gap for gap in self.entries if gap.lang == lang]

    def messages_in(self, lang: str) -> list[MessageGap]:
        return [gap for gap in self.messages if gap.lang == lang]


def entry_texts(entry: Entry) -> Iterator[tuple[str, LocalizedText | None]]:
    """Every translatable text of an entry, named as the field is in the YAML file."""
    if isinstance(entry, Record):
        yield "title", entry.title
        yield "summary", entry.summary
        yield "body", entry.body
        for i, person in enumerate(entry.people):
            yield f"people[{i}].function", person.function
    elif isinstance(entry, RegistryEntry):
        if not isinstance(entry, Source):  # a source's title stays as published
            yield "name", entry.name
        yield ("notes" if isinstance(entry, Source) else "description"), entry.description
        if isinstance(entry, Source):
            yield "title_translation", entry.translated_title
        if getattr(entry, "short_name", None) is not None:
            yield "short_name", entry.short_name
    for i, citation in enumerate(getattr(entry, "sources", ())):
        yield f"sources[{i}].note", citation.note


def _entry_gaps(entry: Entry, languages: tuple[str, ...]) -> Iterator[EntryGap]:
    original = entry.translation.original
    texts = [(name, text) for name, text in entry_texts(entry) if text and text.has(original)]
    if not texts:
        return  # nothing to translate, e.g. a source without notes
    for lang in languages:
        if lang == original:
            continue
        missing = tuple(name for name, text in texts if not text.has(lang))
        status = entry.translation.status(lang)
        if missing or status is not TranslationStatus.REVIEWED:
            yield EntryGap(entry, lang, status, missing)


def _entries(archive: Archive) -> Iterator[Entry]:
    yield from archive.records.values()
    for registry in (archive.topics, archive.organizations, archive.people, archive.places, archive.sources):
        yield from registry.values()


def _read(path: Path, lang: str | None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _untranslated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    return not all(strings)


def _message_gaps(translations_dir: Path, lang: str, template: Catalog | None) -> Iterator[MessageGap]:
    path = po_path(translations_dir, lang)
    if not path.is_file():
        for message in template or ():
            if message.id:
                yield MessageGap(lang, _msgid(message), MessageProblem.UNTRANSLATED)
        return
    catalog = _read(path, lang)
    for message in catalog:
        if not message.id:
            continue  # the header
        if message.fuzzy:
            yield MessageGap(lang, _msgid(message), MessageProblem.FUZZY)
        elif _untranslated(message):
            yield MessageGap(lang, _msgid(message), MessageProblem.UNTRANSLATED)
    for message in template or ():
        if message.id and catalog.get(message.id, message.context) is None:
            yield MessageGap(lang, _msgid(message), MessageProblem.UNTRANSLATED)


def _msgid(message: Message) -> str:
    return message.id[0] if isinstance(message.id, (tuple, list)) else message.id


def collect_status(archive: Archive, translations_dir: Path, languages: tuple[str, ...] = ("de", "ru"),
                   only_paths: Collection[str] | None = None) -> TranslationReport:
    """The whole report; the template catalog `messages.pot`, where present, names the strings every language needs.

    `only_paths` keeps the entries whose file is one of these paths (e.g. what a branch changed)."""
    languages = tuple(languages)
    pot = Path(translations_dir) / POT_NAME
    template = _read(pot, None) if pot.is_file() else None
    gaps = (gap for entry in _entries(archive) for gap in _entry_gaps(entry, languages)
            if only_paths is None or gap.path in only_paths)
    entries = tuple(sorted(gaps, key=lambda gap: (languages.index(gap.lang), gap.path)))
    messages = tuple(gap for lang in languages for gap in _message_gaps(Path(translations_dir), lang, template))
    return TranslationReport(tuple(languages), entries, messages)
