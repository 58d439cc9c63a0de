"""Mutation testing of the core: how many small, real bugs do the fast tests catch?

Not part of the suite (it takes tens of minutes). Run it in the project's environment with the `mutation` extra:

    pip install -c constraints.txt -e '.[mutation]'
    python tests/mutation.py            # mutate, test, write tests/MUTATION.md
    python tests/mutation.py --report   # only rewrite tests/MUTATION.md from the last run
    python tests/mutation.py --only 'partnerschaftsarchiv.exports.*'   # test again one package's mutants

mutmut (configured under [tool.mutmut] in pyproject.toml) changes the core one operator, constant or string at a
time and runs the fast tests (in-process, no browser, no site build) against each change. A change the tests do not
notice "survives". Survivors that cannot change behaviour are listed, with the reason, in
tests/mutation_equivalent.txt and left out of the score.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MUTANTS = REPO / "mutants"
REPORT = REPO / "tests" / "MUTATION.md"
EQUIVALENT = REPO / "tests" / "mutation_equivalent.txt"
TARGET = 0.90
# Survivors per module shown with their change (`mutmut show` takes a second each); the rest are named.
SHOWN = 8

# mutmut's exit codes of a mutant's test run (mutmut/stats.py); a timeout counts as caught, as mutmut counts it
# (-9: killed by mutmut after its time limit, e.g. a loop made endless).
_STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout",
           37: "killed", 24: "timeout", -24: "timeout", -9: "timeout", 152: "timeout", 255: "timeout"}


def _mutmut(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=REPO, check=check, text=True,
                          capture_output=True)


def _module(key: str) -> str:
    """`partnerschaftsarchiv.structure.dates.x_parse_edtf__mutmut_2` → `structure/dates.py`."""
    dotted = key.split(".x")[0] if ".x" in key else key.rsplit(".", 1)[0]
    return dotted.removeprefix("partnerschaftsarchiv.").replace(".", "/") + ".py"


def _equivalent() -> dict[str, str]:
    """Mutant name → why it cannot change behaviour (one `name  # reason` a line)."""
    if not EQUIVALENT.is_file():
        return {}
    result = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.partition("#")
        if name.strip():
            result[name.strip()] = reason.strip()
    return result


def _results() -> dict[str, str]:
    statuses = {}
    for meta in sorted(MUTANTS.rglob("*.meta")):
        for key, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            statuses[key] = "not checked" if code is None else _STATUS.get(code, "suspicious")
    return statuses


def _changed_line(key: str) -> str:
    """The line a mutant changes, as `- old` → `+ new`, for the report."""
    shown = _mutmut("show", key, check=False).stdout.splitlines()
    old = next((l[1:].strip() for l in shown if l.startswith("-") and not l.startswith("---")), "")
    new = next((l[1:].strip() for l in shown if l.startswith("+") and not l.startswith("+++")), "")
    return f"`{old}` → `{new}`"


def write_report(statuses: dict[str, str], seconds: float | None) -> float:
    equivalent = _equivalent()
    by_module: dict[str, Counter] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for key, status in statuses.items():
        module = _module(key)
        if key in equivalent:
            status = "equivalent"
        by_module[module][status] += 1
        if status in ("survived", "no tests", "suspicious"):
            survivors[module].append(key)
    lowest = 1.0
    lines = [
        "# Mutation testing of the core",
        "",
        f"Written by `python tests/mutation.py` on {dt.date.today().isoformat()}"
        + (f" in {seconds / 60:.0f} min" if seconds else "") + f" ({os.cpu_count()} cores), mutmut "
        f"{metadata.version('mutmut')}, with the fast tests named under `[tool.mutmut]` in `pyproject.toml` (in-process: no browser, no site build).",
        "",
        "Score = caught ÷ (all − equivalent − skipped − not checked); a mutant no test runs counts as not caught; "
        "\"not checked\" is what an interrupted run did not reach. "
        f"Target: {TARGET:.0%} per module. Equivalent mutants, with the reason, are in `tests/mutation_equivalent.txt`.",
        "",
        "| module | mutants | caught | survived | no test | equivalent | not checked | score |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    totals: Counter = Counter()
    for module in sorted(by_module):
        c = by_module[module]
        totals.update(c)
        caught = c["killed"] + c["timeout"]
        counted = sum(c.values()) - c["equivalent"] - c["skipped"] - c["not checked"]
        score = caught / counted if counted else 1.0
        lowest = min(lowest, score)
        mark = "" if score >= TARGET else " ✗"
        lines.append(f"| `{module}` | {sum(c.values())} | {caught} | {c['survived'] + c['suspicious']} | "
                     f"{c['no tests']} | {c['equivalent']} | {c['not checked']} | "
                     + (f"{score:.0%}{mark} |" if counted else "– |"))
    caught = totals["killed"] + totals["timeout"]
    counted = sum(totals.values()) - totals["equivalent"] - totals["skipped"] - totals["not checked"]
    lines.append(f"| **all** | {sum(totals.values())} | {caught} | {totals['survived'] + totals['suspicious']} | "
                 f"{totals['no tests']} | {totals['equivalent']} | {totals['not checked']} | "
                 f"{caught / counted if counted else 1:.0%} |")
    lines += ["", "## Surviving mutants", "",
              "Each is a small change to the code that no fast test notices: a test to write, or, where the change "
              "cannot alter behaviour, a line for `tests/mutation_equivalent.txt`. `mutmut show NAME` shows it whole.",
              ""]
    for module in sorted(survivors):
        lines += [f"### `{module}`", ""]
        ordered = sorted(survivors[module], key=lambda k: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", k)])
        untested = Counter(key.split(".")[-1].rsplit("__mutmut_", 1)[0] for key in ordered
                           if statuses[key] == "no tests")
        if untested:  # whole functions no fast test runs: named once each
            lines.append("- no fast test runs: " + ", ".join(f"`{name}` ({n})" for name, n in sorted(untested.items())))
        shown = [key for key in ordered if statuses[key] != "no tests"]
        for key in shown[:SHOWN]:
            lines.append(f"- `{key.split('.')[-1]}` ({statuses[key]}): {_changed_line(key)}")
        if len(shown) > SHOWN:
            lines.append(f"- and {len(shown) - SHOWN} more: " + ", ".join(f"`{k.split('.')[-1]}`" for k in shown[SHOWN:]))
        lines.append("")
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    return lowest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="only rewrite the report from the last run")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", action="append", default=[], metavar="PATTERN",
                        help="test again only the mutants whose names match (fnmatch), keeping the other results")
    args = parser.parse_args()
    try:
        import mutmut  # noqa: F401
    except ImportError:
        print("mutmut is not installed: pip install -c constraints.txt -e '.[mutation]'", file=sys.stderr)
        return 2
    seconds = None
    if not args.report:
        if not args.only:
            shutil.rmtree(MUTANTS, ignore_errors=True)
        start = dt.datetime.now()
        run = subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(args.jobs), *args.only],
                             cwd=REPO)
        seconds = (dt.datetime.now() - start).total_seconds()
        if run.returncode not in (0, 1):
            print(f"mutmut stopped with status {run.returncode}", file=sys.stderr)
            return run.returncode
    statuses = _results()
    if not statuses:
        print("no results: run without --report first", file=sys.stderr)
        return 2
    unchecked = sum(status == "not checked" for status in statuses.values())
    if unchecked == len(statuses):
        print("no mutant was checked: mutmut stopped early (see its output above)", file=sys.stderr)
        return 2
    lowest = write_report(statuses, seconds)
    if unchecked:  # an interrupted run: the report counts what was checked and says how much was not
        print(f"{unchecked} of {len(statuses)} mutants were not checked (the run was stopped)", file=sys.stderr)
        return 2
    print(f"{len(statuses)} mutants; lowest module score {lowest:.0%}; report: {REPORT.relative_to(REPO)}")
    return 0 if lowest >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
