"""A validated archive handed to another process, so one build reads and validates `data/` once.

The root build validates every record, then runs one build per language in child processes. Reading and validating
again in each child cost as much as the validation itself; the children get the validated archive as a snapshot
instead, through a pipe from their parent. A snapshot is only ever made by the build and read by its own child
processes (never from `data/`, a pull request, a file or the network), so pickle, the fastest copy of the model,
is safe there.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from .loader import LoadResult

__all__ = ["dump_snapshot", "load_snapshot"]

_MAGIC = "partnerschaftsarchiv-snapshot-1"


def dump_snapshot(result: LoadResult, data_dir: Path) -> bytes:
    """`result`, loaded from `data_dir`, as bytes for a child process."""
    return pickle.dumps((_MAGIC, str(Path(data_dir).resolve()), result), protocol=pickle.HIGHEST_PROTOCOL)


def load_snapshot(data: bytes, data_dir: Path) -> LoadResult:
    """The archive the parent build validated; refuses a snapshot of another data folder or another version."""
    try:
        magic, source, result = pickle.loads(data)
    except Exception as error:  # noqa: BLE001  (an empty or cut-off pipe: the parent failed)
        raise ValueError(f"no valid snapshot of {data_dir} was handed over ({error})") from None
    if magic != _MAGIC or source != str(Path(data_dir).resolve()) or not isinstance(result, LoadResult):
        raise ValueError(f"this is not a snapshot of {data_dir}")
    return result
