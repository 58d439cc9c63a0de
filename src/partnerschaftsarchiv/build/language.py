"""What one language adds to its engine's build: the generated pages, the static files and exports, and what each
page's layout needs (its translations, fallback language, JSON-LD, OpenGraph). Engine-neutral: the MkDocs hook and
the `render` command take the same things from here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterator, Mapping

from markupsafe import Markup

from ..exports import language_exports
from ..project import Project
from ..publishing import SiteAddress, sitemap_xml
from ..rendering.page_inputs import PageInputs
from ..rendering.page_meta import OpenGraph
from ..rendering.pages import RenderedPage
from ..rendering.site import HOME_KEY, LanguageRenderer, SiteRenderer
from ..rendering.structured_data import StructuredData, script_json
from .reuse import FRAGMENTS, PAGE_CONTEXTS, RENDERED_PAGES, content_inputs, fingerprint
from .root import sitemap_pages

__all__ = ["Alternate", "LanguageBuild", "PageContext"]


@dataclass(frozen=True)
class Alternate:
    """The same page in one language (same key), or that language's home page where it has no such page."""

    lang: str
    name: str
    href: str
    absolute: str
    exists: bool
    current: bool

    def as_dict(self) -> dict[str, object]:
        return {"lang": self.lang, "name": self.name, "href": self.href, "absolute": self.absolute,
                "exists": self.exists, "current": self.current}


@dataclass(frozen=True)
class PageContext:
    """What the layout of one page needs beyond its content."""

    alternates: tuple[Alternate, ...]
    fallback_lang: str
    jsonld: Markup | str
    og: OpenGraph
    citation_meta: tuple = ()  # (name, content) pairs of the citation_* and DC.* head tags
    chooser_absolute: str = ""  # the root language chooser's address, "" without a site address


class LanguageBuild:
    """One language's build of the archive."""

    def __init__(self, site: SiteRenderer, project: Project, lang: str, address: SiteAddress):
        self.site, self.project, self.lang, self.address = site, project, lang, address
        self.renderer: LanguageRenderer = site.language(lang)
        self.handwritten = {code: set(project.handwritten_pages(code)) for code in project.languages}
        self.pages: dict[str, RenderedPage] = {}  # by source path ("seminars/2017-06-moskau.md")
        self.digests: dict[str, str] = {}  # the preview's: what each page shows (rendering/page_inputs.py)
        self.structured = StructuredData(self.renderer, address)

    @property
    def site_name(self) -> str:
        return self.renderer.l10n.gettext("Partnership archive Berlin–Moscow")

    def site_url(self) -> str:
        """This language's address (`<site_url><lang>/`), or "" for a site read from disk only."""
        return self.address.root.rstrip("/") + f"/{self.lang}/" if self.address.hosted else ""

    def handwritten_nav(self) -> list[tuple[str, str]]:
        return [(key, "") for key in sorted(self.handwritten[self.lang]) if key != HOME_KEY]

    def render_pages(self) -> Iterator[RenderedPage]:
        """Every generated page, remembered for the per-page calls below."""
        for page in self._rendered() if RENDERED_PAGES.enabled else self.renderer.render_pages():
            self.pages[page.src_uri] = page
            yield page

    def _rendered(self) -> Iterator[RenderedPage]:
        """The preview's pages: one whose inputs are those of the previous build is that build's page."""
        memory, site = RENDERED_PAGES, self.site
        shared = content_inputs(self.project, self.lang, site.languages, site.address, site.accessed, self.address)
        memory.begin(shared)
        # A page's context reads its page and the pages each language has (its translations' links).
        PAGE_CONTEXTS.begin(fingerprint(shared, {code: sorted(keys) for code, keys in self.handwritten.items()}))
        inputs = PageInputs(site.archive)
        FRAGMENTS.next_build(shared, inputs.reached)
        self.renderer.keep_fragments_in(FRAGMENTS)
        try:
            for planned in self.renderer.planned_pages():
                digest = inputs.page(planned.key, planned.shows())
                page = memory.reusable(planned.key, digest)
                if page is None:
                    page = planned.render()
                    memory.keep(planned.key, digest, page)
                self.digests[page.src_uri] = digest
                yield page
        except BaseException:
            memory.forget()
            FRAGMENTS.forget()
            raise
        memory.end()  # each page kept is its inputs' page, whatever the engine does with it next

    def generated(self, src_uri: str) -> RenderedPage | None:
        return self.pages.get(src_uri)

    def static_files(self, made: datetime, changed: Mapping[str, datetime] | None = None) -> dict[str, str]:
        """Path below the language folder → text: the core's assets, the open-data exports, the citation files and,
        on a hosted site, this language's sitemap. `changed` is each record's last change (the feed's `updated`),
        where it is known."""
        files = dict(self.site.assets())
        for export in language_exports(self.renderer, self.address, made, changed or {}):
            files[export.path] = export.content
        files.update(self.renderer.citation_files())
        if self.address.hosted:
            files["sitemap.xml"] = sitemap_xml(self.address, sitemap_pages(self.site, self.project), [self.lang])
        return files

    def edit_path(self, src_uri: str, is_page: bool) -> str | None:
        """The file behind a page, relative to the repository root: the record's YAML, or docs/<lang>/<page>.md."""
        rendered = self.pages.get(src_uri)
        if rendered is not None:
            return rendered.source_path or None
        return f"docs/{self.lang}/{src_uri}" if is_page else None

    def alternates(self, src_uri: str, url: str) -> tuple[Alternate, ...]:
        """The page at `src_uri` (served at `url`) in every language."""
        key = src_uri.removesuffix(".md")
        generated = src_uri in self.pages
        up = "/".join([".."] * (url.count("/") + 1))
        root = self.address.root.rstrip("/") if self.address.hosted else ""
        alternates = []
        for code in self.project.languages:
            exists = generated or key in self.handwritten[code]
            target = f"{key}.html" if exists else f"{HOME_KEY}.html"
            alternates.append(Alternate(code, self.renderer.l10n.language_name(code), f"{up}/{code}/{target}",
                                        f"{root}/{code}/{target}" if root else "", exists, code == self.lang))
        return tuple(alternates)

    def page_context(self, src_uri: str, url: str, title: str) -> PageContext:
        """`title` names a page that describes no record (its schema.org WebPage node). In the preview, a
        generated page that shows what it showed, at the same address and title, has the previous build's."""
        digest = self.digests.get(src_uri)
        if digest is None:
            return self._page_context(src_uri, url, title)
        page_fingerprint = f"{digest} {url} {title}"
        context = PAGE_CONTEXTS.reusable(src_uri, page_fingerprint)
        if context is None:
            context = self._page_context(src_uri, url, title)
            PAGE_CONTEXTS.keep(src_uri, page_fingerprint, context)
        return context

    def finish(self) -> None:
        """The engine's build succeeded: the page contexts it worked out are the preview's memory for the next."""
        PAGE_CONTEXTS.end()

    def _page_context(self, src_uri: str, url: str, title: str) -> PageContext:
        rendered = self.pages.get(src_uri)
        key = src_uri.removesuffix(".md")
        structured = self.structured.for_key(key) if rendered else None
        is_record = structured is not None
        if structured is None:
            structured = self.structured.web_page(key, rendered.title if rendered else title)
        return PageContext(
            alternates=self.alternates(src_uri, url),
            fallback_lang=rendered.fallback_lang if rendered else "",
            jsonld=Markup(script_json(structured)),
            og=OpenGraph.for_page(self.lang, self.project.languages, is_record),
            citation_meta=rendered.head_meta if rendered else (),
            chooser_absolute=self.address.absolute("index.html"),
        )
