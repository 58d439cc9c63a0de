"""The preview's language folders kept on disk between rebuilds, so that a rebuild writes again only the pages,
exports and citation files whose bytes changed.

An engine's build empties its output folder and writes every file anew: at 500 records some 2,000 of a language's
3,300 files are open-data and citation files that one edit leaves as they were, and creating them again is most
of a rebuild's disk time. So in the preview the root moves each language folder aside under a hidden name before
its own build empties the site (engines keep hidden entries, as they keep `.git`), and the language worker puts
it back once its build has emptied its own folder. The worker then hands the engine an unchanged file as one that
is already in place (a page as one not to build again), and writes the others; the engine's own files (theme
assets, hand-written pages) it takes out, so that the engine writes them as in any build.

Nothing stale is served: a file counts as unchanged only if its bytes are those the previous build wrote and it
is on disk as that build left it (same inode, size, modification and change time); after the build, every file that was put
back and neither written again nor kept on purpose (a deleted record's page, a renamed export) is removed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .reuse import content_digest

__all__ = ["KEPT_FILES", "KeptFiles", "stash_language_folders"]

_STASH = ".partnerschaftsarchiv-kept-"


def _stash(language_folder: Path) -> Path:
    return language_folder.with_name(_STASH + language_folder.name)


def stash_language_folders(site_dir: Path, languages: tuple[str, ...]) -> None:
    """Root of the preview, before its build empties `site_dir`: move each language folder aside. A stash left
    by a build that never got to its languages (the records did not validate) stays until a new folder replaces
    it."""
    for lang in languages:
        folder, stash = site_dir / lang, _stash(site_dir / lang)
        if not folder.is_dir():
            continue
        if stash.exists():
            shutil.rmtree(stash)
        folder.rename(stash)


def _stat(path: Path) -> tuple[int, ...] | None:
    """What any write or replacement of a file changes (the change time cannot be set back by hand)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns


class KeptFiles:
    """A language worker's memory of the files it wrote: path below its folder → (digest, file status). Switched
    off (the default), it keeps nothing and every file is written."""

    def __init__(self) -> None:
        self.enabled = False
        self._written: dict[str, tuple[str, tuple[int, ...]]] = {}
        self._restored: dict[str, tuple[int, ...]] = {}
        self._offered: dict[str, str] = {}  # path → digest of each file the current build makes
        self._folder = Path()
        self.kept: set[str] = set()  # the files of the current build left in place

    def restore(self, folder: Path) -> None:
        """After the engine emptied `folder`: put the stashed one back, and note what it holds."""
        self._restored, self._offered, self.kept, self._folder = {}, {}, set(), folder
        stash = _stash(folder)
        if not self.enabled or not stash.is_dir():
            self._written = {}
            return
        if folder.exists():
            try:
                folder.rmdir()  # the engine may have made it again, empty
            except OSError:  # something was written into it already: start afresh
                shutil.rmtree(stash)
                self._written = {}
                return
        stash.rename(folder)
        for directory, _, names in os.walk(folder):
            for name in names:
                path = Path(directory, name)
                status = _stat(path)
                if status is not None:
                    self._restored[path.relative_to(folder).as_posix()] = status

    def unchanged(self, path: str, content: str | bytes) -> bool:
        """Whether the file at `path` (below the language folder) is on disk with exactly `content`; if so it is
        kept and the engine should leave it in place. Every file the build makes other than pages passes here, so
        that `finish` remembers it."""
        return self.in_place(path, content_digest(content))

    def in_place(self, path: str, digest: str) -> bool:
        """`unchanged` for a content known by its `content_digest` (a page the previous build laid out)."""
        if not self.enabled:
            return False
        self._offered[path] = digest
        if self._written.get(path) != (digest, self._restored.get(path)):
            return False
        self.kept.add(path)
        return True

    def written(self, path: str, digest: str) -> None:
        """The engine writes the file at `path` in this build, with content of `digest` (a page it lays out)."""
        if self.enabled:
            self._offered[path] = digest

    def discard(self, path: str) -> None:
        """Take out the file put back at `path`, so that the engine makes it anew (a file the engine copies or
        renders itself, and would leave alone in a build that keeps the folder)."""
        if self._restored.pop(path, None) is not None:
            (self._folder / path).unlink(missing_ok=True)

    def finish(self, folder: Path) -> None:
        """After a build that succeeded: remove what was put back and neither written nor kept, and remember the
        files it made as now written."""
        if not self.enabled:
            return
        emptied: set[Path] = set()
        for path, before in self._restored.items():
            if path in self.kept or _stat(folder / path) != before:
                continue
            (folder / path).unlink(missing_ok=True)
            emptied.add((folder / path).parent)
        for directory in emptied:  # in any order: each removal goes on up through the folders it empties
            while directory != folder and directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
                directory = directory.parent
        self._written = {}
        for path, digest in self._offered.items():
            status = _stat(folder / path)
            if status is not None:
                self._written[path] = (digest, status)
        self._restored, self._offered = {}, {}

    def forget(self) -> None:
        """A build failed: write everything next time."""
        self._written, self._restored, self._offered, self.kept = {}, {}, {}, set()


# One per process: the preview's language worker switches it on and keeps it between its builds.
KEPT_FILES = KeptFiles()
