"""The archive's structure as pages use it: text fallbacks, year groups, counts, reverse indexes, related topics.

Fast (no build): records are made in memory; every expected value is written out by hand.
"""

from __future__ import annotations

from pathlib import Path

from partnerschaftsarchiv.structure import (Archive, Citation, LocalizedText, Participation, PlaceRole, RecordKind,
                                            RegistryKind, Relation, RelationType, Role, TranslationStatus, parse_edtf)
from partnerschaftsarchiv.structure.chronology import (Neighbours, by_start_year, neighbours_in_kind, records_by_year,
                                                       tally_by_year, years_touched)
from partnerschaftsarchiv.structure.cooccurrence import related_topics
from partnerschaftsarchiv.structure.entries import Organization, Person, PlaceMention, Record, Topic
from partnerschaftsarchiv.structure.text import ResolvedText, Translation


def record(id_, date, kind=RecordKind.SEMINAR, topics=(), place=None, organizations=(), people=(), relations=(),
           sources=()):
    text = LocalizedText({"de": id_}, "de")
    return Record(id=id_, path=Path(f"data/{kind.folder}/{id_}.yml"), translation=Translation("de"), kind=kind,
                  title=text, summary=text, date=parse_edtf(date), topics=tuple(topics), place=place,
                  organizations=tuple(organizations), people=tuple(people), relations=tuple(relations),
                  sources=tuple(sources))


RECORDS = [
    record("c", "2014/2016", RecordKind.PROJECT, topics=["x", "y"]),
    record("a", "2012-09-25", RecordKind.AGREEMENT, topics=["x"], place="berlin",
           organizations=[Participation("senat", Role.PARTY), Participation("senat", Role.ORGANIZER)]),
    record("b", "2012", RecordKind.SEMINAR, topics=["x", "z", "x"], people=[Participation("p", Role.LEADER)],
           relations=[Relation(RelationType.RESTS_ON, "a")], sources=[Citation("s1")]),
    record("d", "2012-23", RecordKind.MEETING, topics=["y", "z"]),
    record("e", "2009-24", RecordKind.SEMINAR, topics=["z"]),
]


def archive() -> Archive:
    return Archive(records={r.id: r for r in RECORDS}, topics={}, organizations={}, people={}, places={}, sources={})


def test_text_in_the_language_or_the_original_marked_as_fallback():
    text = LocalizedText({"de": "Haus", "ru": ""}, "de")
    assert text.get("de") == ResolvedText("Haus", "de", False)
    assert text.get("ru") == ResolvedText("Haus", "de", True)
    assert (text.has("de"), text.has("ru"), text.has("en")) == (True, False, False)
    assert bool(text) is True and bool(LocalizedText({"de": ""}, "de")) is False
    assert str(text.get("ru")) == "Haus" and bool(ResolvedText("", "de", True)) is False
    both = LocalizedText({"de": "Haus", "ru": "дом"}, "de")
    assert both.get("ru") == ResolvedText("дом", "ru", False)


def test_translation_status_of_each_language():
    translation = Translation("de", {"ru": TranslationStatus.REVIEWED})
    assert translation.status("de") is TranslationStatus.ORIGINAL
    assert translation.status("ru") is TranslationStatus.REVIEWED
    assert translation.status("en") is TranslationStatus.MISSING
    assert [s.value for s in TranslationStatus] == ["original", "reviewed", "unreviewed", "missing"]


def test_kinds_name_their_folders():
    assert [k.folder for k in RecordKind] == ["seminars", "agreements", "projects", "meetings"]
    assert [k.folder for k in RegistryKind] == ["topics", "organizations", "people", "places", "sources"]
    assert RECORDS[0].key == "projects/c"


def test_timeline_groups_by_start_year_in_date_order():
    groups = by_start_year(RECORDS)
    assert [(g.year, [r.id for r in g.records]) for g in groups] == [
        (2009, ["e"]), (2012, ["b", "d", "a"]), (2014, ["c"])]


def test_overview_counts_every_year_from_first_to_last_with_gaps():
    tallies = tally_by_year(RECORDS)
    assert [t.year for t in tallies] == [2009, 2010, 2011, 2012, 2013, 2014]
    assert [t.total for t in tallies] == [1, 0, 0, 3, 0, 1]
    year_2012 = tallies[3]
    assert (year_2012.count(RecordKind.SEMINAR), year_2012.count(RecordKind.AGREEMENT),
            year_2012.count(RecordKind.MEETING), year_2012.count(RecordKind.PROJECT)) == (1, 1, 1, 0)
    assert tally_by_year([]) == []


def test_year_pages_list_every_record_the_year_touches():
    by_year = {year: [r.id for r in records] for year, records in records_by_year(RECORDS).items()}
    # Winter 2009 runs into 2010; 2014/2016 touches 2015; no record touches 2011 or 2013.
    assert by_year == {2009: ["e"], 2010: ["e"], 2012: ["b", "d", "a"], 2014: ["c"], 2015: ["c"], 2016: ["c"]}
    assert list(by_year) == [2009, 2010, 2012, 2014, 2015, 2016]
    assert years_touched(RECORDS) == [2009, 2010, 2012, 2014, 2015, 2016]


