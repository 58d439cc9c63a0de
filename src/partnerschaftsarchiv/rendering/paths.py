"""Page keys become file paths under the site folder, so a key that could point anywhere else is refused.

The loader already allows only pattern-checked ids; this is the second line of defence where paths are made, so no
record, template or future change can write outside the site folder (`../`, absolute paths, backslashes, dots).
"""

from __future__ import annotations

import re

__all__ = ["UnsafePagePath", "checked_key"]

_SEGMENT = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_KEY = re.compile(rf"{_SEGMENT}(?:/{_SEGMENT})*")


class UnsafePagePath(ValueError):
    """A page key that is not a plain relative path of lower-case ASCII segments."""


def checked_key(key: str) -> str:
    """`key` unchanged if it can only name a file inside the site folder; raises `UnsafePagePath` otherwise."""
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise UnsafePagePath(f"refusing to write the page {key!r}: page paths are lower-case ASCII words, digits, "
                             "hyphens and '/' between them, so they stay inside the site folder")
    return key
