"""MkDocs adapter for accessibility (WCAG 2.1 AA / BITV 2.0): what Material needs to be told per language.

Runs after hooks/archive.py (listed after it in mkdocs.yml) and only in the language builds:

* the UI strings of our overrides (footer, 404 page, palette toggle) come from the archive's own gettext catalogs;
* generated pages get their title as table of contents, so Material gives them its "skip to content" link;
* the 404 page, which MkDocs renders without a page, gets the language selector and links that work at any depth;
* the hand-written accessibility statement, easy-language and legal pages are linked from every page (footer, nav);
* the table of contents is hidden where it would list nothing;
* two spots of Material's markup that are not valid HTML are corrected (see `_conform`);
* landmarks: `<main>` holds the content only (Material wraps the navigation in it too), and the table of contents
  of a page without one is no empty navigation landmark (see `_landmarks`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url

from partnerschaftsarchiv.i18n import Localizer, load_translations
from partnerschaftsarchiv.project import Project
from partnerschaftsarchiv.rendering.outline import first_heading
from partnerschaftsarchiv.rendering.template_cache import template_cache

LANGUAGE_ENV = "PARTNERSCHAFTSARCHIV_LANGUAGE"
NOT_FOUND = "404.html"


def N_(message: str) -> str:
    """Mark a string for `pybabel extract`; it is translated per language below."""
    return message


# Material's palette toggle: each option's toggle names the scheme it switches to.
PALETTE_TOGGLE = {"default": N_("Switch to the dark colour scheme"), "slate": N_("Switch to the light colour scheme")}
EASY_LANGUAGE_LINK = N_("Information in easy language")
# The scheme each of Material's (hidden) radio buttons stands for (overrides/partials/palette.html).
PALETTE_SCHEME = {"default": N_("Light colour scheme"), "slate": N_("Dark colour scheme")}


class _State:
    lang: str | None = None
    l10n: Localizer | None = None
    site_url: str = ""


state = _State()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.lang = os.environ.get(LANGUAGE_ENV) or None
    if state.lang is None:
        return config
    settings = config.extra.get("archive", {})
    project = Project.at(Path(config.config_file_path).parent, tuple(settings.get("languages", ("de", "ru"))))
    state.l10n = Localizer(state.lang, load_translations(project.translations_dir, state.lang))
    state.site_url = config.site_url or ""
    for option in config.theme.get("palette") or []:
        scheme = option.get("scheme", "default")
        option["archive_scheme_name"] = state.l10n.gettext(PALETTE_SCHEME[scheme])
        if option.get("toggle"):
            option["toggle"]["name"] = state.l10n.gettext(PALETTE_TOGGLE[scheme])
    # Hand-written pages linked from every page, where this language has them (key → "accessibility.html").
    handwritten = set(project.handwritten_pages(state.lang))
    links = {name: f"{key}.html" for name, key in (("statement", settings.get("accessibility_statement")),
                                                   ("easy_language", settings.get("easy_language")),
                                                   ("legal_notice", settings.get("legal_notice")),
                                                   ("privacy", settings.get("privacy")))
             if key and key in handwritten}
    config.extra["archive_links"] = links
    if "easy_language" in links and config.nav:
        config.nav = _lift(config.nav, links["easy_language"].removesuffix(".html") + ".md")
    return config


def _lift(nav: list[Any], path: str) -> list[Any]:
    """Move the nav entry of `path` out of its section to the top level, right after the home page."""
    found: list[Any] = []

    def keep(items: list[Any]) -> list[Any]:
        kept = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if value == path:
                found.append(item)
            elif isinstance(value, list):
                children = keep(value)
                if children:
                    kept.append({next(iter(item)): children})
            else:
                kept.append(item)
        return kept

    rest = keep(nav)
    return rest[:1] + found + rest[1:]


def on_env(env: Any, config: MkDocsConfig, files: Any) -> Any:
    env.bytecode_cache = template_cache("theme")
    if state.l10n is not None:
        env.install_gettext_translations(state.l10n.translations, newstyle=True)
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    """Generated pages come without Markdown, so MkDocs found no headings: take the title from the HTML.

    Only the title: Material then shows no table of contents for these pages (they are not in the nav, so its
    mobile toggle would be missing) but links "skip to content" to the title.
    """
    if state.lang is not None and not page.toc.items:
        title = first_heading(html, 1)
        page.toc = TableOfContents([AnchorLink(str(escape(title.text)), title.id, title.level)] if title else [])
    if state.lang is not None and not _has_sections(page.toc):
        # Nothing for the right-hand column to list: hide it, so the page's text gets the width.
        page.meta["hide"] = [*page.meta.get("hide", []), "toc"]
    if state.lang is not None and page.is_homepage:
        html = _easy_language_link(html, page, config)
    return html


def _has_sections(toc: TableOfContents) -> bool:
    """Whether the table of contents lists anything below the page title (Material leaves the title out)."""
    items = list(toc)
    if len(items) == 1 and items[0].level == 1:
        items = items[0].children
    return bool(items)


def _easy_language_link(html: str, page: Page, config: MkDocsConfig) -> str:
    """The home page leads to the easy-language page right below its title: after the skip link's target, so
    "skip to content" does not jump past it."""
    target = (config.extra.get("archive_links") or {}).get("easy_language")
    end = html.find("</h1>")
    if not target or end < 0:
        return html
    href = get_relative_url(target, page.url or "index.html")
    name = state.l10n.gettext(EASY_LANGUAGE_LINK)
    link = f'\n<p class="archive-easy-language"><a href="{escape(href)}">{escape(name)}</a></p>'
    end += len("</h1>")
    return html[:end] + link + html[end:]


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """The 404 page links from its own folder, the language folder, in every build.

    MkDocs links it from the server's root (`/assets/…`, or `/archiv/de/assets/…` with an address): wrong from
    disk and in the offline zip. Relative links are right there and where a server shows the page one level down;
    for deeper addresses overrides/404.html sets a <base>."""
    if template_name != NOT_FOUND or state.lang is None:
        return context
    context["base_url"] = "."
    languages = config.extra.get("archive", {}).get("languages", ("de", "ru"))
    context["archive_alternates"] = [{
        "lang": code,
        "name": state.l10n.language_name(code),
        "href": f"../{code}/index.html",
        "absolute": "",
        "exists": False,  # no hreflang links for an error page
        "current": code == state.lang,
    } for code in languages]
    context["archive_not_found"] = True
    return context


# Material 9.8 writes `tabindex=""` on the section labels of the nav (they are not focusable either way) and
# `autocomplete="off"` on its hidden toggle checkboxes (only Firefox reads it there, to not restore an open drawer or
# search after "back"). Both are invalid HTML (Nu HTML Checker errors), so they are dropped.
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link"[^>]*?) tabindex=""')
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*? type="checkbox"[^>]*?) autocomplete="off"')


# Material writes the table of contents' toggle checkbox into the nav also where it writes no label for it (a
# page without headings below its title): an unlabelled form field (HTML_CodeSniffer) that nothing uses.
_TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'


def _conform(output: str) -> str:
    for pattern in (_EMPTY_TABINDEX, _CHECKBOX_AUTOCOMPLETE):
        output = pattern.sub(r"\1", output)
    if 'for="__toc"' not in output:
        output = output.replace(_TOC_TOGGLE, "")
    return _landmarks(output)


# Material's table of contents is a <nav> even when the page has no headings below its title: an empty landmark.
_EMPTY_TOC = re.compile(r'<nav class="md-nav md-nav--secondary"[^>]*>\s*</nav>')
_MAIN = '<main class="md-main" data-md-component="main">'
_CONTENT = '<div class="md-content" data-md-component="content">'
_CONTENT_END = re.compile(r"</article>\s*</div>")


def _landmarks(output: str) -> str:
    """Material puts the navigation sidebars inside <main>; the main landmark becomes its content column alone
    (`.md-main` stays a <div> with its classes, so styles and scripts see the same page)."""
    output = _EMPTY_TOC.sub("", output)
    start, content = output.find(_MAIN), output.find(_CONTENT)
    end = output.rfind("</main>")
    article_end = _CONTENT_END.search(output, output.rfind("</article>")) if content > start >= 0 else None
    if article_end is None or not content < article_end.start() < end:
        return output
    return (output[:start] + _MAIN.replace("<main", "<div", 1) + output[start + len(_MAIN):content]
            + _CONTENT.replace("<div", "<main", 1) + output[content + len(_CONTENT):article_end.start()]
            + article_end.group(0)[:-len("</div>")] + "</main>" + output[article_end.end():end] + "</div>"
            + output[end + len("</main>"):])


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _conform(output) if state.lang is not None else output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _conform(output) if state.lang is not None else output
