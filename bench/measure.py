"""Running one command and measuring it: wall time, CPU time and peak memory of its whole process tree.

Our build runs child processes (one per language) side by side, so the peak memory that matters is the sum over
the tree at one moment, not the largest single process: a sampler thread adds up the resident memory of the
command and all its descendants (Linux /proc) every few milliseconds. CPU time comes from
`getrusage(RUSAGE_CHILDREN)`, which counts every waited-for descendant.
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Run", "run_measured"]

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_INTERVAL = 0.02


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds of user + system time, all processes of the tree
    peak_rss: int | None  # bytes, the whole tree at its largest; None where /proc is unavailable
    returncode: int
    output: str


def _descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                children = Path(f"/proc/{current}/task/{task}/children").read_text()
                queue.extend(int(c) for c in children.split())
        except (FileNotFoundError, ProcessLookupError, PermissionError, ValueError):
            continue
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
    except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
        return 0


class _Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, sum(_rss(p) for p in _descendants(self.pid)))
            self.done.wait(_INTERVAL)


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 3600) -> Run:
    """Run `command` to the end and measure it; output is kept for error reports."""
    sampling = Path("/proc/self/statm").exists()
    cpu_before = _cpu_children()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    sampler = _Sampler(process.pid) if sampling else None
    if sampler:
        sampler.start()
    output, _ = process.communicate(timeout=timeout)
    wall = time.perf_counter() - start
    if sampler:
        sampler.done.set()
        sampler.join()
    return Run(wall, _cpu_children() - cpu_before, sampler.peak if sampler else None, process.returncode, output)
