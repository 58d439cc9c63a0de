"""What a generated page shows, as one digest: the preview renders again only the pages whose digest changed.

A page's content depends on the entries it shows and on everything those entries name, directly or not (a record
page names its place, the place names the place it lies within; a source names its publisher). So an entry is
digested together with every registry entry it reaches through its references; a page is the digest of what it
lists, in the order it lists it. The digest errs on the safe side: an entry is digested whole (its `repr`), not
only the fields a template prints, and the pages that sum up the whole archive (home, timeline, status) take the
digest of every entry. What all pages share (layouts, catalogs, the site's address) is the caller's part.
"""

from __future__ import annotations

import hashlib
from typing import Iterable, Iterator

from ..structure import Archive, Entry, Organization, Person, Place, Record, RegistryEntry, RegistryKind, Source

__all__ = ["PageInputs", "EVERYTHING"]

# What a page that sums up the whole archive shows.
EVERYTHING = object()


def references(archive: Archive, entry: Entry) -> Iterator[RegistryEntry]:
    """The registry entries `entry` names itself (never records: a page lists those it shows)."""
    named: list[tuple[RegistryKind, str | None]] = [(RegistryKind.SOURCE, c.source) for c in entry.sources]
    if isinstance(entry, Record):
        named += [(RegistryKind.TOPIC, topic) for topic in entry.topics]
        named += [(RegistryKind.ORGANIZATION, p.id) for p in entry.organizations]
        named += [(RegistryKind.PERSON, p.id) for p in entry.people]
        named += [(RegistryKind.PLACE, entry.place)] + [(RegistryKind.PLACE, m.id) for m in entry.places]
    elif isinstance(entry, Organization):
        named.append((RegistryKind.PLACE, entry.place))
    elif isinstance(entry, Person):
        named += [(RegistryKind.ORGANIZATION, org) for org in entry.organizations]
    elif isinstance(entry, Place):
        named.append((RegistryKind.PLACE, entry.within))
    elif isinstance(entry, Source):
        named.append((RegistryKind.ORGANIZATION, entry.publisher))
    for kind, entry_id in named:
        found = archive.registry(kind).get(entry_id) if entry_id else None
        if found is not None:
            yield found


class PageInputs:
    """Digests of one archive's entries and pages; each entry is digested once per archive."""

    def __init__(self, archive: Archive):
        self.archive = archive
        self._own: dict[int, str] = {}
        self._reached: dict[int, str] = {}
        self._everything: str | None = None

    def own(self, entry: Entry) -> str:
        """The entry alone, every field of it."""
        digest = self._own.get(id(entry))
        if digest is None:
            digest = self._own[id(entry)] = hashlib.sha256(repr(entry).encode("utf-8")).hexdigest()
        return digest

    def reached(self, entry: Entry) -> str:
        """The entry and every registry entry it reaches through references (references never loop: the loader
        refuses loops of places, and a walk stops at an entry it has seen)."""
        digest = self._reached.get(id(entry))
        if digest is None:
            seen: dict[int, Entry] = {id(entry): entry}
            waiting = [entry]
            while waiting:
                for named in references(self.archive, waiting.pop()):
                    if id(named) not in seen:
                        seen[id(named)] = named
                        waiting.append(named)
            parts = sorted(self.own(found) for key, found in seen.items() if key != id(entry))
            digest = self._reached[id(entry)] = _hash([self.own(entry), *parts])
        return digest

    def everything(self) -> str:
        """Every entry of the archive, in the archive's order (the order of its files)."""
        if self._everything is None:
            entries: list[Entry] = list(self.archive.records.values())
            entries += [entry for kind in RegistryKind for entry in self.archive.registry(kind).values()]
            self._everything = _hash(self.own(entry) for entry in entries)
        return self._everything

    def page(self, key: str, shows: object) -> str:
        """The digest of page `key` that shows `shows`: entries, `EVERYTHING`, plain values and nestings of them."""
        return _hash([key, *self._parts(shows)])

    def _parts(self, shown: object) -> Iterator[str]:
        if shown is EVERYTHING:
            yield self.everything()
        elif isinstance(shown, Entry):
            yield self.reached(shown)
        elif isinstance(shown, (list, tuple)):
            yield "("
            for item in shown:
                yield from self._parts(item)
            yield ")"
        else:
            yield repr(shown)


def _hash(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()
