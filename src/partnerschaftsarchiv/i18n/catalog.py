"""UI strings from the gettext catalogs under `translations/`, read with Babel.

The `.po` files are the source of truth and no `.mo` is kept in git, so the catalog is compiled in memory with
Babel's own `write_mo` on every load: a build never runs on a stale compiled catalog.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

__all__ = ["DOMAIN", "po_path", "load_translations"]

DOMAIN = "messages"


def po_path(translations_dir: Path, lang: str) -> Path:
    return Path(translations_dir) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _compiled(path: Path, mtime_ns: int, lang: str) -> bytes:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out, as pybabel compile does
    return buffer.getvalue()


def load_translations(translations_dir: Path, lang: str) -> Translations:
    path = po_path(translations_dir, lang).resolve()
    if not path.is_file():
        raise FileNotFoundError(f"no message catalog for '{lang}': {path.name} is missing under translations/{lang}/")
    return Translations(BytesIO(_compiled(path, path.stat().st_mtime_ns, lang)), domain=DOMAIN)
