"""The translation status as text for a terminal or Markdown for a pull request's job summary.

Both layouts are Jinja templates beside this module; the values are ids, paths and field names from validated
records and msgids from our own catalogs.
"""

from __future__ import annotations

import re

from .text_templates import text_environment
from .translation_status import TranslationReport

__all__ = ["FORMATS", "format_report"]

FORMATS = {"text": "status.txt.j2", "markdown": "status.md.j2"}


def _md_code(text: str) -> str:
    """Inline code in a Markdown table cell: one line, pipes escaped, fenced by more backticks than it holds."""
    flat = " ".join(str(text).split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {flat} {fence}" if longest else f"`{flat}`"


def format_report(report: TranslationReport, fmt: str = "text", changed_against: str | None = None) -> str:
    """`changed_against`: the branch the entries were filtered against, said in the report's first line."""
    return text_environment(md_code=_md_code).get_template(FORMATS[fmt]).render(report=report,
                                                                                 changed_against=changed_against)
