"""Reading and checking the records under `data/`."""

from .loader import LANGUAGES, LoadResult, load_archive
from .problems import ArchiveInvalid, Problem, Severity
from .snapshot import read_snapshot, write_snapshot

__all__ = ["LANGUAGES", "LoadResult", "load_archive", "ArchiveInvalid", "Problem", "Severity",
           "read_snapshot", "write_snapshot"]
