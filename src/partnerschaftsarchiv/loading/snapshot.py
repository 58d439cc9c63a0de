"""A validated archive handed to another process, so one build reads and validates `data/` once.

The root build validates every record, then runs one build per language in child processes. Reading and validating
again in each child cost as much as the validation itself; the children get the validated archive as a snapshot
instead. A snapshot is written by the build into a private temporary file and read only by its own child
processes (never from `data/`, a pull request or the network), so pickle, the fastest copy of the model, is safe.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from .loader import LoadResult

__all__ = ["write_snapshot", "read_snapshot"]

_MAGIC = "partnerschaftsarchiv-snapshot-1"


def write_snapshot(result: LoadResult, data_dir: Path) -> Path:
    """Write `result` (loaded from `data_dir`) to a new private temporary file; the caller removes it."""
    handle, name = tempfile.mkstemp(prefix="archive-", suffix=".snapshot")
    with os.fdopen(handle, "wb") as file:
        pickle.dump((_MAGIC, str(Path(data_dir).resolve()), result), file, protocol=pickle.HIGHEST_PROTOCOL)
    return Path(name)


def read_snapshot(path: Path, data_dir: Path) -> LoadResult:
    """The archive a parent build validated; refuses a snapshot of another data folder or another version."""
    with Path(path).open("rb") as file:
        magic, source, result = pickle.load(file)
    if magic != _MAGIC or source != str(Path(data_dir).resolve()) or not isinstance(result, LoadResult):
        raise ValueError(f"{path} is not a snapshot of {data_dir}")
    return result
