"""The files of the site's root, beside the language folders: chooser, 404 page, robots.txt, sitemap.xml."""

from __future__ import annotations

from ..project import Project
from ..publishing import SiteAddress, SitemapPage, robots_txt, site_pages, sitemap_xml
from ..rendering.site import HOME_KEY, SiteRenderer

__all__ = ["root_files", "sitemap_pages", "language_home"]


def language_home(lang: str) -> str:
    return f"{lang}/{HOME_KEY}.html"


def sitemap_pages(site: SiteRenderer, project: Project) -> list[SitemapPage]:
    """Every page of the site, generated and hand-written, with the languages it exists in."""
    handwritten = {code: project.handwritten_pages(code) for code in project.languages}
    return site_pages(site.page_keys(), handwritten, skip=(HOME_KEY,))


def root_files(site: SiteRenderer, project: Project, address: SiteAddress) -> dict[str, str]:
    """Path below the site folder → text. No sitemap.xml without a site address (it needs absolute links); the
    root's own entry (the chooser) is the x-default of every language's home page."""
    languages = project.languages
    files = {
        "index.html": site.render_chooser(((lang, language_home(lang)) for lang in languages), address=address),
        "404.html": site.render_not_found(address, languages),
    }
    robots = robots_txt(address)  # none below a sub-path: crawlers read only the host's own
    if robots is not None:
        files["robots.txt"] = robots
    if address.hosted:
        files["sitemap.xml"] = sitemap_xml(address, sitemap_pages(site, project), languages,
                                           default_for=SitemapPage(HOME_KEY, languages))
    return files
