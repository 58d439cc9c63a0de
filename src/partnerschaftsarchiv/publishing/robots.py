"""robots.txt: the whole archive may be read by crawlers; it names the sitemap where the site has an address."""

from __future__ import annotations

from .address import SiteAddress

__all__ = ["robots_txt"]


def robots_txt(address: SiteAddress, sitemap_path: str = "sitemap.xml") -> str:
    lines = ["User-agent: *", "Allow: /"]
    if address.hosted:
        lines.append(f"Sitemap: {address.absolute(sitemap_path)}")
    return "\n".join(lines) + "\n"
