"""MkDocs adapter for the generator core (`partnerschaftsarchiv`): it only translates MkDocs events into calls of
the core's engine-neutral build (`partnerschaftsarchiv.build`). Runs under MkDocs 1.6 and under ProperDocs, its fork.

`mkdocs build` runs twice over this hook:

* the **root build** (the command the user ran) validates the records, writes the language chooser
  `site/index.html`, then builds every language as its own build of the same engine, side by side in child
  processes. It builds into `site.partial/` and swaps it into place only when every language succeeded.
* a **language build** (`PARTNERSCHAFTSARCHIV_LANGUAGE=de`) takes `docs/<lang>/` for the hand-written pages and
  adds the core's generated pages in memory (`File.generated`); nothing is written into `docs/`. It gets the archive
  the root validated through its standard input instead of reading `data/` again.

`mkdocs serve` keeps the language builds running between rebuilds (`language_worker.py`), and while the records
or a page cannot be built it serves a page listing the problems at every address instead of waiting.
"""

from __future__ import annotations

import copy
import io
import json
import logging
import os
import posixpath
import shutil
import sys
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler
from jinja2 import ChoiceLoader, DictLoader
from markupsafe import escape

import partnerschaftsarchiv
from partnerschaftsarchiv.build import (
    LANGUAGE_ENV, SNAPSHOT_ENV, BuildFailed, LanguageBuild, LanguageProcesses, StagedSite, engine_command,
    load_for_build, root_files,
)
from partnerschaftsarchiv.build.languages import HANDED, LanguageWorkers, take_handed
from partnerschaftsarchiv.build.error_page import build_error_page
from partnerschaftsarchiv.build.kept_files import KEPT_FILES, stash_language_folders
from partnerschaftsarchiv.build.render import nav_config
from partnerschaftsarchiv.build.reuse import (LAYOUTS, THEME_PARTS, LaidOutPage, content_digest, fingerprint,
                                              shared_inputs)
from partnerschaftsarchiv.exports import build_time, last_changes
from partnerschaftsarchiv.loading import LoadResult, dump_snapshot
from partnerschaftsarchiv.project import Project
from partnerschaftsarchiv.publishing import SiteAddress, write_offline_zip
from partnerschaftsarchiv.publishing.address import AddressInvalid, checked_edit_path, checked_web_address
from partnerschaftsarchiv.rendering.assets import ASSETS
from partnerschaftsarchiv.rendering.pages import RenderedPage
from partnerschaftsarchiv.rendering.site import SiteRenderer
from partnerschaftsarchiv.search import PageProfile, indexed_html, search_profiles, shape_documents

# The engine running this hook: ProperDocs answers `import mkdocs` with itself, so this is "mkdocs" or "properdocs".
ENGINE = mkdocs.__name__
# The layout of a page whose output the preview reuses (build/reuse.py): nothing, as `on_post_page` hands over
# the previous output as it was written.
REUSED_LAYOUT = "archive-reused-layout.html"
log = logging.getLogger("mkdocs.hooks.archive")


class _State:
    """What one build of this hook knows; reset on every (re)build."""

    command = "build"
    project: Project
    result: LoadResult
    site: SiteRenderer
    processes: LanguageProcesses | LanguageWorkers = LanguageProcesses()
    # `serve` keeps its language builds running between rebuilds (this module lives as long as the server).
    workers = LanguageWorkers()
    lang: str | None = None
    language: LanguageBuild | None = None
    staged: StagedSite | None = None
    address: SiteAddress = SiteAddress()
    warnings: CountHandler | None = None
    # `mkdocs serve` only: why the site cannot be built; the preview shows these in place of every page.
    problems: list[str] = []
    # Language build: each page's context and its layout fingerprint, worked out once per build; the preview's pages
    # reused from the previous build; each page's search entries, and the order of the pages.
    contexts: dict[str, Any] = {}
    fingerprints: dict[str, str] = {}
    reused: dict[str, LaidOutPage] = {}
    search_entries: dict[str, tuple[dict, ...]] = {}
    page_order: list[str] = []
    # Language build: each generated page's weight and whether it is searched at all, by page key.
    profiles: dict[str, PageProfile] = {}


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.command = command


