"""The long run of the structure-aware property test: records drawn from the JSON Schemas (`record_strategies.py`),
each validated, each accepted one built into every page and export of both languages in-process.

    python tests/fuzz_long.py --seconds 3600 [--inputs 100000] [--jobs 2] [--batch 500] [--first-batch 1]
                              [--findings DIR]

Hypothesis runs in batches of `--batch` examples, each batch with its own seed, until the time is up or `--inputs`
inputs are done. `--jobs` processes share the work, each with its own data folder and its own seeds (job k runs
batches first+k, first+k+jobs, …), so a run with the same options draws the same inputs; a later run that is to
draw other inputs starts at a `--first-batch` past the batches of the earlier ones. A batch that finds a breach of
the invariant stops there: the example (not shrunk, which takes minutes) is written into `--findings` (and
printed), and the next batch goes on. At the end it prints the count of inputs, accepted and refused, the findings
and the time; the figures of a run go into bench/RESULTS.md. Each batch line gives the process's peak memory,
which stays flat (a growth per input is a leak in the build). Stop a run with Ctrl-C: a signal to the parent
alone leaves its workers running. Every finding becomes a case in tests/bad_records/ or in the must-build fixture.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from record_strategies import load_and_build, records, write_base  # noqa: E402


def run_job(job: int, jobs: int, seconds: float, inputs: int, batch_size: int, first_batch: int,
            findings_dir: Path) -> tuple[Counter[str], list[str]]:
    """One process's share: batches first+job, first+job+jobs, … until `seconds` pass or `inputs` are done."""
    data = Path(tempfile.mkdtemp(prefix=f"fuzz-long-{job}-")) / "data"
    write_base(data)
    counts: Counter[str] = Counter()
    findings: list[str] = []
    started = time.monotonic()

    def done() -> bool:
        return time.monotonic() - started > seconds or sum(counts.values()) >= inputs

    batch = first_batch + job
    while not done():
        last: dict[str, bytes | str] = {}

        @seed(batch)
        @settings(max_examples=batch_size, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck), phases=[Phase.generate])  # no shrinking: minutes each
        @given(drawn=records())
        def run(drawn: tuple[str, bytes]) -> None:
            path, raw = drawn
            last.update(path=path, raw=raw)
            counts[load_and_build(data, path, raw)] += 1
            if done():
                raise TimeoutError

        try:
            run()
        except TimeoutError:
            break
        except Exception:  # noqa: BLE001  (a breach: keep the example, go on with the next batch)
            findings_dir.mkdir(parents=True, exist_ok=True)
            target = findings_dir / f"batch-{batch}-{Path(str(last['path'])).name}"
            target.write_bytes(last["raw"])  # type: ignore[arg-type]
            findings.append(f"{target}: {traceback.format_exc(limit=3).strip().splitlines()[-1]}")
            print(findings[-1], flush=True)
        print(f"job {job} batch {batch}: {sum(counts.values()):,} inputs so far ({counts['accepted']:,} accepted, "
              f"{counts['refused']:,} refused), {time.monotonic() - started:.0f} s, "
              f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB", flush=True)
        batch += jobs
    return counts, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--inputs", type=int, default=0, help="stop after this many inputs (0: only the time)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--first-batch", type=int, default=1, help="the first batch's seed")
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    args = parser.parse_args()
    share = -(-args.inputs // args.jobs) if args.inputs else sys.maxsize
    started = time.monotonic()
    tasks = [(job, args.jobs, args.seconds, share, args.batch, args.first_batch, args.findings)
             for job in range(args.jobs)]
    if args.jobs == 1:
        results = [run_job(*tasks[0])]
    else:
        with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
            results = pool.starmap(run_job, tasks)
    elapsed = time.monotonic() - started
    counts: Counter[str] = sum((result[0] for result in results), Counter())
    findings = [finding for result in results for finding in result[1]]
    print(f"{sum(counts.values()):,} inputs ({counts['accepted']:,} accepted and built, {counts['refused']:,} "
          f"refused) in {elapsed:.0f} s with {args.jobs} processes; {len(findings)} findings")
    for finding in findings:
        print(f"  {finding}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