def test_related_topics_most_shared_first_then_by_id():
    assert related_topics(RECORDS, "x") == [("y", 1), ("z", 1)]
    assert related_topics(RECORDS, "z") == [("x", 1), ("y", 1)]  # "x" twice in one record counts once
    assert related_topics(RECORDS, "y") == [("x", 1), ("z", 1)]
    assert related_topics(RECORDS + [record("f", "2020", topics=["y", "z"])], "y") == [("z", 2), ("x", 1)]
    assert related_topics(RECORDS, "none") == []


def test_reverse_indexes_in_date_order_and_without_repeats():
    a = archive()
    assert [r.id for r in a.chronological()] == ["e", "b", "d", "a", "c"]
    assert [r.id for r in a.chronological(RecordKind.SEMINAR)] == ["e", "b"]
    assert [r.id for r in a.records_naming(RegistryKind.TOPIC, "x")] == ["b", "a", "c"]
    assert [r.id for r in a.records_naming(RegistryKind.ORGANIZATION, "senat")] == ["a"]
    assert [r.id for r in a.records_naming(RegistryKind.PERSON, "p")] == ["b"]
    assert [r.id for r in a.records_naming(RegistryKind.PLACE, "berlin")] == ["a"]
    assert [r.id for r in a.records_naming(RegistryKind.SOURCE, "s1")] == ["b"]
    assert a.records_naming(RegistryKind.TOPIC, "nothing") == []


def test_relations_are_seen_from_both_ends():
    a = archive()
    [outgoing] = a.linked(a.records["b"])
    assert (outgoing.type, outgoing.outgoing, outgoing.record.id) == (RelationType.RESTS_ON, True, "a")
    [incoming] = a.linked(a.records["a"])
    assert (incoming.type, incoming.outgoing, incoming.record.id) == (RelationType.RESTS_ON, False, "b")
    assert a.linked(a.records["c"]) == []


def test_registry_by_kind():
    a = Archive(records={}, topics={"t": 1}, organizations={"o": 2}, people={"p": 3}, places={"l": 4},
                sources={"s": 5})
    assert [dict(a.registry(k)) for k in RegistryKind] == [{"t": 1}, {"o": 2}, {"p": 3}, {"l": 4}, {"s": 5}]


def test_two_records_of_one_kind_in_one_year_count_twice():
    tallies = tally_by_year([record("s1", "2012-01"), record("s2", "2012-05"), record("m", "2013", RecordKind.MEETING)])
    assert [(t.year, t.count(RecordKind.SEMINAR), t.count(RecordKind.MEETING), t.total) for t in tallies] == [
        (2012, 2, 0, 2), (2013, 0, 1, 1)]


def test_previous_and_next_record_of_the_same_kind():
    found = neighbours_in_kind(RECORDS + [record("f", "2020")])
    by_id = {r.id: r for r in RECORDS}
    assert sorted(found) == ["a", "b", "c", "d", "e", "f"]
    assert [(found[i].earlier and found[i].earlier.id, found[i].later and found[i].later.id) for i in "ebf"] == [
        (None, "b"), ("e", "f"), ("b", None)]
    assert (found["a"].earlier, found["a"].later) == (None, None)  # the only agreement
    assert found["c"] == found["d"] == Neighbours()
    assert found["b"].earlier is by_id["e"]
    assert neighbours_in_kind([]) == {}


def test_related_topics_tie_broken_by_id_not_by_order_of_mention():
    assert related_topics([record("r", "2012", topics=["x", "z", "y"])], "x") == [("y", 1), ("z", 1)]


def test_registry_entries_citing_a_source_in_registry_order():
    cites = (Citation("s1", LocalizedText({"de": "S. 2"}, "de")),)
    name = LocalizedText({"de": "Name"}, "de")
    entry = {"path": Path("data/x.yml"), "translation": Translation("de"), "name": name}
    topic = Topic(id="t", sources=(Citation("s2"),) + cites, **entry)
    person = Person(id="p", sources=cites, **entry)
    organization = Organization(id="o", sources=cites, **entry)
    a = Archive(records={}, topics={"t": topic, "t2": Topic(id="t2", **entry)}, organizations={"o": organization},
                people={"p": person}, places={}, sources={})
    assert a.entries_citing("s1") == [topic, organization, person]
    assert a.entries_citing("s2") == [topic]
    assert a.entries_citing("s3") == []


def test_places_of_a_record_by_their_role():
    visit = Record(id="v", path=Path("data/seminars/v.yml"), translation=Translation("de"), kind=RecordKind.SEMINAR,
                   title=LocalizedText({"de": "v"}, "de"), summary=LocalizedText({"de": "v"}, "de"),
                   date=parse_edtf("2017"), place="berlin",
                   places=(PlaceMention("berlin", PlaceRole.VENUE), PlaceMention("moskau", PlaceRole.VISITED),
                           PlaceMention("maryino", PlaceRole.VISITED)))
    assert visit.places_as(PlaceRole.VISITED) == ("moskau", "maryino")
    assert visit.places_as(PlaceRole.VENUE) == ("berlin",)
    assert RECORDS[0].places_as(PlaceRole.VENUE) == ()


def test_a_text_missing_in_its_original_language_is_empty():
    assert LocalizedText({"ru": "Марьино"}, "de").get("de") == ResolvedText("", "de", True)
    assert LocalizedText({"ru": "Марьино"}, "de").get("en") == ResolvedText("", "de", True)
    assert bool(ResolvedText("Haus", "de", False)) is True
