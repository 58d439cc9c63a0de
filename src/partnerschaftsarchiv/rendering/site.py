"""Archive → pages for one language. The language is a parameter; every language runs this same code."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Any, Iterable, Iterator

import jinja2
from markupsafe import Markup

from ..citation import (ARCHIVE_BIBTEX, ARCHIVE_CSL_JSON, CITATION_FORMATS, CitationBlock, CitedPage,
                        archive_citation_files, cited_entry, cited_record, citation_meta, citation_style,
                        page_citation_files)
from ..exports.catalog import EXPORT_FORMATS, LICENCE_NOTE
from ..exports.clock import build_time
from ..i18n import Localizer, load_translations
from ..i18n.collation import collation_key
from ..i18n.plurals import plural_samples
from ..publishing import OFFLINE_ZIP, SiteAddress
from ..structure import Archive, LocalizedText, PlaceRole, Record, RecordKind, RegistryEntry, RegistryKind, Source
from ..structure.chronology import (YearGroup, by_start_year, neighbours_in_kind, records_by_year, tally_by_year,
                                   years_touched)
from ..structure.kinds import EventStatus
from ..structure.cooccurrence import related_topics
from . import labels
from .alphabet import letter_groups
from .assets import ASSETS
from .foreign_runs import mark_foreign_runs, split_foreign_runs
from .fragments import FragmentCache
from .markdown_text import SafeMarkdown
from ..workflow.translation_status import TranslationReport, collect_status, entry_texts
from .page_inputs import EVERYTHING
from .pages import NavItem, NavLink, NavSection, PlannedPage, RenderedPage
from .paths import checked_key
from .template_cache import template_cache

__all__ = ["SiteRenderer", "LanguageRenderer", "TEMPLATES_DIR", "HOME_KEY", "STATUS_KEY", "TIMELINE_KEY", "YEARS_KEY",
           "DATA_KEY"]

HOME_KEY = "index"
# The packaged templates; a project's `layouts/` overrides them file by file.
TEMPLATES_DIR = Path(__file__).with_name("templates")
# The translation status page: what editors still have to translate or review, in every language.
STATUS_KEY = "translation-status"
TIMELINE_KEY = "timeline"
YEARS_KEY = "years/index"
DATA_KEY = "data"  # the page that lists the open-data files
# Reviewers' pages: every text of a record in all languages side by side, under review/<kind folder>/<id>.
REVIEW_FOLDER = "review"
# Registries with a page per entry; sources are listed on one page.
_BROWSABLE = (RegistryKind.TOPIC, RegistryKind.ORGANIZATION, RegistryKind.PERSON, RegistryKind.PLACE)
_LATEST_COUNT = 5


def timeline_anchor(record: Record) -> str:
    """The id of a record's entry in a timeline: stable, and unique on a page (kind and id, never a year)."""
    return f"{record.kind.value}-{record.id}"


# The script of a person's name in each language (see data/README.md): shown by script name on person pages.
NAME_SCRIPTS = {"de": "Latn", "ru": "Cyrl"}


def year_key(year: int) -> str:
    return f"years/{year}"


def review_key(record: Record) -> str:
    return f"{REVIEW_FOLDER}/{record.key}"


def relative_url(from_key: str, to_key: str) -> str:
    """A link that works on a server and from disk: relative, to the `.html` file.

    Up to the language folder, then down ("../topics/x.html" even from "topics/y"): every page of one depth links
    a page the same way, so a fragment (a timeline entry) is rendered once per depth and reused.
    """
    return "../" * from_key.count("/") + to_key + ".html"


def relative_file(from_key: str, path: str) -> str:
    """A relative link to any file below the language folder ("../x" for one beside the language folders)."""
    return posixpath.relpath(path, posixpath.dirname(from_key) or ".")


