"""Benchmark: what our bilingual build costs at scale, against plain MkDocs + Material on the same pages.

    python bench/run.py --sizes 100 500 2000 --repeat 3

For every size N it writes a synthetic archive of N records (bench/synthetic.py) into a temporary copy of this
project (mkdocs.yml, hooks, overrides, docs, translations), the same pages as hand-written Markdown
(bench/baseline.py), and then measures, `--repeat` times each, alternating ours and the baseline:

* our full build, `mkdocs build` as a user runs it (both languages): wall time, CPU time, peak memory of all its
  processes together;
* the baseline, plain MkDocs on the Markdown: two builds, German then Russian, as one would run them by hand;
* the generator alone in a fresh interpreter (load + validate, then render every page of both languages);
* `python -m partnerschaftsarchiv validate` alone (also at `--validate-sizes`, 1,000 records by default).

The table (median and min–max) with machine, versions, load and date goes into `--out` between the
`bench:results` markers; the rest of that file (notes, profiles) is kept as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from baseline import write_baseline
from measure import Run, run_measured
from synthetic import Shape, write_archive

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from conftest import make_project as copy_project  # noqa: E402  (the project as the tests assemble it)

START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
PACKAGES = ("mkdocs", "mkdocs-material", "Jinja2", "Babel", "Markdown", "PyYAML", "jsonschema")


@dataclass
class SizeResult:
    size: int
    shape: Shape
    ours: list[Run] = field(default_factory=list)
    baseline: list[Run] = field(default_factory=list)
    core: list[dict[str, float]] = field(default_factory=list)
    validate: list[Run] = field(default_factory=list)
    site_bytes: dict[str, int] = field(default_factory=dict)
    record_page_bytes: dict[str, float] = field(default_factory=dict)
    same_pages: bool | None = None


class BenchmarkFailed(RuntimeError):
    pass


def _env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PARTNERSCHAFTSARCHIV_LANGUAGE", None)
    return env


def _checked(run: Run, what: str) -> Run:
    if run.returncode != 0:
        raise BenchmarkFailed(f"{what} failed (exit {run.returncode}):\n{run.output[-4000:]}")
    return run


def make_project(target: Path, records: int, seed: int) -> Shape:
    """A copy of this project (mkdocs.yml, hooks, overrides, docs, translations) with a synthetic archive."""
    shape = write_archive(target.parent / "data", records, seed)
    copy_project(target, target.parent / "data")
    return shape


# One measurement each ----------------------------------------------------------------------------------------


def build_ours(project: Path, site: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    return _checked(run_measured(command, project, _env()), "our build")


def build_baseline(configs: dict[str, Path], site: Path) -> Run:
    """Plain MkDocs, one language after the other; times, CPU and memory of both builds together."""
    shutil.rmtree(site, ignore_errors=True)
    runs = []
    for lang, config in configs.items():
        command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config), "--site-dir",
                   str(site / lang)]
        runs.append(_checked(run_measured(command, config.parent, _env()), f"the baseline build ({lang})"))
    peaks = [r.peak_rss for r in runs if r.peak_rss is not None]
    return Run(sum(r.wall for r in runs), sum(r.cpu for r in runs), max(peaks) if peaks else None, 0,
               "".join(r.output for r in runs))


def run_core(project: Path) -> dict[str, float]:
    run = _checked(run_measured([sys.executable, str(Path(__file__).with_name("core.py")), str(project)],
                                project, _env()), "the generator alone")
    return json.loads(run.output.strip().splitlines()[-1])


def run_validate(project: Path) -> Run:
    command = [sys.executable, "-m", "partnerschaftsarchiv", "validate", "--quiet", "--root", str(project)]
    return _checked(run_measured(command, project, _env()), "validate")


def _pages(site: Path) -> set[str]:
    """The content pages of a built language (no theme assets, search index or 404 page)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if p.parts[len(site.parts)] not in ("assets", "search") and p.name != "404.html"}


def _bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _record_page_bytes(site: Path) -> float:
    pages = [p for kind in ("seminars", "agreements", "projects", "meetings") for p in (site / kind).glob("*.html")
             if p.name != "index.html"]
    return sum(p.stat().st_size for p in pages) / max(1, len(pages))


