"""Where a project keeps its parts (Hugo-style): records, UI strings, hand-written pages, layouts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Project"]


@dataclass(frozen=True)
class Project:
    root: Path
    data_dir: Path
    translations_dir: Path
    docs_dir: Path
    layouts_dir: Path
    languages: tuple[str, ...] = ("de", "ru")

    @classmethod
    def at(cls, root: Path | str, languages: tuple[str, ...] = ("de", "ru")) -> "Project":
        """The conventional layout below `root`: data/, translations/, docs/<lang>/, layouts/."""
        root = Path(root).resolve()
        return cls(root, root / "data", root / "translations", root / "docs", root / "layouts", tuple(languages))

    def handwritten_pages(self, lang: str) -> list[str]:
        """Keys of the hand-written Markdown pages of one language (`docs/<lang>/about.md` → `about`)."""
        base = self.docs_dir / lang
        if not base.is_dir():
            return []
        return sorted(p.relative_to(base).with_suffix("").as_posix() for p in base.rglob("*.md"))