@dataclass
class SiteRenderer:
    """Renders the archive in any of its languages; one instance serves all of them."""

    archive: Archive
    translations_dir: Path
    languages: tuple[str, ...] = ("de", "ru")
    layouts_dir: Path | None = None
    # Where the site is hosted (citations give the page's address) and the citations' access date: the build's
    # date, which SOURCE_DATE_EPOCH fixes.
    address: SiteAddress = field(default_factory=SiteAddress)
    accessed: dt.date = field(default_factory=lambda: build_time().date())

    def language(self, lang: str) -> "LanguageRenderer":
        if lang not in self.languages:
            raise ValueError(f"unknown language '{lang}' (the archive has {', '.join(self.languages)})")
        return LanguageRenderer(self, lang)

    @cached_property
    def loader(self) -> jinja2.BaseLoader:
        # A project's own layouts/ folder overrides the packaged templates, file by file.
        package = jinja2.PackageLoader("partnerschaftsarchiv.rendering", TEMPLATES_DIR.name)
        if self.layouts_dir and Path(self.layouts_dir).is_dir():
            return jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(self.layouts_dir)), package])
        return package

    @cached_property
    def translation_report(self) -> TranslationReport:
        return collect_status(self.archive, self.translations_dir, self.languages)

    def page_keys(self) -> list[str]:
        """Keys of every generated page; the same in every language."""
        keys = [HOME_KEY, DATA_KEY]
        keys += [f"{kind.folder}/index" for kind in RecordKind]
        keys += [record.key for record in self.archive.records.values()]
        keys += [f"{kind.folder}/index" for kind in (*_BROWSABLE, RegistryKind.SOURCE)]
        keys += [entry.key for kind in _BROWSABLE for entry in self.archive.registry(kind).values()]
        keys += [source.key for source in self.archive.sources.values()]
        keys += [review_key(record) for record in self.archive.records.values()]
        keys.append(STATUS_KEY)
        keys += [TIMELINE_KEY, YEARS_KEY]
        keys += [year_key(year) for year in years_touched(self.archive.records.values())]
        return keys

    def assets(self) -> dict[str, str]:
        """Static files every language build ships (site path → text): the timeline filter script and styles."""
        return ASSETS.texts()

    def render_chooser(self, languages: Iterable[tuple[str, str]], template: str = "chooser.html",
                       address: SiteAddress = SiteAddress()) -> str:
        """The root page: choose a language, each name in its own script. `languages` is (code, url) pairs.
        With a site address its links in the head are absolute and it names itself canonical and `x-default`."""
        env = jinja2.Environment(loader=self.loader, autoescape=True, undefined=jinja2.StrictUndefined)
        choices = []
        for code, url in languages:
            l10n = Localizer(code, load_translations(self.translations_dir, code))
            choices.append({"lang": code, "url": url, "absolute": address.page(code, HOME_KEY),
                            "name": l10n.language_name(code),
                            "title": l10n.gettext("Partnership archive Berlin–Moscow"),
                            "intro": l10n.gettext("The social area of the city partnership: seminars, agreements, "
                                                  "projects and meetings since 1991."),
                            "not_found": l10n.gettext("Page not found"),
                            "not_found_intro": l10n.gettext("This page does not exist (any more). "
                                                            "Continue on the home page:")})
        # The root build has no theme files: the icon of the first language's build.
        icon = f"{choices[0]['lang']}/assets/images/favicon.png" if choices else ""
        return env.get_template(template).render(choices=choices, canonical=address.absolute("index.html"),
                                                 favicon=icon, root_path=address.path if address.hosted else "")

    def render_not_found(self, address: SiteAddress, languages: Iterable[str]) -> str:
        """The root 404 page (what GitHub Pages shows for any missing path): both languages. Its links are
        relative, so they work from disk; served at a missing path of a site with an address, a <base> of the
        site's root keeps them right."""
        links = ((code, f"{code}/{HOME_KEY}.html") for code in languages)
        return self.render_chooser(links, "not_found.html", address)


_MARKDOWN = SafeMarkdown()  # one converter per process: builds render one page at a time


# A text's HTML depends on these arguments alone: a body shown on its record page and on the reviewers' page is
# converted once, and a process that builds again (the preview) converts only the texts that changed.
@lru_cache(maxsize=2048)
def rendered_markdown(text: str, lang: str | None, languages: tuple[str, ...],
                      external_note: tuple[str, str] | None = None) -> Markup:
    """`text` as HTML; with `lang`, runs in another of `languages`' scripts marked with their language."""
    split = (lambda piece: split_foreign_runs(piece, lang, languages)) if lang else None
    return _MARKDOWN.render(text, split, external_note)


