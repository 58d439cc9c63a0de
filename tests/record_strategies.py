"""Hypothesis strategies for records that look like editors' work: drawn from the JSON Schemas themselves, with the
ids of a small real-shaped archive, the date forms editors write, and Markdown bodies from a grammar.

Most drawn values follow the schema, so most records pass it and reach cross-file checks and rendering; a share of
draws steps outside (an unknown id, a date at or past the ends of the calendar, nesting past the bound, text with
invisible characters), so the loader's refusals are exercised too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from partnerschaftsarchiv.loading.schema import _inlined

# The archive around the drawn record: every registry kind, a place within a place, a record to relate to.
HEADER = "# Test fixture: invented. / Тестовые данные.\n"
BASE = {
    "places/teststadt.yml": "id: teststadt\nname: {de: Teststadt, ru: Тестоград}\ntranslation: {de: original, ru: reviewed}\n",
    "places/testhaus.yml": "id: testhaus\nname: {de: Testhaus, ru: Тестовый дом}\nwithin: teststadt\n"
                           "translation: {de: original, ru: reviewed}\n",
    "topics/selbsthilfe.yml": "id: selbsthilfe\nname: {de: Selbsthilfe, ru: Самопомощь}\n"
                              "translation: {de: original, ru: unreviewed}\n",
    "topics/inklusion.yml": "id: inklusion\nname: {de: Inklusion}\ntranslation: {de: original}\n",
    "sources/testquelle.yml": "id: testquelle\ntitle: Testquelle\nlanguage: de\ndate: 2017-06-08\n"
                              "url: https://example.org/quelle\ntranslation: {de: original}\n",
    "sources/istochnik.yml": "id: istochnik\ntitle: Тестовый источник\nlanguage: ru\ntranslation: {ru: original}\n",
    "organizations/testverband.yml": "id: testverband\nname: {de: Testverband, ru: Тестовый союз}\ntype: ngo\n"
                                     "place: testhaus\ntranslation: {de: original, ru: unreviewed}\n"
                                     "sources: [{source: testquelle}]\n",
    "people/test-person.yml": "id: test-person\nname: {de: Test Person, ru: Тест Персона}\n"
                              "organizations: [testverband]\ntranslation: {de: original, ru: unreviewed}\n"
                              "sources: [{source: testquelle}]\n",
    "agreements/testvereinbarung.yml": "id: testvereinbarung\nkind: agreement\ndate: 2012-09-25\n"
                                       "title: {de: Testvereinbarung}\nsummary: {de: Eine erfundene Vereinbarung.}\n"
                                       "translation: {de: original}\nsources: [{source: testquelle}]\n",
}
IDS = {"places": ["teststadt", "testhaus"], "topics": ["selbsthilfe", "inklusion"],
       "sources": ["testquelle", "istochnik"], "organizations": ["testverband"], "people": ["test-person"],
       "records": ["testvereinbarung"]}
FOLDERS = {"seminar": "seminars", "agreement": "agreements", "project": "projects", "meeting": "meetings",
           "topic": "topics", "organization": "organizations", "person": "people", "place": "places",
           "source": "sources"}
RECORD_ID = "fuzz"


def write_base(data: Path) -> None:
    for name, text in BASE.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(HEADER + text, encoding="utf-8")
    for folder in FOLDERS.values():
        (data / folder).mkdir(parents=True, exist_ok=True)


def rarely(usual: st.SearchStrategy[Any], odd: st.SearchStrategy[Any], one_in: int = 20) -> st.SearchStrategy[Any]:
    """`usual`, and `odd` about once in `one_in` draws (Hypothesis favours the ends of a range, so not at an end)."""
    return st.integers(0, one_in - 1).flatmap(lambda n: odd if n == one_in // 2 else usual)


def ids_of(folder: str) -> st.SearchStrategy[str]:
    """Mostly real ids; now and then a mistyped one, an id with a line end or spaces, a reserved or device name."""
    return rarely(st.sampled_from(IDS[folder]), st.one_of(
        st.sampled_from(["index", "con", "nul", "lpt1", RECORD_ID, "unbekannt"]),
        st.sampled_from(IDS[folder]).map(lambda i: i + "\n"), st.sampled_from(IDS[folder]).map(lambda i: f" {i} "),
    ))


# Dates: the forms editors write, mostly in the archive's years, sometimes at or past the ends of the calendar.
YEARS = rarely(st.integers(1985, 2030), st.sampled_from([1900, 1899, 2099, 2100, 9999]), 10)
SEASONS = st.sampled_from([21, 22, 23, 24])


@st.composite
def points(draw) -> tuple[str, int]:
    year = draw(YEARS)
    form = draw(st.sampled_from(["year", "month", "day", "day", "season"]))
    if form == "year":
        return f"{year:04d}", year
    if form == "season":
        return f"{year:04d}-{draw(SEASONS)}", year
    month = draw(st.integers(1, 12))
    if form == "month":
        return f"{year:04d}-{month:02d}", year
    return f"{year:04d}-{month:02d}-{draw(st.integers(1, 31)):02d}", year


@st.composite
def dates(draw) -> str:
    start, year = draw(points())
    if draw(st.booleans()):
        return start
    end, _ = draw(points())
    if draw(st.booleans()):  # most intervals run forward
        end = f"{year + draw(st.integers(0, 3)):04d}" + end[4:]
    return start if end == start else f"{start}/{end}"


WORDS = st.sampled_from(["Seminar", "Nachbarschaftshaus", "Selbsthilfe", "Moskau", "Berlin", "семинар", "Москва",
                         "самопомощь", "Jugend", "социальный", "Ä", "ё", "2017", "—", "„Zitat“", "«цитата»", "&",
                         "<b>", "{{ config }}", "{% if %}", "&#106;avascript:", "😀", "a_b", "x*y"])
INVISIBLE = st.sampled_from(["\u200b", "\u00ad", "\u202e", "\u2066", "\ufeff", "\u2028", "\U000e0041", "\ue000",
                             "\u3164", "\x07"])


@st.composite
def line_text(draw) -> str:
    text = " ".join(draw(st.lists(WORDS, min_size=1, max_size=8)))
    odd = draw(rarely(st.just(""), INVISIBLE | st.sampled_from(["\n", "\r", "\t"]), 40))
    at = draw(st.integers(0, len(text)))
    return text[:at] + odd + text[at:]


LINK_TARGETS = st.sampled_from([
    "https://example.org/", "http://example.org/a_(b)", "//example.org/x", "/\\example.org", "\\\\example.org",
    "../topics/selbsthilfe.html", "#sources", "mailto:a@example.org", "javascript:alert(1)", "&#106;avascript:x",
    "data:text/html,x", " //example.org", "x.html \"Titel\"", "<a b.html>", "(((", "",
])


def inline(depth: int = 0) -> st.SearchStrategy[str]:
    words = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
    if depth > 2:
        return words
    inner = st.deferred(lambda: inline(depth + 1))
    pieces = st.one_of(
        words, words, words,
        inner.map(lambda t: f"*{t}*"), inner.map(lambda t: f"**{t}**"), inner.map(lambda t: f"_{t}_"),
        words.map(lambda t: f"`{t}`"),
        st.tuples(inner, LINK_TARGETS).map(lambda p: f"[{p[0]}]({p[1]})"),
        st.tuples(words, LINK_TARGETS).map(lambda p: f"![{p[0]}]({p[1]})"),
        LINK_TARGETS.map(lambda t: f"<{t}>"),
        st.sampled_from(["[", "]", "*", "_", "`", "<", "![", "\\", "&", "](", "[x]"]).flatmap(
            lambda ch: st.integers(1, 300).map(lambda n: ch * n)),
    )
    return st.lists(pieces, min_size=1, max_size=6).map(" ".join)


@st.composite
def markdown_blocks(draw, depth: int = 0) -> list[str]:
    """Block lines; lists and quotes nest up to ten levels (the loader allows eight)."""
    kind = draw(st.sampled_from(["paragraph", "paragraph", "heading", "list", "numbered", "quote", "code", "rule"]))
    if kind == "paragraph":
        return [draw(inline())]
    if kind == "heading":
        return ["#" * draw(st.integers(1, 7)) + " " + draw(inline())]
    if kind == "code":
        return ["    " + draw(inline())]
    if kind == "rule":
        return [draw(st.sampled_from(["---", "***", "- - -"]))]
    if depth >= 10 or draw(st.integers(0, 3)) == 0:
        nested: list[str] = []
    else:
        nested = draw(markdown_blocks(depth + 1))
    if kind == "quote":
        return ["> " + draw(inline())] + [">" + (" " + line if line else "") for line in nested]
    marker = "- " if kind == "list" else f"{draw(st.integers(0, 12))}. "
    return [marker + draw(inline())] + ["    " + line if line else "" for line in nested]


@st.composite
def markdown(draw) -> str:
    blocks = draw(st.lists(markdown_blocks(), min_size=1, max_size=8))
    separator = draw(st.sampled_from(["\n\n", "\n\n", "\n"]))
    return separator.join("\n".join(lines) for lines in blocks) + "\n"


def text_for(name: str, schema: dict[str, Any]) -> st.SearchStrategy[str]:
    """A string field by what it is: ids by the registry they name, dates, addresses, Markdown, plain text."""
    if name in ("place", "within"):
        return ids_of("places")
    if name == "source":
        return ids_of("sources")
    if name == "publisher":
        return ids_of("organizations")
    if name == "record":
        return ids_of("records")
    if name == "date":
        return dates()
    if name == "url":
        return st.sampled_from(["https://example.org/", "http://example.org/a?b=c&d=e", "https://example.org/\"x",
                                "javascript:alert(1)", "https://example.org/\n"])
    if name == "body":
        return markdown()
    if name == "language":
        return st.sampled_from(["de", "ru", "en"])
    if schema.get("maxLength", 0) > 300:
        return st.lists(line_text(), min_size=1, max_size=3).map(" ".join)
    return line_text()


def from_schema(schema: dict[str, Any], name: str = "", parent: str = "") -> st.SearchStrategy[Any]:
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        if name in ("title", "summary", "body", "name", "description", "short_name", "notes", "note", "function"):
            field = "body" if name == "body" else name
            language_text = text_for(field, properties.get("de", {}))
            return st.one_of(st.fixed_dictionaries({"de": language_text}), st.fixed_dictionaries({"ru": language_text}),
                             st.fixed_dictionaries({"de": language_text, "ru": language_text}))
        fields = {key: from_schema(value, key, name) for key, value in properties.items()}
        return st.fixed_dictionaries({k: v for k, v in fields.items() if k in required},
                                     optional={k: v for k, v in fields.items() if k not in required})
    if kind == "array":
        item = schema.get("items", {})
        if name == "topics":
            values = ids_of("topics")
        elif name == "organizations" and item.get("type") == "string":
            values = ids_of("organizations")
        else:
            values = from_schema(item, name, parent)
        if name in ("organizations", "people") and item.get("type") == "object":
            folder = name
            values = st.fixed_dictionaries({"id": ids_of(folder), "role": from_schema(item["properties"]["role"])},
                                           optional={"function": from_schema(item["properties"].get(
                                               "function", {"type": "object"}), "function")}
                                           if "function" in item["properties"] else {})
        return st.lists(values, max_size=min(3, schema.get("maxItems", 3)),
                        unique_by=(lambda v: repr(v)) if schema.get("uniqueItems") else None)
    if kind == "integer":
        return st.integers(schema.get("minimum", -5) - 1, min(schema.get("maximum", 10**4), 10**4) + 1)
    if kind == "string":
        return text_for(name, schema)
    return st.none()


@st.composite
def translations(draw, record: dict[str, Any]) -> dict[str, str]:
    original = draw(st.sampled_from(["de", "ru"]))
    other = "ru" if original == "de" else "de"
    statuses = {original: "original"}
    if draw(st.booleans()):
        statuses[other] = draw(st.sampled_from(["reviewed", "unreviewed"]))
    return statuses


def _texts(value: Any) -> list[dict[str, Any]]:
    """Every per-language text in a drawn record, at any depth (the translation statuses aside)."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "translation":
                continue
            if isinstance(inner, dict) and inner and set(inner) <= {"de", "ru"}:
                found.append(inner)
            else:
                found.extend(_texts(inner))
    elif isinstance(value, list):
        for inner in value:
            found.extend(_texts(inner))
    return found


