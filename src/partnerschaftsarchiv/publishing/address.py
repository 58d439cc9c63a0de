"""Where the hosted site lives, and links between language versions that work hosted and from disk."""

from __future__ import annotations

import posixpath
import urllib.parse
from dataclasses import dataclass

__all__ = ["SiteAddress"]


@dataclass(frozen=True)
class SiteAddress:
    """The site's root URL (`https://…/`), or "" for a build that is only read from disk.

    Each language lives below the root (`<root>de/`); a page is named by its language and its key.
    """

    root: str = ""

    def __post_init__(self) -> None:
        if self.root and not self.root.endswith("/"):
            object.__setattr__(self, "root", self.root + "/")

    @property
    def hosted(self) -> bool:
        return bool(self.root)

    @property
    def path(self) -> str:
        """The path of the root on its host: "/" for a site at the host's root, "/archiv/" below a sub-path."""
        return urllib.parse.urlsplit(self.root).path or "/"

    def absolute(self, path: str) -> str:
        """The full URL of a path below the root ("" when the site has no address)."""
        return self.root + path if self.hosted else ""

    def page(self, lang: str, key: str) -> str:
        return self.absolute(f"{lang}/{key}.html")

    def link(self, from_lang: str, from_key: str, to_lang: str, to_key: str) -> str:
        """A link from one page to another: absolute when hosted, else relative (it then works from disk)."""
        if self.hosted:
            return self.page(to_lang, to_key)
        start = posixpath.dirname(f"{from_lang}/{from_key}") or "."
        return posixpath.relpath(f"{to_lang}/{to_key}.html", start)
