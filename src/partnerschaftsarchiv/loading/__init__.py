"""Reading and checking the records under `data/`."""

from .loader import LANGUAGES, LoadResult, checked_date, load_archive, reserved_id
from .problems import ArchiveInvalid, Problem, Severity
from .snapshot import dump_snapshot, load_snapshot

__all__ = ["LANGUAGES", "LoadResult", "load_archive", "checked_date", "reserved_id", "ArchiveInvalid", "Problem", "Severity",
           "dump_snapshot", "load_snapshot"]
