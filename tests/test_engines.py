"""Two engines, one site: `properdocs build` of the repository gives the site `mkdocs build` gives, page by page,
apart from the generator tag, and every page of it (the language builds too) is built by ProperDocs."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, make_project, run_build

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
# Fixed export time stamps and a site address, so that sitemaps and feeds are compared too.
ENV = {"SOURCE_DATE_EPOCH": "1700000000", "PARTNERSCHAFTSARCHIV_SITE_URL": "https://archiv.example.org/"}


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def zip_members(data: bytes, tmp_path: Path) -> dict[str, bytes]:
    archive = tmp_path / "offline.zip"
    archive.write_bytes(data)
    with zipfile.ZipFile(archive) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def without_generator(content: bytes) -> bytes:
    return GENERATOR.sub(b"", content)


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("engines") / "project")
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        result = run_build(project, project / f"site-{engine}", env=ENV, engine=engine)
        assert result.ok, result.output
        sites[engine] = files_of(result.site)
    return sites


def test_properdocs_builds_the_same_site_as_mkdocs(both_sites, tmp_path):
    mkdocs, properdocs = both_sites["mkdocs"], both_sites["properdocs"]
    assert sorted(properdocs) == sorted(mkdocs)
    assert len(mkdocs) > 300 and "de/seminars/2017-06-moskau.html" in mkdocs and "sitemap.xml" in mkdocs
    differing = [path for path in mkdocs if path != "partnerschaftsarchiv.zip"
                 and without_generator(mkdocs[path]) != without_generator(properdocs[path])]
    assert differing == []
    # The offline zip holds the same pages (so its bytes differ only through their generator tags).
    zipped_mkdocs = zip_members(mkdocs["partnerschaftsarchiv.zip"], tmp_path)
    zipped_properdocs = zip_members(properdocs["partnerschaftsarchiv.zip"], tmp_path)
    assert sorted(zipped_properdocs) == sorted(zipped_mkdocs)
    assert [name for name in zipped_mkdocs
            if without_generator(zipped_mkdocs[name]) != without_generator(zipped_properdocs[name])] == []


def test_every_page_names_the_engine_that_built_it(both_sites):
    """The language builds run the root's engine: a hard-coded `python -m mkdocs` would leave de/ and ru/ to
    MkDocs under `properdocs build`."""
    for engine, expected in (("mkdocs", b"mkdocs-1.6.1, mkdocs-material-9.8.1"),
                             ("properdocs", b"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1")):
        pages = {path: content for path, content in both_sites[engine].items()
                 if path.endswith(".html") and path.startswith(("de/", "ru/"))}
        assert len(pages) > 180
        tags = {path: GENERATOR.findall(content) for path, content in pages.items()}
        assert {path: tag for path, tag in tags.items() if tag != [expected]} == {}


def test_pins_keep_mkdocs_below_2_and_material_exact():
    pins = (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines()
    for pin in ("mkdocs==1.6.1", "mkdocs<2", "mkdocs-material==9.8.1", "properdocs==1.6.7"):
        assert pin in pins