def _languages(config: MkDocsConfig) -> tuple[str, ...]:
    return tuple(config.extra.get("archive", {}).get("languages", ("de", "ru")))


def _load(config: MkDocsConfig) -> None:
    languages = _languages(config)
    state.project = Project.at(Path(config.config_file_path).parent, languages)
    handed = os.environ.get(SNAPSHOT_ENV) if os.environ.get(LANGUAGE_ENV) else None
    snapshot = sys.stdin.buffer if handed == "stdin" else io.BytesIO(take_handed()) if handed == HANDED else None
    try:
        state.result = load_for_build(state.project, snapshot)
    except BuildFailed as failed:
        raise PluginError(str(failed)) from None
    for notice in state.result.notices:
        log.debug(str(notice))
    state.site = SiteRenderer(state.result.archive, state.project.translations_dir, languages,
                              state.project.layouts_dir, address=state.address,
                              accessed=build_time(os.environ.get("SOURCE_DATE_EPOCH")).date())


@event_priority(100)  # before Material's search plugin reads the theme language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.lang = os.environ.get(LANGUAGE_ENV) or None
    try:  # addresses from the environment: refused in plain words, never written into pages unchecked
        state.address = SiteAddress(config.site_url or "")
        if config.repo_url:
            checked_web_address("repository address (PARTNERSCHAFTSARCHIV_REPO_URL)", config.repo_url)
            checked_edit_path("edit path (PARTNERSCHAFTSARCHIV_EDIT_URI)", config.edit_uri or "")
    except AddressInvalid as invalid:
        raise PluginError(str(invalid)) from None
    if state.lang is None:
        config = _configure_root(config)
        state.problems = []
        _start_languages(config)  # they start up while we validate, then wait for the archive
        try:
            _load(config)
        except PluginError as invalid:
            if state.command != "serve":
                raise
            # A preview that stops here would leave the browser waiting: show the problems in it instead.
            # Printed, not logged: a logged error would fail the strict build and leave the browser waiting again.
            state.processes.stop()
            print(f"ERROR   -  {invalid}", file=sys.stderr)
            state.problems = str(invalid).splitlines()
        return config
    _load(config)
    return _configure_language(config, state.lang)


# Root build --------------------------------------------------------------------------------------------------


def _configure_root(config: MkDocsConfig) -> MkDocsConfig:
    config.theme.static_templates.clear()  # the root holds only the chooser; each language has its own 404 etc.
    state.staged = None
    if state.command != "serve":
        state.staged = StagedSite.for_site_dir(config.site_dir)
        config.site_dir = str(state.staged.staging)
        # MkDocs checks strict mode only after on_post_build, where the site is already swapped in: count the
        # warnings here, so that a strict build with warnings keeps the previous site.
        _stop_counting()
        if config.strict:
            state.warnings = CountHandler()
            state.warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(state.warnings)
    return config


def _stop_counting() -> None:
    if state.warnings is not None:
        logging.getLogger("mkdocs").removeHandler(state.warnings)
        state.warnings = None


def _start_languages(config: MkDocsConfig) -> None:
    quiet = logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO
    if state.command == "serve":
        worker = Path(__file__).with_name("language_worker.py")
        # Absolute: MkDocs names the file as given on the first build and absolute on later ones.
        command = [sys.executable, str(worker), ENGINE, os.path.abspath(config.config_file_path),
                   str(int(bool(config.strict))), str(int(quiet))]
        state.processes = state.workers
        state.workers.start(command, _languages(config), config.site_dir, {"NO_MKDOCS_2_WARNING": "1"})
        return
    state.processes = LanguageProcesses()
    command = engine_command(ENGINE, config.config_file_path, config.strict, quiet)
    # The end-of-life banner (README, "Engines") is shown once, by the root build.
    state.processes.start(command, _languages(config), config.site_dir, {"NO_MKDOCS_2_WARNING": "1"})


