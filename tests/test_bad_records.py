"""Bad input: every case of the corpus under `bad_records/` gives exactly the messages it promises.

A case is a folder holding `data/…` (files laid over a copy of the real records) and `expected.txt` (the problems
the run must report, one per line, as `validate` prints them; empty: the case must simply work). Most cases are
checked in-process through `load_archive`; a representative subset also runs the command line and `mkdocs build`.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, make_project, run_build, run_validate
from partnerschaftsarchiv.loading import ArchiveInvalid, load_archive

CORPUS = Path(__file__).parent / "bad_records"
CASES = sorted(path.name for path in CORPUS.iterdir() if (path / "expected.txt").is_file())
BAD_CASES = [case for case in CASES if (CORPUS / case / "expected.txt").read_text(encoding="utf-8").strip()]
WORKING_CASES = [case for case in CASES if case not in BAD_CASES]
# `data/<folder>/<file>:<line>: <field>: <why>`; line and field only where the problem has them.
PROBLEM_LINE = re.compile(r"^data/\S.*?(?::\d+)?: .+$")


def expected(case: str) -> list[str]:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def records_with(case: str, target: Path) -> Path:
    """The real records with the case's files laid over them, in `target/data`."""
    shutil.copytree(REPO / "data", target / "data")
    shutil.copytree(CORPUS / case / "data", target / "data", dirs_exist_ok=True)
    return target / "data"


def case_files(case: str) -> set[str]:
    base = CORPUS / case
    return {path.relative_to(base).as_posix() for path in (base / "data").rglob("*")}


def test_the_corpus_covers_at_least_forty_malformed_records():
    assert len(BAD_CASES) >= 40
    assert {"works-utf-8-bom", "works-crlf-line-ends"} <= set(WORKING_CASES)


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_record_gives_its_messages(case, tmp_path):
    data = records_with(case, tmp_path)
    with pytest.raises(ArchiveInvalid) as raised:
        load_archive(data, tmp_path)
    problems = raised.value.problems
    # Exactly the promised problems: all of them, together, and nothing that only follows from another.
    assert [str(p) for p in problems] == expected(case)
    files = case_files(case)
    for problem in problems:
        text = str(problem)
        assert "\n" not in text and PROBLEM_LINE.match(text), text
        assert problem.path in files, f"{text}: names a file the case does not hold"
        assert problem.field is None or problem.line is not None, f"{text}: a field without its line"
        if problem.line is not None:
            raw = (tmp_path / problem.path).read_bytes()
            assert 1 <= problem.line <= raw.count(b"\n") + 1, text
    assert raised.value.report().endswith("nothing was built.")


@pytest.mark.parametrize("case", WORKING_CASES)
def test_byte_order_mark_and_crlf_simply_work(case, tmp_path):
    raw = next((CORPUS / case / "data").rglob("*.yml")).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") or b"\r\n" in raw  # the case really is what its name says
    record = load_archive(records_with(case, tmp_path), tmp_path).archive.records["testfall"]
    assert record.title.values == {"de": "Testfall", "ru": "Тестовый случай"}
    assert record.id == "testfall" and str(record.date) == "2017-06-04"
    if record.body is not None:
        assert record.body.values["de"] == "Absatz eins.\n\nAbsatz zwei.\n"


def test_oversized_file_is_refused_before_parsing(tmp_path):
    data = records_with("works-utf-8-bom", tmp_path)
    big = data / "seminars" / "testfall.yml"
    big.write_bytes(big.read_bytes() + b"# " + b"x" * 262_144 + b"\n")
    size = big.stat().st_size
    with pytest.raises(ArchiveInvalid) as raised:
        load_archive(data, tmp_path)
    assert [str(p) for p in raised.value.problems] == [
        f"data/seminars/testfall.yml: file is {size:,} bytes; a record may have at most 262,144"
    ]


def test_a_named_pipe_is_refused_without_reading_it(tmp_path):
    """Reading a FIFO would wait for a writer forever: the loader looks at the file's type first."""
    data = records_with("works-utf-8-bom", tmp_path)
    os.mkfifo(data / "seminars" / "pipe.yml")
    with pytest.raises(ArchiveInvalid) as raised:
        load_archive(data, tmp_path)
    assert [str(p) for p in raised.value.problems] == [
        "data/seminars/pipe.yml: not a regular file (a named pipe, device or socket): a record is a plain text file"
    ]


def test_a_device_is_refused_without_reading_it(tmp_path):
    data = records_with("works-utf-8-bom", tmp_path)
    (data / "topics" / "zero.yml").symlink_to("/dev/zero")
    (data / "seminars" / "testfall.yml").unlink()
    with pytest.raises(ArchiveInvalid) as raised:
        load_archive(data, tmp_path)
    assert [str(p) for p in raised.value.problems] == ["data/topics/zero.yml: symbolic links are not allowed in data/"]


# The command line and the build, for a representative subset -------------------------------------------------

CLI_CASES = ["yaml-syntax-unclosed-quote", "yaml-tab-indentation", "type-yes-read-as-boolean", "ref-unknown-topic",
             "date-february-30", "encoding-binary", "yaml-alias-billion-laughs", "yaml-tag-python-object",
             "several-files-at-once", "schema-and-reference-errors-together", "ref-places-within-a-loop",
             "ref-id-with-line-break", "yaml-tag-str", "date-after-year-2099", "id-windows-device-con",
             "text-zero-width-space"]


@pytest.mark.parametrize("case", CLI_CASES)
def test_validate_command_lists_every_problem_and_fails(case, tmp_path):
    records_with(case, tmp_path)
    run = run_validate(tmp_path)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    count = len(expected(case))
    assert lines == expected(case) + [f"{count} error{'s' if count != 1 else ''} in the records: nothing was built."]
    assert "Traceback" not in run.stdout + run.stderr


@pytest.mark.parametrize("case", ["several-files-at-once", "yaml-tag-python-object", "encoding-utf-16",
                                  "ref-places-within-a-loop"])
def test_build_with_bad_records_fails_and_writes_nothing(case, tmp_path):
    project = make_project(tmp_path / "project", records_with(case, tmp_path / "records"))
    result = run_build(project)
    assert result.returncode != 0
    for line in expected(case):
        assert line in result.output
    assert "Traceback" not in result.output
    assert not result.site.exists() and not (project / "site.partial").exists()


def test_build_of_a_bom_and_crlf_record_works(tmp_path):
    project = make_project(tmp_path / "project", records_with("works-bom-crlf-multiline-body", tmp_path / "records"))
    result = run_build(project, None, "--strict")
    assert result.ok, result.output
    page = result.page("de/seminars/testfall.html")
    assert '<h1 id="page-title">Testfall</h1>' in page
    assert "<p>Absatz eins.</p>\n<p>Absatz zwei.</p>" in page
    assert "\r" not in page and "\ufeff" not in page
