"""Links between pages are relative paths worked out without the file system (publishing/address.py): the same
as `posixpath.relpath` for page paths, literally for the cases the site has and for any generated ones."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from partnerschaftsarchiv.publishing import SiteAddress
from partnerschaftsarchiv.publishing.address import relative_path


def test_links_between_pages_of_one_and_two_languages():
    link = SiteAddress().link
    assert link("de", "seminars/2017-06-moskau", "de", "topics/selbsthilfe") == "../topics/selbsthilfe.html"
    assert link("de", "seminars/2017-06-moskau", "de", "seminars/2007-04-berlin") == "2007-04-berlin.html"
    assert link("de", "index", "ru", "index") == "../ru/index.html"
    assert link("ru", "review/seminars/x", "de", "seminars/x") == "../../../de/seminars/x.html"
    assert relative_path("de/seminars.html", "de/seminars") == "../seminars.html"
    assert relative_path("de/x.html", "") == "de/x.html"


_PART = st.sampled_from(["de", "ru", "seminars", "topics", "review", "x", "2017-06-moskau", "a.html"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PART, min_size=1, max_size=4), st.lists(_PART, min_size=0, max_size=4))
def test_the_same_as_relpath(target, start):
    assert relative_path("/".join(target), "/".join(start)) == posixpath.relpath("/".join(target), "/".join(start) or ".")
