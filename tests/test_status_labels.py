"""Status labels and counts agree with the record's kind: Russian grammar needs the gettext context of the kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerschaftsarchiv.i18n import Localizer, load_translations
from partnerschaftsarchiv.rendering import labels
from partnerschaftsarchiv.structure import EventStatus, RecordKind

REPO = Path(__file__).resolve().parent.parent

# Written out from Russian grammar: семинар (m.), встреча (f.), соглашение (n.), проект (m.).
EXPECTED = {
    "ru": {
        RecordKind.SEMINAR: {"planned": "запланирован", "held": "состоялся", "cancelled": "отменён"},
        RecordKind.MEETING: {"planned": "запланирована", "held": "состоялась", "cancelled": "отменена"},
        RecordKind.AGREEMENT: {"signed": "заключено", "in_force": "действует", "superseded": "утратило силу"},
        RecordKind.PROJECT: {"planned": "запланирован", "running": "реализуется", "completed": "завершён"},
    },
    "de": {
        RecordKind.SEMINAR: {"planned": "geplant", "held": "stattgefunden", "cancelled": "abgesagt"},
        RecordKind.MEETING: {"planned": "geplant", "held": "stattgefunden", "cancelled": "abgesagt"},
        RecordKind.AGREEMENT: {"signed": "unterzeichnet", "in_force": "in Kraft", "superseded": "abgelöst"},
        RecordKind.PROJECT: {"planned": "geplant", "running": "laufend", "completed": "abgeschlossen"},
    },
}
COUNTS = {
    "ru": {RecordKind.SEMINAR: ("1 семинар", "3 семинара", "5 семинаров", "21 семинар"),
           RecordKind.MEETING: ("1 встреча", "3 встречи", "5 встреч", "21 встреча"),
           RecordKind.AGREEMENT: ("1 соглашение", "3 соглашения", "5 соглашений", "21 соглашение"),
           RecordKind.PROJECT: ("1 проект", "3 проекта", "5 проектов", "21 проект")},
    "de": {RecordKind.SEMINAR: ("1 Seminar", "3 Seminare", "5 Seminare", "21 Seminare"),
           RecordKind.MEETING: ("1 Treffen", "3 Treffen", "5 Treffen", "21 Treffen"),
           RecordKind.AGREEMENT: ("1 Vereinbarung", "3 Vereinbarungen", "5 Vereinbarungen", "21 Vereinbarungen"),
           RecordKind.PROJECT: ("1 Projekt", "3 Projekte", "5 Projekte", "21 Projekte")},
}


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_every_status_of_every_kind_has_its_own_agreeing_label(lang):
    l10n = Localizer(lang, load_translations(REPO / "translations", lang))
    # The schemas allow exactly these statuses per kind; every one has a label.
    assert {kind: {s.value for s in statuses} for kind, statuses in labels.STATUS.items()} == {
        kind: set(expected) for kind, expected in EXPECTED[lang].items()}
    for kind, expected in EXPECTED[lang].items():
        for status, word in expected.items():
            assert l10n.pgettext(*labels.STATUS[kind][EventStatus(status)]) == word, (kind, status)


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_counts_name_the_kind_in_the_numbers_plural_form(lang):
    l10n = Localizer(lang, load_translations(REPO / "translations", lang))
    for kind, expected in COUNTS[lang].items():
        singular, plural = labels.KIND_COUNT[kind]
        got = tuple(l10n.ngettext(singular, plural, n) % {"num": n} for n in (1, 3, 5, 21))
        assert got == expected, kind

