"""Reading one record file: strict, safe YAML that remembers the line of every field.

Record files come from pull requests, so they are untrusted: no tags (`!!python/object`), no anchors or aliases (the
"billion laughs" blow-up), no duplicate keys, bounded size and nesting, no invisible control characters. Dates stay
text (EDTF is parsed later), so the YAML timestamp type is switched off. Every problem names file, line and, where the
parser got that far, the field; PyYAML's own wording is translated into what an editor should change.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent, CollectionEndEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem, field_name, quoted

__all__ = ["YamlDocument", "read_yaml", "MAX_FILE_BYTES", "MAX_DEPTH"]

MAX_FILE_BYTES = 256 * 1024
# Records nest four levels at most (people[0].function.de); deep nesting only serves to exhaust the parser's stack.
MAX_DEPTH = 20

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "map", "seq")
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _RecordRules:
    """The rules for record files, on any PyYAML parser: no timestamps, anchors, aliases or deep nesting."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if self.depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"values are nested more than {MAX_DEPTH} levels deep", event.start_mark
            )
        if isinstance(event, AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed in records: write the value out", event.start_mark
            )
        if event.anchor is not None:  # a scalar or a collection: aliases were refused above
            raise yaml.composer.ComposerError(
                None, None, f"anchors (&{event.anchor}) are not allowed in records: write the value out", event.start_mark
            )
        self.depth += 1
        try:
            node = super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1
        # Any tag written out (`!!str`, `!!bool`, `!x`, a `%TAG` shorthand), even one naming a standard type: the
        # resolved node no longer shows it, so it is noted here for `_convert` to refuse.
        if event.tag is not None:
            node.written_tag = event.tag
        return node


class _RecordLoader(_RecordRules, yaml.SafeLoader):
    """The pure-Python loader: its error messages are the ones editors see."""


_FastRecordLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastRecordLoader(_RecordRules, yaml.composer.Composer, yaml.cyaml.CParser,  # type: ignore[no-redef]
                            yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """The same rules on libyaml's parser, several times faster where PyYAML was built with libyaml.

        libyaml only scans and parses, in C; composing (with the checks of `_RecordRules`, so nesting stays bounded
        before any recursion), resolving and constructing stay Python. A file with any problem is read again by
        `_RecordLoader`, so problems are reported in the same words whichever parser ran.
        """

        def __init__(self, stream: str):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    class _ShallowLoader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """libyaml composing too, the fastest way, for text that `_is_shallow` and has no anchor ('&'), so no alias
        either (an alias without its anchor is an error, read again by `_RecordLoader`). libyaml's composer recurses
        in C, so untrusted text only gets here with its nesting bounded beforehand."""

        yaml_implicit_resolvers = _RecordRules.yaml_implicit_resolvers

        def __init__(self, stream: str):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


# Nesting can only come from flow brackets and from a line's indentation and dashes/question marks (compact
# "- - x"); their sum bounds the depth. Records stay far below this; anything above takes the Python composer.
_SHALLOW_BOUND = 200
_LINE_PREFIX = re.compile(r"^[ ?-]*", re.M)


def _is_shallow(text: str) -> bool:
    brackets = text.count("[") + text.count("{")
    if brackets > _SHALLOW_BOUND:
        return False
    deepest_line = max(len(m.group()) for m in _LINE_PREFIX.finditer(text))  # matches at least at the start
    return brackets + deepest_line <= _SHALLOW_BOUND


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
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        doc.problems.append(Problem(doc.path, None, None, "the file is UTF-16 text: save it as UTF-8"))
        return None
    if b"\0" in raw:
        doc.problems.append(Problem(doc.path, None, None, "this is a binary file, not YAML text"))
        return None
    body = raw.removeprefix(b"\xef\xbb\xbf")  # a byte order mark is harmless
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:  # positions count in `body`, after the byte order mark
        line = body[: error.start].count(b"\n") + 1
        before = body[: error.start].decode("utf-8")
        path = _path_at(body.decode("utf-8", errors="replace"), len(before))
        doc.problems.append(Problem(doc.path, line, field_name(path) or None,
                                    f"the file is not UTF-8 text (byte 0x{body[error.start]:02x}): save it as UTF-8"))
        return None


# PyYAML's wording → what to change. (problem contains, context contains or "", plain words, report the line where
# the construct started rather than where the parser gave up.)
_SYNTAX_HINTS: tuple[tuple[str, str, str, bool], ...] = (
    ("'\\t'", "", "a tab character: indent with spaces, never with tabs", False),
    ("tab character", "", "a tab character: indent with spaces, never with tabs", False),
    ("end of stream", "quoted", "a quotation mark is not closed", True),
    ("expected ',' or ']'", "", "a list in [ ] is not closed, or an item in it holds ':' or ',' (put it in quotes)", True),
    ("expected ',' or '}'", "", "a mapping in { } is not closed, or a value in it holds ':' or ',' (put it in quotes)",
     True),
    ("mapping values are not allowed", "", "a ': ' where no field can start: put a value that contains ': ' in "
     "quotes, or check the indentation", False),
    ("expected <block end>", "", "the indentation does not fit the lines above: the fields of one mapping and the "
     "items of one list start in the same column", False),
    ("could not find expected ':'", "", "a line is neither 'field: value' nor a list item: a ':' is missing", False),
    ("unknown escape character", "", "an unknown escape (\\…) in double quotes: write \\\\ for a backslash, "
     "or use single quotes", False),
    ("another document", "", "a second YAML document (a line ---): one file holds one record", False),
    ("cannot start any token", "", "a value starts with a character YAML reserves (such as @ or `): put it in "
     "quotes", False),
    ("expected the node content", "", "a value is missing, or a bracket or dash is out of place", False),
)


def _path_at(text: str, position: int | None = None) -> tuple[str | int, ...]:
    """The field the parser was reading when it gave up (or that holds `position`), found by replaying the events."""
    # Characters YAML refuses become spaces (one for one, so positions stay), or the replay would stop at the first.
    loader = yaml.SafeLoader(yaml.reader.Reader.NON_PRINTABLE.sub(" ", text))
    # One entry per open collection: [is_mapping, current key or item index, waiting for a key].
    stack: list[list[Any]] = []

    def value_done() -> None:
        if stack:
            if stack[-1][0]:
                stack[-1][2] = True
            else:
                stack[-1][1] += 1

    try:
        while loader.check_event():
            # A value that ends right where the character is still holds it (`title: Text<U+0007>`).
            if position is not None and loader.peek_event().end_mark.index >= position:
                break
            event = loader.get_event()
            if isinstance(event, MappingStartEvent):
                stack.append([True, None, True])
            elif isinstance(event, SequenceStartEvent):
                stack.append([False, 0, False])
            if len(stack) > MAX_DEPTH:
                # Deeper is no field of a record (and PyYAML's scanner slows with every level): name the field
                # that holds the nested lists.
                lists = [i for i, level in enumerate(stack) if not level[0]]
                del stack[lists[0] if lists else len(stack):]
                break
            elif isinstance(event, CollectionEndEvent):
                stack.pop()
                value_done()
            elif isinstance(event, (ScalarEvent, AliasEvent)):
                if stack and stack[-1][0] and stack[-1][2]:
                    stack[-1][1:] = [getattr(event, "value", None), False]
                else:
                    value_done()
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    path: list[str | int] = []
    for is_mapping, key, waiting in stack:
        if key is None or (is_mapping and waiting and len(path) == len(stack) - 1):
            break  # between fields: the problem belongs to the enclosing one
        path.append(key)
    return tuple(path)


def _syntax_problem(doc: YamlDocument, error: yaml.MarkedYAMLError, text: str) -> Problem:
    problem, context, mark = error.problem, error.context or "", error.problem_mark
    reason = f"{problem} ({context})" if context else problem
    for needle, context_needle, plain, from_start in _SYNTAX_HINTS:
        if needle in problem and context_needle in context:
            reason = plain
            if from_start and error.context_mark:
                mark = error.context_mark
            break
    line = mark.line + 1
    path = _path_at(text)
    lines = text.splitlines()
    if not path and line <= len(lines):  # (the parser may give up after the last line: `{` alone)
        # The scanner stopped before the parser saw a key: take the one the line starts with, if any.
        key = _LINE_KEY.match(lines[line - 1])
        path = (key["key"],) if key else ()
    return Problem(doc.path, line, field_name(path) or None, f"YAML syntax: {reason}")


_LINE_KEY = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_][\w-]*)\s*:")


def _reader_problem(doc: YamlDocument, error: yaml.reader.ReaderError, text: str) -> Problem:
    line = text[: error.position].count("\n") + 1
    path = _path_at(text, error.position)
    return Problem(doc.path, line, field_name(path) or None,
                   f"contains the invisible control character U+{error.character:04X}: remove it")


# Invisible characters that have no place in record text: control characters (tab and line ends aside), every
# format character (Unicode category Cf: soft hyphen, zero-width spaces and joiners, bidirectional controls, word
# joiners, tag characters, …), lone surrogates (not encodable, so the page could not be written), private-use and
# non-characters, the line and paragraph separators, and letters that render as nothing (Hangul fillers, the
# combining grapheme joiner, Khmer's invisible vowels, Mongolian variation selectors). One character class, searched
# in C: every string of every record passes here. A test checks the Cc and Cf parts against unicodedata.
INVISIBLE_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # Cc
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"  # Cf (Unicode 15)
    "\ud800-\udfff"  # Cs
    "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"  # Co
    "\ufdd0-\ufdef\ufffe\uffff"  # non-characters (those of the other planes follow)
    + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17))
    + "\u2028\u2029"  # Zl, Zp
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u3164\uffa0"  # invisible letters and marks
    "]"
)


def _invisible_character(text: str) -> str | None:
    found = INVISIBLE_CHARACTER.search(text)
    if found is None:
        return None
    ch = found.group()
    category = unicodedata.category(ch)
    fallback = {"Cs": "lone surrogate", "Co": "private use character", "Cn": "non-character"}.get(
        category, "control character")
    return f"U+{ord(ch):04X} ({unicodedata.name(ch, fallback).lower()})"


