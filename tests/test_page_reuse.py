"""The preview renders again only the pages whose inputs changed (rendering/page_inputs.py, build/reuse.py), and
never shows a stale one: after each edit of the real archive below, every page the memory gives equals a render
that reused nothing, and the pages the edit touches were rendered again (issue 20).

Each edit follows one way a page reads another entry: a record's title on the pages that list it, a topic's name,
the place a place lies within, a source's publisher, a person's organizations, the neighbours in a kind, a
relation seen from its far end, a year moved, a record removed. The edits are made in memory, so the test needs
no engine and runs among the fast ones."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from conftest import REPO
from partnerschaftsarchiv.build.language import LanguageBuild
from partnerschaftsarchiv.build.reuse import RENDERED_PAGES
from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.project import Project
from partnerschaftsarchiv.publishing import SiteAddress
from partnerschaftsarchiv.rendering.site import SiteRenderer
from partnerschaftsarchiv.structure import (Archive, Citation, LocalizedText, Relation, RelationType,
                                            parse_edtf)

ACCESSED = dt.date(2026, 11, 30)
MAPS = ("records", "topics", "organizations", "people", "places", "sources")


@pytest.fixture(scope="module")
def real_archive() -> Archive:
    return load_archive(REPO / "data", REPO).archive


@pytest.fixture
def memory():
    RENDERED_PAGES.forget()
    RENDERED_PAGES.enabled = True
    yield RENDERED_PAGES
    RENDERED_PAGES.enabled = False
    RENDERED_PAGES.forget()


def render(archive: Archive, lang: str = "de") -> dict[str, object]:
    site = SiteRenderer(archive, REPO / "translations", ("de", "ru"), REPO / "layouts", accessed=ACCESSED)
    build = LanguageBuild(site, Project.at(REPO, ("de", "ru")), lang, SiteAddress())
    return {page.key: page for page in build.render_pages()}


def fresh(archive: Archive, lang: str = "de") -> dict[str, object]:
    enabled, RENDERED_PAGES.enabled = RENDERED_PAGES.enabled, False
    try:
        return render(archive, lang)
    finally:
        RENDERED_PAGES.enabled = enabled


def changed(archive: Archive, entry, **fields) -> Archive:
    """The archive with the entry of `entry`'s kind and id changed to have `fields` (or taken out, with
    `removed=True`)."""
    maps = {name: dict(getattr(archive, name)) for name in MAPS}
    holder = next(m for m in maps.values() if type(m.get(entry.id)) is type(entry))
    if fields.pop("removed", False):
        del holder[entry.id]
    else:
        holder[entry.id] = dataclasses.replace(holder[entry.id], **fields)
    return Archive(**maps)


def added(archive: Archive, like, new_id: str) -> Archive:
    """The archive with a copy of the registry entry of `like`'s kind and id under another id."""
    maps = {name: dict(getattr(archive, name)) for name in MAPS}
    holder = next(m for m in maps.values() if type(m.get(like.id)) is type(like))
    holder[new_id] = dataclasses.replace(holder[like.id], id=new_id, path=like.path.with_name(f"{new_id}.yml"))
    return Archive(**maps)


def renamed(text: LocalizedText, suffix: str) -> LocalizedText:
    return LocalizedText({code: value + suffix for code, value in text.values.items()}, text.original)


def rendered_again(memory, pages: dict) -> set[str]:
    return set(pages) - memory.reused


def check(memory, archive: Archive, lang: str = "de") -> set[str]:
    """Render `archive` with the memory of the previous render; assert it is a clean render. The keys rendered
    again."""
    pages = render(archive, lang)
    assert pages == fresh(archive, lang)
    return rendered_again(memory, pages)