class LanguageRenderer:
    """Everything rendered in one language: pages and the navigation."""

    def __init__(self, site: SiteRenderer, lang: str):
        self.site = site
        self.archive = site.archive
        self.lang = lang
        self._marked: dict[str, Markup] = {}
        self.l10n = Localizer(lang, load_translations(site.translations_dir, lang))
        self.env = jinja2.Environment(
            loader=site.loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # one renderer per build: no need to stat every template at every include
            bytecode_cache=template_cache("archive"),
        )
        self.env.install_gettext_translations(self.l10n.translations, newstyle=True)
        self.env.globals.update(
            lang=lang,
            l10n=self.l10n,
            label=self.label,
            status_label=self.status_label,
            kind_count=self.kind_count,
            text=self.text,
            foreign=self.foreign,
            archive=self.archive,
            RecordKind=RecordKind,
            RegistryKind=RegistryKind,
            PlaceRole=PlaceRole,
            year_key=year_key,
            name_scripts=NAME_SCRIPTS,
            TIMELINE_KEY=TIMELINE_KEY,
            timeline_anchor=timeline_anchor,
            YEARS_KEY=YEARS_KEY,
            review_key=review_key,
            plural_samples=plural_samples(self.l10n.locale),
            fragments=FragmentCache(),
        )
        self.collate = collation_key(lang)

    def keep_fragments_in(self, fragments: FragmentCache) -> None:
        """Render with `fragments` instead of this renderer's own cache (the preview's, kept from build to build)."""
        self.env.globals["fragments"] = fragments

    # Helpers for templates -------------------------------------------------------------------------------------

    def label(self, vocabulary: str, value: Any) -> str:
        return self.l10n.gettext(labels.VOCABULARIES[vocabulary][value])

    def status_label(self, record: Record) -> str:
        """The record's status in words that agree with its kind; empty for a record without one."""
        if record.status is None:
            return ""
        return self.l10n.pgettext(*labels.STATUS[record.kind][record.status])

    def kind_count(self, kind: RecordKind, n: int) -> str:
        singular, plural = labels.KIND_COUNT[kind]
        return self.l10n.ngettext(singular, plural, n) % {"num": self.l10n.number(n)}

    def foreign(self, text: str) -> Markup:
        """`text` escaped, runs in another language's script marked; once per text and build, as the same names
        recur on many pages."""
        marked = self._marked.get(text)
        if marked is None:
            marked = self._marked[text] = mark_foreign_runs(text, self.lang, self.site.languages)
        return marked

    def text(self, value: LocalizedText | None):
        """The text for this language, or the original marked with its language (see `ResolvedText`)."""
        return value.get(self.lang) if value else None

    def body(self, record: Record) -> Markup | None:
        resolved = self.text(record.body)
        if not resolved:
            return None
        if resolved.lang != self.lang:  # a fallback: the whole body is marked with its language
            return rendered_markdown(resolved.text, None, (), self._external_note)
        return rendered_markdown(resolved.text, self.lang, tuple(self.site.languages), self._external_note)

    @cached_property
    def _external_note(self) -> tuple[str, str]:
        """What follows each external link for screen readers, on every page of this language."""
        return self.l10n.gettext("(external link)"), self.lang

    # Pages -----------------------------------------------------------------------------------------------------

    def _page(self, key: str, template: str, title: LocalizedText | str, description: LocalizedText | str = "",
              source_path: str = "", head_meta: tuple[tuple[str, str], ...] = (), **context: Any) -> RenderedPage:
        key = checked_key(key)
        resolved_title = self.text(title) if isinstance(title, LocalizedText) else None
        title_text = resolved_title.text if resolved_title else str(title)
        summary = self.text(description) if isinstance(description, LocalizedText) else None
        html = self.env.get_template(template).render(
            key=key,
            page_depth=key.count("/"),  # all that relative links depend on
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
            source_path=source_path,
            head_meta=head_meta,
        )

    def render_pages(self) -> Iterator[RenderedPage]:
        for planned in self.planned_pages():
            yield planned.render()

    def planned_pages(self) -> Iterator[PlannedPage]:
        """Every generated page in build order, with what it shows (see `page_inputs`) and how it is rendered; both
        deferred, so that a page the preview reuses costs only its digest."""
        archive = self.archive
        everything = lambda: EVERYTHING  # noqa: E731  (pages that sum up the whole archive)
        yield PlannedPage(HOME_KEY, everything, self.home)
        for kind in RecordKind:
            yield PlannedPage(f"{kind.folder}/index", partial(archive.chronological, kind), partial(self.section, kind))
        for record in archive.records.values():
            yield PlannedPage(record.key, partial(self._record_shows, record), partial(self.record, record))
        for kind in _BROWSABLE:
            yield PlannedPage(f"{kind.folder}/index", partial(self._index_shows, kind),
                              partial(self.registry_index, kind))
            for entry in archive.registry(kind).values():
                yield PlannedPage(entry.key, partial(self._entry_shows, entry), partial(self.registry_entry, entry))
        yield PlannedPage(f"{RegistryKind.SOURCE.folder}/index", partial(self._sources_shows), self.sources_index)
        for source in archive.sources.values():
            yield PlannedPage(source.key, partial(self._source_shows, source), partial(self.source, source))
        for record in archive.records.values():
            yield PlannedPage(review_key(record), lambda record=record: record, partial(self.side_by_side, record))
        yield PlannedPage(STATUS_KEY, everything, self.translation_status)
        yield PlannedPage(TIMELINE_KEY, everything, self.timeline)
        yield PlannedPage(YEARS_KEY, everything, self.years_index)
        for year in self._years:
            yield PlannedPage(year_key(year), partial(self._year_shows, year), partial(self.year, year))
        yield PlannedPage(DATA_KEY, everything, self.data_page)

    # What each page shows beyond the shared inputs: what its template reads, in the order it reads it.

    def _record_shows(self, record: Record) -> tuple:
        around = self._neighbours[record.id]
        linked = [(link.type, link.outgoing, link.record) for link in self.archive.linked(record)]
        return record, around.earlier, around.later, linked

    def _index_shows(self, kind: RegistryKind) -> list:
        return [(entry, len(self.archive.records_naming(kind, entry.id)))
                for entry in self.archive.registry(kind).values()]

    def _entry_shows(self, entry: RegistryEntry) -> tuple:
        return entry, self.archive.records_naming(entry.registry, entry.id)

    def _sources_shows(self) -> list:
        return [(source, self.archive.records_naming(RegistryKind.SOURCE, source.id))
                for source in self.archive.sources.values()]

    def _source_shows(self, source: Source) -> tuple:
        return (source, self.archive.records_naming(RegistryKind.SOURCE, source.id),
                self.archive.entries_citing(source.id))

    def _year_shows(self, year: int) -> tuple:
        return self._by_year[year], self._years

    @cached_property
    def _years(self) -> list[int]:
        return list(self._by_year)

    @cached_property
    def _by_year(self) -> dict[int, list[Record]]:
        return records_by_year(self.archive.records.values())

    def home(self) -> RenderedPage:
        _ = self.l10n.gettext
        newest_first = list(reversed(self.archive.chronological()))
        # "Planned" is what the sources announce; the build date says nothing about what has taken place since.
        planned = [r for r in newest_first if r.status is EventStatus.PLANNED]
        latest = [r for r in newest_first if r.status is not EventStatus.PLANNED]
        counts = [(kind, len(self.archive.chronological(kind))) for kind in RecordKind]
        # Entry points count only entries some record names: an unnamed topic is no way into the archive.
        named = [(kind, sum(1 for e in self.archive.registry(kind).values() if self.archive.records_naming(kind, e.id)))
                 for kind in _BROWSABLE]
        records = self.archive.chronological()
        return self._page(HOME_KEY, "home.html", _("Partnership archive Berlin–Moscow"),
                          _("The social area of the city partnership: seminars, agreements, projects and meetings "
                            "since 1991."),
                          counts=counts, latest=latest[:_LATEST_COUNT], planned=list(reversed(planned)),
                          browsable=named, years=len(self._years), total=len(records), tallies=tally_by_year(records),
                          offline_zip=relative_file(HOME_KEY, f"../{OFFLINE_ZIP}"), data_key=DATA_KEY)

    def data_page(self) -> RenderedPage:
        """The open-data files of this language, what each holds and under which licence."""
        _ = self.l10n.gettext
        return self._page(DATA_KEY, "data.html", _("Data"),
                          _("The archive's records as open data: JSON, CSV, calendar and feed."),
                          formats=EXPORT_FORMATS, licence_note=LICENCE_NOTE,
                          citation_files=(ARCHIVE_BIBTEX, ARCHIVE_CSL_JSON),
                          offline_zip=relative_file(DATA_KEY, f"../{OFFLINE_ZIP}"),
                          file_url=lambda path: relative_file(DATA_KEY, path))

    def section(self, kind: RecordKind) -> RenderedPage:
        records = list(reversed(self.archive.chronological(kind)))
        return self._page(f"{kind.folder}/index", "section.html", self.label("kind_plural", kind),
                          kind=kind, records=records)

    @cached_property
    def _neighbours(self):
        return neighbours_in_kind(self.archive.records.values())

    def record(self, record: Record) -> RenderedPage:
        cited = self.cited(record)
        around = self._neighbours[record.id]
        return self._page(record.key, "record.html", record.title, record.summary, record.path.as_posix(),
                          citation_meta(cited), record=record, body=self.body(record),
                          linked=self.archive.linked(record), cite=self.citation_block(cited),
                          earlier=around.earlier, later=around.later)

    def sorted_entries(self, entries: Iterable[RegistryEntry]) -> list[RegistryEntry]:
        """Registry entries by name in this language's alphabetical order (see `i18n.collation`)."""
        return sorted(entries, key=lambda e: self.collate(self.text(e.name).text))

    def registry_index(self, kind: RegistryKind) -> RenderedPage:
        entries = self.sorted_entries(self.archive.registry(kind).values())
        # The A–Z lists what leads to records; entries no record names yet are only mentioned below it.
        named = [e for e in entries if self.archive.records_naming(kind, e.id)]
        unnamed = [e for e in entries if not self.archive.records_naming(kind, e.id)]
        groups = letter_groups(named, lambda e: self.text(e.name).text)
        return self._page(f"{kind.folder}/index", "registry_index.html", self.label("registry_plural", kind),
                          kind=kind, entries=named, groups=groups, unnamed=unnamed)

    def registry_entry(self, entry: RegistryEntry) -> RenderedPage:
        records = self.archive.records_naming(entry.registry, entry.id)
        related = []
        if entry.registry is RegistryKind.TOPIC:
            related = [(self.archive.topics[topic], n) for topic, n in related_topics(records, entry.id)]
        cited = self.cited(entry)
        return self._page(entry.key, "registry_entry.html", entry.name, entry.description or "",
                          entry.path.as_posix(), citation_meta(cited), entry=entry, records=records,
                          groups=by_start_year(records), related=related, cite=self.citation_block(cited))

    def timeline(self) -> RenderedPage:
        _ = self.l10n.gettext
        records = self.archive.chronological()
        topics = self.sorted_entries(self.archive.topics[t] for t in dict.fromkeys(
            topic for record in records for topic in record.topics))
        return self._page(TIMELINE_KEY, "timeline.html", _("Timeline"),
                          _("Every entry of the archive in date order, grouped by year."),
                          records=records, groups=by_start_year(records), tallies=tally_by_year(records),
                          kinds=[kind for kind in RecordKind if self.archive.chronological(kind)], topics=topics)

    def years_index(self) -> RenderedPage:
        _ = self.l10n.gettext
        records = self.archive.chronological()
        years = [(year, len(touching)) for year, touching in self._by_year.items()]
        return self._page(YEARS_KEY, "years.html", _("Years"), years=years, tallies=tally_by_year(records))

    def year(self, year: int) -> RenderedPage:
        records = self._by_year[year]
        years = self._years
        at = years.index(year)
        return self._page(year_key(year), "year.html", self.l10n.gettext("Year %(year)s") % {"year": year},
                          year=year, records=records, groups=[YearGroup(year, tuple(records))],
                          starts_here=any(r.date.start.first_day.year == year for r in records),
                          previous=years[at - 1] if at > 0 else None,
                          next=years[at + 1] if at + 1 < len(years) else None)

    def sources_index(self) -> RenderedPage:
        sources = sorted(self.archive.sources.values(), key=lambda s: s.id)
        return self._page(f"{RegistryKind.SOURCE.folder}/index", "sources.html",
                          self.label("registry_plural", RegistryKind.SOURCE), sources=sources)

    def source(self, source: Source) -> RenderedPage:
        """A source's page: what it is and every record and registry entry that cites it (browsable provenance)."""
        records = self.archive.records_naming(RegistryKind.SOURCE, source.id)
        return self._page(source.key, "source.html", source.name, source.description or "", source.path.as_posix(),
                          source=source, records=records, entries=self.archive.entries_citing(source.id))

    def side_by_side(self, record: Record) -> RenderedPage:
        """Every text of a record in each language next to the other, for reviewing a translation."""
        _ = self.l10n.gettext
        title = self.text(record.title)
        texts = [(name, value) for name, value in entry_texts(record) if value]
        rendered = {(name, code): self._text_in(value.values[code], code, markdown=name == "body")
                    for name, value in texts for code in self.site.languages if value.has(code)}
        return self._page(review_key(record), "side_by_side.html",
                          _("Side by side: %(title)s") % {"title": title.text},
                          record=record, texts=texts, rendered=rendered, languages=self.site.languages,
                          title_lang=title.lang)

    def _text_in(self, text: str, code: str, markdown: bool) -> Markup:
        """A text in language `code`, its runs in another script marked with their language (as on record pages)."""
        languages = self.site.languages
        if markdown:  # the same HTML as on the record page, so the body is converted once
            return rendered_markdown(text, code, tuple(languages), self._external_note)
        return mark_foreign_runs(text, code, languages)

    def translation_status(self) -> RenderedPage:
        _ = self.l10n.gettext
        return self._page(STATUS_KEY, "translation_status.html", _("Translation status"),
                          _("Entries whose translation is missing or not yet reviewed, and untranslated interface "
                            "texts."),
                          report=self.site.translation_report)

    # Citations ------------------------------------------------------------------------------------------------

    def cited(self, item: Record | RegistryEntry) -> CitedPage:
        """A page as a citable work in this language, with its hosted address where the site has one."""
        where = dict(site_name=self.l10n.gettext("Partnership archive Berlin–Moscow"),
                     path=f"{self.lang}/{item.key}.html", url=self.site.address.page(self.lang, item.key),
                     accessed=self.site.accessed)
        if isinstance(item, Record):
            names = {p.id: self.text(self.archive.organizations[p.id].name).text for p in item.organizations}
            return cited_record(item, self.lang, organization_names=names, date_label=self.l10n.date(item.date),
                                **where)
        return cited_entry(item, self.lang, **where)

    def citation_block(self, cited: CitedPage) -> CitationBlock:
        """What the "Cite" block shows: the formatted citation, the page's address and the citation files."""
        style = citation_style(self.lang)
        files = tuple((fmt, relative_file(cited.key, f"{cited.key}{fmt.suffix}")) for fmt in CITATION_FORMATS)
        return CitationBlock(style.format(cited), style.standard, cited.url, cited.path, files)

    def citation_files(self) -> dict[str, bytes]:
        """Every page's BibTeX, RIS and CSL-JSON, and the whole archive's records in one BibTeX and one CSL-JSON."""
        records = [self.cited(record) for record in self.archive.chronological()]
        entries = [self.cited(entry) for kind in _BROWSABLE for entry in self.archive.registry(kind).values()]
        made: dict[str, bytes] = {}
        for page in records + entries:
            made.update(page_citation_files(page))
        made.update(archive_citation_files(records))
        return made

    # Navigation ------------------------------------------------------------------------------------------------

    def nav(self, handwritten: Iterable[tuple[str, str]] = ()) -> list[NavItem]:
        """Sections, never every record: a nav that lists every record makes every page render all of them."""
        _ = self.l10n.gettext
        items: list[NavItem] = [NavLink(_("Home"), HOME_KEY)]
        items.append(NavSection(_("Archive"), tuple(
            NavLink(self.label("kind_plural", kind), f"{kind.folder}/index") for kind in RecordKind)))
        by_time = (NavLink(_("Timeline"), TIMELINE_KEY), NavLink(_("Years"), YEARS_KEY))
        items.append(NavSection(_("Browse"), by_time + tuple(
            NavLink(self.label("registry_plural", kind), f"{kind.folder}/index")
            for kind in (*_BROWSABLE, RegistryKind.SOURCE))))
        pages = tuple(NavLink(title, key) for key, title in handwritten)
        pages += (NavLink(_("Data"), DATA_KEY), NavLink(_("Translation status"), STATUS_KEY))
        if pages:
            items.append(NavSection(_("About"), pages))
        return items
