"""The validators fastjsonschema writes from the record schemas are compiled once and kept between runs, keyed by
the schema: a changed schema is compiled again, and without a cache every run compiles its own (loading/schema.py)."""

from __future__ import annotations

import pytest
from fastjsonschema import JsonSchemaValueException
from jinja2 import FileSystemBytecodeCache

from partnerschaftsarchiv.loading import schema


@pytest.fixture
def compiled(monkeypatch):
    """The schema sources compiled in this test, in order."""
    made: list[str] = []
    write = schema.fastjsonschema.compile_to_code

    def counted(definition, **options):
        made.append(definition["type"])
        return write(definition, **options)

    monkeypatch.setattr(schema.fastjsonschema, "compile_to_code", counted)
    schema._quick_check.cache_clear()
    yield made
    schema._quick_check.cache_clear()


def use_schema(monkeypatch, definition):
    monkeypatch.setattr(schema, "_inlined", lambda name: definition)
    schema._quick_check.cache_clear()  # as a new run would start


def test_a_kept_validator_is_used_until_its_schema_changes(tmp_path, monkeypatch, compiled):
    monkeypatch.setattr(schema, "template_cache", lambda kind: FileSystemBytecodeCache(str(tmp_path)))
    use_schema(monkeypatch, {"type": "string"})
    assert schema._quick_check("topic")("Inklusion") == "Inklusion"
    use_schema(monkeypatch, {"type": "string"})
    check = schema._quick_check("topic")
    assert compiled == ["string"]  # the second run found it compiled
    with pytest.raises(JsonSchemaValueException):
        check(7)
    assert len(list(tmp_path.iterdir())) == 1

    use_schema(monkeypatch, {"type": "integer"})
    check = schema._quick_check("topic")
    assert compiled == ["string", "integer"]
    assert check(7) == 7
    with pytest.raises(JsonSchemaValueException):
        check("Inklusion")


def test_without_a_cache_each_run_compiles_its_own(monkeypatch, compiled):
    monkeypatch.setattr(schema, "template_cache", lambda kind: None)
    use_schema(monkeypatch, {"type": "string"})
    schema._quick_check("topic")
    use_schema(monkeypatch, {"type": "string"})
    assert schema._quick_check("topic")("Inklusion") == "Inklusion"
    assert compiled == ["string", "string"]
