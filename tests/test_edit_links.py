""""Edit this page" opens the file behind the page in the repository, when a repository is configured."""

from __future__ import annotations

import re

import pytest

from conftest import make_project, run_build

REPO_URL = "https://git.example.org/partner/archiv"
EDIT = re.compile(r'<a href="([^"]*)" title="[^"]*" class="md-content__button md-icon" rel="edit">')


def edit_link(page: str) -> str | None:
    found = EDIT.findall(page)
    assert len(found) <= 1
    return found[0] if found else None


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("edit") / "project")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PARTNERSCHAFTSARCHIV_REPO_URL", REPO_URL)
        env.setenv("PARTNERSCHAFTSARCHIV_EDIT_URI", "edit/trunk/")
        result = run_build(project)
    assert result.ok, result.output
    return result


@pytest.mark.parametrize("lang", ["de", "ru"])
@pytest.mark.parametrize("page, target", [
    ("seminars/2017-06-moskau.html", "data/seminars/2017-06-moskau.yml"),
    ("agreements/1991-08-28-freundschaftsabkommen.html", "data/agreements/1991-08-28-freundschaftsabkommen.yml"),
    ("topics/selbsthilfe.html", "data/topics/selbsthilfe.yml"),
    ("people/julia-gubina.html", "data/people/julia-gubina.yml"),
    ("places/moskau.html", "data/places/moskau.yml"),
    ("organizations/lageso.html", "data/organizations/lageso.yml"),
])
def test_record_and_registry_pages_edit_their_yaml_file(site, lang, page, target):
    assert edit_link(site.page(f"{lang}/{page}")) == f"{REPO_URL}/edit/trunk/{target}"


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_hand_written_pages_edit_their_markdown_file(site, lang):
    assert edit_link(site.page(f"{lang}/about.html")) == f"{REPO_URL}/edit/trunk/docs/{lang}/about.md"


@pytest.mark.parametrize("page", ["index.html", "seminars/index.html", "topics/index.html", "sources/index.html",
                                  "translation-status.html"])
def test_pages_made_from_many_entries_have_no_edit_link(site, page):
    assert edit_link(site.page(f"de/{page}")) is None


def test_no_repository_no_edit_link(project_copy, monkeypatch):
    monkeypatch.delenv("PARTNERSCHAFTSARCHIV_REPO_URL", raising=False)
    result = run_build(project_copy)
    assert result.ok, result.output
    for page in ("de/seminars/2017-06-moskau.html", "ru/topics/selbsthilfe.html", "de/about.html"):
        assert edit_link(result.page(page)) is None
    assert 'rel="edit"' not in result.page("ru/seminars/2017-06-moskau.html")
