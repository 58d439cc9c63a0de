"""Keep the catalog template as committed when only its creation date changed.

`pybabel extract` stamps the template with the time of the run (POT-Creation-Date); without this step every
`make translations-update` changed three files although no UI string had changed. The catalogs keep their date
through `pybabel update --ignore-pot-creation-date`.

    python -m partnerschaftsarchiv.workflow.catalog_files translations/messages.pot
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

__all__ = ["committed_text", "keep_committed_if_same", "main"]

_CREATION_DATE = re.compile(r'^"POT-Creation-Date: [^"]*\\n"\n', re.M)


def _without_date(text: str) -> str:
    return _CREATION_DATE.sub("", text)


def keep_committed_if_same(path: Path, committed: str | None) -> bool:
    """Write the committed text back if the file differs from it only in the creation date. True if it did."""
    path = Path(path)
    if committed is None or path.read_text(encoding="utf-8") == committed:
        return False
    if _without_date(path.read_text(encoding="utf-8")) != _without_date(committed):
        return False
    path.write_text(committed, encoding="utf-8", newline="")
    return True


def committed_text(path: Path) -> str | None:
    """The file as in the last commit, or None (no git, no repository, a new file)."""
    path = Path(path).resolve()
    try:
        run = subprocess.run(["git", "show", f"HEAD:./{path.name}"], cwd=path.parent, capture_output=True,
                             timeout=60)
    except OSError:
        return None
    return run.stdout.decode("utf-8") if run.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    for name in (argv if argv is not None else sys.argv[1:]):
        kept = keep_committed_if_same(Path(name), committed_text(Path(name)))
        print(f"{name}: {'only the creation date changed: kept as committed' if kept else 'as extracted'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
