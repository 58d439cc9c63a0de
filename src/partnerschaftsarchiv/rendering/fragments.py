"""Rendered fragments kept for reuse within one language.

A record's timeline entry appears on the timeline and on the page of its year, of each of its topics,
organizations and people, and of its place; its list item on its section page, the sources' page and the home
page. Links are relative, so a fragment is rendered once per page depth and reused; only the role (on organization
and person pages) is rendered per page.

The preview keeps one cache from build to build (`next_build`): a key then also names the record's version, the
digest of everything its fragments show (`PageInputs.reached`), so an edited record, or one whose topic was
renamed, is rendered again. Within one build every record has one version, so a build alone needs none.
"""

from __future__ import annotations

from typing import Callable, Hashable, TypeVar

from ..structure import Record

__all__ = ["FragmentCache"]

Fragment = TypeVar("Fragment")


def _one_version(record: Record) -> str:
    return ""


class FragmentCache:
    """`get` what was kept under a key, or `keep` a fragment and return it (for `get(k) or keep(k, ...)`)."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, object] = {}
        self._used: set[Hashable] = set()
        self._shared: str | None = None
        self.version: Callable[[Record], str] = _one_version

    def get(self, key: Hashable) -> object | None:
        fragment = self._kept.get(key)
        if fragment is not None:
            self._used.add(key)
        return fragment

    def keep(self, key: Hashable, fragment: Fragment) -> Fragment:
        self._kept[key] = fragment
        self._used.add(key)
        return fragment

    def next_build(self, shared: str, version: Callable[[Record], str]) -> None:
        """The preview's next build, whose pages share `shared` (layouts, catalogs, address): keep what the last
        build used if that was the same, and name each record by `version`."""
        if shared != self._shared:
            self._kept = {}
        self._kept = {key: self._kept[key] for key in self._used if key in self._kept}
        self._used, self._shared, self.version = set(), shared, version

    def forget(self) -> None:
        self._kept, self._used, self._shared = {}, set(), None
