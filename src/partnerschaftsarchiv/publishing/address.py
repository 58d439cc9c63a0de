"""Where the hosted site lives, and links between language versions that work hosted and from disk."""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from dataclasses import dataclass

__all__ = ["SiteAddress", "AddressInvalid", "checked_web_address", "checked_edit_path", "relative_path"]

# Addresses from the environment land in attributes, robots.txt, sitemaps and the 404 page: only characters that
# mean the same everywhere, unescaped (no quotes, angle brackets, ampersands, spaces or line breaks).
_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%/-]*)?")
_EDIT_PATH = re.compile(r"[A-Za-z0-9._~%-]+(?:/[A-Za-z0-9._~%-]+)*/?")


class AddressInvalid(ValueError):
    """An address from the configuration that the site cannot use; the message names the setting."""


def _shown(value: str) -> str:
    return repr(value if len(value) <= 80 else value[:79] + "…")


def checked_web_address(setting: str, value: str) -> str:
    """`value` if it is a plain http(s) address (`https://host[:port]/path/`); else `AddressInvalid`."""
    if not _WEB_ADDRESS.fullmatch(value):
        raise AddressInvalid(f"{setting}: {_shown(value)} is not a plain web address: write it as "
                             "https://host/path/ with letters, digits and . _ ~ % - / only (no spaces, quotes, "
                             "<, >, &, ?, # or line breaks)")
    return value


def checked_edit_path(setting: str, value: str) -> str:
    """A path inside the repository's web address, such as `edit/main/`; else `AddressInvalid`."""
    if not _EDIT_PATH.fullmatch(value) or ".." in value.split("/"):
        raise AddressInvalid(f"{setting}: {_shown(value)} is not a plain path such as edit/main/: letters, "
                             "digits and . _ ~ % - / only")
    return value


@dataclass(frozen=True)
class SiteAddress:
    """The site's root URL (`https://…/`), or "" for a build that is only read from disk.

    Each language lives below the root (`<root>de/`); a page is named by its language and its key.
    """

    root: str = ""

    def __post_init__(self) -> None:
        if self.root:
            checked_web_address("site address (PARTNERSCHAFTSARCHIV_SITE_URL)", self.root)
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
        return relative_path(f"{to_lang}/{to_key}.html", posixpath.dirname(f"{from_lang}/{from_key}"))


def relative_path(target: str, start: str) -> str:
    """The path of `target` from the folder `start`, both below one root and without `.`, `..` or empty parts (as
    page keys are): what `posixpath.relpath` gives, without asking for the working folder on every call, which is
    most of its time when every page links dozens of others."""
    target_parts, start_parts = target.split("/"), start.split("/") if start else []
    common = 0
    for target_part, start_part in zip(target_parts, start_parts):
        if target_part != start_part:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:]) or "."
