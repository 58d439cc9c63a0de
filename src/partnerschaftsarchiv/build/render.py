"""`render`: one language's whole site as plain files any static engine can take, texts already translated.

Every generated page becomes `docs/<key>.md`: a YAML front matter (`title`, `description`) and the finished
HTML as its body, wrapped in one `<div>` so that Markdown passes it through untouched. Beside them: the
language's hand-written pages, the core's assets and the open-data exports, and a minimal `mkdocs.yml` for plain
MkDocs + Material (no hooks). What an engine builds from this has our pages, but not what our hook and overrides
add (language switcher per page, search stemming, the offline shim; README, "A door to other engines").
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from ..project import Project
from ..publishing import SiteAddress
from ..rendering.assets import ASSETS
from ..rendering.pages import NavItem, NavSection, RenderedPage
from .archive_input import BuildFailed, load_for_build
from .language import LanguageBuild

__all__ = ["nav_config", "render_language"]

_WRAPPER = '<div class="archive-rendered">\n{html}\n</div>\n'


def nav_config(items: list[NavItem]) -> list[Any]:
    """The navigation in `mkdocs.yml`'s `nav:` format (MkDocs, ProperDocs, Zensical read it)."""

    def entry(item: NavItem) -> Any:
        if isinstance(item, NavSection):
            return {item.title: [entry(child) for child in item.children]}
        path = f"{item.key}.md"
        return {item.title: path} if item.title else path

    return [entry(item) for item in items]


def page_markdown(page: RenderedPage) -> str:
    meta = {"title": page.title}
    if page.description:
        meta["description"] = page.description
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n" + _WRAPPER.format(html=page.html)


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def render_language(project: Project, lang: str, out: Path, made: datetime,
                    address: SiteAddress = SiteAddress()) -> int:
    """Write `lang`'s site below `out` (which must not exist or be empty); the number of generated pages."""
    from ..rendering.site import SiteRenderer  # Jinja and the templates only once the records are valid

    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BuildFailed(f"{out} is not empty; render writes into a new or empty folder")
    result = load_for_build(project)
    site = SiteRenderer(result.archive, project.translations_dir, project.languages, project.layouts_dir)
    language = LanguageBuild(site, project, lang, address)
    docs = out / "docs"
    handwritten = project.docs_dir / lang
    if handwritten.is_dir():
        shutil.copytree(handwritten, docs)
    count = 0
    for page in language.render_pages():
        target = docs / page.src_uri
        if target.exists():
            raise BuildFailed(f"docs/{lang}/{page.src_uri} has the path of a generated page; rename it")
        _write(target, page_markdown(page))
        count += 1
    for path, content in language.static_files(made).items():
        _write(docs / path, content)
    config = {
        "site_name": language.site_name,
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": False,
        "theme": {"name": "material", "language": lang},
        "extra_css": [ASSETS.path(name) for name in ASSETS.styles],
        "extra_javascript": [ASSETS.path(name) for name in ASSETS.scripts],
        "nav": nav_config(language.renderer.nav(language.handwritten_nav())),
        # Records are reached from section pages, never listed in the nav.
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    if address.hosted:
        config["site_url"] = language.site_url()
    _write(out / "mkdocs.yml", "# Written by `partnerschaftsarchiv render`: plain MkDocs + Material, no hooks.\n"
           + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000))
    return count
