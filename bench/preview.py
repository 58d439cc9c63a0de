"""Benchmark of the editor's preview loop: in a running `mkdocs serve`, edit a record's title (both languages),
and measure until the served German and Russian pages both show it.

    python bench/preview.py --sizes 17 500 --edits 5

17 means the real archive; any other size a synthetic archive (bench/synthetic.py). Per size: the median,
minimum and maximum of `--edits` edits, one after the other (each waits for the previous one to show, then for a
random part of the file watcher's half-second cycle), and the CPU time the server and its builds spent per edit.
The table, with machine, load and date, goes into `--out` between the `bench:preview` markers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from run import REPO, _machine, make_project
from conftest import make_project as copy_real_project

START, END = "<!-- bench:preview:start -->", "<!-- bench:preview:end -->"
REAL = 17
# A safety net for one edit on a loaded machine; the benchmark reports, it never asserts a speed.
PATIENCE = 600
# How often MkDocs' file watcher looks for changes (`LiveReloadServer`'s polling interval), seconds.
WATCHER_CYCLE = 0.5


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=PATIENCE) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def _wait_for(urls: list[str], text: list[str]) -> None:
    deadline = time.monotonic() + PATIENCE
    pending = dict(zip(urls, text))
    while pending:
        for url, expected in list(pending.items()):
            try:
                if expected in _get(url):
                    del pending[url]
            except (urllib.error.URLError, ConnectionError):
                pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"never shown: {pending}")
        if pending:
            time.sleep(0.02)


def _tree_cpu(pid: int) -> float:
    """User + system seconds of `pid` and every descendant alive or waited for (Linux /proc)."""
    total, ticks = 0.0, os.sysconf("SC_CLK_TCK")
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        # utime, stime, cutime, cstime: fields 14-17 of stat (here shifted by the two before ")").
        total += sum(int(value) for value in fields[11:15]) / ticks
        stack.extend(int(child) for child in children)
    return total


def _first_record(data: Path) -> Path:
    return sorted((data / "seminars").glob("*.yml"))[0]


def _retitle(record: Path, n: int) -> tuple[str, str]:
    """Give the record's German and Russian titles a new suffix; the two new titles."""
    text = record.read_text(encoding="utf-8")
    match = re.search(r"^title:\n  de: (.*)\n  ru: (.*)\n", text, re.MULTILINE)
    assert match, f"no title block in {record}"
    de, ru = (value.strip().strip('"').split(" [", 1)[0] for value in match.groups())
    de_new, ru_new = f"{de} [Bearbeitung {n}]", f"{ru} [правка {n}]"
    record.write_text(text[:match.start()] + f'title:\n  de: "{de_new}"\n  ru: "{ru_new}"\n' + text[match.end():],
                      encoding="utf-8")
    return de_new, ru_new


def measure(size: int, edits: int, engine: str, work: Path) -> dict[str, object]:
    project = work / f"size-{size}" / "project"
    if size == REAL:
        copy_real_project(project)
    else:
        make_project(project, size, 2017)
    record = _first_record(project / "data")
    key = f"seminars/{record.stem}.html"
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PARTNERSCHAFTSARCHIV_LANGUAGE", None)
    server = subprocess.Popen([sys.executable, "-m", engine, "serve", "--config-file", "mkdocs.yml", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    root = f"http://127.0.0.1:{port}/"
    urls = [root + f"de/{key}", root + f"ru/{key}"]
    try:
        _wait_for(urls, ['id="page-title"'] * 2)
        time.sleep(2)  # let the watcher settle after the first build
        times, cpu = [], []
        phase = random.Random(size)
        for n in range(1, edits + 1):
            before = _tree_cpu(server.pid)
            titles = _retitle(record, n)
            start = time.monotonic()
            _wait_for(urls, [f'id="page-title">{title}</h1>' for title in titles])
            times.append(time.monotonic() - start)
            time.sleep(1)  # the server's last steps after the page shows (search index, zip) belong to this edit
            cpu.append(_tree_cpu(server.pid) - before)
            # MkDocs' watcher looks for changes every half second: the next edit lands at a random point of that
            # cycle (seeded, so runs compare), not at one the benchmark's own rhythm would keep choosing.
            time.sleep(phase.uniform(0, WATCHER_CYCLE))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    return {"size": size, "edits": edits, "times": times, "cpu": cpu}


def _row(result: dict[str, object]) -> str:
    times, cpu = result["times"], result["cpu"]
    size = "real archive (17)" if result["size"] == REAL else f"{result['size']:,} synthetic"
    return (f"| {size} | {result['edits']} | {statistics.median(times):.2f} | {min(times):.2f}–{max(times):.2f} "
            f"| {statistics.median(cpu):.2f} |")


def report(results: list[dict[str, object]], engine: str, note: str) -> str:
    load = os.getloadavg()
    lines = [START, "",
             f"Preview loop, measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC with `{engine} serve`; "
             f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}.", ""]
    lines += _machine()
    if note:
        lines += ["", note]
    lines += ["", "| archive | edits | edit → both pages show it, median s | min–max s | CPU per edit, median s |",
              "| --- | ---: | ---: | ---: | ---: |"]
    lines += [_row(result) for result in results]
    lines += ["", END]
    return "\n".join(lines)


def write_report(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in text and END in text:
        text = text[:text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## Preview loop (`mkdocs serve`)\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[REAL, 500])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--engine", default="mkdocs", choices=["mkdocs", "properdocs"])
    parser.add_argument("--note", default="", help="a line on the conditions (e.g. other jobs on the machine)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="preview-bench-") as work:
        for size in args.sizes:
            result = measure(size, args.edits, args.engine, Path(work))
            print(_row(result), flush=True)
            results.append(result)
    write_report(args.out, report(results, args.engine, args.note))
    return 0


if __name__ == "__main__":
    sys.exit(main())
