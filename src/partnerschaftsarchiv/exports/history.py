"""When each record file last changed: the time of the last git commit that touched it.

One `git log` over the data folder gives every file at once. Outside a git checkout (a copy, a zip of the sources)
or without git, nothing is known and the caller uses the build's time.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

__all__ = ["last_changes"]

_MARK = "\x00"  # starts the line with a commit's time (git writes it for %x00); the file names follow it


def last_changes(repo_root: Path, folder: str = "data") -> dict[str, dt.datetime]:
    """Path (relative to `repo_root`, with `/`) → time of the newest commit that changed it, in UTC."""
    try:
        run = subprocess.run(["git", "-C", str(repo_root), "log", "--format=%x00%ct", "--name-only",
                              "--no-renames", "--relative", "--", folder], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    if run.returncode != 0:
        return {}
    changes: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in run.stdout.splitlines():
        if line.startswith(_MARK):
            when = dt.datetime.fromtimestamp(int(line[1:]), dt.timezone.utc)
        elif line and when is not None:
            changes.setdefault(line, when)  # newest first: the first time seen is the last change
    return changes
