"""When each record file last changed, as the feed's `updated` shows it: read from a small git repository made in
the test. Fast (no build); the commit times are fixed, the expected times written out by hand."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from partnerschaftsarchiv.exports import last_changes

UTC = dt.timezone.utc


def git(repo: Path, *args: str, when: int = 0) -> None:
    # A fixed identity and time; no user configuration of the machine reaches the test repository.
    env = {**os.environ, "GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def commit(repo: Path, files: dict[str, str | None], when: int) -> None:
    """One commit at `when` (seconds since 1970, UTC) writing each file, or deleting it where the text is None."""
    for path, text in files.items():
        if text is None:
            (repo / path).unlink()
        else:
            (repo / path).parent.mkdir(parents=True, exist_ok=True)
            (repo / path).write_text(text, encoding="utf-8")
    git(repo, "add", "-A", when=when)
    git(repo, "commit", "-q", "-m", "change", when=when)


@pytest.fixture
def repo(tmp_path) -> Path:
    git(tmp_path, "init", "-q")
    return tmp_path


def test_each_record_was_last_changed_by_its_last_commit(repo):
    commit(repo, {"data/seminars/a.yml": "a"}, 1500000000)
    commit(repo, {"data/seminars/b.yml": "b", "data/places/berlin.yml": "berlin"}, 1600000000)
    commit(repo, {"data/seminars/a.yml": "a2"}, 1700000000)
    commit(repo, {"README.md": "not a record"}, 1800000000)
    assert last_changes(repo) == {
        "data/seminars/a.yml": dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC),
        "data/seminars/b.yml": dt.datetime(2020, 9, 13, 12, 26, 40, tzinfo=UTC),
        "data/places/berlin.yml": dt.datetime(2020, 9, 13, 12, 26, 40, tzinfo=UTC),
    }


def test_another_folder_can_be_asked_for(repo):
    commit(repo, {"data/seminars/a.yml": "a", "docs/de/index.md": "Start"}, 1500000000)
    assert last_changes(repo, "docs") == {"docs/de/index.md": dt.datetime(2017, 7, 14, 2, 40, tzinfo=UTC)}


def test_a_renamed_file_was_last_changed_when_it_was_renamed(repo):
    # Both names: the old one went away with the rename (git would otherwise show only the new name).
    commit(repo, {"data/seminars/old.yml": "the same text, long enough to be seen as a rename\n" * 5}, 1500000000)
    git(repo, "mv", "data/seminars/old.yml", "data/seminars/new.yml")
    git(repo, "commit", "-q", "-m", "rename", when=1600000000)
    assert last_changes(repo) == {
        "data/seminars/old.yml": dt.datetime(2020, 9, 13, 12, 26, 40, tzinfo=UTC),
        "data/seminars/new.yml": dt.datetime(2020, 9, 13, 12, 26, 40, tzinfo=UTC),
    }


def test_paths_are_relative_to_the_project_inside_a_larger_repository(repo):
    project = repo / "site-project"
    commit(repo, {"site-project/data/seminars/a.yml": "a", "data/seminars/elsewhere.yml": "x"}, 1500000000)
    assert last_changes(project) == {"data/seminars/a.yml": dt.datetime(2017, 7, 14, 2, 40, tzinfo=UTC)}


def test_outside_a_git_checkout_nothing_is_known(tmp_path):
    (tmp_path / "data").mkdir()
    assert last_changes(tmp_path) == {}


def test_a_repository_without_commits_knows_nothing(repo):
    (repo / "data").mkdir()
    assert last_changes(repo) == {}


def test_without_git_nothing_is_known(repo, monkeypatch):
    commit(repo, {"data/seminars/a.yml": "a"}, 1500000000)
    monkeypatch.setenv("PATH", "")  # no git program to be found
    assert last_changes(repo) == {}
