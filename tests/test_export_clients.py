"""Issue 15: real clients read the exports with no warning: feedparser the Atom feed, icalendar the calendar."""

from __future__ import annotations

import datetime as dt
import warnings

import feedparser
import icalendar
import pytest

from conftest import make_project, run_build

LANGS = ("de", "ru")
EPOCH = 1700000000  # 2023-11-14T22:13:20Z


@pytest.fixture(scope="module")
def reproducible_site(tmp_path_factory):
    """The real archive, built at a fixed time (SOURCE_DATE_EPOCH), as the Pages workflow builds it."""
    project = make_project(tmp_path_factory.mktemp("epoch") / "project")
    result = run_build(project, env={"SOURCE_DATE_EPOCH": str(EPOCH)})
    assert result.ok, result.output
    return result.site


@pytest.mark.parametrize("lang", LANGS)
def test_feedparser_reads_the_feed_without_complaint(reproducible_site, lang):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        feed = feedparser.parse((reproducible_site / lang / "data" / "feed.atom").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.language == lang
    # Every entry changed when the build's fixed time says, not on a day made up from the event's date.
    assert {entry.updated for entry in feed.entries} == {"2023-11-14T22:13:20+00:00"}
    autumn = next(entry for entry in feed.entries if entry.link.endswith("seminars/2017-herbst-berlin.html"))
    assert autumn.summary.startswith({"de": "Herbst 2017 (2017-23): ", "ru": "осень 2017\u202fг. (2017-23): "}[lang])


def test_icalendar_reads_both_calendars_without_complaint(reproducible_site):
    uids = []
    for lang in LANGS:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            calendar = icalendar.Calendar.from_ical((reproducible_site / lang / "data" / "events.ics").read_bytes())
        events = calendar.walk("VEVENT")
        assert events and not calendar.errors and not any(event.errors for event in events)
        assert {event["DTSTAMP"].dt for event in events} == {dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc)}
        uids.append(sorted(str(event["UID"]) for event in events))
    # The same events in two languages: the same UIDs, one subscription is enough (said on the data page).
    assert uids[0] == uids[1] and len(set(uids[0])) == len(uids[0])
    assert "ein Abonnement genügt" in (reproducible_site / "de" / "data.html").read_text(encoding="utf-8")


def test_each_record_was_last_changed_by_its_last_commit(tmp_path):
    from partnerschaftsarchiv.exports import last_changes
    import os
    import subprocess

    def commit(path: str, text: str, when: int) -> None:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
        env = {**os.environ, "GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000",
               "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.org"}
        subprocess.run(["git", "-C", str(tmp_path), "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", str(tmp_path), "commit", "-q", "-m", path], check=True, env=env)

    assert last_changes(tmp_path) == {}  # no git checkout: nothing known, the build's time is used
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    commit("data/seminars/a.yml", "a", 1500000000)
    commit("data/seminars/b.yml", "b", 1600000000)
    commit("data/seminars/a.yml", "a2", 1700000000)
    commit("README.md", "not a record", 1800000000)
    assert last_changes(tmp_path) == {
        "data/seminars/a.yml": dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc),
        "data/seminars/b.yml": dt.datetime(2020, 9, 13, 12, 26, 40, tzinfo=dt.timezone.utc)}
