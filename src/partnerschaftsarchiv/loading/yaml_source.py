"""Reading one record file: strict, safe YAML that remembers the line of every field.

Record files come from pull requests, so they are untrusted: no tags (`!!python/object`), no anchors or aliases (the
"billion laughs" blow-up), no duplicate keys, bounded size. Dates stay text (EDTF is parsed later), so the YAML
timestamp type is switched off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem, field_name

__all__ = ["YamlDocument", "read_yaml", "MAX_FILE_BYTES"]

MAX_FILE_BYTES = 256 * 1024

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "map", "seq")
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _RecordRules:
    """What both loaders below refuse: timestamps, anchors and aliases."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed in records: write the value out", event.start_mark
            )
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor is not None:
            raise yaml.composer.ComposerError(
                None, None, f"anchors (&{event.anchor}) are not allowed in records: write the value out", event.start_mark
            )
        return super().compose_node(parent, index)  # type: ignore[misc]


class _RecordLoader(_RecordRules, yaml.SafeLoader):
    """SafeLoader without timestamps, anchors and aliases (pure Python: its error messages are the ones we show)."""


_FastRecordLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastRecordLoader(_RecordRules, yaml.composer.Composer, yaml.cyaml.CParser,  # type: ignore[no-redef]
                            yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """The same rules on libyaml's parser, several times faster; used where PyYAML was built with libyaml.

        libyaml only tokenizes and parses, in C; composing, the checks above, resolving and constructing stay the
        Python code of `_RecordLoader`. A file with any problem is read again by `_RecordLoader`, so problems are
        reported in the same words whichever parser ran.
        """

        def __init__(self, stream: str):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    class _AnchorFreeLoader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """libyaml composing too, for text without a single '&': it has no anchor, so it can have no alias either
        (an alias without its anchor is a syntax error, read again by `_RecordLoader`)."""

        yaml_implicit_resolvers = _RecordRules.yaml_implicit_resolvers

        def __init__(self, stream: str):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


@dataclass
class YamlDocument:
    """The data of one file and the line each field starts on."""

    path: str
    data: Any = None
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: tuple[str | int, ...]) -> int | None:
        """The line of a field, or of the nearest enclosing one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        return Problem(self.path, self.line(path), field_name(path) or None, message)


def _decode(raw: bytes, doc: YamlDocument) -> str | None:
    if len(raw) > MAX_FILE_BYTES:
        doc.problems.append(Problem(doc.path, None, None,
                                    f"file is {len(raw):,} bytes; a record may have at most {MAX_FILE_BYTES:,}"))
        return None
    if b"\0" in raw:
        doc.problems.append(Problem(doc.path, None, None, "this is a binary file, not YAML text"))
        return None
    try:
        return raw.decode("utf-8-sig")  # a byte order mark is harmless
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        doc.problems.append(Problem(doc.path, line, None,
                                    f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}): save it as UTF-8"))
        return None


def _syntax_problem(doc: YamlDocument, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else None
    reason = getattr(error, "problem", None) or str(error)
    if "\t" in reason or "tab" in reason:
        reason += " (indent with spaces, not tabs)"
    context = getattr(error, "context", None)
    if context and "alias" not in reason and "anchor" not in reason:
        reason = f"{reason} ({context})"
    return Problem(doc.path, line, None, f"YAML syntax: {reason}")


def _convert(doc: YamlDocument, loader: _RecordLoader, node: Node, path: tuple[str | int, ...]) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _STANDARD_TAGS:
        doc.problems.append(doc.problem(path, f"YAML tags such as '{node.tag}' are not allowed in records"))
        return None
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                doc.lines[path + ("?",)] = key_node.start_mark.line + 1
                doc.problems.append(doc.problem(path + ("?",), f"field names are plain words, not '{key_node.value}'"))
                continue
            key = key_node.value
            key_path = path + (key,)
            if key in result:
                first = doc.lines.get(key_path)
                doc.problems.append(Problem(doc.path, key_node.start_mark.line + 1, field_name(key_path),
                                            f"duplicate key '{key}' (first given on line {first})"))
                continue
            doc.lines[key_path] = key_node.start_mark.line + 1
            result[key] = _convert(doc, loader, value_node, key_path)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(doc, loader, item, path + (i,)) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as error:
        doc.problems.append(doc.problem(path, f"cannot read the value: {getattr(error, 'problem', error)}"))
        return None


def read_yaml(raw: bytes, path: str) -> YamlDocument:
    """Parse one file; problems are collected on the document, never raised."""
    doc = YamlDocument(path)
    text = _decode(raw, doc)
    if text is None:
        return doc
    if _FastRecordLoader is not None:
        fast_loader = _FastRecordLoader if "&" in text else _AnchorFreeLoader
        fast = _parse(YamlDocument(path), fast_loader(text))
        if not fast.problems:
            return fast
    return _parse(doc, _RecordLoader(text))


def _parse(doc: YamlDocument, loader: Any) -> YamlDocument:
    path = doc.path
    try:
        node = loader.get_single_node()
        if node is None:
            doc.problems.append(Problem(path, None, None, "the file is empty"))
            return doc
        doc.data = _convert(doc, loader, node, ())
    except yaml.YAMLError as error:
        doc.problems.append(_syntax_problem(doc, error))
    finally:
        loader.dispose()
    return doc
