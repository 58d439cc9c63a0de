"""No partial site: build into `<site>.partial/`, publish by two renames only when the whole build succeeded."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

__all__ = ["StagedSite"]


@dataclass(frozen=True)
class StagedSite:
    """The site folder readers see (`final`) and the folder the build writes into meanwhile (`staging`)."""

    final: Path

    @classmethod
    def for_site_dir(cls, site_dir: str | Path) -> "StagedSite":
        return cls(Path(str(site_dir).rstrip("/\\")))

    @property
    def staging(self) -> Path:
        return self.final.with_name(self.final.name + ".partial")

    @property
    def retired(self) -> Path:
        return self.final.with_name(self.final.name + ".old")

    def publish(self) -> None:
        """Swap the finished staging folder into place; the previous site survives any failure before this."""
        shutil.rmtree(self.retired, ignore_errors=True)
        if self.final.exists():
            self.final.rename(self.retired)
        self.staging.rename(self.final)
        shutil.rmtree(self.retired, ignore_errors=True)

    def discard(self) -> None:
        """After a failure: the staging folder goes, the previous site stays as it was."""
        shutil.rmtree(self.staging, ignore_errors=True)
