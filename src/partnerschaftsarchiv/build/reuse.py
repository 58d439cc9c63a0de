"""The preview's memory of what it made of each page, so that a rebuild renders, lays out and indexes again only
the pages whose inputs changed.

Rendering a page's content in the core, laying it out in the theme (navigation, header, footer) and indexing it
for search are the largest parts of a language build, and an edit of one record changes a handful of pages. Each
step keys a page's output by a fingerprint of what it reads: the core by what the page shows
(`rendering.page_inputs`), the engine adapter by everything the layout reads (content, title, table of contents,
per-page context, neighbours). Where that fingerprint and the inputs every page shares are what they were in the
previous build, the previous output is used again. A page never goes stale: any difference in its inputs, or in
the shared ones (settings, layouts, hand-written pages, catalogs, navigation), makes it again. Only a process
that builds again and again (the preview's language worker) switches this on; a `build` makes every page.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Iterable, TypeVar

from ..project import Project
from ..rendering.fragments import FragmentCache
from ..rendering.pages import RenderedPage
from ..rendering.site import TEMPLATES_DIR

if TYPE_CHECKING:
    from .language import PageContext

__all__ = ["ReusedOutputs", "LaidOutPage", "FRAGMENTS", "LAYOUTS", "PAGE_CONTEXTS", "RENDERED_PAGES", "THEME_PARTS",
           "content_inputs", "fingerprint", "shared_inputs", "content_digest"]

Output = TypeVar("Output")


def content_digest(content: str | bytes) -> str:
    """One hash of a text or a file's bytes; it stands for a long text in a `fingerprint` (cheaper than quoting the
    text as JSON first)."""
    return hashlib.sha256(content.encode("utf-8") if isinstance(content, str) else content).hexdigest()


def fingerprint(*parts: object) -> str:
    """One hash of JSON-able parts (anything else by its `str`)."""
    return content_digest(json.dumps(parts, default=str, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _files(folder: Path) -> Iterable[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else ()


def _digest_files(digest: "hashlib._Hash", paths: Iterable[Path]) -> str:
    for path in paths:
        digest.update(str(path).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"")
        digest.update(b"\0")
    return digest.hexdigest()


def shared_inputs(project: Project, lang: str, config_file: Path, overrides: Path | None, *extra: object) -> str:
    """What every page of a language shares, by content: the settings file, the theme overrides and layouts, the
    hand-written pages (their titles appear in the navigation and beside other pages), the catalogs; `extra` adds
    what the adapter knows (the navigation, the site's address)."""
    folders = [project.docs_dir / lang, project.layouts_dir, project.translations_dir]
    if overrides is not None:
        folders.append(overrides)
    digest = hashlib.sha256(fingerprint(lang, *extra).encode("ascii"))
    return _digest_files(digest, [config_file, *(file for folder in folders for file in _files(folder))])


def content_inputs(project: Project, lang: str, *extra: object) -> str:
    """What the content of every generated page of a language shares: the layouts (the project's and the packaged
    ones, which the preview reads anew on each build), the catalogs; `extra` adds the languages, the site's
    address and the citations' access date."""
    folders = [project.layouts_dir, TEMPLATES_DIR, project.translations_dir]
    digest = hashlib.sha256(fingerprint(lang, *extra).encode("ascii"))
    return _digest_files(digest, [file for folder in folders for file in _files(folder)])


class ReusedOutputs(Generic[Output]):
    """Page → (fingerprint, what a step made of it) in the previous build of this process. Switched off (the
    default), it neither answers nor remembers anything."""

    def __init__(self) -> None:
        self.enabled = False
        self._shared: str | None = None
        self._outputs: dict[str, tuple[str, Output]] = {}
        self._kept: dict[str, tuple[str, Output]] = {}
        self.reused: set[str] = set()  # the pages of the current build that were reused

    def begin(self, shared: str) -> None:
        """A new build: outputs of pages it does not make again are dropped at its end; all of them when the shared
        inputs changed."""
        if not self.enabled:
            return
        if shared != self._shared:
            self._outputs = {}
        self._shared = shared
        self._kept = {}
        self.reused = set()

    def reusable(self, page: str, page_fingerprint: str) -> Output | None:
        kept = self._outputs.get(page) if self.enabled else None
        if kept is None or kept[0] != page_fingerprint:
            return None
        self._kept[page] = kept
        self.reused.add(page)
        return kept[1]

    def keep(self, page: str, page_fingerprint: str, output: Output) -> None:
        if self.enabled:
            self._kept[page] = (page_fingerprint, output)

    def end(self) -> None:
        """The build succeeded: what it laid out or reused is the memory for the next one."""
        if self.enabled:
            self._outputs, self._kept = self._kept, {}

    def forget(self) -> None:
        """The build failed: the next one starts from nothing."""
        self._outputs, self._kept, self._shared, self.reused = {}, {}, None, set()


@dataclass(frozen=True)
class LaidOutPage:
    """What the engine made of a page: the file's HTML as written (layout and every change after it), its
    `content_digest`, and the page's entries in the search index. Kept together, so that a page whose layout is
    reused never lacks its entries."""

    output: str
    digest: str
    search_entries: tuple[dict, ...]


# One each per process: the preview's language worker switches them on and keeps them between its builds.
RENDERED_PAGES: ReusedOutputs[RenderedPage] = ReusedOutputs()  # the core's pages, before any engine lays them out
FRAGMENTS = FragmentCache()  # the parts of those pages that show one record (timeline entries, list items)
# What their layout needs beyond the content (JSON-LD, alternates).
PAGE_CONTEXTS: ReusedOutputs["PageContext"] = ReusedOutputs()
LAYOUTS: ReusedOutputs[LaidOutPage] = ReusedOutputs()  # the engine's pages
# Parts of the engine's layout that many pages of one build show alike (a folder's sidebars, its settings script),
# rendered once per build; emptied when a build begins.
THEME_PARTS = FragmentCache()
