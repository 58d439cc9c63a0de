"""The site's address and the repository paths from the environment (publishing/address.py): refused in plain words
naming the setting, never written into pages unchecked; a hosted site's root always ends in a slash."""

from __future__ import annotations

import pytest

from partnerschaftsarchiv.publishing import SiteAddress
from partnerschaftsarchiv.publishing.address import AddressInvalid, checked_edit_path, checked_web_address


def test_a_plain_address_is_taken_and_ends_in_a_slash():
    assert SiteAddress("https://example.org/archiv").root == "https://example.org/archiv/"
    assert SiteAddress("https://example.org/").path == "/"
    assert SiteAddress("https://example.org/archiv/").path == "/archiv/"
    assert SiteAddress("https://example.org/archiv/").page("ru", "topics/x") == "https://example.org/archiv/ru/topics/x.html"
    assert SiteAddress().absolute("index.html") == "" and not SiteAddress().hosted
    assert checked_web_address("x", "http://localhost:8000/a_b/") == "http://localhost:8000/a_b/"
    assert checked_edit_path("x", "edit/main/") == "edit/main/"


def test_an_address_that_is_not_plain_is_refused_naming_the_setting():
    with pytest.raises(AddressInvalid) as refused:
        SiteAddress('https://example.org/"><script>')
    assert str(refused.value) == (
        "site address (PARTNERSCHAFTSARCHIV_SITE_URL): 'https://example.org/\"><script>' is not a plain web address: "
        "write it as https://host/path/ with letters, digits and . _ ~ % - / only (no spaces, quotes, <, >, &, ?, "
        "# or line breaks)")
    with pytest.raises(AddressInvalid) as refused:
        checked_edit_path("edit path (PARTNERSCHAFTSARCHIV_EDIT_URI)", "edit/../../x")
    assert str(refused.value) == ("edit path (PARTNERSCHAFTSARCHIV_EDIT_URI): 'edit/../../x' is not a plain path such "
                                  "as edit/main/: letters, digits and . _ ~ % - / only")
    with pytest.raises(AddressInvalid) as refused:
        checked_edit_path("e", "a b" * 50)
    assert str(refused.value).startswith("e: '" + ("a b" * 50)[:79] + "…' is not a plain path")
    for shown, value in [("'" + "x y" * 26 + "zz'", "x y" * 26 + "zz"), ("'" + ("x y" * 27)[:79] + "…'", "x y" * 27)]:
        with pytest.raises(AddressInvalid) as refused:  # 80 characters are shown whole, 81 cut to 79 and "…"
            checked_edit_path("e", value)
        assert str(refused.value).startswith(f"e: {shown} is not")
