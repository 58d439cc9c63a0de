"""The whole built site as one zip, for readers who want the archive on their own disk.

Written after every language is built, from the finished folder; unzipped, `partnerschaftsarchiv/index.html`
opens the same site. Entries are sorted and dated 1980-01-01, so the same site always gives the same zip.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

__all__ = ["OFFLINE_ZIP", "ZIP_FOLDER", "write_offline_zip"]

OFFLINE_ZIP = "partnerschaftsarchiv.zip"
ZIP_FOLDER = "partnerschaftsarchiv"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# Already compressed: storing them again costs time and saves nothing.
_STORED = {".zip", ".gz", ".png", ".jpg", ".jpeg", ".woff", ".woff2"}


def write_offline_zip(site_dir: Path, name: str = OFFLINE_ZIP) -> Path:
    """Zip every file of `site_dir` (never the zip itself) into `site_dir/name`; returns its path."""
    site_dir = Path(site_dir)
    target = site_dir / name
    partial = target.with_name(target.name + ".part")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p not in (target, partial))
    with zipfile.ZipFile(partial, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{path.relative_to(site_dir).as_posix()}", _FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if path.suffix in _STORED else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(target)
    return target