def _compare(result: SizeResult, ours: Path, base: Path, languages: list[str]) -> None:
    result.same_pages = all(_pages(ours / lang) == _pages(base / lang) for lang in languages)
    if not result.same_pages:
        diff = {lang: sorted(_pages(ours / lang) ^ _pages(base / lang))[:10] for lang in languages}
        raise BenchmarkFailed(f"the baseline does not build the same pages as ours: {diff}")
    result.site_bytes = {"ours": _bytes(ours), "baseline": _bytes(base)}
    result.record_page_bytes = {"ours": statistics.mean(_record_page_bytes(ours / lang) for lang in languages),
                                "baseline": statistics.mean(_record_page_bytes(base / lang) for lang in languages)}


def bench_size(work: Path, size: int, repeat: int, seed: int, builds: bool, say) -> SizeResult:
    project = work / f"n{size}" / "project"
    result = SizeResult(size, make_project(project, size, seed))
    if builds:
        configs = write_baseline(project, work / f"n{size}" / "baseline")
        ours_site, base_site = work / f"n{size}" / "site-ours", work / f"n{size}" / "site-baseline"
    for i in range(repeat):
        if builds:
            # Alternate the order, so neither side always runs on a warmer (or busier) machine.
            steps = [("ours", lambda: build_ours(project, ours_site)),
                     ("baseline", lambda: build_baseline(configs, base_site))]
            for name, step in (steps if i % 2 == 0 else steps[::-1]):
                run = step()
                getattr(result, name).append(run)
                say(f"N={size} #{i + 1} {name}: {run.wall:.2f} s")
            if i == 0:
                _compare(result, ours_site, base_site, list(configs))
        result.core.append(run_core(project))
        result.validate.append(run_validate(project))
        say(f"N={size} #{i + 1} generator alone: {sum(result.core[-1][k] for k in ('load', 'render')):.2f} s, "
            f"validate: {result.validate[-1].wall:.2f} s")
    return result


# The report --------------------------------------------------------------------------------------------------


def _stat(values: list[float], digits: int = 2) -> str:
    if not values:
        return "–"
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _mb(n: float | None) -> str:
    return "–" if n is None else f"{n / 1e6:.0f}"


