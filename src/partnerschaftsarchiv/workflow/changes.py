"""What a branch changed against the main branch, from git: so `status --changed` shows a reviewer only the work
of this branch, not the whole archive's backlog."""

from __future__ import annotations

import subprocess
from pathlib import Path

__all__ = ["ChangesUnknown", "changed_paths"]


class ChangesUnknown(RuntimeError):
    """No git, not a repository, or no such base branch."""


def _git(root: Path, *args: str) -> list[str]:
    try:
        run = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except OSError as error:
        raise ChangesUnknown(f"git is not available: {error}") from None
    if run.returncode != 0:
        raise ChangesUnknown(run.stderr.strip() or f"git {' '.join(args)} failed")
    return [line for line in run.stdout.splitlines() if line]


def changed_paths(root: Path, base: str = "main") -> set[str]:
    """Paths (relative to `root`, with /) changed since the branch left `base`: commits, edits not yet committed,
    and new files git does not ignore."""
    fork = _git(root, "merge-base", base, "HEAD")[0]
    changed = _git(root, "diff", "--name-only", "--relative", fork, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    return set(changed) | set(untracked)
