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

