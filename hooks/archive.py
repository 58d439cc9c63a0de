"""MkDocs adapter for the generator core (`partnerschaftsarchiv`): a thin layer, no archive logic here.

`mkdocs build` runs twice over this hook:

* the **root build** (the command the user ran) validates the records, writes the language chooser
  `site/index.html`, then builds every language as its own MkDocs build, side by side in child processes
  (Material's UI language, search language and `<html lang>` are per build). It builds into a staging folder and
  swaps it into place only when every language succeeded, so a failed build leaves the previous `site/` as it was.
* a **language build** (`PARTNERSCHAFTSARCHIV_LANGUAGE=de`) takes `docs/<lang>/` for the hand-written pages and
  adds the core's generated pages in memory (`File.generated`); nothing is written into `docs/`. Where `repo_url`
  is set, "Edit this page" opens the file behind a page: the record's YAML, or `docs/<lang>/<page>.md`. It gets the
  archive the root validated through its standard input (`PARTNERSCHAFTSARCHIV_SNAPSHOT=stdin`) instead of
  reading `data/` again. The root starts the language builds before it validates, so their start-up runs
  meanwhile; it hands them the archive once its staging folder is clean, and stops them if validation fails.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

import partnerschaftsarchiv
from partnerschaftsarchiv.exports import build_time, language_exports
from partnerschaftsarchiv.loading import ArchiveInvalid, LoadResult, dump_snapshot, load_archive, load_snapshot
from partnerschaftsarchiv.project import Project
from partnerschaftsarchiv.rendering.assets import ASSETS
from partnerschaftsarchiv.publishing import (
    SiteAddress, SitemapPage, robots_txt, site_pages, sitemap_xml, write_offline_zip,
)
from partnerschaftsarchiv.publishing.address import AddressInvalid, checked_edit_path, checked_web_address
from partnerschaftsarchiv.rendering.page_meta import OpenGraph
from partnerschaftsarchiv.rendering.pages import NavLink, NavSection, RenderedPage
from partnerschaftsarchiv.rendering.site import HOME_KEY, LanguageRenderer, SiteRenderer
from partnerschaftsarchiv.rendering.structured_data import StructuredData, script_json

LANGUAGE_ENV = "PARTNERSCHAFTSARCHIV_LANGUAGE"
# "stdin": the language build reads the archive the root validated from its standard input (loading/snapshot.py).
SNAPSHOT_ENV = "PARTNERSCHAFTSARCHIV_SNAPSHOT"
log = logging.getLogger("mkdocs.hooks.archive")


class _State:
    """What one build of this hook knows; reset on every (re)build."""

    command = "build"
    project: Project
    result: LoadResult
    runs: dict[str, subprocess.Popen] = {}
    senders: list[threading.Thread] = []
    site: SiteRenderer
    lang: str | None = None
    renderer: LanguageRenderer | None = None
    pages: dict[str, RenderedPage] = {}
    handwritten: dict[str, set[str]] = {}
    final_site_dir: str | None = None
    root_site_url: str = ""
    address: SiteAddress = SiteAddress()
    structured: StructuredData | None = None
    warnings: CountHandler | None = None


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.command = command


def _languages(config: MkDocsConfig) -> tuple[str, ...]:
    return tuple(config.extra.get("archive", {}).get("languages", ("de", "ru")))


def _load(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    languages = _languages(config)
    state.project = Project.at(root, languages)
    from_root = os.environ.get(LANGUAGE_ENV) and os.environ.get(SNAPSHOT_ENV) == "stdin"
    try:
        if from_root:
            result = load_snapshot(sys.stdin.buffer.read(), state.project.data_dir)
        else:
            result = load_archive(state.project.data_dir, state.project.root)
    except ArchiveInvalid as invalid:
        raise PluginError(invalid.report()) from None
    except ValueError as error:
        raise PluginError(str(error)) from None
    state.result = result
    for notice in result.notices:
        log.debug(str(notice))
    state.site = SiteRenderer(result.archive, state.project.translations_dir, languages, state.project.layouts_dir)


@event_priority(100)  # before Material's search plugin reads the theme language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.lang = os.environ.get(LANGUAGE_ENV) or None
    state.pages = {}
    state.root_site_url = config.site_url or ""
    try:  # addresses from the environment: refused in plain words, never written into pages unchecked
        state.address = SiteAddress(state.root_site_url)
        if config.repo_url:
            checked_web_address("repository address (PARTNERSCHAFTSARCHIV_REPO_URL)", config.repo_url)
            checked_edit_path("edit path (PARTNERSCHAFTSARCHIV_EDIT_URI)", config.edit_uri or "")
    except AddressInvalid as invalid:
        raise PluginError(str(invalid)) from None
    if state.lang is None:
        config = _configure_root(config)
        _start_languages(config)  # they start up while we validate, then wait for the archive
        _load(config)
        return config
    _load(config)
    return _configure_language(config, state.lang)


# Root build --------------------------------------------------------------------------------------------------


def _configure_root(config: MkDocsConfig) -> MkDocsConfig:
    config.theme.static_templates.clear()  # the root holds only the chooser; each language has its own 404 etc.
    if state.command != "serve":
        state.final_site_dir = config.site_dir
        config.site_dir = config.site_dir.rstrip("/\\") + ".partial"
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


def _language_url(lang: str) -> str:
    return f"{lang}/{HOME_KEY}.html"


def _sitemap_pages() -> list[SitemapPage]:
    project = state.project
    handwritten = {code: project.handwritten_pages(code) for code in project.languages}
    return site_pages(state.site.page_keys(), handwritten, skip=(HOME_KEY,))


def _root_files(config: MkDocsConfig) -> Files:
    languages = state.project.languages
    chooser = state.site.render_chooser((lang, _language_url(lang)) for lang in languages)
    files = [File.generated(config, "index.html", content=chooser),
             File.generated(config, "404.html", content=state.site.render_not_found(state.address, languages)),
             File.generated(config, "robots.txt", content=robots_txt(state.address))]
    if state.address.hosted:
        files.append(File.generated(config, "sitemap.xml",
                                    content=sitemap_xml(state.address, _sitemap_pages(), languages)))
    else:
        log.info("no site_url (PARTNERSCHAFTSARCHIV_SITE_URL): no sitemap.xml and no canonical links")
    return Files(files)


def _start_languages(config: MkDocsConfig) -> None:
    """Each language is an independent build: start them side by side (one per core on CI's two).

    They wait for the validated archive on their standard input (`_send_archive`) before they do anything.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", config.config_file_path]
    if config.strict:
        command.append("--strict")
    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO:
        command.append("--quiet")
    state.runs, state.senders = {}, []
    for lang in _languages(config):
        env = {**os.environ, LANGUAGE_ENV: lang, SNAPSHOT_ENV: "stdin", "NO_MKDOCS_2_WARNING": "1"}
        out = os.path.join(config.site_dir, lang)
        state.runs[lang] = subprocess.Popen(command + ["--site-dir", out], env=env, stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _send_archive() -> None:
    """Hand the validated archive to the waiting language builds; our staging folder is clean by now."""
    snapshot = dump_snapshot(state.result, state.project.data_dir)

    def send(run: subprocess.Popen) -> None:
        try:
            run.stdin.buffer.write(snapshot)
            run.stdin.close()
        except (BrokenPipeError, ValueError):  # it stopped early; its own output says why
            pass

    state.senders = [threading.Thread(target=send, args=(run,), daemon=True) for run in state.runs.values()]
    for sender in state.senders:
        sender.start()


def _build_languages(config: MkDocsConfig) -> None:
    """Wait for the language builds and report their output."""
    for sender in state.senders:
        sender.join()
    runs, state.runs = state.runs, {}
    failed = []
    for lang, run in runs.items():
        output = run.stdout.read()
        run.wait()
        for line in output.splitlines():
            if line.strip():
                print(f"[{lang}] {line}", file=sys.stderr)
        if run.returncode != 0:
            failed.append(lang)
    if failed:
        raise PluginError(f"the build of {', '.join(failed)} failed (see the lines marked [{failed[0]}] above)")


def _publish(config: MkDocsConfig) -> None:
    """Swap the finished staging folder into place; the previous site survives any failure before this."""
    if state.final_site_dir is None:
        return
    final, staging = Path(state.final_site_dir), Path(config.site_dir)
    retired = final.with_name(final.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if final.exists():
        final.rename(retired)
    staging.rename(final)
    shutil.rmtree(retired, ignore_errors=True)
    config.site_dir = str(final)


def on_build_error(error: Exception) -> None:
    _stop_counting()
    for run in state.runs.values():  # the root failed after starting the language builds
        run.kill()
        run.wait()
    state.runs = {}
    if state.lang is None and state.final_site_dir is not None:
        shutil.rmtree(state.final_site_dir.rstrip("/\\") + ".partial", ignore_errors=True)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    project = state.project
    for path in (project.data_dir, project.translations_dir, project.layouts_dir, project.docs_dir,
                 Path(config.config_file_path).parent / "overrides",
                 Path(partnerschaftsarchiv.__file__).parent / "rendering"):  # templates and assets
        if path.exists():
            server.watch(str(path))
    return server


# Language build ----------------------------------------------------------------------------------------------


def _nav_config(items: list[NavLink | NavSection]) -> list[Any]:
    def entry(item: NavLink | NavSection) -> Any:
        if isinstance(item, NavSection):
            return {item.title: [entry(child) for child in item.children]}
        path = f"{item.key}.md"
        return {item.title: path} if item.title else path

    return [entry(item) for item in items]


def _configure_language(config: MkDocsConfig, lang: str) -> MkDocsConfig:
    renderer = state.site.language(lang)
    state.renderer = renderer
    config.docs_dir = str(state.project.docs_dir / lang)
    config.theme["language"] = lang
    # Each language's pages quote names and titles in the other language (Volkssolidarität on Russian pages,
    # Юлия Губина on German ones): index both, this language first, or its trimmer drops the other script.
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.lang = [lang] + [code for code in state.project.languages if code != lang]
    config.site_name = renderer.l10n.gettext("Partnership archive Berlin–Moscow")
    if state.root_site_url:
        config.site_url = state.root_site_url.rstrip("/") + f"/{lang}/"
    state.handwritten = {code: set(state.project.handwritten_pages(code)) for code in state.project.languages}
    handwritten = [(key, "") for key in sorted(state.handwritten[lang]) if key != HOME_KEY]
    config.nav = _nav_config(renderer.nav(handwritten))
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
    state.structured = StructuredData(renderer, state.address)
    return config


def _edit_path(file: File, lang: str) -> str | None:
    """The file behind a page, relative to the repository root: the record's YAML, or docs/<lang>/<page>.md."""
    rendered = state.pages.get(file.src_uri)
    if rendered is not None:
        return rendered.source_path or None
    return f"docs/{lang}/{file.src_uri}" if file.is_documentation_page() else None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if state.lang is None:
        _send_archive()
        return _root_files(config)
    for page in state.renderer.render_pages():
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{state.lang}/{page.src_uri} has the path of a generated page; rename it")
        files.append(File.generated(config, page.src_uri, content=""))
        state.pages[page.src_uri] = page
    for file in files:
        file.edit_uri = _edit_path(file, state.lang)  # joined to repo_url and edit_uri by MkDocs
    for path, content in state.site.assets().items():
        files.append(File.generated(config, path, content=content))
    made = build_time(os.environ.get("SOURCE_DATE_EPOCH"))
    for export in language_exports(state.renderer, state.address, made):
        files.append(File.generated(config, export.path, content=export.content))
    # MkDocs now copies its sitemap template as a plain theme file: drop it.
    theme_sitemap = files.get_file_from_path("sitemap.xml")
    if theme_sitemap is not None:
        files.remove(theme_sitemap)
    if state.address.hosted:
        sitemap = sitemap_xml(state.address, _sitemap_pages(), [state.lang])
        files.append(File.generated(config, "sitemap.xml", content=sitemap))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    rendered = state.pages.get(page.file.src_uri)
    if rendered is None:
        return markdown
    # MkDocs and Material print titles and descriptions unescaped: hand them over as escaped HTML.
    page.meta["title"] = str(escape(rendered.title))
    if rendered.description:
        page.meta["description"] = str(escape(rendered.description))
    return ""


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    rendered = state.pages.get(page.file.src_uri)
    return rendered.html if rendered is not None else html


def _alternates(page: Page, config: MkDocsConfig) -> list[dict[str, Any]]:
    """The same page in every language (same key), or that language's home page where it has no such page."""
    key = page.file.src_uri.removesuffix(".md")
    generated = page.file.src_uri in state.pages
    up = "/".join([".."] * (page.url.count("/") + 1))
    alternates = []
    for code in state.project.languages:
        exists = generated or key in state.handwritten[code]
        target = f"{key}.html" if exists else f"{HOME_KEY}.html"
        absolute = f"{state.root_site_url.rstrip('/')}/{code}/{target}" if state.root_site_url else ""
        alternates.append({
            "lang": code,
            "name": state.renderer.l10n.language_name(code),
            "href": f"{up}/{code}/{target}",
            "absolute": absolute,
            "exists": exists,
            "current": code == state.lang,
        })
    return alternates


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    context["archive_alternates"] = _alternates(page, config)
    rendered = state.pages.get(page.file.src_uri)
    context["archive_fallback_lang"] = rendered.fallback_lang if rendered else ""
    key = page.file.src_uri.removesuffix(".md")
    structured = state.structured.for_key(key) if rendered else None
    context["archive_jsonld"] = Markup(script_json(structured)) if structured else ""
    context["archive_og"] = OpenGraph.for_page(state.lang, state.project.languages, structured is not None)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if state.lang is None:
        _build_languages(config)
        if state.warnings is not None and state.warnings.get_counts():
            raise PluginError("warnings in strict mode (see above): the previous site was kept")
        _stop_counting()
        shutil.rmtree(Path(config.site_dir) / "search", ignore_errors=True)  # the chooser has no search
        write_offline_zip(Path(config.site_dir))
        _publish(config)
