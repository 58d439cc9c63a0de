"""What editors' tools rely on: the $schema comment in every record, German and Russian descriptions of every
schema field, the yamllint configuration and the pre-commit hooks."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from yamllint import linter
from yamllint.config import YamlLintConfig

from conftest import REPO
from partnerschaftsarchiv.structure import RecordKind, RegistryKind

SCHEMAS = REPO / "src/partnerschaftsarchiv/schemas"
FOLDERS = {k.folder: k.value for k in (*RecordKind, *RegistryKind)}
RECORD_FILES = sorted((REPO / "data").glob("*/*.yml"))
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# German words (Latin script, a word beyond the field values such as `de` or `original`).
LATIN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")


def test_the_records_are_found():
    assert {p.parent.name for p in RECORD_FILES} == set(FOLDERS)


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_record_starts_with_its_schema_comment(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    schema = FOLDERS[path.parent.name]
    assert first == f"# yaml-language-server: $schema=../../src/partnerschaftsarchiv/schemas/{schema}.schema.json"
    assert (path.parent / first.split("=", 1)[1]).resolve().is_file()


def _properties(node: Any, where: str) -> Iterator[tuple[str, dict]]:
    """Every property declared anywhere in a schema document, with a readable location."""
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield f"{where}.{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}" if key != "properties" else where)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value, where)


def _description(prop: dict, common: dict) -> str:
    if "description" in prop:
        return prop["description"]
    reference = prop.get("$ref", "")
    name = reference.rsplit("/", 1)[-1]
    return common["definitions"].get(name, {}).get("description", "") if "definitions/" in reference else ""


@pytest.mark.parametrize("schema", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda p: p.name)
def test_every_schema_field_has_a_german_and_russian_description(schema):
    common = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))
    document = json.loads(schema.read_text(encoding="utf-8"))
    properties = list(_properties(document, schema.name))
    assert properties
    undescribed = [f"{where}: {_description(prop, common)!r}" for where, prop in properties
                   if not (CYRILLIC.search(_description(prop, common)) and LATIN_WORD.search(_description(prop, common)))]
    assert undescribed == []


def _lint_config() -> YamlLintConfig:
    return YamlLintConfig(file=str(REPO / ".yamllint"))


def test_yamllint_accepts_every_record():
    config = _lint_config()
    problems = [f"{path.relative_to(REPO)}:{p.line}: {p.desc}" for path in RECORD_FILES
                for p in linter.run(path.read_text(encoding="utf-8"), config, str(path))]
    assert problems == []


@pytest.mark.parametrize("text, rule", [
    ("id: a\nid: b\n", "key-duplicates"),
    ("id: a   \n", "trailing-spaces"),
    ("title:\n    de: x\n", "indentation"),
    ("flag: yes\n", "truthy"),
])
def test_yamllint_catches_layout_mistakes(text, rule):
    assert rule in {p.rule for p in linter.run(text, _lint_config())}


def test_pre_commit_runs_yamllint_and_validation_on_records():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    pinned = open(REPO / "constraints.txt", encoding="utf-8").read()
    assert hooks["yamllint"]["additional_dependencies"][0] in pinned.splitlines()
    for hook in hooks.values():
        assert re.search(hook["files"], "data/seminars/2017-06-moskau.yml")
    # The validation hook's command is the real one, and it passes on the records as they are.
    run = subprocess.run(hooks["validate-records"]["entry"].split(), cwd=REPO, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "records and" in run.stdout


def test_editor_settings_are_valid_json():
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    for schema, pattern in settings["yaml.schemas"].items():
        assert (REPO / schema).is_file() and FOLDERS[Path(pattern).parent.name] in schema
    assert "redhat.vscode-yaml" in json.loads((REPO / ".vscode/extensions.json").read_text())["recommendations"]
