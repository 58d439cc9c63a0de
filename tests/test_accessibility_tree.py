"""The accessibility tree of the record page, the timeline and the home page against committed outlines
(tests/aria_snapshots/), so that a change of landmarks, heading levels or names of controls shows as a diff.

The outline is Playwright's ARIA snapshot reduced to the structure: landmarks, headings, figures, regions, groups
and controls everywhere, and links outside the main content (the record text itself is not the tree's business).
After an intended change: `UPDATE_ARIA_SNAPSHOTS=1 python -m pytest tests/test_accessibility_tree.py`, then read
the diff of tests/aria_snapshots/ before committing it.
"""

from __future__ import annotations

import difflib
import os
import re

import pytest

from accessibility_tools import AXE_JS, LANGUAGES, REPO, new_context, settle

pytestmark = pytest.mark.skipif(not AXE_JS.is_file() and not os.environ.get("CI"),
                                reason="run `make test` (it installs the checkers with npm ci)")

SNAPSHOTS = REPO / "tests" / "aria_snapshots"
PAGES = {"record": "seminars/2017-06-moskau.html", "timeline": "timeline.html", "home": "index.html"}

LANDMARKS = {"banner", "navigation", "main", "contentinfo", "complementary", "search", "form", "region"}
STRUCTURE = {"heading", "figure", "group", "dialog", "table", "img"}
CONTROLS = {"button", "textbox", "searchbox", "combobox", "checkbox", "radio", "switch", "listbox", "option",
            "spinbutton", "slider", "tab", "menuitem"}
_LINE = re.compile(r"^(?P<indent> *)- (?P<role>[a-z]+)\b(?P<rest>.*)$")


def outline(snapshot: str) -> str:
    """Keep the structure of an ARIA snapshot, re-indented by the kept ancestors."""
    kept: list[str] = []
    stack: list[tuple[int, bool, bool]] = []  # (indent, kept, inside main) of the open ancestors
    for line in snapshot.splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        indent, role = len(match["indent"]), match["role"]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        in_main = bool(stack and stack[-1][2])
        keep = role in LANDMARKS | STRUCTURE | CONTROLS or (role == "link" and not in_main)
        if keep:
            depth = sum(1 for _, was_kept, _ in stack if was_kept)
            kept.append("  " * depth + "- " + role + match["rest"].removesuffix(":").rstrip())
        stack.append((indent, keep, in_main or role == "main"))
    return "\n".join(kept) + "\n"


@pytest.fixture(scope="module")
def tab(browser):
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_tree_is_as_committed(tab, site_url, lang, name):
    tab.goto(site_url + f"{lang}/{PAGES[name]}")
    settle(tab)
    found = outline(tab.locator("body").aria_snapshot()).replace(site_url, "/")
    expected_file = SNAPSHOTS / f"{lang}-{name}.yml"
    if os.environ.get("UPDATE_ARIA_SNAPSHOTS"):
        expected_file.write_text(found, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    if found != expected:
        diff = difflib.unified_diff(expected.splitlines(), found.splitlines(), str(expected_file.relative_to(REPO)),
                                    "this build", lineterm="")
        pytest.fail("\n".join(diff), pytrace=False)


def test_outline_keeps_structure_and_drops_text():
    snapshot = """- banner:
  - navigation "Kopfzeile":
    - link "Start":
      - /url: index.html
    - button "Sprache wählen"
- main:
  - heading "Titel" [level=1]
  - paragraph:
    - text: Ein Satz mit
    - link "Verweis":
      - /url: a.html
  - figure "Einträge":
    - group "Einträge pro Jahr"
"""
    assert outline(snapshot) == """- banner
  - navigation "Kopfzeile"
    - link "Start"
    - button "Sprache wählen"
- main
  - heading "Titel" [level=1]
  - figure "Einträge"
    - group "Einträge pro Jahr"
"""
