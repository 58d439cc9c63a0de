"""Jinja for the workflow's non-HTML output (YAML skeletons, text and Markdown reports): no HTML autoescape, so
every template filters its values for its own format instead."""

from __future__ import annotations

from typing import Callable

import jinja2

__all__ = ["text_environment"]


def text_environment(**filters: Callable[..., str]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("partnerschaftsarchiv.workflow", "templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters)
    return env
