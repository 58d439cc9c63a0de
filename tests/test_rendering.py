"""Record text is data: escaped, never a template; a missing translation shows the original, marked."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import run_build, run_validate
from test_site import parse

HOSTILE = "<script>alert(1)</script> {{ 7*7 }} {% include 'x' %} \" onmouseover=\"alert(2)"


def _edit(project: Path, relative: str, change) -> None:
    path = project / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_record_text_shows_literally_and_is_never_evaluated(project_copy):
    def hostile(data):
        data["title"]["de"] = HOSTILE
        data["summary"]["de"] = HOSTILE
        data["body"]["de"] = HOSTILE + "\n\n[link](javascript:alert(3)) <iframe src=x></iframe>"
    _edit(project_copy, "data/seminars/2017-06-moskau.yml", hostile)
    build = run_build(project_copy)
    assert build.ok, build.output
    html = build.page("de/seminars/2017-06-moskau.html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% include &#39;x&#39; %}" in html
    assert "49" not in re.findall(r"<h1[^>]*>(.*?)</h1>", html)[0]
    # The quote in the title cannot open an attribute anywhere (text, <title>, meta, header, search data).
    assert not [attrs for tag, attrs in parse(html).tags if "onmouseover" in attrs]
    assert "<iframe" not in html and "javascript:" not in html
    # Material's header and <title> print the title too: escaped there as well.
    assert re.search(r"<title>&lt;script&gt;alert\(1\)&lt;/script&gt; \{\{ 7\*7 \}\}", html)
    assert '<meta name="description" content="&lt;script&gt;' in html


def test_missing_translation_shows_the_original_marked_with_its_language(project_copy):
    def german_only(data):
        for field in ("title", "summary", "body"):
            data[field].pop("ru", None)
        data["translation"].pop("ru", None)
    _edit(project_copy, "data/seminars/2007-04-berlin.yml", german_only)
    validate = run_validate(project_copy)
    assert validate.returncode == 0, validate.stderr
    assert "data/seminars/2007-04-berlin.yml" in validate.stderr
    assert "ru: no translation yet of title, summary, body" in validate.stderr
    build = run_build(project_copy)
    assert build.ok, build.output
    ru = build.page("ru/seminars/2007-04-berlin.html")
    assert '<h1 id="page-title"><span lang="de">Erstes Sozialseminar – „Integration schwerbehinderter Menschen in den Arbeitsmarkt“</span></h1>' in ru
    assert "Этот текст ещё не переведён и показан на языке оригинала (немецкий)." in ru
    assert '<div class="archive-body" lang="de">' in ru
    assert "перевод отсутствует" in ru
