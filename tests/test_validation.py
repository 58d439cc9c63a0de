"""A broken record stops `validate` and `mkdocs build` with file, line, field and why; all errors at once."""

from __future__ import annotations

from pathlib import Path

from conftest import run_build, run_validate

SEMINAR = Path("data/seminars/2017-06-moskau.yml")


def _replace(project: Path, relative: Path, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(project: Path, relative: Path, needle: str) -> int:
    lines = (project / relative).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_real_records_are_valid(project_copy):
    run = run_validate(project_copy)
    assert run.returncode == 0, run.stderr
    assert "OK:" in run.stdout


def test_unknown_topic_names_file_line_field_and_suggests(project_copy):
    _replace(project_copy, SEMINAR, "[selbsthilfe,", "[selbsthilf,")
    line = _line_of(project_copy, SEMINAR, "[selbsthilf,")
    run = run_validate(project_copy)
    assert run.returncode == 1
    assert f"data/seminars/2017-06-moskau.yml:{line}: topics[0]: unknown topic 'selbsthilf' " \
           "(did you mean 'selbsthilfe'?)" in run.stderr


def test_every_error_of_a_run_is_reported_and_the_build_fails_with_them(project_copy):
    _replace(project_copy, SEMINAR, "[selbsthilfe,", "[selbsthilf,")
    _replace(project_copy, SEMINAR, "status: held", "status: done")
    _replace(project_copy, Path("data/seminars/2007-04-berlin.yml"), "date: 2007-04", "date: 2007-02-30")
    (project_copy / "data/topics/doppelt.yml").write_text(
        "id: doppelt\nname:\n  de: Doppelt\n  de: Zweimal\ntranslation:\n  de: original\n", encoding="utf-8")
    run = run_validate(project_copy)
    assert run.returncode == 1
    expected = [
        "data/seminars/2017-06-moskau.yml:",
        "topics[0]: unknown topic 'selbsthilf'",
        "status: 'done' is not allowed here; use one of: planned, held, cancelled",
        "data/seminars/2007-04-berlin.yml:",
        "date: '2007-02-30': day 30 does not exist in February 2007",
        "data/topics/doppelt.yml:4: name.de: duplicate key 'de' (first given on line 3)",
        "4 errors in the records: nothing was built.",
    ]
    for text in expected:
        assert text in run.stderr, text
    build = run_build(project_copy)
    assert build.returncode != 0
    for text in expected[:-1]:
        assert text in build.output, text
    assert not (project_copy / "site").exists()


def test_file_name_must_equal_id(project_copy):
    source = project_copy / SEMINAR
    source.rename(source.with_name("2017-06-moscow.yml"))
    _replace(project_copy, Path("data/meetings/2017-05-12-berlin-arbeitstreffen.yml"),
             "record: 2017-06-moskau", "record: 2017-06-moscow")
    run = run_validate(project_copy)
    assert run.returncode == 1
    assert "data/seminars/2017-06-moscow.yml:" in run.stderr
    assert "id: '2017-06-moskau' differs from the file name '2017-06-moscow'" in run.stderr


def test_required_original_text_and_schema_types(project_copy):
    _replace(project_copy, SEMINAR, "number: 18", "number: achtzehn")
    run = run_validate(project_copy)
    assert run.returncode == 1
    line = _line_of(project_copy, SEMINAR, "number: achtzehn")
    assert f"2017-06-moskau.yml:{line}: number: expected a whole number, found text" in run.stderr
