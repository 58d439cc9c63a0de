"""Bounds on the structure of a record's Markdown body, so that any accepted body renders in linear time.

Python-Markdown nests one level of recursion per list or quote level, and its inline pass costs grow faster than the
length of one paragraph (links, emphasis, code spans). Bounded paragraphs, brackets and nesting keep the cost of
each paragraph constant, so a body's cost grows with its length only. Real texts stay far below every bound.
"""

from __future__ import annotations

import re

__all__ = ["MAX_NESTING", "MAX_PARAGRAPH", "MAX_BRACKETS", "markdown_problem"]

MAX_NESTING = 8  # list and quote levels
MAX_PARAGRAPH = 3000  # characters between blank lines (or list items)
MAX_BRACKETS = 200  # square brackets in one paragraph: 100 links

# The markers that open a level at the start of a line: a quote, a bullet, a number; then their indentation.
_PREFIX = re.compile(r"[ \t]*(?:(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*)*")
_MARKER = re.compile(r">|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)")
_LIST_ITEM = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _depth(line: str) -> int:
    prefix = _PREFIX.match(line).group()
    markers = len(_MARKER.findall(prefix))
    # Four columns of indentation are one level more (a nested list, or code inside a list item).
    indent = len(prefix.expandtabs(4)) - len(prefix.expandtabs(4).lstrip(" \t"))
    return markers + indent // 4


def markdown_problem(text: str) -> str | None:
    """Why `text` is outside the bounds (naming the line of the text), or None."""
    paragraph_start, paragraph_length, brackets = 1, 0, 0
    for number, line in enumerate(text.split("\n"), start=1):
        if _depth(line) > MAX_NESTING:
            return (f"lists and quotes nest more than {MAX_NESTING} levels deep (line {number} of the text): "
                    f"use fewer levels")
        if not line.strip():
            paragraph_start, paragraph_length, brackets = number + 1, 0, 0
            continue
        if _LIST_ITEM.match(line):
            paragraph_start, paragraph_length, brackets = number, 0, 0
        paragraph_length += len(line) + 1
        brackets += line.count("[") + line.count("]")
        if paragraph_length > MAX_PARAGRAPH:
            return (f"a paragraph of more than {MAX_PARAGRAPH:,} characters (from line {paragraph_start} of the "
                    f"text): split it with a blank line")
        if brackets > MAX_BRACKETS:
            return (f"a paragraph with more than {MAX_BRACKETS} square brackets (from line {paragraph_start} of the "
                    f"text): at most {MAX_BRACKETS // 2} links per paragraph")
    return None
