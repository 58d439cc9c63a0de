"""Content rules the source check asked for, as a reader sees them on the built pages."""

from __future__ import annotations

from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.structure import RegistryKind

from conftest import REPO


def test_russian_pages_cite_a_german_source_with_its_title_translated_beside_it(real_site):
    ru = real_site.page("ru/seminars/2017-06-moskau.html")
    assert ('<cite lang="de">Teilnahme des Paritätischen Wohlfahrtsverbandes am 18. Sozialseminar in Moskau</cite> '
            '<span class="archive-source__title-translation">[перевод заглавия: Участие Паритетного '
            'благотворительного союза в 18-м социальном семинаре в Москве]</span>') in ru
    de = real_site.page("de/seminars/2017-06-moskau.html")
    assert "archive-source__title-translation" not in de  # the original needs no translation
    assert "[перевод заглавия: Семинары в социальной сфере]" in real_site.page("ru/sources/index.html")


def test_topics_named_in_a_records_text_are_linked_from_it():
    archive = load_archive(REPO / "data").archive
    for topic in ("teilhabe", "fruehfoerderung", "inklusive-kitas", "inklusive-schulen"):
        naming = [r.id for r in archive.records_naming(RegistryKind.TOPIC, topic)]
        assert "2017-06-moskau" in naming, topic
    # Every topic of the archive has at least one record: no topic page says "0 entries".
    empty = [t for t in archive.topics if not archive.records_naming(RegistryKind.TOPIC, t)]
    assert empty == []


def test_official_russian_names(real_site):
    ru = real_site.page("ru/organizations/tcso-maryino.html")
    assert '<h1 id="page-title">Территориальный центр социального обслуживания «Марьино»</h1>' in ru
    assert "ГБУ ТЦСО «Марьино»" in ru
    person = real_site.page("ru/people/sergej-tscheremin.html")
    assert ("Министр Правительства Москвы, руководитель Департамента внешнеэкономических и международных связей "
            "города Москвы") in person
    assert "Фонд «Foundation Co-Integration»" not in real_site.page("ru/organizations/foundation-co-integration.html")


def test_record_pages_show_the_agreeing_status(real_site):
    pages = {
        "ru/seminars/2017-06-moskau.html": "состоялся",
        "ru/meetings/2013-09-botschaft-fachgespraech.html": "состоялась",
        "ru/agreements/2012-09-25-kooperationsvereinbarung-soziales.html": "заключено",
        "ru/agreements/2012-05-un-brk-russland.html": "действует",
        "de/meetings/2013-09-botschaft-fachgespraech.html": "stattgefunden",
    }
    for path, word in pages.items():
        assert f"<dd>{word}</dd>" in real_site.page(path), path
    assert '<p class="archive-count">4 семинара</p>' in real_site.page("ru/seminars/index.html")
    assert '<p class="archive-count">3 встречи</p>' in real_site.page("ru/meetings/index.html")
    assert '<p class="archive-count">6 Vereinbarungen</p>' in real_site.page("de/agreements/index.html")