def on_build_error(error: Exception) -> None:
    LAYOUTS.forget()
    KEPT_FILES.forget()
    _stop_counting()
    state.processes.stop()
    if state.lang is None and state.staged is not None:
        state.staged.discard()


def on_pre_build(config: MkDocsConfig) -> None:
    if state.lang is None and state.command == "serve":
        # MkDocs empties the site next: the language workers put their folders back (build/kept_files.py).
        stash_language_folders(Path(config.site_dir), _languages(config))


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    project = state.project
    for path in (project.data_dir, project.translations_dir, project.layouts_dir, project.docs_dir,
                 Path(config.config_file_path).parent / "overrides",
                 Path(partnerschaftsarchiv.__file__).parent / "rendering"):  # templates and assets
        if path.exists():
            server.watch(str(path))
    return server


# Language build ----------------------------------------------------------------------------------------------


def _configure_language(config: MkDocsConfig, lang: str) -> MkDocsConfig:
    language = LanguageBuild(state.site, state.project, lang, state.address)
    state.language = language
    config.docs_dir = str(state.project.docs_dir / lang)
    config.theme["language"] = lang
    # Each language's pages quote names and titles in the other language (Volkssolidarität on Russian pages,
    # Юлия Губина on German ones): index both, this language first, or its trimmer drops the other script.
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.lang = [lang] + [code for code in state.project.languages if code != lang]
    config.site_name = language.site_name
    if state.address.hosted:
        config.site_url = language.site_url()
    config.nav = nav_config(language.renderer.nav(language.handwritten_nav()))
    # Material shows its selector when `alternate` is truthy and prints home-page hreflang links when it is a list.
    # Our links are per page (overrides/partials/alternate.html, main.html), so give it a bare `True`.
    config.extra["alternate"] = True
    config.extra["archive_lang"] = lang
    if not config.repo_url:
        # No repository configured (PARTNERSCHAFTSARCHIV_REPO_URL): no "Edit this page" links at all.
        config.edit_uri = config.edit_uri_template = None
    # The core's static files (timeline filter script, styles), added as generated files in on_files.
    config.extra_javascript.extend(ASSETS.path(name) for name in ASSETS.scripts)
    config.extra_css.extend(ASSETS.path(name) for name in ASSETS.styles)
    # This language's sitemap comes from the core (with hreflang alternates), never MkDocs' plain one.
    config.theme.static_templates.discard("sitemap.xml")
    state.contexts, state.fingerprints, state.reused, state.search_entries, state.page_order = {}, {}, {}, {}, []
    state.profiles = search_profiles(state.result.archive, lang)
    shared = shared_inputs(state.project, lang, Path(config.config_file_path),
                           Path(config.theme.custom_dir) if config.theme.custom_dir else None,
                           config.nav, config.site_url, config.repo_url, config.edit_uri, config.extra)
    LAYOUTS.begin(shared)
    return config


class GeneratedFile(File):
    """A generated page's file. MkDocs asks whether it changed only in a build that keeps the site folder (the
    preview's language worker builds so): a page the previous build laid out the same way is left in place."""

    left_in_place = False

    def is_modified(self) -> bool:
        return not self.left_in_place


