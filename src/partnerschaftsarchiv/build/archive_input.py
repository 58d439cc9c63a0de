"""The validated archive a build works from: read and checked from `data/`, or handed over by the parent build."""

from __future__ import annotations

from typing import BinaryIO

from ..loading import ArchiveInvalid, LoadResult, load_archive, load_snapshot
from ..project import Project

__all__ = ["BuildFailed", "load_for_build"]


class BuildFailed(Exception):
    """A build cannot go on; the message is for the person who ran it (no traceback)."""


def load_for_build(project: Project, snapshot: BinaryIO | None = None) -> LoadResult:
    """Validate `data/`, or read the archive the parent build validated from `snapshot` (a language build)."""
    try:
        if snapshot is not None:
            return load_snapshot(snapshot.read(), project.data_dir)
        return load_archive(project.data_dir, project.root)
    except ArchiveInvalid as invalid:
        raise BuildFailed(invalid.report()) from None
    except ValueError as error:
        raise BuildFailed(str(error)) from None