_KEY_READ_AS = {"tag:yaml.org,2002:bool": "true/false", "tag:yaml.org,2002:int": "a number",
                "tag:yaml.org,2002:float": "a number", "tag:yaml.org,2002:null": "nothing (null)",
                "tag:yaml.org,2002:merge": "a merge key (<<)"}


_STR = "tag:yaml.org,2002:str"


class _NestedTooDeep(Exception):
    """Raised on the libyaml way only: the file is read again the pure-Python way, which says so."""


def _convert(doc: YamlDocument, loader: _RecordLoader, node: Node, path: tuple[str | int, ...]) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if len(path) >= MAX_DEPTH:  # a node at level len(path) + 1, composed by libyaml, which does not count
        raise _NestedTooDeep  # the pure-Python reading refuses it in its words
    written_tag = getattr(node, "written_tag", None)
    if written_tag is not None or node.tag not in _STANDARD_TAGS:
        tag = (written_tag or node.tag).replace("tag:yaml.org,2002:", "!!")
        doc.problems.append(doc.problem(path, f"YAML tags such as '{tag}' are not allowed in records"))
        return None
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                doc.problems.append(Problem(doc.path, key_node.start_mark.line + 1, field_name(path) or None,
                                            "a list or mapping cannot be a field name"))
                continue
            if key_node.tag != "tag:yaml.org,2002:str":
                read_as = _KEY_READ_AS.get(key_node.tag, "a tagged value")
                doc.problems.append(Problem(doc.path, key_node.start_mark.line + 1,
                                            field_name(path + (key_node.value,)),
                                            f"{quoted(key_node.value)} is not a field name: YAML reads it as {read_as} "
                                            f"(field names are plain words)"))
                continue
            key = key_node.value
            key_path = path + (key,)
            if invisible := _invisible_character(key):  # said without the character itself
                doc.problems.append(Problem(doc.path, key_node.start_mark.line + 1, field_name(path) or None,
                                            f"a field name contains the invisible character {invisible}: remove it"))
                continue
            if getattr(key_node, "written_tag", None) is not None:
                doc.problems.append(Problem(doc.path, key_node.start_mark.line + 1, field_name(key_path),
                                            "YAML tags are not allowed in records: write the field name plainly"))
                continue
            if key in result:
                first = doc.lines.get(key_path)
                doc.problems.append(Problem(doc.path, key_node.start_mark.line + 1, field_name(key_path),
                                            f"duplicate key {quoted(key)} (first given on line {first})"))
                continue
            doc.lines[key_path] = key_node.start_mark.line + 1
            result[key] = _convert(doc, loader, value_node, key_path)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(doc, loader, item, path + (i,)) for i, item in enumerate(node.value)]
    if node.tag == _STR:  # what SafeConstructor makes of a text scalar, without its bookkeeping: most values
        value = node.value
    else:
        try:
            value = loader.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            doc.problems.append(doc.problem(path, f"cannot read the value: {getattr(error, 'problem', error)}"))
            return None
        except ValueError:  # e.g. an integer of thousands of digits
            doc.problems.append(doc.problem(path, "cannot read the value: the number is far too long "
                                                  "(put text in quotes)"))
            return None
    if isinstance(value, str) and (invisible := _invisible_character(value)):
        doc.problems.append(doc.problem(path, f"contains the invisible character {invisible}: remove it"))
        return None
    return value


def read_yaml(raw: bytes, path: str) -> YamlDocument:
    """Parse one file; problems are collected on the document, never raised."""
    doc = YamlDocument(path)
    text = _decode(raw, doc)
    if text is None:
        return doc
    # libyaml takes tabs where PyYAML refuses them: such text always goes the pure-Python way.
    if _FastRecordLoader is not None and "\t" not in text:
        # libyaml's composer keeps no trace of a written tag: text with a '!' takes the Python composer.
        shallow = "&" not in text and "!" not in text and _is_shallow(text)
        try:
            fast = _parse(YamlDocument(path), (_ShallowLoader if shallow else _FastRecordLoader)(text), text)
        except Exception:  # whatever libyaml objects to, the pure-Python loader says in plain words
            fast = None
        if fast is not None and not fast.problems:
            return fast
    return _read_pure(doc, text)


def _read_pure(doc: YamlDocument, text: str) -> YamlDocument:
    """The pure-Python reading, whose problems are worded for editors."""
    try:
        loader = _RecordLoader(text)
    except yaml.reader.ReaderError as error:
        doc.problems.append(_reader_problem(doc, error, text))
        return doc
    return _parse(doc, loader, text)


def _parse(doc: YamlDocument, loader: Any, text: str) -> YamlDocument:
    path = doc.path
    try:
        node = loader.get_single_node()
        if node is None:
            doc.problems.append(Problem(path, None, None, "the file is empty"))
            return doc
        doc.data = _convert(doc, loader, node, ())
    except yaml.MarkedYAMLError as error:  # anything else (libyaml's reader) raises: the pure reading words it
        doc.problems.append(_syntax_problem(doc, error, text))
    finally:
        loader.dispose()
    return doc
