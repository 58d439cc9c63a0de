"""No partial site: a failed build, early or late, leaves the previous `site/` byte for byte as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import make_project, run_build


def snapshot(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.iterdir() if path.name.startswith("site."))


def change_a_topic(project: Path) -> None:
    """A valid edit, so that a build that wrongly published would show in the site's bytes."""
    topic = project / "data" / "topics" / "selbsthilfe.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace('de: "Selbsthilfe"', 'de: "Selbsthilfe (neu)"'),
                     encoding="utf-8")


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("built") / "project")
    first = run_build(project)
    assert first.ok, first.output
    return project


@pytest.fixture
def built(built_once, tmp_path):
    """A fresh copy of a project whose site was built: (project, the site's files and bytes)."""
    project = shutil.copytree(built_once, tmp_path / "project")
    before = snapshot(project / "site")
    assert "index.html" in before and "de/seminars/2017-06-moskau.html" in before
    change_a_topic(project)
    return project, before


def assert_kept(project: Path, before: dict[str, bytes], result) -> None:
    assert result.returncode != 0, result.output
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_broken_record_keeps_the_previous_site(built):
    project, before = built
    record = project / "data" / "seminars" / "2017-06-moskau.yml"
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines.index("place: moskau\n") + 1
    lines[line - 1] = "place:\tmoskau\n"
    record.write_text("".join(lines), encoding="utf-8")
    result = run_build(project)
    assert f"data/seminars/2017-06-moskau.yml:{line}: place: YAML syntax: a tab character" in result.output
    assert "Traceback" not in result.output
    assert_kept(project, before, result)


def test_late_failure_of_one_language_keeps_the_previous_site(built):
    """A hand-written Russian page with a dead link fails only the Russian build, after German was written."""
    project, before = built
    (project / "docs" / "ru" / "broken.md").write_text("# Битая ссылка\n\n[нет такой](no-such-page.md)\n",
                                                       encoding="utf-8")
    result = run_build(project)
    assert "[ru]" in result.output and "no-such-page.md" in result.output
    assert "the build of ru failed" in result.output
    assert_kept(project, before, result)


def test_template_error_in_the_language_builds_keeps_the_previous_site(built):
    """A broken layout (a programming error, so MkDocs shows its traceback) fails both language builds late."""
    project, before = built
    layouts = project / "layouts"
    layouts.mkdir()
    (layouts / "record.html").write_text("<h1>{{ record.no_such_field }}</h1>\n", encoding="utf-8")
    result = run_build(project)
    assert "no_such_field" in result.output
    assert_kept(project, before, result)


def test_warning_in_strict_mode_keeps_the_previous_site(built):
    """MkDocs checks strict mode after the last hook ran; the archive must not publish before that check."""
    project, before = built
    (project / "hooks" / "warn.py").write_text(
        "import logging, os\n"
        "from mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(100)\n"
        "def on_post_build(config):\n"
        "    if not os.environ.get('PARTNERSCHAFTSARCHIV_LANGUAGE'):\n"
        "        logging.getLogger('mkdocs.hooks.warn').warning('a warning in the root build')\n",
        encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/archive.py\n",
                                                                 "  - hooks/archive.py\n  - hooks/warn.py\n"),
                      encoding="utf-8")
    result = run_build(project)
    assert "a warning in the root build" in result.output
    assert_kept(project, before, result)


def test_successful_build_replaces_the_site_and_ignores_a_stale_staging_folder(built):
    project, before = built
    stale = project / "site.partial"
    stale.mkdir()
    (stale / "left-over.html").write_text("from a build that was killed", encoding="utf-8")
    result = run_build(project)
    assert result.ok, result.output
    after = snapshot(project / "site")
    assert "left-over.html" not in after and leftovers(project) == []
    assert b"Selbsthilfe (neu)" in after["de/topics/selbsthilfe.html"]
    assert set(after) == set(before)
