"""MkDocs adapter for the generator core (`partnerschaftsarchiv`): a thin layer, no archive logic here.

`mkdocs build` runs twice over this hook:

* the **root build** (the command the user ran) validates the records, writes the language chooser
  `site/index.html`, then builds every language as its own MkDocs build, side by side in child processes
  (Material's UI language, search language and `<html lang>` are per build). It builds into a staging folder and
  swaps it into place only when every language succeeded, so a failed build leaves the previous `site/` as it was.
* a **language build** (`PARTNERSCHAFTSARCHIV_LANGUAGE=de`) takes `docs/<lang>/` for the hand-written pages and
  adds the core's generated pages in memory (`File.generated`); nothing is written into `docs/`. It gets the
  archive the root validated as a snapshot (`PARTNERSCHAFTSARCHIV_SNAPSHOT`) instead of reading `data/` again.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from partnerschaftsarchiv.loading import ArchiveInvalid, LoadResult, load_archive, read_snapshot, write_snapshot
from partnerschaftsarchiv.project import Project
from partnerschaftsarchiv.rendering.pages import NavLink, NavSection, RenderedPage
from partnerschaftsarchiv.rendering.site import HOME_KEY, LanguageRenderer, SiteRenderer

LANGUAGE_ENV = "PARTNERSCHAFTSARCHIV_LANGUAGE"
# The root build hands the archive it validated to the language builds (see loading/snapshot.py).
SNAPSHOT_ENV = "PARTNERSCHAFTSARCHIV_SNAPSHOT"
log = logging.getLogger("mkdocs.hooks.archive")


class _State:
    """What one build of this hook knows; reset on every (re)build."""

    command = "build"
    project: Project
    result: LoadResult
    snapshot: Path | None = None
    runs: dict[str, subprocess.Popen] = {}
    site: SiteRenderer
    lang: str | None = None
    renderer: LanguageRenderer | None = None
    pages: dict[str, RenderedPage] = {}
    handwritten: dict[str, set[str]] = {}
    final_site_dir: str | None = None
    root_site_url: str = ""


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.command = command


def _load(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    languages = tuple(config.extra.get("archive", {}).get("languages", ("de", "ru")))
    state.project = Project.at(root, languages)
    snapshot = os.environ.get(SNAPSHOT_ENV) if os.environ.get(LANGUAGE_ENV) else None
    try:
        if snapshot:
            result = read_snapshot(Path(snapshot), state.project.data_dir)
        else:
            result = load_archive(state.project.data_dir, state.project.root)
    except ArchiveInvalid as invalid:
        raise PluginError(invalid.report()) from None
    state.result = result
    for notice in result.notices:
        log.debug(str(notice))
    state.site = SiteRenderer(result.archive, state.project.translations_dir, languages, state.project.layouts_dir)


@event_priority(100)  # before Material's search plugin reads the theme language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _load(config)
    state.lang = os.environ.get(LANGUAGE_ENV) or None
    state.pages = {}
    state.root_site_url = config.site_url or ""
    if state.lang is None:
        return _configure_root(config)
    return _configure_language(config, state.lang)


# Root build --------------------------------------------------------------------------------------------------


def _configure_root(config: MkDocsConfig) -> MkDocsConfig:
    config.theme.static_templates.clear()  # the root holds only the chooser; each language has its own 404 etc.
    if state.command != "serve":
        state.final_site_dir = config.site_dir
        config.site_dir = config.site_dir.rstrip("/\\") + ".partial"
    return config


def _language_url(lang: str) -> str:
    return f"{lang}/{HOME_KEY}.html"


def _root_files(config: MkDocsConfig) -> Files:
    chooser = state.site.render_chooser((lang, _language_url(lang)) for lang in state.project.languages)
    return Files([File.generated(config, "index.html", content=chooser)])


def _start_languages(config: MkDocsConfig) -> None:
    """Each language is an independent build: start them side by side (one per core on CI's two).

    They start as soon as the root has validated the records and cleaned its staging folder (`on_files`), so they
    run while the root finishes its own one-page build.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", config.config_file_path]
    if config.strict:
        command.append("--strict")
    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO:
        command.append("--quiet")
    snapshot = write_snapshot(state.result, state.project.data_dir)  # the children read it, not data/
    state.snapshot = snapshot
    state.runs = {}
    for lang in state.project.languages:
        env = {**os.environ, LANGUAGE_ENV: lang, SNAPSHOT_ENV: str(snapshot), "NO_MKDOCS_2_WARNING": "1"}
        out = os.path.join(config.site_dir, lang)
        state.runs[lang] = subprocess.Popen(command + ["--site-dir", out], env=env, stdout=subprocess.PIPE,
                                            stderr=subprocess.STDOUT, text=True)


def _build_languages(config: MkDocsConfig) -> None:
    """Wait for the language builds (starting them first if they are not running yet) and report their output."""
    if not state.runs:
        _start_languages(config)
    runs, state.runs = state.runs, {}
    snapshot = state.snapshot
    failed = []
    for lang, run in runs.items():
        output, _ = run.communicate()
        for line in output.splitlines():
            if line.strip():
                print(f"[{lang}] {line}", file=sys.stderr)
        if run.returncode != 0:
            failed.append(lang)
    if snapshot is not None:
        snapshot.unlink(missing_ok=True)
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
    for run in state.runs.values():  # the root failed after starting the language builds
        run.kill()
        run.wait()
    state.runs = {}
    if state.snapshot is not None:
        state.snapshot.unlink(missing_ok=True)
    if state.lang is None and state.final_site_dir is not None:
        shutil.rmtree(state.final_site_dir.rstrip("/\\") + ".partial", ignore_errors=True)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    project = state.project
    for path in (project.data_dir, project.translations_dir, project.layouts_dir, project.docs_dir,
                 Path(config.config_file_path).parent / "overrides",
                 Path(__import__("partnerschaftsarchiv").__file__).parent / "rendering" / "templates"):
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
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if state.lang is None:
        _start_languages(config)
        return _root_files(config)
    for page in state.renderer.render_pages():
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{state.lang}/{page.src_uri} has the path of a generated page; rename it")
        files.append(File.generated(config, page.src_uri, content=""))
        state.pages[page.src_uri] = page
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
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if state.lang is None:
        _build_languages(config)
        _publish(config)