def test_each_edit_renders_its_pages_again_and_leaves_none_stale(real_archive, memory):
    archive = real_archive
    moskau = archive.records["2017-06-moskau"]
    first = render(archive)
    assert memory.reused == set() and len(first) == 111
    assert check(memory, archive) == set()  # nothing changed: every page reused

    # A record's title: its page, its reviewers' page, the pages that list it; not an unrelated topic's page.
    archive = changed(archive, moskau, title=renamed(moskau.title, " (bearbeitet)"))
    again = check(memory, archive)
    unrelated = next(t for t in archive.topics.values() if t.id not in moskau.topics)
    assert {moskau.key, f"review/{moskau.key}", "seminars/index", "timeline", "index"} <= again
    assert {f"topics/{topic}" for topic in moskau.topics} <= again
    assert unrelated.key not in again and len(again) < len(first) / 2

    # A topic's name: the pages of the records that have it, and the other topics' related lists.
    topic = archive.topics[moskau.topics[0]]
    archive = changed(archive, topic, name=renamed(topic.name, " (neu)"))
    again = check(memory, archive)
    assert {topic.key, moskau.key} <= again and unrelated.key not in again

    # The place a place lies within: a new place, which nothing else reaches, so only the pages that show the
    # first place's surroundings change with its name.
    inner = next(p for p in archive.places.values() if p.within)
    archive = added(archive, archive.places[inner.within], "neuer-ort")
    archive = changed(archive, inner, within="neuer-ort")
    assert inner.key in check(memory, archive)
    archive = changed(archive, archive.places["neuer-ort"], name=renamed(inner.name, " (Ort)"))
    assert check(memory, archive) >= {inner.key, "places/neuer-ort"}

    # A source's publisher: shown wherever the source is cited.
    source = archive.sources[moskau.sources[0].source]
    publisher = next(iter(archive.organizations.values()))
    archive = changed(archive, source, publisher=publisher.id)
    assert moskau.key in check(memory, archive)
    archive = changed(archive, publisher, name=renamed(publisher.name, " (Verlag)"))
    assert {moskau.key, source.key} <= check(memory, archive)

    # A person's organizations (a new one, which nothing else reaches).
    person = next(p for p in archive.people.values() if p.organizations)
    archive = added(archive, archive.organizations[person.organizations[0]], "neue-stelle")
    archive = changed(archive, person, organizations=(*person.organizations, "neue-stelle"))
    assert person.key in check(memory, archive)
    new_office = archive.organizations["neue-stelle"]
    archive = changed(archive, new_office, name=renamed(new_office.name, " (neu)"))
    assert person.key in check(memory, archive)

    # Where an organization is based (a new place again).
    archive = added(archive, inner, "neuer-sitz")
    archive = changed(archive, archive.organizations["neue-stelle"], place="neuer-sitz")
    assert "organizations/neue-stelle" in check(memory, archive)
    archive = changed(archive, archive.places["neuer-sitz"], name=renamed(inner.name, " (Sitz)"))
    assert "organizations/neue-stelle" in check(memory, archive)

    # The sources a record and a person cite (new ones, which nothing else reaches); then a loop of references
    # (the publisher cites the source it published), which the walk must leave.
    for cites, new_source in ((moskau, "quelle-a"), (person, "quelle-b")):
        archive = added(archive, source, new_source)
        cited = archive.records.get(cites.id) or archive.people[cites.id]
        archive = changed(archive, cited, sources=(*cited.sources, Citation(new_source)))
        check(memory, archive)
        archive = changed(archive, archive.sources[new_source], name=renamed(source.name, " (neu)"))
        assert cites.key in check(memory, archive)
    archive = changed(archive, archive.organizations[publisher.id], sources=(Citation(source.id),))
    assert publisher.key in check(memory, archive)

    # A note on a registry entry's citation.
    archive = changed(archive, topic, sources=(Citation(source.id, LocalizedText({"de": "S. 3"}, "de")),))
    assert {topic.key, source.key} <= check(memory, archive)

    # A relation, seen from the record it points to; then a date moved into another year, which changes the
    # neighbours in the kind and the year pages.
    other = next(r for r in archive.records.values() if r.id != moskau.id and not archive.linked(r))
    archive = changed(archive, other, relations=(Relation(RelationType.CONTINUES, moskau.id),))
    assert {other.key, moskau.key} <= check(memory, archive)
    moskau = archive.records[moskau.id]
    archive = changed(archive, moskau, date=parse_edtf("1995-05"))
    again = check(memory, archive)
    assert {moskau.key, "years/1995", "years/2017", "years/index"} <= again

    # A record taken out: its pages go, the pages that listed it are rendered again.
    archive = changed(archive, other, removed=True)
    pages = render(archive)
    assert other.key not in pages and pages == fresh(archive)
    assert moskau.key in rendered_again(memory, pages)


def test_russian_pages_reuse_the_same_way(real_archive, memory):
    moskau = real_archive.records["2017-06-moskau"]
    render(real_archive, "ru")
    archive = changed(real_archive, moskau, title=renamed(moskau.title, " (изм.)"))
    again = check(memory, archive, "ru")
    assert moskau.key in again and len(again) < 60


def test_a_change_every_page_shares_renders_every_page_again(real_archive, memory, monkeypatch):
    """The citations' access date is on every record page: another day renders everything again."""
    pages = render(real_archive)
    monkeypatch.setattr(f"{__name__}.ACCESSED", dt.date(2026, 12, 1))
    again = check(memory, real_archive)
    assert again == set(pages)