@st.composite
def records(draw) -> tuple[str, bytes]:
    """(path below data/, file bytes) of one drawn record or registry entry with the id `fuzz`."""
    kind = draw(st.sampled_from(["seminar", "seminar", "agreement", "project", "meeting", "meeting", "topic",
                                 "organization", "person", "place", "source"]))
    record = draw(from_schema(_inlined(kind)))
    record["id"] = RECORD_ID
    if draw(rarely(st.just(True), st.just(False), 10)):  # mostly a consistent status, so most are accepted
        record["translation"] = draw(translations(record))
        original = next(lang for lang, status in record["translation"].items() if status == "original")
        for field in ("title", "summary", "name"):
            if isinstance(record.get(field), dict) and original not in record[field]:
                record[field][original] = draw(line_text())
        for value in _texts(record):
            for lang in list(value):
                if lang not in record["translation"]:
                    del value[lang]
            if not value:
                value[original] = draw(line_text())
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=120)
    return f"{FOLDERS[kind]}/{RECORD_ID}.yml", text.encode("utf-8", errors="surrogatepass")


def load_and_build(data: Path, path: str, raw: bytes) -> str:
    """The invariant for one drawn file: refused in plain words, or accepted and then every page and export of both
    languages built. Returns "refused" or "accepted"; raises on any breach."""
    from markupsafe import escape

    from partnerschaftsarchiv.loading import ArchiveInvalid, load_archive
    from render_everything import render_everything

    for folder in FOLDERS.values():
        (data / folder / f"{RECORD_ID}.yml").unlink(missing_ok=True)
    (data / path).write_bytes(raw)
    try:
        result = load_archive(data, data.parent)
    except ArchiveInvalid as invalid:
        assert invalid.problems, "refused without a problem"
        for problem in invalid.problems:
            text = str(problem)
            assert problem.path.startswith("data/") and problem.message, text
            assert text.splitlines() == [text], text  # one line, whatever ends a line
        return "refused"
    files = render_everything(result)
    archive = result.archive
    entry = archive.records.get(RECORD_ID)
    if entry is not None:
        for lang in ("de", "ru"):
            # Words in the other language's script are wrapped in <span lang>: compare without those tags.
            page = re.sub(r"</?span[^>]*>", "", files[f"{lang}/{entry.key}.html"].decode("utf-8"))
            title = entry.title.get(lang).text
            assert f'<h1 id="page-title">{escape(title)}</h1>' in page, (lang, title)
    return "accepted"
