"""JSON Schema validation of one record, with jsonschema's findings said in plain words."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import CodeType
from typing import TYPE_CHECKING, Any, Callable, Iterator

import fastjsonschema

from ..rendering.template_cache import template_cache
from .problems import Problem, quoted, suggest
from .yaml_source import YamlDocument

if TYPE_CHECKING:
    from jsonschema import Draft7Validator
    from jsonschema.exceptions import ValidationError

__all__ = ["SCHEMA_NAMES", "schema_path", "validate_document"]

SCHEMA_NAMES = ("seminar", "agreement", "project", "meeting", "topic", "organization", "person", "place", "source")

_JSON_TYPES = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true/false",
               "object": "a mapping of fields", "array": "a list", "null": "nothing"}


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads unquoted yes, no, on, off, true, false as true/false: put text in quotes)"
    if isinstance(value, (int, float)):
        return f"the number {value} (put it in quotes if it is text)"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, str):
        return "text"
    return _JSON_TYPES["object" if isinstance(value, dict) else "array"]


def schema_path(name: str) -> resources.abc.Traversable:
    return resources.files(__package__).parent / "schemas" / f"{name}.schema.json"


def _load(name: str) -> dict:
    return json.loads(schema_path(name).read_bytes())  # JSON is UTF-8


@cache
def _inlined(name: str) -> dict:
    schema, common = _load(name), _load("common")
    return _python_patterns(_inline_refs(schema, {"": schema, "common.schema.json": common}))


def _python_patterns(node: Any) -> Any:
    """The schema's patterns as JSON Schema means them: its `$` ends the text, Python's also matches before a final
    line break (`moskau` followed by a line end would pass as an id). fastjsonschema does the same on its own."""
    if isinstance(node, list):
        return [_python_patterns(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _python_patterns(value) for key, value in node.items()}
    pattern = result.get("pattern")
    if isinstance(pattern, str) and pattern.endswith("$") and not pattern.endswith("\\$"):
        result["pattern"] = pattern[:-1] + "\\Z"
    return result


@cache
def _validator(name: str) -> Draft7Validator:
    # Imported here: only a record that fastjsonschema doubts needs jsonschema, and a valid archive none.
    from jsonschema import Draft7Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    registry = Registry().with_resource("common.schema.json", Resource(_load("common"), DRAFT7))
    return Draft7Validator(_inlined(name), registry=registry)


def _validator_code(name: str, schema: dict[str, Any]) -> CodeType:
    return compile(fastjsonschema.compile_to_code(schema, use_default=False), f"<{name}.schema.json>", "exec")


@cache
def _quick_check(name: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python by fastjsonschema: it says "valid" over ten times faster.

    It only ever lets a valid record skip jsonschema; any record it doubts goes through jsonschema, which alone
    reports problems (with the paths and the schema details `_explain` needs).

    Writing and compiling the generated code (over a megabyte for all schemas) took about 0.18 s in every process
    that validates, so its compiled form is kept between runs beside the compiled templates, keyed by the schema
    and fastjsonschema's version: a changed schema is compiled again.
    """
    schema = _inlined(name)
    kept = template_cache("schemas")
    if kept is None:
        code = _validator_code(name, schema)
    else:
        bucket = kept.get_bucket(None, f"schema {name}", None,  # type: ignore[arg-type]  (no Jinja environment)
                                 json.dumps([fastjsonschema.VERSION, schema], sort_keys=True))
        if bucket.code is None:
            bucket.code = _validator_code(name, schema)
            kept.set_bucket(bucket)
        code = bucket.code
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # the module fastjsonschema wrote for this schema: its definitions, nothing else
    return namespace["validate"]


def _surely_valid(data: Any, name: str) -> bool:
    try:
        _quick_check(name)(data)
    except Exception:  # noqa: BLE001  (invalid, or anything it cannot judge: jsonschema decides)
        return False
    return True


def _inline_refs(node: Any, documents: dict[str, Any], base: str = "", seen: tuple[str, ...] = ()) -> Any:
    """The schema with every `$ref` replaced by what it points to.

    Resolving a `$ref` through the registry costs more than checking the value it leads to, and every record
    passes through dozens of them; the inlined schema validates the same (Draft 7 ignores the keywords beside a
    `$ref`) at a fraction of the time. A reference back into itself stays a `$ref`, for the registry to resolve.
    """
    if isinstance(node, list):
        return [_inline_refs(item, documents, base, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        document, _, pointer = ref.partition("#")
        key = f"{document or base}#{pointer}"
        if key in seen or (document or base) not in documents:
            return node
        target = documents[document or base]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        return _inline_refs(target, documents, document or base, seen + (key,))
    return {key: _inline_refs(value, documents, base, seen) for key, value in node.items()}


def _explain(error: ValidationError) -> tuple[tuple[str | int, ...], str]:
    """The field an error is about and what to tell the editor."""
    path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        return path + (missing,), "missing required field"
    if kind == "additionalProperties":
        # The schemas list every allowed field under `properties` (no `patternProperties`): one is extra.
        allowed = error.schema["properties"]
        key = next(k for k in error.instance if k not in allowed)
        return path + (key,), f"unknown field {quoted(key)}{suggest(key, allowed)}"
    if kind == "type":
        # Each schema type is one word (a test checks them all), never a list of types.
        return path, f"expected {_JSON_TYPES[error.validator_value]}, found {_found(error.instance)}"
    if kind in ("enum", "const"):
        choices = error.validator_value if kind == "enum" else [error.validator_value]
        listed = ", ".join(str(c) for c in choices)
        return path, f"{quoted(error.instance)} is not allowed here; use one of: {listed}{suggest(error.instance, map(str, choices))}"
    if kind == "pattern":
        if not str(error.instance).strip():
            return path, "must not be empty"
        return path, f"{quoted(error.instance)}: {error.schema['x-message']}"  # every pattern has one (tested)
    if kind == "minLength":
        return path, "must not be empty"
    if kind == "maxLength":
        return path, f"is too long ({len(error.instance):,} characters; at most {error.validator_value:,})"
    if kind == "maxItems":
        return path, f"lists {len(error.instance)} items; at most {error.validator_value}"
    if kind == "minProperties":
        return path, "must give the text in at least one language (de or ru)"
    if kind == "uniqueItems":
        return path, "lists the same entry twice"
    if kind in ("minimum", "maximum"):
        return path, f"{error.instance} is out of range ({kind} {error.validator_value})"
    return path, error.message


def validate_document(doc: YamlDocument, name: str) -> Iterator[Problem]:
    """Every schema error of one document; the deepest error first where several concern one field.

    A value of the wrong type is said once: "expected a whole number, found text" and not also "out of range".
    """
    if _surely_valid(doc.data, name):
        return
    errors = sorted(_validator(name).iter_errors(doc.data), key=lambda e: (list(map(str, e.absolute_path))))
    mistyped = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    for error in errors:
        if tuple(error.absolute_path) in mistyped and error.validator != "type":
            continue
        path, message = _explain(error)
        if (path, message) not in seen:
            seen.add((path, message))
            yield doc.problem(path, message)
