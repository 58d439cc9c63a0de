"""The cache of rendered fragments (rendering/fragments.py): within one build a fragment is kept by its key; the
preview's cache lives from build to build, keeps what the last build used, names records by their version and
starts empty when what all pages share changes."""

from __future__ import annotations

from types import SimpleNamespace

from partnerschaftsarchiv.rendering.fragments import FragmentCache


def test_a_kept_fragment_is_given_back_by_its_key():
    cache = FragmentCache()
    assert cache.get(("entry", "a", 1, "")) is None
    assert cache.keep(("entry", "a", 1, ""), "<li>a</li>") == "<li>a</li>"
    assert cache.get(("entry", "a", 1, "")) == "<li>a</li>"
    assert cache.get(("entry", "a", 2, "")) is None
    assert cache.version(SimpleNamespace(key="a")) == ""  # one build: every record has one version


def test_the_next_build_keeps_what_the_last_one_used_while_the_shared_inputs_stay():
    cache = FragmentCache()
    cache.next_build("layouts-1", lambda record: "v1")
    cache.keep("used", "<li>used</li>")
    cache.keep("also used", "<li>also</li>")
    cache.next_build("layouts-1", lambda record: "v2")
    assert cache.version(SimpleNamespace(key="a")) == "v2"
    assert cache.get("used") == "<li>used</li>"  # the second build uses one of the two
    cache.next_build("layouts-1", lambda record: "v3")
    assert cache.get("used") == "<li>used</li>" and cache.get("also used") is None
    cache.next_build("layouts-2", lambda record: "v4")  # a layout or catalog changed
    assert cache.get("used") is None
    cache.keep("new", "<li>new</li>")
    cache.forget()
    cache.next_build("layouts-2", lambda record: "v5")
    assert cache.get("new") is None
