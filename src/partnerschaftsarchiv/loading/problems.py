"""What is wrong with the records, said so an editor can fix it: file, line, field, why."""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

__all__ = ["Severity", "Problem", "ArchiveInvalid", "field_name", "suggest", "quoted"]


_PLAIN_KEY = re.compile(r"[\w<~-]+")


class Severity(str, enum.Enum):
    ERROR = "error"
    # Reported, never fatal: e.g. a translation still to be written.
    NOTICE = "notice"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = Severity.ERROR

    @property
    def sort_key(self) -> tuple[str, int, tuple[str | int, ...]]:
        # Numbers in field names sort as numbers: topics[2] before topics[10].
        parts = re.split(r"(\d+)", self.field or "")  # text, number, text, …
        field = tuple(int(part) if i % 2 else part for i, part in enumerate(parts))
        return (self.path, self.line or 0, field)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ArchiveInvalid(Exception):
    """Raised with every error found in one run, not only the first."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} error{'s' if count != 1 else ''} in the records: nothing was built.")
        return "\n".join(lines)


def field_name(path: Iterable[str | int]) -> str:
    """`("people", 2, "role")` → `people[2].role`, as editors see it in the YAML."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not _PLAIN_KEY.fullmatch(str(part)):  # a key with spaces, quotes or line breaks, said on one line
            text += f"[{quoted(part)}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def suggest(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" tail for a mistyped id or name, or nothing."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# What else ends a line for str.splitlines() and for some terminals and editors: written as escapes too.
_OTHER_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def quoted(value: object, limit: int = 60) -> str:
    """A value from a record, quoted on one short line: a problem is one line, whatever the record holds."""
    text = str(value).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    text = text.translate(_OTHER_LINE_BREAKS)
    return f"'{text[: limit - 1]}…'" if len(text) > limit else f"'{text}'"
