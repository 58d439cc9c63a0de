"""sitemap.xml (sitemaps.org) in which every page names its translations (`xhtml:link hreflang`, as search engines
read them), built with the standard library's XML writer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping
from xml.etree import ElementTree as ET

from .address import SiteAddress

__all__ = ["SitemapPage", "site_pages", "sitemap_xml", "SITEMAP_NS", "XHTML_NS"]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapPage:
    """A page key and the languages it exists in (generated pages: all; hand-written ones: where written)."""

    key: str
    languages: tuple[str, ...]


def site_pages(generated: Iterable[str], handwritten: Mapping[str, Iterable[str]],
               skip: Iterable[str] = ()) -> list[SitemapPage]:
    """Generated pages exist in every language of `handwritten`; a hand-written page only where it is written.
    `skip`: hand-written keys that are not pages of their own (the home page, generated anyway)."""
    languages = tuple(handwritten)
    written = {lang: set(keys) - set(skip) for lang, keys in handwritten.items()}
    pages = [SitemapPage(key, languages) for key in generated]
    for key in sorted(set().union(*written.values()) - set(generated)):
        pages.append(SitemapPage(key, tuple(lang for lang in languages if key in written[lang])))
    return pages


def sitemap_xml(address: SiteAddress, pages: Iterable[SitemapPage], languages: Iterable[str],
                default_path: str = "index.html", default_for: SitemapPage | None = None) -> bytes:
    """One `<url>` per page in each of `languages`, each listing every language version and `x-default`
    (`default_path`, the language chooser). `default_for`: list the chooser itself too, as the `x-default` of
    that page's languages (the home pages). Needs a hosted address: a sitemap lists absolute URLs."""
    if not address.hosted:
        raise ValueError("a sitemap needs the site's address (site_url)")
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    wanted = tuple(languages)
    if default_for is not None:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = address.absolute(default_path)
        alternates = [(code, address.page(code, default_for.key)) for code in default_for.languages]
        for code, href in alternates + [("x-default", address.absolute(default_path))]:
            ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=code, href=href)
    for page in pages:
        for lang in (code for code in page.languages if code in wanted):
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = address.page(lang, page.key)
            alternates = [(code, address.page(code, page.key)) for code in page.languages]
            for code, href in alternates + [("x-default", address.absolute(default_path))]:
                ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=code, href=href)
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"