def _machine() -> list[str]:
    cpu = "unknown CPU"
    memory = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
        kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [f"- Machine: {cpu}, {cores} cores available, {memory} memory; {platform.system()} {platform.release()}",
            f"- Python {platform.python_version()}; " + ", ".join(f"{p} {metadata.version(p)}" for p in PACKAGES)]


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.strip()
        return head + (" with uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _targets(results: list[SizeResult], validate_results: list[SizeResult]) -> list[str]:
    lines = []
    built = [r for r in results if r.ours]
    for small, large in zip(built, built[1:]):
        factor = large.size / small.size
        ratio = _median([x.wall for x in large.ours]) / _median([x.wall for x in small.ours])
        ok = ratio <= 1.1 * factor
        cpu = _median([x.cpu for x in large.ours]) / _median([x.cpu for x in small.ours])
        lines.append(f"- Linear growth: t({large.size:,}) / t({small.size:,}) = {ratio:.2f} for {factor:g}× the "
                     f"records (target ≤ {1.1 * factor:.2f}): {'met' if ok else 'NOT met'}; in CPU time {cpu:.2f}")
    for r in built:
        ratio = _median([x.wall for x in r.ours]) / _median([x.wall for x in r.baseline])
        best = min(x.wall for x in r.ours) / min(x.wall for x in r.baseline)
        cpu = _median([x.cpu for x in r.ours]) / _median([x.cpu for x in r.baseline])
        lines.append(f"- N = {r.size:,}: our build takes {ratio:.2f}× the plain-MkDocs baseline in wall time "
                     f"(target ≤ 1.0): {'met' if ratio <= 1.0 else 'NOT met'}; fastest run against fastest run "
                     f"{best:.2f}×; in CPU time {cpu:.2f}×")
    for r in (r for r in results + validate_results if r.size == 1000):
        t = _median([x.wall for x in r.validate])
        lines.append(f"- Validate alone, {r.size:,} records: {t:.2f} s (target < 1 s): {'met' if t < 1 else 'NOT met'}"
                     f"; CPU {_median([x.cpu for x in r.validate]):.2f} s")
    return lines


def report(results: list[SizeResult], validate_results: list[SizeResult], args: argparse.Namespace,
           load: tuple[tuple[float, ...], tuple[float, ...]], started: dt.datetime, seconds: float) -> str:
    lines = [START, "",
             f"Measured {started:%Y-%m-%d %H:%M} UTC with `python bench/run.py --sizes "
             f"{' '.join(map(str, args.sizes))} --repeat {args.repeat}"
             + (f" --validate-sizes {' '.join(map(str, args.validate_sizes))}" if args.validate_sizes else "")
             + f"` (commit {_commit()}; the whole run took {seconds / 60:.1f} min).", ""]
    lines += _machine()
    lines.append("- Load averages (1, 5, 15 min) at the start: " + ", ".join(f"{x:.2f}" for x in load[0])
                 + "; at the end: " + ", ".join(f"{x:.2f}" for x in load[1]))
    lines += ["", "Seconds, median (min–max) of the repeats. *Ours*: `mkdocs build`, both languages (the root build "
              "validates, then builds German and Russian side by side). *Baseline*: the same pages as hand-written "
              "Markdown, plain MkDocs + Material, German then Russian. CPU: user + system seconds of all processes. "
              "Peak memory: all processes of the build together (baseline: the larger of its two builds).", ""]
    built = [r for r in results if r.ours]
    if built:
        lines += ["| records | pages per language | ours: wall s | baseline: wall s | ours / baseline | "
                  "ours: CPU s | baseline: CPU s | ours: peak MB | baseline: peak MB | site MB ours / baseline | "
                  "record page KB ours / baseline |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in built:
            ratio = _median([x.wall for x in r.ours]) / _median([x.wall for x in r.baseline])
            lines.append(
                f"| {r.size:,} | {r.shape.pages_per_language + 1:,} | {_stat([x.wall for x in r.ours])} | "
                f"{_stat([x.wall for x in r.baseline])} | **{ratio:.2f}** | {_stat([x.cpu for x in r.ours], 1)} | "
                f"{_stat([x.cpu for x in r.baseline], 1)} | "
                f"{_mb(max((x.peak_rss or 0) for x in r.ours) or None)} | "
                f"{_mb(max((x.peak_rss or 0) for x in r.baseline) or None)} | "
                f"{_mb(r.site_bytes['ours'])} / {_mb(r.site_bytes['baseline'])} | "
                f"{r.record_page_bytes['ours'] / 1e3:.0f} / {r.record_page_bytes['baseline'] / 1e3:.0f} |")
        lines.append("")
    lines += ["The generator alone, without MkDocs, in a fresh interpreter: *load* reads and validates every file "
              "and builds the archive, *render* makes every page of both languages. *Validate*: the whole "
              "`python -m partnerschaftsarchiv validate` command, interpreter start included.", "",
              "| records | registry entries | load + validate s | render (both languages) s | "
              "generator total s | generator CPU s | validate command s | validate command CPU s |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in sorted(results + validate_results, key=lambda r: r.size):
        s = r.shape
        registries = s.topics + s.organizations + s.people + s.places + s.sources
        lines.append(f"| {r.size:,} | {registries:,} | {_stat([c['load'] for c in r.core])} | "
                     f"{_stat([c['render'] for c in r.core])} | {_stat([c['load'] + c['render'] for c in r.core])} | "
                     f"{_stat([c['cpu'] for c in r.core])} | {_stat([x.wall for x in r.validate])} | "
                     f"{_stat([x.cpu for x in r.validate])} |")
    lines += ["", "Targets:", ""] + _targets(results, validate_results) + ["", END]
    return "\n".join(lines)


def write_report(path: Path, block: str) -> None:
    """Replace the results block of `path`, keeping everything around it; a new file gets a heading."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = (text or "# Benchmark results\n\n") + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000], help="records per archive")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (median and range)")
    parser.add_argument("--validate-sizes", type=int, nargs="*", default=[1000],
                        help="extra sizes at which only the generator and validate are measured")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "RESULTS.md", help="the results file")
    parser.add_argument("--workdir", type=Path, help="where the archives and sites go (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--seed", type=int, default=2017, help="seed of the synthetic archives")
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = dt.datetime.now(dt.timezone.utc)
    load_start = os.getloadavg()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="archive-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = [bench_size(work, n, args.repeat, args.seed, True, say) for n in args.sizes]
        extra = [n for n in args.validate_sizes if n not in args.sizes]
        validate_results = [bench_size(work, n, args.repeat, args.seed, False, say) for n in extra]
    except BenchmarkFailed as failure:
        say(f"benchmark failed: {failure}")
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    seconds = (dt.datetime.now(dt.timezone.utc) - started).total_seconds()
    block = report(results, validate_results, args, (load_start, os.getloadavg()), started, seconds)
    write_report(args.out, block)
    print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
