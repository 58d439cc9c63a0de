"""Archive → pages for one language. The language is a parameter; every language runs this same code."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Iterator

import jinja2
from markupsafe import Markup

from ..i18n import Localizer, load_translations
from ..structure import Archive, LocalizedText, Record, RecordKind, RegistryEntry, RegistryKind
from . import labels
from .markdown_text import SafeMarkdown
from .pages import NavItem, NavLink, NavSection, RenderedPage

__all__ = ["SiteRenderer", "LanguageRenderer", "HOME_KEY"]

HOME_KEY = "index"
# Registries with a page per entry; sources are listed on one page.
_BROWSABLE = (RegistryKind.TOPIC, RegistryKind.ORGANIZATION, RegistryKind.PERSON, RegistryKind.PLACE)
_LATEST_COUNT = 5


def relative_url(from_key: str, to_key: str) -> str:
    """A link that works on a server and from disk: relative, to the `.html` file.

    The same as `posixpath.relpath(to_key + ".html", dirname(from_key))` for page keys (plain folder names, no `.`
    or `..`), without its two `abspath` calls: pages make tens of thousands of links.
    """
    here = from_key.split("/")[:-1]
    there = to_key.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) + ".html"


@dataclass
class SiteRenderer:
    """Renders the archive in any of its languages; one instance serves all of them."""

    archive: Archive
    translations_dir: Path
    languages: tuple[str, ...] = ("de", "ru")
    layouts_dir: Path | None = None

    def language(self, lang: str) -> "LanguageRenderer":
        if lang not in self.languages:
            raise ValueError(f"unknown language '{lang}' (the archive has {', '.join(self.languages)})")
        return LanguageRenderer(self, lang)

    @cached_property
    def loader(self) -> jinja2.BaseLoader:
        # A project's own layouts/ folder overrides the packaged templates, file by file.
        package = jinja2.PackageLoader("partnerschaftsarchiv.rendering", "templates")
        if self.layouts_dir and Path(self.layouts_dir).is_dir():
            return jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(self.layouts_dir)), package])
        return package

    def page_keys(self) -> list[str]:
        """Keys of every generated page; the same in every language."""
        keys = [HOME_KEY]
        keys += [f"{kind.folder}/index" for kind in RecordKind]
        keys += [record.key for record in self.archive.records.values()]
        keys += [f"{kind.folder}/index" for kind in (*_BROWSABLE, RegistryKind.SOURCE)]
        keys += [entry.key for kind in _BROWSABLE for entry in self.archive.registry(kind).values()]
        return keys

    def render_chooser(self, languages: Iterable[tuple[str, str]]) -> str:
        """The root page: choose a language, each name in its own script. `languages` is (code, url) pairs."""
        env = jinja2.Environment(loader=self.loader, autoescape=True, undefined=jinja2.StrictUndefined)
        choices = []
        for code, url in languages:
            l10n = Localizer(code, load_translations(self.translations_dir, code))
            choices.append({"lang": code, "url": url, "name": l10n.language_name(code),
                            "title": l10n.gettext("Partnership archive Berlin–Moscow"),
                            "intro": l10n.gettext("The social area of the city partnership: seminars, agreements, "
                                                  "projects and meetings since 1991.")})
        return env.get_template("chooser.html").render(choices=choices)


class LanguageRenderer:
    """Everything rendered in one language: pages and the navigation."""

    def __init__(self, site: SiteRenderer, lang: str):
        self.site = site
        self.archive = site.archive
        self.lang = lang
        self.l10n = Localizer(lang, load_translations(site.translations_dir, lang))
        self.markdown = SafeMarkdown()
        self.env = jinja2.Environment(
            loader=site.loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # one renderer per build: no need to stat every template at every include
        )
        self.env.install_gettext_translations(self.l10n.translations, newstyle=True)
        self.env.globals.update(
            lang=lang,
            l10n=self.l10n,
            label=self.label,
            text=self.text,
            archive=self.archive,
            RecordKind=RecordKind,
            RegistryKind=RegistryKind,
        )

    # Helpers for templates -------------------------------------------------------------------------------------

    def label(self, vocabulary: str, value: Any) -> str:
        return self.l10n.gettext(labels.VOCABULARIES[vocabulary][value])

    def text(self, value: LocalizedText | None):
        """The text for this language, or the original marked with its language (see `ResolvedText`)."""
        return value.get(self.lang) if value else None

    def body(self, record: Record) -> Markup | None:
        resolved = self.text(record.body)
        return self.markdown.render(resolved.text) if resolved else None

    # Pages -----------------------------------------------------------------------------------------------------

    def _page(self, key: str, template: str, title: LocalizedText | str, description: LocalizedText | str = "",
              **context: Any) -> RenderedPage:
        resolved_title = self.text(title) if isinstance(title, LocalizedText) else None
        title_text = resolved_title.text if resolved_title else str(title)
        summary = self.text(description) if isinstance(description, LocalizedText) else None
        html = self.env.get_template(template).render(
            key=key,
            url=lambda target: relative_url(key, target),
            page_title=resolved_title or title_text,
            **context,
        )
        return RenderedPage(
            key=key,
            lang=self.lang,
            title=title_text,
            html=html,
            description=summary.text if summary else str(description),
            fallback_lang=resolved_title.lang if resolved_title and resolved_title.is_fallback else "",
        )

    def render_pages(self) -> Iterator[RenderedPage]:
        yield self.home()
        for kind in RecordKind:
            yield self.section(kind)
        for record in self.archive.records.values():
            yield self.record(record)
        for kind in _BROWSABLE:
            yield self.registry_index(kind)
            for entry in self.archive.registry(kind).values():
                yield self.registry_entry(entry)
        yield self.sources_index()

    def home(self) -> RenderedPage:
        _ = self.l10n.gettext
        latest = sorted(self.archive.records.values(), key=lambda r: (r.date.sort_key, r.id), reverse=True)
        counts = [(kind, len(self.archive.chronological(kind))) for kind in RecordKind]
        return self._page(HOME_KEY, "home.html", _("Partnership archive Berlin–Moscow"),
                          _("The social area of the city partnership: seminars, agreements, projects and meetings "
                            "since 1991."),
                          counts=counts, latest=latest[:_LATEST_COUNT], browsable=_BROWSABLE)

    def section(self, kind: RecordKind) -> RenderedPage:
        records = list(reversed(self.archive.chronological(kind)))
        return self._page(f"{kind.folder}/index", "section.html", self.label("kind_plural", kind),
                          kind=kind, records=records)

    def record(self, record: Record) -> RenderedPage:
        return self._page(record.key, "record.html", record.title, record.summary,
                          record=record, body=self.body(record), linked=self.archive.linked(record))

    def registry_index(self, kind: RegistryKind) -> RenderedPage:
        entries = sorted(self.archive.registry(kind).values(),
                         key=lambda e: self.text(e.name).text.casefold())
        return self._page(f"{kind.folder}/index", "registry_index.html", self.label("registry_plural", kind),
                          kind=kind, entries=entries)

    def registry_entry(self, entry: RegistryEntry) -> RenderedPage:
        records = self.archive.records_naming(entry.registry, entry.id)
        return self._page(entry.key, "registry_entry.html", entry.name, entry.description or "",
                          entry=entry, records=records)

    def sources_index(self) -> RenderedPage:
        sources = sorted(self.archive.sources.values(), key=lambda s: s.id)
        return self._page(f"{RegistryKind.SOURCE.folder}/index", "sources.html",
                          self.label("registry_plural", RegistryKind.SOURCE), sources=sources)

    # Navigation ------------------------------------------------------------------------------------------------

    def nav(self, handwritten: Iterable[tuple[str, str]] = ()) -> list[NavItem]:
        """Sections, never every record: a nav that lists every record makes every page render all of them."""
        _ = self.l10n.gettext
        items: list[NavItem] = [NavLink(_("Home"), HOME_KEY)]
        items.append(NavSection(_("Archive"), tuple(
            NavLink(self.label("kind_plural", kind), f"{kind.folder}/index") for kind in RecordKind)))
        items.append(NavSection(_("Browse"), tuple(
            NavLink(self.label("registry_plural", kind), f"{kind.folder}/index")
            for kind in (*_BROWSABLE, RegistryKind.SOURCE))))
        pages = tuple(NavLink(title, key) for key, title in handwritten)
        if pages:
            items.append(NavSection(_("About"), pages))
        return items
