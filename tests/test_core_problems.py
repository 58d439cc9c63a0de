"""The one-line messages an editor reads: exact text, quoting and order. Fast (no build)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from partnerschaftsarchiv.loading import ArchiveInvalid, Problem, Severity, load_archive
from partnerschaftsarchiv.loading.problems import field_name, quoted, suggest
from conftest import REPO


def test_quoted_keeps_a_value_on_one_line():
    assert quoted("held") == "'held'"
    assert quoted("a\tb") == "'a\\tb'"
    assert quoted("a\nb") == "'a\\nb'"
    assert quoted("a\r\nb") == "'a\\r\\nb'"
    assert quoted("C:\\temp") == "'C:\\\\temp'"
    assert quoted(42) == "'42'"


def test_quoted_cuts_long_values_at_the_limit():
    assert quoted("x" * 60) == "'" + "x" * 60 + "'"
    assert quoted("x" * 61) == "'" + "x" * 59 + "…'"
    assert quoted("abcdef", limit=5) == "'abcd…'"
    assert quoted("abcde", limit=5) == "'abcde'"
    # Escapes count towards the limit: a value of line breaks cannot make a message long either.
    assert quoted("\n" * 40) == "'" + "\\n" * 29 + "\\…'"


def test_field_names_read_as_in_the_yaml():
    assert field_name(("people", 2, "role")) == "people[2].role"
    assert field_name(("topics", 10)) == "topics[10]"
    assert field_name(("title", "de")) == "title.de"
    assert field_name(("date",)) == "date"
    assert field_name(("notes", "a key")) == "notes['a key']"
    assert field_name(("x", "two\nlines")) == "x['two\\nlines']"
    assert field_name(("<<",)) == "<<"
    assert field_name(()) == ""


def test_did_you_mean():
    assert suggest("inklusio", ["inklusion", "selbsthilfe"]) == " (did you mean 'inklusion'?)"
    assert suggest("zzz", ["inklusion", "selbsthilfe"]) == ""
    assert suggest("held", []) == ""


def test_a_problem_is_one_line_naming_file_line_and_field():
    assert str(Problem("data/a.yml", 3, "topics[2]", "unknown topic 'x'")) == \
        "data/a.yml:3: topics[2]: unknown topic 'x'"
    assert str(Problem("data/a.yml", None, "id", "why")) == "data/a.yml: id: why"
    assert str(Problem("data/a.yml", 7, None, "why")) == "data/a.yml:7: why"
    assert str(Problem("data/a.yml", None, None, "why")) == "data/a.yml: why"
    assert Problem("data/a.yml", 1, None, "x").severity is Severity.ERROR
    assert Severity.NOTICE.value == "notice"


def test_problems_are_ordered_by_file_line_and_number_aware_field():
    problems = [
        Problem("data/b.yml", 1, "id", "b"),
        Problem("data/a.yml", 9, "topics[10]", "ten"),
        Problem("data/a.yml", 9, "topics[2]", "two"),
        Problem("data/a.yml", 9, "topics[1].x", "one"),
        Problem("data/a.yml", 2, "title.de", "title"),
        Problem("data/a.yml", None, None, "file"),
        Problem("data/a.yml", 12, "people[0].role", "role"),
    ]
    for seed in range(5):
        shuffled = problems[:]
        random.Random(seed).shuffle(shuffled)
        report = ArchiveInvalid(shuffled).report().splitlines()
        assert report == [
            "data/a.yml: file",
            "data/a.yml:2: title.de: title",
            "data/a.yml:9: topics[1].x: one",
            "data/a.yml:9: topics[2]: two",
            "data/a.yml:9: topics[10]: ten",
            "data/a.yml:12: people[0].role: role",
            "data/b.yml:1: id: b",
            "7 errors in the records: nothing was built.",
        ]
    assert ArchiveInvalid(problems[:1]).report().splitlines()[-1] == "1 error in the records: nothing was built."


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path / "data"


def _report(data: Path) -> list[str]:
    with pytest.raises(ArchiveInvalid) as error:
        load_archive(data)
    return error.value.report().splitlines()


def test_validate_quotes_a_bad_value_with_its_tab_and_line_break(data_copy):
    path = data_copy / "seminars/2017-06-moskau.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: held ", 'status: "hel\\td\\nx" ', 1), encoding="utf-8")
    assert _report(data_copy) == [
        "data/seminars/2017-06-moskau.yml:6: status: 'hel\\td\\nx' is not allowed here; use one of: planned, held, "
        "cancelled (did you mean 'held'?)",
        "1 error in the records: nothing was built.",
    ]


def test_validate_cuts_a_long_unknown_field_name(data_copy):
    path = data_copy / "seminars/2017-06-moskau.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("kind: seminar\n", "kind: seminar\n" + "note" + "s" * 80 + ": 1\n", 1),
                    encoding="utf-8")
    name = "note" + "s" * 80
    assert _report(data_copy) == [
        f"data/seminars/2017-06-moskau.yml:5: {name}: unknown field '{name[:59]}…'",
        "1 error in the records: nothing was built.",
    ]


def test_validate_lists_unknown_topics_in_number_order(data_copy):
    path = data_copy / "seminars/2017-06-moskau.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("topics:"))
    lines[number] = "topics: [selbsthilfe, a1, a2, selbsthilf, a4, a5, a6, a7, a8, a9, a10, inklusio]\n"
    path.write_text("".join(lines), encoding="utf-8")
    line = number + 1
    assert _report(data_copy) == [
        f"data/seminars/2017-06-moskau.yml:{line}: topics[1]: unknown topic 'a1'",
        f"data/seminars/2017-06-moskau.yml:{line}: topics[2]: unknown topic 'a2'",
        f"data/seminars/2017-06-moskau.yml:{line}: topics[3]: unknown topic 'selbsthilf' (did you mean 'selbsthilfe'?)",
        *[f"data/seminars/2017-06-moskau.yml:{line}: topics[{n}]: unknown topic 'a{n}'" for n in range(4, 11)],
        f"data/seminars/2017-06-moskau.yml:{line}: topics[11]: unknown topic 'inklusio' (did you mean 'inklusion'?)",
        "11 errors in the records: nothing was built.",
    ]
