"""Synthetic archives of any size for the benchmark: valid records with the shape of the real ones.

Everything here is made up and says so (titles read "Synthetisches Seminar 17" / "Синтетический семинар 17", the
prose is shuffled filler words): the benchmark needs the *shape* of the archive — both languages, several paragraphs,
topics, organizations, people, places, sources, relations, dates of every precision — never its facts. The same
`size` and `seed` always give the same files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Shape", "write_archive"]

# Filler words; the prose they make has the length and the scripts of real records, no meaning.
_WORDS = {
    "de": ("Zusammenarbeit Seminar Teilhabe Menschen Behinderung Selbsthilfe Einrichtung Austausch Erfahrung "
           "Verwaltung Fachkräfte Rehabilitation Beratung Nachbarschaft Projekt Bezirk Stadt Partner Begleitung "
           "Qualität Leistungen Förderung Integration Arbeitsmarkt Kinder Jugend Familien Angebote Netzwerk "
           "Praxis Ergebnis Vorbereitung Gespräch Besuch Programm Entwicklung Gesellschaft Unterstützung "
           "gemeinsam sozial inklusiv fachlich regelmäßig weiter neue viele beide wichtig und mit für der die "
           "das den im zur von auf bei nach über").split(),
    "ru": ("сотрудничество семинар участие люди инвалидность самопомощь учреждение обмен опыт управление "
           "специалисты реабилитация консультирование соседство проект район город партнёр сопровождение "
           "качество услуги поддержка интеграция рынок дети молодёжь семьи предложения сеть практика "
           "результат подготовка беседа визит программа развитие общество помощь совместно социальный "
           "инклюзивный профессиональный регулярно далее новые многие оба важный и с для в на по о при после "
           "между").split(),
}
_KINDS = (("seminars", "seminar", "Synthetisches Seminar", "Синтетический семинар"),
          ("agreements", "agreement", "Synthetische Vereinbarung", "Синтетическое соглашение"),
          ("projects", "project", "Synthetisches Projekt", "Синтетический проект"),
          ("meetings", "meeting", "Synthetisches Treffen", "Синтетическая встреча"))
_STATUS = {"seminar": ("held", "planned", "cancelled"), "meeting": ("held", "planned", "cancelled"),
           "agreement": ("signed", "in_force", "superseded", None),
           "project": ("planned", "running", "completed", None)}
_ROLES = ("organizer", "coordinator", "participant", "party", "host", "leader", "initiator", "preparation",
          "implementer", "endorser")
_RELATIONS = ("rests_on", "part_of", "prepares", "continues", "results_in")
_ORG_TYPES = ("public_body", "office", "ngo", "foundation", "embassy", "association")
_SCHEMA = "# yaml-language-server: $schema=../../src/partnerschaftsarchiv/schemas/{}.schema.json\n"


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a `|` block, as editors write bodies."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


@dataclass(frozen=True)
class Shape:
    """How many registry entries an archive of `records` records has (they grow with it, more slowly)."""

    records: int

    @property
    def topics(self) -> int:
        return max(8, self.records // 25)

    @property
    def organizations(self) -> int:
        return max(8, self.records // 10)

    @property
    def people(self) -> int:
        return max(8, self.records // 6)

    @property
    def places(self) -> int:
        return max(4, self.records // 50)

    @property
    def sources(self) -> int:
        return max(4, self.records // 8)

    @property
    def pages_per_language(self) -> int:
        """Generated pages per language: home, 4 sections, records, 5 registry indexes, 4 browsable registries."""
        return 1 + 4 + self.records + 5 + self.topics + self.organizations + self.people + self.places


class _Writer:
    def __init__(self, data_dir: Path, shape: Shape, seed: int):
        self.data = data_dir
        self.shape = shape
        self.rng = random.Random(seed)

    def sentence(self, lang: str, words: int) -> str:
        chosen = self.rng.choices(_WORDS[lang], k=words)
        return " ".join(chosen).capitalize() + "."

    def paragraph(self, lang: str, sentences: int) -> str:
        return " ".join(self.sentence(lang, self.rng.randint(8, 16)) for _ in range(sentences))

    def body(self, lang: str) -> str:
        """About 350 words of Markdown: paragraphs, a list, emphasis and a link, as editors write them."""
        parts = [self.paragraph(lang, 5) for _ in range(self.rng.randint(4, 5))]
        parts.insert(1, "\n".join(f"- {self.sentence(lang, 7)}" for _ in range(3)))
        link = f"https://example.org/{self.rng.randint(1, 999)}"
        parts.append(f"**{self.sentence(lang, 4)}** [{self.sentence(lang, 3)}]({link})")
        return "\n\n".join(parts) + "\n"

    def translation(self) -> tuple[str, dict[str, str]]:
        roll = self.rng.random()
        if roll < 0.15:
            return "ru", {"ru": "original", "de": "reviewed"}
        return "de", {"de": "original", "ru": "reviewed" if roll < 0.5 else "unreviewed"}

    def text(self, original: str, de: str, ru: str, translated: bool = True) -> dict[str, str]:
        return {"de": de, "ru": ru} if translated else {original: de if original == "de" else ru}

    def date(self, index: int) -> str:
        """Every precision the records use, in turn: day, month, season, year and intervals of them."""
        year = 1991 + index % 35
        month, day = 1 + index % 12, 1 + index % 27
        forms = (f"{year}-{month:02d}-{day:02d}",
                 f"{year}-{month:02d}",
                 f"{year}-{21 + index % 4}",
                 f"{year}",
                 f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{day + 1:02d}",
                 f"{year}-{month:02d}/{year + 1}-{month:02d}",
                 f"{year}/{year + 2}",
                 f"{year}-{21 + index % 4}/{year + 1}")
        return forms[index % len(forms)]

    def write(self, folder: str, schema: str, doc: dict[str, Any]) -> None:
        path = self.data / folder / f"{doc['id']}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
        path.write_text(_SCHEMA.format(schema) + text, encoding="utf-8")

    def sample(self, prefix: str, count: int, low: int, high: int) -> list[str]:
        return [f"{prefix}-{i}" for i in self.rng.sample(range(count), min(count, self.rng.randint(low, high)))]

    # Registries -----------------------------------------------------------------------------------------------

    def registries(self) -> None:
        shape, rng = self.shape, self.rng
        for i in range(shape.sources):
            self.write("sources", "source", {
                "id": f"quelle-{i}", "title": f"Synthetische Quelle {i}: {self.sentence('de', 6)}", "language": "de",
                "date": self.date(i), "author": f"Autor {i}", "url": f"https://example.org/quelle/{i}",
                "notes": {"de": self.paragraph("de", 2), "ru": self.paragraph("ru", 2)},
                "translation": {"de": "original", "ru": "unreviewed"}})
        for i in range(shape.places):
            doc = {"id": f"ort-{i}", "name": {"de": f"Synthetischer Ort {i}", "ru": f"Синтетическое место {i}"},
                   "translation": {"de": "original", "ru": "reviewed"}}
            if i:
                doc["within"] = "ort-0"
            self.write("places", "place", doc)
        for i in range(shape.topics):
            self.write("topics", "topic", {
                "id": f"thema-{i}", "name": {"de": f"Thema {i}", "ru": f"Тема {i}"},
                "description": {"de": self.sentence("de", 14), "ru": self.sentence("ru", 14)},
                "translation": {"de": "original", "ru": "unreviewed"}})
        for i in range(shape.organizations):
            self.write("organizations", "organization", {
                "id": f"organisation-{i}",
                "name": {"de": f"Synthetische Organisation {i}", "ru": f"Синтетическая организация {i}"},
                "short_name": {"de": f"SO{i}", "ru": f"СО{i}"}, "type": rng.choice(_ORG_TYPES),
                "place": f"ort-{rng.randrange(shape.places)}",
                "description": {"de": self.sentence("de", 12), "ru": self.sentence("ru", 12)},
                "translation": {"de": "original", "ru": "reviewed"},
                "sources": [{"source": f"quelle-{rng.randrange(shape.sources)}"}]})
        for i in range(shape.people):
            self.write("people", "person", {
                "id": f"person-{i}", "name": {"de": f"Person Nummer {i}", "ru": f"Персона номер {i}"},
                "organizations": self.sample("organisation", shape.organizations, 0, 2),
                "description": {"de": self.sentence("de", 10), "ru": self.sentence("ru", 10)},
                "translation": {"de": "original", "ru": "unreviewed"},
                "sources": [{"source": f"quelle-{rng.randrange(shape.sources)}"}]})

    # Records --------------------------------------------------------------------------------------------------

    def records(self) -> None:
        shape, rng = self.shape, self.rng
        written: list[str] = []
        for i in range(shape.records):
            folder, kind, de_title, ru_title = _KINDS[i % len(_KINDS)]
            original, translation = self.translation()
            translated = rng.random() > 0.05  # a few records wait for their translation (the page falls back)
            if not translated:
                translation = {original: "original"}
            record_id = f"{i:05d}-{kind}"
            doc: dict[str, Any] = {"id": record_id, "kind": kind}
            if kind == "seminar" and i % 3 == 0:
                doc["number"] = i + 1
            status = rng.choice(_STATUS[kind])
            if status:
                doc["status"] = status
            doc["date"] = self.date(i)
            doc["place"] = f"ort-{rng.randrange(shape.places)}"
            doc["title"] = self.text(original, f"{de_title} {i}", f"{ru_title} {i}", translated)
            doc["summary"] = self.text(original, self.paragraph("de", 2), self.paragraph("ru", 2), translated)
            doc["body"] = self.text(original, self.body("de"), self.body("ru"), translated)
            doc["translation"] = translation
            doc["topics"] = self.sample("thema", shape.topics, 1, 4)
            doc["organizations"] = [{"id": org, "role": rng.choice(_ROLES)}
                                    for org in self.sample("organisation", shape.organizations, 1, 4)]
            doc["people"] = [{"id": person, "role": rng.choice(_ROLES),
                              "function": self.text(original, f"Funktion {j}", f"Должность {j}", translated)}
                             for j, person in enumerate(self.sample("person", shape.people, 0, 3))]
            if written and rng.random() < 0.4:
                doc["relations"] = [{"type": rng.choice(_RELATIONS), "record": rng.choice(written[-50:])}]
            doc["sources"] = [{"source": source, "note": {"de": f"Abschnitt {j + 1}", "ru": f"Раздел {j + 1}"}}
                              for j, source in enumerate(self.sample("quelle", shape.sources, 1, 2))]
            folder_doc = {k: v for k, v in doc.items() if v or k == "kind"}
            self.write(folder, kind, folder_doc)
            written.append(record_id)


def write_archive(data_dir: Path, records: int, seed: int = 2017) -> Shape:
    """Write a valid synthetic `data/` folder with `records` records; returns its shape."""
    shape = Shape(records)
    writer = _Writer(Path(data_dir), shape, seed)
    writer.registries()
    writer.records()
    return shape
