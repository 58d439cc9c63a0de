"""Publishing the built site: its hosted address, sitemap and robots.txt, and the zip for reading offline."""

from .address import SiteAddress
from .offline_zip import OFFLINE_ZIP, write_offline_zip
from .robots import robots_txt
from .sitemap import SitemapPage, site_pages, sitemap_xml

__all__ = ["SiteAddress", "OFFLINE_ZIP", "write_offline_zip", "robots_txt", "SitemapPage", "site_pages",
           "sitemap_xml"]