class GeneratedPage(Page):
    """A page the core made. A plugin may give a file its own `Page` before MkDocs makes the navigation (as
    Material's blog plugin does); this one is read on creation, as an empty text with the core's title and
    description, so that the navigation and its neighbours know its title even where the preview does not build it
    again. Its HTML takes the place of the content in `on_page_content`, so there is no Markdown to convert either:
    MkDocs would set up a converter with every Markdown extension for each page's empty text."""

    def __init__(self, title: str | None, file: File, config: MkDocsConfig, meta: dict[str, Any]) -> None:
        super().__init__(title, file, config)
        self.markdown, self.meta = "", meta
        self.toc = TableOfContents([])

    def read_source(self, config: MkDocsConfig) -> None:
        """Read on creation."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        # What MkDocs' render leaves for an empty text: no content, no headings, no anchors.
        self.content = ""
        self.present_anchor_ids = set()


def _generated_meta(rendered: RenderedPage) -> dict[str, Any]:
    # MkDocs and Material print titles and descriptions unescaped: hand them over as escaped HTML.
    meta: dict[str, Any] = {"title": str(escape(rendered.title))}
    if rendered.description:
        meta["description"] = str(escape(rendered.description))
    profile = state.profiles.get(rendered.key)
    if profile is not None and not profile.searched:
        # Material then skips the page instead of parsing it for an index that would drop it (every reviewer
        # page repeats a record's text, the translation status every title).
        meta["search"] = {"exclude": True}
    return meta


def _nav_titles(nav: list[Any] | None) -> dict[str, str | None]:
    """Each page's title in `mkdocs.yml`'s `nav:` format, by path (None where the entry gives none)."""
    titles: dict[str, str | None] = {}
    for item in nav or []:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            titles.update(_nav_titles(value))
        else:
            titles[value] = title
    return titles


def _index_pages(config: MkDocsConfig) -> None:
    """Material's search index reads a generated page without the parts marked as left out (the lists of records
    on listing pages, most of their HTML), and in the preview takes the entries of a reused page from the previous
    build, also of a page not built at all; the index then lists every page's entries in the order of the pages, as
    in any build. Its index is made anew on every build, so this wraps the new one."""
    search = config.plugins.get("material/search")
    index = getattr(search, "search_index", None)
    if index is None:
        return
    index_page, generate = index.add_entry_from_context, index.generate_search_index

    def add_entry_from_context(page: Page) -> None:
        src_uri = page.file.src_uri
        if src_uri in state.reused:
            return
        before, content = len(index.entries), page.content
        if isinstance(page, GeneratedPage):
            page.content = indexed_html(content)
        try:
            index_page(page)
        finally:
            page.content = content
        state.search_entries[src_uri] = tuple(index.entries[before:])

    def generate_search_index(prev: Any) -> str:
        index.entries = [entry for src_uri in state.page_order for entry in state.search_entries.get(src_uri, ())]
        return generate(prev)

    index.add_entry_from_context = add_entry_from_context
    index.generate_search_index = generate_search_index


def _error_page(config: MkDocsConfig) -> str:
    return build_error_page(state.problems, state.project.translations_dir, _languages(config))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if state.lang is None and state.problems:
        page = _error_page(config)  # the preview answers every address with it (index and 404 page)
        return Files([File.generated(config, "index.html", content=page),
                      File.generated(config, "404.html", content=page)])
    if state.lang is None:
        state.processes.send(dump_snapshot(state.result, state.project.data_dir))  # our staging folder is clean
        files = root_files(state.site, state.project, state.address)
        if state.address.hosted and "robots.txt" not in files:
            log.info("the site lives below %s: crawlers read only the host's robots.txt, so none is written; add "
                     "'Sitemap: %s' to it (README.md, Hosted)", state.address.path, state.address.absolute("sitemap.xml"))
        return Files([File.generated(config, path, content=content) for path, content in files.items()])
    language = state.language
    KEPT_FILES.restore(Path(config.site_dir))  # the preview's previous files, now that MkDocs emptied the folder
    for file in files:  # the engine's own (theme, hand-written pages): made anew, as in any build
        KEPT_FILES.discard(file.dest_uri)
    _index_pages(config)
    generated: list[tuple[File, RenderedPage]] = []
    for page in language.render_pages():
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{state.lang}/{page.src_uri} has the path of a generated page; rename it")
        file = GeneratedFile.generated(config, page.src_uri, content="")
        files.append(file)
        generated.append((file, page))
    for file in files:
        file.edit_uri = language.edit_path(file.src_uri, file.is_documentation_page())  # joined to repo_url
    titles = _nav_titles(config.nav)
    for file, page in generated:  # after the edit paths: a page takes its edit link from its file
        GeneratedPage(titles.get(file.src_uri), file, config, _generated_meta(page))
    # MkDocs copies its sitemap template as a plain theme file: ours replaces it.
    theme_sitemap = files.get_file_from_path("sitemap.xml")
    if theme_sitemap is not None:
        files.remove(theme_sitemap)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    # A fixed build time stands for every change; otherwise each record's last commit, where git knows it.
    changed = {} if epoch else last_changes(state.project.root)
    for path, content in language.static_files(build_time(epoch), changed).items():
        if KEPT_FILES.unchanged(path, content):  # already in place, as this content: MkDocs leaves it there
            files.append(File.generated(config, path, abs_src_path=os.path.join(config.site_dir, path)))
        else:
            files.append(File.generated(config, path, content=content))
    return files


def _toc(items: list[AnchorLink]) -> list[Any]:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in items]


def _neighbour(page: Page | None) -> tuple[str, str] | None:
    """A neighbour's address and, for a generated page, its title (hand-written ones count as shared input)."""
    if page is None:
        return None
    rendered = state.language.generated(page.file.src_uri)
    return page.url, rendered.title if rendered is not None else ""


