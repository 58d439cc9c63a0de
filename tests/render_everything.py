"""Everything a build makes from an archive, in-process and without MkDocs: every page of every language with its
structured data, every export (JSON, CSV, iCalendar, Atom), the sitemaps, robots.txt, the root and 404 pages and the
offline zip; each export read back with a real parser. Used where a test must show that an accepted archive builds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import icalendar

from conftest import REPO
from partnerschaftsarchiv.exports import language_exports
from partnerschaftsarchiv.loading import LoadResult
from partnerschaftsarchiv.publishing import SiteAddress, robots_txt, site_pages, sitemap_xml, write_offline_zip
from partnerschaftsarchiv.rendering.site import HOME_KEY, SiteRenderer
from partnerschaftsarchiv.rendering.structured_data import StructuredData, script_json

ADDRESS = SiteAddress("https://example.org/archiv/")
MADE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def render_everything(result: LoadResult, out: Path | None = None) -> dict[str, bytes]:
    """Every file of the site (path → bytes); written below `out` and zipped there when `out` is given."""
    site = SiteRenderer(result.archive, REPO / "translations", address=ADDRESS, accessed=MADE.date())
    files: dict[str, bytes] = {}
    for lang in site.languages:
        renderer = site.language(lang)
        structured = StructuredData(renderer, ADDRESS)
        keys = set()
        for page in renderer.render_pages():
            assert page.key not in keys, page.key
            keys.add(page.key)
            data = structured.for_key(page.key)
            jsonld = script_json(data) if data else ""
            files[f"{lang}/{page.key}.html"] = (page.html + jsonld).encode("utf-8")
        renderer.nav([("about", "")])
        for export in language_exports(renderer, ADDRESS, MADE):
            content = export.content
            files[f"{lang}/{export.path}"] = content if isinstance(content, bytes) else content.encode("utf-8")
        for path, content in renderer.citation_files().items():  # BibTeX, RIS, CSL-JSON per page and in all
            files[f"{lang}/{path}"] = content if isinstance(content, bytes) else content.encode("utf-8")
        files[f"{lang}/sitemap.xml"] = sitemap_xml(ADDRESS, site_pages(site.page_keys(), {lang: []}), [lang])
    files["index.html"] = site.render_chooser((lang, f"{lang}/{HOME_KEY}.html") for lang in site.languages).encode()
    files["404.html"] = site.render_not_found(ADDRESS, site.languages).encode("utf-8")
    robots = robots_txt(ADDRESS)  # none for a site below a sub-path
    if robots is not None:
        files["robots.txt"] = robots.encode("utf-8")
    handwritten = {lang: [] for lang in site.languages}
    files["sitemap.xml"] = sitemap_xml(ADDRESS, site_pages(site.page_keys(), handwritten), site.languages)
    _read_back(files, site.languages)
    if out is not None:
        for path, content in files.items():
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_bytes(content)
        with zipfile.ZipFile(write_offline_zip(out)) as archive:
            assert archive.testzip() is None
            assert len(archive.namelist()) == len(files)
    return files


def _read_back(files: dict[str, bytes], languages: tuple[str, ...]) -> None:
    """Each export parsed with a real parser: an export a reader's tool cannot open is a failed build."""
    for lang in languages:
        records = json.loads(files[f"{lang}/data/records.json"])["records"]
        rows = list(csv.reader(io.StringIO(files[f"{lang}/data/records.csv"].decode("utf-8-sig"), newline="")))
        assert len(rows) == len(records) + 1
        icalendar.Calendar.from_ical(files[f"{lang}/data/events.ics"])
        ET.fromstring(files[f"{lang}/data/feed.atom"])
        ET.fromstring(files[f"{lang}/sitemap.xml"])
    ET.fromstring(files["sitemap.xml"])
