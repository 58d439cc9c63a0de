"""Reading and checking the records under `data/`."""

from .loader import LANGUAGES, LoadResult, load_archive
from .problems import ArchiveInvalid, Problem, Severity
from .snapshot import dump_snapshot, load_snapshot

__all__ = ["LANGUAGES", "LoadResult", "load_archive", "ArchiveInvalid", "Problem", "Severity",
           "dump_snapshot", "load_snapshot"]
