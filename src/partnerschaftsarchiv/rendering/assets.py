"""Static files the generator ships with its pages: a small script and style sheet, read from the package.

Publishers copy them into each language's site under `ASSETS.prefix` (the MkDocs hook adds them as generated
files plus `extra_javascript` / `extra_css`).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

__all__ = ["Assets", "ASSETS"]


@dataclass(frozen=True)
class Assets:
    prefix: str
    scripts: tuple[str, ...]
    styles: tuple[str, ...]

    def path(self, name: str) -> str:
        """Where a file lives in the built site, relative to the language's root."""
        return f"{self.prefix}/{name}"

    def texts(self) -> dict[str, str]:
        folder = files("partnerschaftsarchiv.rendering") / "assets"
        return {self.path(name): (folder / name).read_text(encoding="utf-8") for name in (*self.scripts, *self.styles)}


ASSETS = Assets(prefix="assets/archive", scripts=("timeline-filter.js", "citation-copy.js"),
                styles=("archive-browse.css", "citation.css"))
