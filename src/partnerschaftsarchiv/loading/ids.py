"""What an id looks like: the file name of a record or registry entry, and every reference to one."""

from __future__ import annotations

__all__ = ["is_id"]

_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def is_id(text: str) -> bool:
    """Lower-case ASCII letters and digits joined by single hyphens (`2017-06-moskau`)."""
    return bool(text) and set(text) <= _ID_CHARS and not text.startswith("-") and "--" not in text and not text.endswith("-")
