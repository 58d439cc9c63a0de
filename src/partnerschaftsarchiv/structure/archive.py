"""The whole validated archive: every record and registry entry, with the look-ups pages need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

from .entries import Organization, Person, Place, Record, RegistryEntry, Source, Topic
from .kinds import RecordKind, RegistryKind, RelationType

__all__ = ["Archive", "LinkedRecord"]


@dataclass(frozen=True)
class LinkedRecord:
    """A record seen from another one: `outgoing` when this record names the other in `relations`."""

    type: RelationType
    outgoing: bool
    record: Record


@dataclass
class Archive:
    records: Mapping[str, Record]
    topics: Mapping[str, Topic]
    organizations: Mapping[str, Organization]
    people: Mapping[str, Person]
    places: Mapping[str, Place]
    sources: Mapping[str, Source]
    _naming: dict[tuple[RegistryKind, str], list[Record]] = field(init=False, repr=False)
    _incoming: dict[str, list[LinkedRecord]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Reverse indexes, built once: every registry page and record page asks them.
        self._naming = defaultdict(list)
        self._incoming = defaultdict(list)
        for record in self.chronological():
            for kind, ids in self._names_in(record):
                for entry_id in dict.fromkeys(ids):
                    self._naming[kind, entry_id].append(record)
            for relation in record.relations:
                self._incoming[relation.record].append(LinkedRecord(relation.type, False, record))

    @staticmethod
    def _names_in(record: Record) -> Iterator[tuple[RegistryKind, Iterable[str]]]:
        yield RegistryKind.TOPIC, record.topics
        yield RegistryKind.ORGANIZATION, (p.id for p in record.organizations)
        yield RegistryKind.PERSON, (p.id for p in record.people)
        # The venue and every place of `places` (visited ones too), each once.
        yield RegistryKind.PLACE, [record.place] * bool(record.place) + [mention.id for mention in record.places]
        yield RegistryKind.SOURCE, (c.source for c in record.sources)

    def registry(self, kind: RegistryKind) -> Mapping[str, RegistryEntry]:
        return {
            RegistryKind.TOPIC: self.topics,
            RegistryKind.ORGANIZATION: self.organizations,
            RegistryKind.PERSON: self.people,
            RegistryKind.PLACE: self.places,
            RegistryKind.SOURCE: self.sources,
        }[kind]

    def chronological(self, kind: RecordKind | None = None) -> list[Record]:
        """Records in date order (see `EdtfDate.sort_key`), ties broken by id for a stable order."""
        chosen = (r for r in self.records.values() if kind is None or r.kind is kind)
        return sorted(chosen, key=lambda r: (r.date.sort_key, r.id))

    def records_naming(self, kind: RegistryKind, entry_id: str) -> list[Record]:
        """Records that name a registry entry, in date order."""
        return list(self._naming.get((kind, entry_id), ()))

    def entries_citing(self, source_id: str) -> list[RegistryEntry]:
        """Registry entries (a topic, a person …) that cite a source, by kind and id."""
        entries = (entry for kind in RegistryKind for entry in self.registry(kind).values())
        return [entry for entry in entries if any(c.source == source_id for c in entry.sources)]

    def linked(self, record: Record) -> list[LinkedRecord]:
        """Related records from both ends of each relation."""
        outgoing = [LinkedRecord(r.type, True, self.records[r.record]) for r in record.relations]
        return outgoing + self._incoming.get(record.id, [])
