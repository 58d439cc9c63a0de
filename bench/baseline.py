"""The baseline: the same pages as hand-written Markdown, for plain MkDocs + Material.

For every page our generator makes (same path, same title, same text, same links) this writes a Markdown file, as
an editor keeping the archive by hand would, and one `mkdocs.yml` per language with the project's own theme,
features, palette and plugins (search in that language, offline) and the same small navigation (sections, never
every record). No hook, no overrides: what plain MkDocs costs for these pages is what we compare against.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from typing import Any, Iterator

import yaml
from mkdocs.utils.yaml import yaml_load

from partnerschaftsarchiv.loading import load_archive
from partnerschaftsarchiv.project import Project
from partnerschaftsarchiv.rendering.pages import NavLink, NavSection
from partnerschaftsarchiv.rendering.site import HOME_KEY, LanguageRenderer, SiteRenderer
from partnerschaftsarchiv.structure import LocalizedText, Record, RecordKind, RegistryKind

__all__ = ["write_baseline"]

_BROWSABLE = (RegistryKind.TOPIC, RegistryKind.ORGANIZATION, RegistryKind.PERSON, RegistryKind.PLACE)


class _Pages:
    """Markdown for every generated page of one language, keyed like ours."""

    def __init__(self, renderer: LanguageRenderer):
        self.r = renderer
        self.archive = renderer.archive
        self._ = renderer.l10n.gettext

    def t(self, value: LocalizedText | None) -> str:
        return self.r.text(value).text if value else ""

    def link(self, key: str, to: str, title: str) -> str:
        return f"[{title}]({posixpath.relpath(f'{to}.md', posixpath.dirname(key) or '.')})"

    def record_list(self, key: str, records: list[Record]) -> str:
        if not records:
            return self._("No entries yet.")
        return "\n".join(
            f"1. {self.r.l10n.date(r.date)} {self.r.label('kind', r.kind)} {self.link(key, r.key, self.t(r.title))}"
            + (f", {self.t(self.archive.places[r.place].name)}" if r.place else "") for r in records)

    def count(self, n: int) -> str:
        return self.r.l10n.ngettext("%(num)s entry", "%(num)s entries", n) % {"num": n}

    def sources(self, key: str, citations: tuple) -> str:
        if not citations:
            return ""
        lines = [f"## {self._('Sources')}", ""]
        for citation in citations:
            source = self.archive.sources[citation.source]
            note = f" ({self.t(citation.note)})" if citation.note else ""
            lines.append(f"- *{source.name.values[source.language]}*, {source.author or ''}{note}")
        return "\n".join(lines)

    def translation(self, item: Any) -> str:
        states = "; ".join(f"{self.r.l10n.language_label(code)}: "
                           f"{self.r.label('translation_status', item.translation.status(code))}" for code in ("de", "ru"))
        return f"{self._('Language versions:')} {states}"

    # One function per page kind, as in rendering/site.py -------------------------------------------------------

    def home(self) -> str:
        latest = sorted(self.archive.records.values(), key=lambda r: (r.date.sort_key, r.id), reverse=True)[:5]
        counts = "\n".join(f"- {self.link(HOME_KEY, f'{k.folder}/index', self.r.label('kind_plural', k))}: "
                           f"{self.count(len(self.archive.chronological(k)))}" for k in RecordKind)
        return "\n\n".join([f"# {self._('Partnership archive Berlin–Moscow')}",
                            self._("This archive collects the seminars, agreements, projects and meetings of this "
                                   "cooperation, each with the sources that document it."),
                            f"## {self._('Contents')}", counts, f"## {self._('Latest entries')}",
                            self.record_list(HOME_KEY, latest)])

    def section(self, kind: RecordKind) -> str:
        key = f"{kind.folder}/index"
        records = list(reversed(self.archive.chronological(kind)))
        return "\n\n".join([f"# {self.r.label('kind_plural', kind)}", self.count(len(records)),
                            self.record_list(key, records)])

    def record(self, record: Record) -> str:
        key, _ = record.key, self._
        facts = [f"- **{_('Kind')}:** {self.r.label('kind', record.kind)}",
                 f"- **{_('Date')}:** {self.r.l10n.date(record.date)}"]
        if record.place:
            place = self.archive.places[record.place]
            facts.append(f"- **{_('Place')}:** {self.link(key, place.key, self.t(place.name))}")
        if record.status:
            facts.append(f"- **{_('Status')}:** {self.r.status_label(record)}")
        if record.topics:
            topics = ", ".join(self.link(key, f"topics/{t}", self.t(self.archive.topics[t].name))
                               for t in record.topics)
            facts.append(f"- **{_('Topics')}:** {topics}")
        parts = [f"# {self.t(record.title)}", self.t(record.summary), "\n".join(facts), self.t(record.body)]
        if record.organizations or record.people:
            parts.append(f"## {_('Participants')}")
            for title, registry, entries in ((_("Organizations"), self.archive.organizations, record.organizations),
                                             (_("People"), self.archive.people, record.people)):
                if entries:
                    parts.append(f"### {title}")
                    parts.append("\n".join(
                        f"- {self.link(key, registry[p.id].key, self.t(registry[p.id].name))}"
                        + (f" ({self.t(p.function)})" if p.function else "") + f": {self.r.label('role', p.role)}"
                        for p in entries))
        linked = self.archive.linked(record)
        if linked:
            parts.append(f"## {_('Related entries')}")
            parts.append("\n".join(
                f"- {self.r.label('relation_outgoing' if l.outgoing else 'relation_incoming', l.type)}: "
                f"{self.link(key, l.record.key, self.t(l.record.title))} ({self.r.l10n.date(l.record.date)})"
                for l in linked))
        parts += [self.sources(key, record.sources), self.translation(record)]
        return "\n\n".join(p for p in parts if p)

    def registry_index(self, kind: RegistryKind) -> str:
        key = f"{kind.folder}/index"
        entries = sorted(self.archive.registry(kind).values(), key=lambda e: self.t(e.name).casefold())
        items = "\n".join(f"- {self.link(key, e.key, self.t(e.name))} "
                          f"({self.count(len(self.archive.records_naming(kind, e.id)))})" for e in entries)
        return f"# {self.r.label('registry_plural', kind)}\n\n{items}"

    def registry_entry(self, entry: Any) -> str:
        records = self.archive.records_naming(entry.registry, entry.id)
        parts = [f"# {self.t(entry.name)}", self.r.label("registry", entry.registry),
                 self.t(entry.description), f"## {self._('Entries')}", self.count(len(records)),
                 self.record_list(entry.key, records), self.sources(entry.key, entry.sources),
                 self.translation(entry)]
        return "\n\n".join(p for p in parts if p)

    def sources_index(self) -> str:
        key = f"{RegistryKind.SOURCE.folder}/index"
        parts = [f"# {self.r.label('registry_plural', RegistryKind.SOURCE)}"]
        for source in sorted(self.archive.sources.values(), key=lambda s: s.id):
            records = self.archive.records_naming(RegistryKind.SOURCE, source.id)
            parts += [f"## {source.name.values[source.language]}", self.t(source.description),
                      f"{self._('Cited by:')} {self.count(len(records))}", self.record_list(key, records)]
        return "\n\n".join(p for p in parts if p)

    def all(self) -> Iterator[tuple[str, str]]:
        """(key, Markdown) for every page, in the order of `LanguageRenderer.render_pages`."""
        yield HOME_KEY, self.home()
        for kind in RecordKind:
            yield f"{kind.folder}/index", self.section(kind)
        for record in self.archive.records.values():
            yield record.key, self.record(record)
        for kind in _BROWSABLE:
            yield f"{kind.folder}/index", self.registry_index(kind)
            for entry in self.archive.registry(kind).values():
                yield entry.key, self.registry_entry(entry)
        yield f"{RegistryKind.SOURCE.folder}/index", self.sources_index()
        # Page types without a Markdown rendering here (timeline, years, data, translation status): our HTML,
        # which Markdown passes through, so both builds still hold the same pages.
        done = {HOME_KEY, *(f"{k.folder}/index" for k in (*RecordKind, *_BROWSABLE, RegistryKind.SOURCE)),
                *(r.key for r in self.archive.records.values()),
                *(e.key for k in _BROWSABLE for e in self.archive.registry(k).values())}
        for page in self.r.render_pages():
            if page.key not in done:
                yield page.key, page.html


def _nav(items: list) -> list:
    def entry(item: NavLink | NavSection) -> Any:
        if isinstance(item, NavSection):
            return {item.title: [entry(child) for child in item.children]}
        return {item.title: f"{item.key}.md"} if item.title else f"{item.key}.md"

    return [entry(item) for item in items]


def _config(project: Path, renderer: LanguageRenderer, docs: Path, handwritten: list[str]) -> dict[str, Any]:
    """The project's own theme, features, palette and plugins, for one language, with no hook and no overrides."""
    with (project / "mkdocs.yml").open(encoding="utf-8") as handle:
        ours = yaml_load(handle)  # MkDocs' own loader: it resolves the `!ENV` settings
    theme = {k: v for k, v in ours["theme"].items() if k != "custom_dir"}
    theme["language"] = renderer.lang
    # The same search languages as our language builds: this language first, then the others (hooks/archive.py).
    search_lang = [renderer.lang] + [code for code in renderer.site.languages if code != renderer.lang]

    def plugin(p: Any) -> Any:
        if p == "search" or (isinstance(p, dict) and "search" in p):
            return {"search": {**(p["search"] if isinstance(p, dict) else {}), "lang": search_lang}}
        return p

    plugins = [plugin(p) for p in ours["plugins"]]
    alternate = [{"name": renderer.l10n.language_name(code), "link": f"../{code}/index.html", "lang": code}
                 for code in renderer.site.languages]
    return {
        "site_name": renderer.l10n.gettext("Partnership archive Berlin–Moscow"),
        "docs_dir": str(docs),
        "use_directory_urls": False,
        "strict": True,
        "theme": theme,
        "plugins": plugins,
        "nav": _nav(renderer.nav([(key, "") for key in handwritten if key != HOME_KEY])),
        "extra": {"alternate": alternate},
        "validation": ours.get("validation", {}),
    }


def write_baseline(project: Path, target: Path) -> dict[str, Path]:
    """Markdown pages and a `mkdocs.yml` per language under `target`; returns {language: config file}."""
    project_dirs = Project.at(project)
    archive = load_archive(project_dirs.data_dir, project_dirs.root).archive
    site = SiteRenderer(archive, project_dirs.translations_dir, project_dirs.languages)
    configs = {}
    for lang in site.languages:
        renderer = site.language(lang)
        docs = target / f"docs-{lang}"
        shutil.copytree(project_dirs.docs_dir / lang, docs)  # the hand-written pages, as they are
        for key, markdown in _Pages(renderer).all():
            path = docs / f"{key}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown + "\n", encoding="utf-8")
        config = target / f"mkdocs-{lang}.yml"
        config.write_text(yaml.safe_dump(_config(project, renderer, docs, project_dirs.handwritten_pages(lang)),
                                         allow_unicode=True, sort_keys=False), encoding="utf-8")
        configs[lang] = config
    return configs
