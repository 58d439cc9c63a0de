"""robots.txt: the whole archive may be read by crawlers; it names the sitemap where the site has an address.

Crawlers read robots.txt only at the root of a host (`https://host/robots.txt`). A site below a sub-path
(`https://owner.github.io/archiv/`) cannot write that file: it gets none, and the host's own robots.txt has to name
the sitemap (README.md, "Hosted"). A build without an address keeps the plain "allow everything" file.
"""

from __future__ import annotations

from .address import SiteAddress

__all__ = ["robots_txt"]


def robots_txt(address: SiteAddress, sitemap_path: str = "sitemap.xml") -> str | None:
    """The file's text, or None where the site lives below a sub-path (a robots.txt there is never read)."""
    if address.hosted and address.path != "/":
        return None
    lines = ["User-agent: *", "Allow: /"]
    if address.hosted:
        lines.append(f"Sitemap: {address.absolute(sitemap_path)}")
    return "\n".join(lines) + "\n"
