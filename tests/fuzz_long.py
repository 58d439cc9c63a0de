"""The long run of the structure-aware property test: records drawn from the JSON Schemas (`record_strategies.py`),
each validated, each accepted one built into every page and export of both languages in-process.

    python tests/fuzz_long.py --seconds 3600 [--batch 500] [--findings DIR]

Hypothesis runs in batches of `--batch` examples, each batch with its own seed, until the time is up. A batch that
finds a breach of the invariant stops there: the example (not shrunk, which takes minutes) is written into `--findings` (and printed), and the
next batch goes on. At the end it prints the count of inputs, accepted and refused, the findings and the time; the
figures of a run go into bench/RESULTS.md. Every finding becomes a case in tests/bad_records/ or in the must-build
fixture.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from record_strategies import load_and_build, records, write_base  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="fuzz-long-")) / "data"
    write_base(data)
    counts: Counter[str] = Counter()
    findings: list[str] = []
    started = time.monotonic()
    batch = 0
    while time.monotonic() - started < args.seconds:
        batch += 1
        last: dict[str, bytes | str] = {}

        @seed(batch)
        @settings(max_examples=args.batch, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck), phases=[Phase.generate])  # no shrinking: minutes each
        @given(drawn=records())
        def run(drawn: tuple[str, bytes]) -> None:
            path, raw = drawn
            last.update(path=path, raw=raw)
            counts[load_and_build(data, path, raw)] += 1
            if time.monotonic() - started > args.seconds:
                raise TimeoutError

        try:
            run()
        except TimeoutError:
            break
        except Exception:  # noqa: BLE001  (a breach: keep the example, go on with the next batch)
            args.findings.mkdir(parents=True, exist_ok=True)
            target = args.findings / f"batch-{batch}-{Path(str(last['path'])).name}"
            target.write_bytes(last["raw"])  # type: ignore[arg-type]
            findings.append(f"{target}: {traceback.format_exc(limit=3).strip().splitlines()[-1]}")
            print(findings[-1], flush=True)
        print(f"batch {batch}: {sum(counts.values()):,} inputs so far ({counts['accepted']:,} accepted, "
              f"{counts['refused']:,} refused), {time.monotonic() - started:.0f} s", flush=True)
    elapsed = time.monotonic() - started
    print(f"{sum(counts.values()):,} inputs ({counts['accepted']:,} accepted and built, {counts['refused']:,} "
          f"refused) in {elapsed:.0f} s; {len(findings)} findings")
    for finding in findings:
        print(f"  {finding}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
