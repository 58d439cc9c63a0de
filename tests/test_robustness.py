"""Issue 13: what `validate` accepts, the build builds; what it refuses, it refuses in plain words.

The fixture `fixtures/must-build/` holds records at every bound the loader sets (the first and last day of the
accepted calendar, bodies with the deepest nesting, the longest paragraphs and the most brackets allowed), text a
spreadsheet would run as a formula, and every kind of external link; it is rendered in-process into every page and
export of both languages. The refused side is `bad_records/`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import LinkInlineProcessor

from conftest import make_project, run_build
from partnerschaftsarchiv.exports.tables import spreadsheet_safe
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.publishing import SiteAddress
from partnerschaftsarchiv.publishing.address import AddressInvalid, checked_edit_path, checked_web_address
from partnerschaftsarchiv.rendering.markdown_text import SafeMarkdown, _BracketText, is_external
from render_everything import render_everything

FIXTURE = Path(__file__).parent / "fixtures" / "must-build"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, bytes]:
    result = load_archive(FIXTURE / "data", FIXTURE)
    return render_everything(result, tmp_path_factory.mktemp("must-build"))


def test_every_page_and_export_of_the_fixture_is_built(built):
    for lang in ("de", "ru"):
        for key in ("seminars/1900-01-01-teststadt", "meetings/2099-teststadt", "projects/1900-2099-teststadt",
                    "seminars/2017-06-grenzen", "agreements/2017-formeln", "years/1900", "years/2099", "timeline"):
            assert f"{lang}/{key}.html" in built
    assert "de/years/1899.html" not in built and "de/years/2100.html" not in built


def test_the_ends_of_the_calendar_reach_the_calendar_export(built):
    events = {str(e["SUMMARY"]): (e.decoded("DTSTART"), e.decoded("DTEND"))
              for e in icalendar.Calendar.from_ical(built["de/data/events.ics"]).walk("VEVENT")}
    assert events["Erster Tag"] == (dt.date(1900, 1, 1), dt.date(1900, 1, 2))
    assert events["Letzter Monat"] == (dt.date(2099, 12, 1), dt.date(2100, 1, 1))
    assert events["Letzter Herbst"] == (dt.date(2099, 9, 1), dt.date(2099, 12, 1))


def test_csv_cells_that_would_be_formulas_start_with_an_apostrophe(built):
    for lang, title, summary in (("de", "'=HYPERLINK(\"https://example.org\",\"x\")", "'-1+1"),
                                 ("ru", "'@SUM(A1:A2)", "'\tTabulator")):
        rows = list(csv.DictReader(io.StringIO(built[f"{lang}/data/records.csv"].decode("utf-8-sig"), newline="")))
        row = next(row for row in rows if row["id"] == "2017-formeln")
        assert (row["title"], row["summary"]) == (title, summary)
        assert row["organizations"] == ("'=Testverein" if lang == "de" else "'+Тестовое общество")
        assert next(r for r in rows if r["id"] == "2017-06-grenzen")["title"] == (
            "Grenzen & Москва a_b" if lang == "de" else "Границы & Berlin")


def test_a_title_with_words_in_the_other_script_keeps_them_marked(built):
    """The first finding of the long fuzzing run (an oracle that ignored the language spans), kept as a case."""
    assert ('<h1 id="page-title">Grenzen &amp; <span lang="ru">Москва</span> a_b</h1>'
            in built["de/seminars/2017-06-grenzen.html"].decode())
    assert ('<h1 id="page-title">Границы &amp; <span lang="de">Berlin</span></h1>'
            in built["ru/seminars/2017-06-grenzen.html"].decode())


@pytest.mark.parametrize(("cell", "safe"), [
    ("=1+1", "'=1+1"), ("+49 30", "'+49 30"), ("-x", "'-x"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("x=1", "x=1"), ("", ""), ("'quoted", "'quoted"), ("1991-08-28", "1991-08-28"),
])
def test_spreadsheet_safe_follows_owasp(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_the_data_page_states_the_csv_rule(built):
    assert ("<dd>Eine Zeile je Eintrag" in built["de/data.html"].decode()
            and "beginnt stattdessen mit einem Apostroph ('), damit Tabellenprogramme" in built["de/data.html"].decode())
    assert "начинается вместо этого с апострофа ('), чтобы табличные" in built["ru/data.html"].decode()


def test_external_links_leave_with_noopener_and_say_so(built):
    page = built["de/seminars/2017-06-grenzen.html"].decode()
    note = '<span class="archive-external" lang="de"> (externer Link)</span>'
    for href, text in (("https://example.org/a_(b)", "extern"), ("//example.org/x", "protokollrelativ"),
                       ("/\\example.org", "rückwärts"), ("https://example.org/", "https://example.org/")):
        assert f'<a href="{href}" rel="noopener noreferrer">{text}{note}</a>' in page
    assert '<a href="../topics/testthema.html">relativ</a>' in page
    assert ('<a href="https://example.org/quelle" rel="noopener noreferrer">Testquelle'
            '<span class="archive-external" lang="de"> (externer Link)</span></a>') in page
    assert '<span class="archive-external" lang="ru"> (внешняя ссылка)</span>' in built["ru/seminars/2017-06-grenzen.html"].decode()
    # The reviewers' side-by-side page shows the body as the record page does, note included.
    review = built["de/review/seminars/2017-06-grenzen.html"].decode()
    assert f'<a href="https://example.org/a_(b)" rel="noopener noreferrer">extern{note}</a>' in review


@pytest.mark.parametrize(("target", "external"), [
    ("//evil.example", True), ("/\\evil.example", True), ("\\\\evil.example", True), ("\\/evil.example", True),
    (" //evil.example", True), ("/\t/evil.example", True), ("https://x.org", True), ("MAILTO:a@b.de", True),
    ("/local", False), ("../topics/x.html", False), ("#sources", False), ("x//y", False),
])
def test_protocol_relative_and_backslash_targets_are_external(target, external):
    assert is_external(target) is external


def test_bodies_at_the_bounds_render_their_structure(built):
    page = built["de/seminars/2017-06-grenzen.html"].decode()
    lists = "".join(f"<li>Ebene {level}<ul>\n" for level in range(1, 8)) + "<li>Ebene 8</li>\n"
    quotes = "".join(f"<blockquote>\n<p>Zitat {level}</p>\n" for level in range(1, 9))
    assert lists in page and quotes + "</blockquote>\n" * 8 in page
    assert f"<p>{'[' * 100}{']' * 100}</p>" in page and f"<p>{'[' * 200}</p>" in page


def test_the_markdown_renderer_pairs_brackets_as_python_markdown_does():
    md = SafeMarkdown()
    assert md.render("[a [b] c](x.html) [d]") == '<p><a href="x.html">a [b] c</a> [d]</p>'
    assert md.render("[[a](x.html)") == '<p>[<a href="x.html">a</a></p>'
    assert md.render("[a](x.html \"t\") [b](<y z.html>)") == '<p><a href="x.html">a</a> <a href="y z.html">b</a></p>'
    assert md.render("[a](" + "(" * 400 + "x)") == "<p>[a](" + "(" * 400 + "x)</p>"


# Configuration from the environment ------------------------------------------------------------------------------

@pytest.mark.parametrize("address", ["https://example.org/archiv/", "http://localhost:8000/", "https://a.b/c%20d/"])
def test_plain_site_addresses_are_taken(address):
    assert SiteAddress(address).root == address


@pytest.mark.parametrize("address", [
    'https://example.org/"><script>alert(1)</script>', "javascript:alert(1)", "https://example.org/\nDisallow: /",
    "https://example.org/?a=1&b=2", "https://example.org/#x", "//example.org/", "https://user@example.org/",
    "https://example.org/a b/", "ftp://example.org/",
])
def test_site_addresses_that_could_break_out_are_refused(address):
    with pytest.raises(AddressInvalid) as raised:
        SiteAddress(address)
    assert str(raised.value).startswith("site address (PARTNERSCHAFTSARCHIV_SITE_URL): ")
    assert "\n" not in str(raised.value)


def test_repository_address_and_edit_path_are_checked():
    assert checked_web_address("r", "https://github.com/owner/repo") == "https://github.com/owner/repo"
    assert checked_edit_path("e", "edit/main/") == "edit/main/"
    for bad in ("edit/../../x", "edit/main/\"", "/edit", "edit main"):
        with pytest.raises(AddressInvalid):
            checked_edit_path("e", bad)


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("PARTNERSCHAFTSARCHIV_SITE_URL", "https://example.org/\"onmouseover=\"alert(1)",
     # MkDocs has added the final slash by then
     "site address (PARTNERSCHAFTSARCHIV_SITE_URL): 'https://example.org/\"onmouseover=\"alert(1)/' is not a plain "
     "web address"),
    ("PARTNERSCHAFTSARCHIV_REPO_URL", "https://github.com/o/r\"><script>",
     "repository address (PARTNERSCHAFTSARCHIV_REPO_URL): 'https://github.com/o/r\"><script>' is not a plain "
     "web address"),
])
def test_the_build_refuses_an_unsafe_address_in_plain_words(tmp_path, variable, value, message):
    project = make_project(tmp_path / "project")
    result = run_build(project, env={variable: value})
    assert result.returncode == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert not result.site.exists()


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(texts=st.lists(st.text(alphabet="[]()a!", max_size=300), min_size=1, max_size=4))
def test_bracket_pairing_finds_what_python_markdown_finds(texts):
    """The linear `getText` against Python-Markdown's own, on every `[` of texts asked about in turn (one instance
    keeps its pairs between calls, as during a render)."""
    fast = _BracketText()
    for text in texts:
        for index in [i + 1 for i, ch in enumerate(text) if ch == "["] + [0, len(text)]:
            assert fast(text, index) == LinkInlineProcessor.getText(None, text, index), (text, index)


# `new` refuses what `validate` would refuse --------------------------------------------------------------------

@pytest.mark.parametrize(("args", "status", "message"), [
    (["--date", "2017-06", "--id", "con"], 1, "error: the id 'con' is a device name on Windows, where the offline "
                                              "copy of the site could not be unpacked: choose another"),
    (["--date", "2017-06", "--id", "index"], 1, "error: the id 'index' is the name of a page the site makes (each "
                                                "folder's list): choose another"),
    (["--date", "2100-01"], 2, "error: date: '2100-01': the archive shows dates from the year 1900 to the end of 2099"),
    (["--date", "٢٠١٧-06"], 2, "error: date: '٢٠١٧-06': write dates with the digits 0 to 9 (e.g. 2017-06-04)"),
    (["--date", "2017-06", "--source", "x\ry"], 1, "error: unknown source 'x\\ry': add the source under data/sources/ "
                                                   "first"),
])
def test_new_refuses_what_validate_would_refuse(tmp_path, capsys, args, status, message):
    from conftest import REPO
    from partnerschaftsarchiv.cli import main

    shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copytree(REPO / "translations", tmp_path / "translations")
    assert main(["new", "seminar", *args, "--root", str(tmp_path), "--no-input"]) == status
    assert capsys.readouterr().err.splitlines() == [message]
    assert sorted(p.name for p in (tmp_path / "data" / "seminars").iterdir()) == sorted(
        p.name for p in (REPO / "data" / "seminars").iterdir())