def _plan_layout(page: Page, html: str, config: MkDocsConfig) -> None:
    """The page's context and, in the preview, whether its previous layout can be reused, and whether the page is
    on disk as the previous build wrote it (then MkDocs leaves it there). The fingerprint covers everything the
    layout reads, as it is before accessibility.py derives the table of contents and hidden parts from it."""
    src_uri = page.file.src_uri
    page_context = state.language.page_context(src_uri, page.url, page.title or config.site_name)
    state.contexts[src_uri] = page_context
    if not LAYOUTS.enabled:
        return
    state.fingerprints[src_uri] = fingerprint(
        content_digest(html), page.title, page.meta, _toc(page.toc.items), page.url, page.canonical_url,
        page.edit_url, page.is_homepage, _neighbour(page.previous_page), _neighbour(page.next_page),
        [section.title for section in page.ancestors], page_context)
    laid_out = LAYOUTS.reusable(src_uri, state.fingerprints[src_uri])
    if laid_out is None:
        return
    state.reused[src_uri] = laid_out
    state.search_entries[src_uri] = laid_out.search_entries
    if isinstance(page.file, GeneratedFile):
        page.file.left_in_place = KEPT_FILES.in_place(page.file.dest_uri, laid_out.digest)


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    """A generated page's layout is planned before MkDocs reads the pages: in the preview, one left in place is
    neither read nor built. A hand-written page's waits for its Markdown (`on_page_content`)."""
    if state.lang is None:
        return nav
    state.page_order = [file.src_uri for file in files.documentation_pages()]
    THEME_PARTS.forget()
    for file in files.documentation_pages():
        if isinstance(file.page, GeneratedPage):
            _plan_layout(file.page, state.language.generated(file.src_uri).html, config)
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The core's HTML for a generated page; a reused page hands on nothing, as its layout does not run again."""
    if state.lang is None:
        return html
    if not isinstance(page, GeneratedPage):
        _plan_layout(page, html, config)
    if page.file.src_uri in state.reused:
        page.meta["template"] = REUSED_LAYOUT
        return ""
    rendered = state.language.generated(page.file.src_uri)
    return rendered.html if rendered is not None else html


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if state.lang is not None and LAYOUTS.enabled:
        env.loader = ChoiceLoader([DictLoader({REUSED_LAYOUT: ""}), env.loader])
    env.globals["archive_theme_parts"] = THEME_PARTS
    return env


