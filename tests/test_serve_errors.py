"""`mkdocs serve` with a broken record shows the problems in the browser, and the site again once it is fixed,
instead of leaving the browser waiting (issue 16)."""

from __future__ import annotations

from serve_tools import PATIENCE, fetch, serving, wait_for

PAGE = "de/seminars/2017-06-moskau.html"
TITLE = '<h1 id="page-title">18. Sozialseminar in Moskau</h1>'
PROBLEM = ("data/seminars/2017-06-moskau.yml:{line}: place: YAML syntax: a tab character: indent with spaces, "
           "never with tabs")


def test_a_broken_record_shows_in_the_browser_and_the_fixed_site_comes_back(project_copy, browser):
    record = project_copy / "data" / "seminars" / "2017-06-moskau.yml"
    valid = record.read_text(encoding="utf-8")
    problem = PROBLEM.format(line=valid.splitlines().index("place: moskau") + 1)
    with serving(project_copy) as root:
        wait_for(root + PAGE, TITLE)
        page = browser.new_page()
        page.goto(root + PAGE)
        assert page.locator("h1").first.inner_text() == "18. Sozialseminar in Moskau"

        record.write_text(valid.replace("place: moskau\n", "place:\tmoskau\n"), encoding="utf-8")
        # The open page reloads by itself and lists the problem, as does any other address.
        page.wait_for_selector("pre", timeout=PATIENCE * 1000)
        assert problem in page.locator("pre").inner_text()
        assert page.locator("h1").inner_text() == ("Die Vorschau kann nicht erstellt werden · "
                                                   "Не удаётся собрать предварительный просмотр")
        assert problem in fetch(root + "ru/timeline.html")
        assert problem in fetch(root)

        record.write_text(valid, encoding="utf-8")
        page.wait_for_selector("h1#page-title", timeout=PATIENCE * 1000)
        assert page.locator("h1#page-title").inner_text() == "18. Sozialseminar in Moskau"
        assert TITLE.replace("18. Sozialseminar in Moskau", "18-й социальный семинар в Москве") in \
            fetch(root + "ru/seminars/2017-06-moskau.html")
        page.close()


def test_a_broken_hand_written_page_shows_what_the_language_build_said(project_copy):
    broken = project_copy / "docs" / "ru" / "broken.md"
    with serving(project_copy) as root:
        wait_for(root + PAGE, TITLE)
        broken.write_text("# Битая ссылка\n\n[нет такой](no-such-page.md)\n", encoding="utf-8")
        body = wait_for(root + "ru/index.html", "data-archive-build-error")
        assert ("[ru] WARNING -  Doc file &#39;broken.md&#39; contains a link &#39;no-such-page.md&#39;, but the "
                "target is not found among documentation files.") in body
        assert "data-archive-build-error" in fetch(root + PAGE)
        broken.unlink()
        wait_for(root + PAGE, TITLE)
