"""Compiled templates kept between builds, so a build compiles only the templates that changed.

Compiling Material's templates and ours costs a few tenths of a second in every language build, as much as
rendering a hundred pages. Jinja's own file cache keys each template by name and file and checks the source's
hash, so a changed template is compiled again. It lives in Jinja's per-user temporary folder (created private,
refused if anyone else owns it); `PARTNERSCHAFTSARCHIV_TEMPLATE_CACHE=off` turns it off. The validators that
fastjsonschema writes from the record schemas are kept there the same way (`loading/schema.py`).
"""

from __future__ import annotations

import os

import jinja2

__all__ = ["CACHE_ENV", "template_cache"]

CACHE_ENV = "PARTNERSCHAFTSARCHIV_TEMPLATE_CACHE"


def template_cache(environment: str) -> jinja2.BytecodeCache | None:
    """A cache for one kind of Jinja environment: the compiled code depends on its options, so each kind
    (`"archive"`, `"theme"`) has its own files. None where turned off or no private folder can be had."""
    if os.environ.get(CACHE_ENV, "").lower() in ("off", "0", "false", "no"):
        return None
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"partnerschaftsarchiv-{environment}-%s.cache")
    except (OSError, RuntimeError):
        return None
