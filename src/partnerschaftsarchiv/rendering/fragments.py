"""Rendered fragments kept for reuse within one language.

A record's timeline entry appears on the timeline and on the page of its year, of each of its topics,
organizations and people, and of its place. Links are relative, so the entry is rendered once per page depth
and reused; only the role (on organization and person pages) is rendered per page.
"""

from __future__ import annotations

from typing import Hashable, TypeVar

__all__ = ["FragmentCache"]

Fragment = TypeVar("Fragment")


class FragmentCache:
    """`get` what was kept under a key, or `keep` a fragment and return it (for `get(k) or keep(k, ...)`)."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, object] = {}

    def get(self, key: Hashable) -> object | None:
        return self._kept.get(key)

    def keep(self, key: Hashable, fragment: Fragment) -> Fragment:
        self._kept[key] = fragment
        return fragment
