"""The benchmark script (bench/run.py), as CI runs it: a tiny archive, one repeat, no timing asserted."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO, run_validate

BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))

from synthetic import Shape, write_archive  # noqa: E402


def test_synthetic_archive_is_valid_and_has_every_date_precision(tmp_path):
    shape = write_archive(tmp_path / "data", 40)
    result = run_validate(tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"OK: {shape.records} records" in result.stdout
    dates = [line.split(": ", 1)[1].strip("'\"") for path in (tmp_path / "data").glob("*/0*.yml")
             for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("date: ")]
    assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates)  # day
    assert any(re.fullmatch(r"\d{4}-(0\d|1[0-2])", d) for d in dates)  # month
    assert any(re.fullmatch(r"\d{4}-2[1-4]", d) for d in dates)  # season
    assert any(re.fullmatch(r"\d{4}", d) for d in dates)  # year
    assert any(re.fullmatch(r"\d{4}-2[1-4]/\d{4}", d) for d in dates)  # interval of mixed precision
    # Both languages, and a few records whose translation is still missing (their pages fall back).
    assert re.search(r"translation: (ru|de): no translation yet", result.stderr)


def test_smoke_run_writes_the_results_table_and_keeps_the_notes(tmp_path):
    out = tmp_path / "RESULTS.md"
    out.write_text("# Results\n\nNotes above.\n\n<!-- bench:results:start -->\nold\n<!-- bench:results:end -->\n\n"
                   "Notes below.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(BENCH / "run.py"), "--sizes", "20", "--repeat", "1",
                          "--validate-sizes", "--out", str(out), "--workdir", str(tmp_path / "work")],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Results\n\nNotes above.") and text.rstrip().endswith("Notes below.")
    assert "\nold\n" not in text
    pages = Shape(20).pages_per_language + 1  # + the hand-written about page
    row = next(line for line in text.splitlines() if line.startswith("| 20 | "))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1] == str(pages)
    ours, baseline, ratio = float(cells[2]), float(cells[3]), float(cells[4].strip("*"))
    assert ours > 0 and baseline > 0 and abs(ratio - ours / baseline) < 0.02
    assert "Machine:" in text and "mkdocs 1.6.1" in text and "Load averages" in text
    assert "our build takes" in text
    # The work folder (archives, both sites) is removed afterwards unless --keep is given.
    assert not (tmp_path / "work").exists() or not any((tmp_path / "work").iterdir())
