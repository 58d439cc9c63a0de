"""Keep a freshly extracted catalog template only when its messages changed.

`pybabel extract` stamps the template with the time of the run (POT-Creation-Date); without this step every
`make translations-update` changed three files although no UI string had changed.

    python -m partnerschaftsarchiv.workflow.catalog_files translations/messages.pot.new translations/messages.pot
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

__all__ = ["keep_if_changed", "main"]

_CREATION_DATE = re.compile(r'^"POT-Creation-Date: [^"]*\\n"\n', re.M)


def _without_date(text: str) -> str:
    return _CREATION_DATE.sub("", text)


def keep_if_changed(fresh: Path, current: Path) -> bool:
    """Move `fresh` over `current` if they differ apart from the creation date; else drop `fresh`. True if moved."""
    fresh, current = Path(fresh), Path(current)
    new_text = fresh.read_text(encoding="utf-8")
    if current.is_file() and _without_date(current.read_text(encoding="utf-8")) == _without_date(new_text):
        fresh.unlink()
        return False
    fresh.replace(current)
    return True


def main(argv: list[str] | None = None) -> int:
    fresh, current = (argv if argv is not None else sys.argv[1:])
    changed = keep_if_changed(Path(fresh), Path(current))
    print(f"{current}: {'updated' if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