def _shared_sidebars(page: Page, nav: Any) -> str | None:
    """The key under which a page's sidebars are the same as other pages', or None where they are its own.

    Material's sidebars show the navigation and the page's table of contents. A page the navigation does not list
    marks no entry in it as current; its links are relative to its folder. Its table of contents shows nothing
    when it has no entries under the page's title (Material leaves out a first heading of level 1). Such pages
    of one folder, with the same parts hidden, have the same sidebars: nearly all of a language's pages.
    """
    if any(listed is page for listed in nav.pages):
        return None
    items = page.toc.items
    if items and (items[0].level != 1 or items[0].children):
        return None
    return f"sidebars {posixpath.dirname(page.url)} {page.meta.get('hide', [])}"


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    src_uri = page.file.src_uri
    if src_uri in state.reused:
        return context
    page_context = state.contexts[src_uri]
    context["archive_alternates"] = [alternate.as_dict() for alternate in page_context.alternates]
    context["archive_fallback_lang"] = page_context.fallback_lang
    context["archive_jsonld"] = page_context.jsonld
    context["archive_og"] = page_context.og
    context["archive_citation_meta"] = page_context.citation_meta
    context["archive_chooser_absolute"] = page_context.chooser_absolute
    context["archive_shared_sidebars"] = _shared_sidebars(page, nav)
    context["archive_shared_config"] = f"config {posixpath.dirname(page.url)}"  # Material's settings for scripts
    return context


@event_priority(-100)  # after every other handler: the output as MkDocs writes it
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    src_uri = page.file.src_uri
    reused = state.reused.get(src_uri)
    if reused is not None:
        KEPT_FILES.written(page.file.dest_uri, reused.digest)
        return reused.output
    if state.lang is not None and src_uri in state.fingerprints:
        laid_out = LaidOutPage(output, content_digest(output), copy.deepcopy(state.search_entries.get(src_uri, ())))
        LAYOUTS.keep(src_uri, state.fingerprints[src_uri], laid_out)
        KEPT_FILES.written(page.file.dest_uri, laid_out.digest)
    return output


def _shape_search_index(config: MkDocsConfig) -> None:
    """Material's search index with the core's weights and hidden names (runs after Material's search plugin
    wrote it and before the offline plugin copies it into search_index.js)."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = shape_documents(index["docs"], state.profiles)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    if state.lang is not None:
        _shape_search_index(config)
        LAYOUTS.end()
        state.language.finish()
        KEPT_FILES.finish(Path(config.site_dir))
        if LAYOUTS.enabled:
            log.debug("reused: %d laid-out pages of %d", len(LAYOUTS.reused), len(state.contexts))
        return
    if state.problems:
        return
    lines: list[str] = []

    def report(line: str) -> None:
        print(line, file=sys.stderr)
        lines.append(line)

    failed = state.processes.wait(report)
    if failed and state.command == "serve":
        # A late failure (a broken hand-written page, a template): the preview shows what the builds said.
        print(f"ERROR   -  the build of {', '.join(failed)} failed (see the lines marked [{failed[0]}] above)",
              file=sys.stderr)
        state.problems = [line for line in lines if not line.split("] ", 1)[-1].startswith("INFO")]
        for lang in _languages(config):
            shutil.rmtree(Path(config.site_dir) / lang, ignore_errors=True)
        page = _error_page(config)
        for name in ("index.html", "404.html"):
            (Path(config.site_dir) / name).write_text(page, encoding="utf-8")
        return
    if failed:
        raise PluginError(f"the build of {', '.join(failed)} failed (see the lines marked [{failed[0]}] above)")
    if state.warnings is not None and state.warnings.get_counts():
        raise PluginError("warnings in strict mode (see above): the previous site was kept")
    _stop_counting()
    shutil.rmtree(Path(config.site_dir) / "search", ignore_errors=True)  # the chooser has no search
    if state.command != "serve":  # the preview shows pages; zipping them on every save would only delay it
        write_offline_zip(Path(config.site_dir))
    if state.staged is not None:
        state.staged.publish()
        config.site_dir = str(state.staged.final)
