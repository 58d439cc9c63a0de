"""Records and registry entries as plain data, after validation; nothing here knows how they are rendered."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from .dates import EdtfDate
from .kinds import EventStatus, PlaceRole, RecordKind, RegistryKind, RelationType, Role
from .text import LocalizedText, Translation

__all__ = [
    "Entry", "Record", "RegistryEntry", "Topic", "Organization", "Person", "Place", "Source",
    "Participation", "PlaceMention", "Relation", "Citation",
]


@dataclass(frozen=True)
class Entry:
    """Anything with a stable id, a file it came from and translated text."""

    id: str
    path: Path
    translation: Translation


@dataclass(frozen=True)
class Citation:
    """A record's reference to the document that states its facts."""

    source: str
    note: LocalizedText | None = None


@dataclass(frozen=True)
class Participation:
    """An organization or a person in a record, with the role they had there."""

    id: str
    role: Role
    function: LocalizedText | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A place in a record, with what it was there."""

    id: str
    role: PlaceRole


@dataclass(frozen=True)
class Relation:
    type: RelationType
    record: str


@dataclass(frozen=True)
class Record(Entry):
    kind: RecordKind
    title: LocalizedText
    summary: LocalizedText
    date: EdtfDate
    body: LocalizedText | None = None
    status: EventStatus | None = None
    number: int | None = None
    place: str | None = None
    topics: tuple[str, ...] = ()
    organizations: tuple[Participation, ...] = ()
    people: tuple[Participation, ...] = ()
    relations: tuple[Relation, ...] = ()
    sources: tuple[Citation, ...] = ()
    # Every place with its role, the venue `place` first; `place` stays the one venue pages show in the facts.
    places: tuple[PlaceMention, ...] = ()

    @property
    def key(self) -> str:
        """The page key shared by all languages: the stable path without extension."""
        return f"{self.kind.folder}/{self.id}"

    def places_as(self, role: PlaceRole) -> tuple[str, ...]:
        return tuple(mention.id for mention in self.places if mention.role is role)


@dataclass(frozen=True)
class RegistryEntry(Entry):
    registry: ClassVar[RegistryKind]
    name: LocalizedText
    description: LocalizedText | None = None
    sources: tuple[Citation, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.registry.folder}/{self.id}"


@dataclass(frozen=True)
class Topic(RegistryEntry):
    registry: ClassVar[RegistryKind] = RegistryKind.TOPIC


@dataclass(frozen=True)
class Organization(RegistryEntry):
    registry: ClassVar[RegistryKind] = RegistryKind.ORGANIZATION
    short_name: LocalizedText | None = None
    type: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class Person(RegistryEntry):
    registry: ClassVar[RegistryKind] = RegistryKind.PERSON
    organizations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place(RegistryEntry):
    registry: ClassVar[RegistryKind] = RegistryKind.PLACE
    within: str | None = None


@dataclass(frozen=True)
class Source(RegistryEntry):
    """A document; `name` is its title as published, in its own language.

    `translated_title` holds the published title in its own language plus our translations of it, so that the
    translation status treats it like any other text; pages show a translation beside the original, never instead.
    """

    registry: ClassVar[RegistryKind] = RegistryKind.SOURCE
    language: str = "de"
    translated_title: LocalizedText | None = None
    date: EdtfDate | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
