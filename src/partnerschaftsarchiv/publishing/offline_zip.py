"""The whole built site as one zip, for readers who want the archive on their own disk.

Written after every language is built, from the finished folder; unzipped, `partnerschaftsarchiv/index.html`
opens the same site. Entries are sorted and dated 1980-01-01, so the same site always gives the same zip.

The zip is the last step of a build and nothing else runs then, so its members are compressed side by side, one
thread per core (zlib-ng, like zlib, releases the GIL), and written in order. `zipfile` cannot do that: it
compresses each member in the thread that writes it, one after the other. So the few records of the format
(PKWARE's APPNOTE: local headers, central directory, end record, and Zip64 where counts or offsets need it) are
written here, and the tests read the result back with `zipfile` and `unzip`.

Deflate is zlib-ng's (a maintained rewrite of zlib with the same API and format): at the same level it makes a
zip of nearly the same size with about half of zlib's work, and the zip is the largest single piece of work of
a build that plain MkDocs does not do.
"""

from __future__ import annotations

import os
import struct
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from zlib_ng import zlib_ng

__all__ = ["OFFLINE_ZIP", "ZIP_FOLDER", "write_offline_zip"]

OFFLINE_ZIP = "partnerschaftsarchiv.zip"
ZIP_FOLDER = "partnerschaftsarchiv"
# Already compressed: storing them again costs time and saves nothing.
_STORED = {".zip", ".gz", ".png", ".jpg", ".jpeg", ".woff", ".woff2"}
_LEVEL = 6  # zlib's default, as zipfile uses
_AHEAD = 64  # members compressed ahead of the writer: bounds the memory held

_DEFLATED, _STORED_METHOD = 8, 0
_UTF8_NAME = 0x800
_DOS_DATE_1980_01_01, _DOS_TIME_MIDNIGHT = (0 << 9) | (1 << 5) | 1, 0
_UNIX_FILE_644 = (0o100644 << 16)
_MADE_BY_UNIX = (3 << 8) | 45
# Above these the classic fields overflow: they then hold the marker and Zip64 records carry the values (the
# limits are module constants, so tests can lower them).
_MAX_ENTRIES = 0xFFFF
_MAX_OFFSET = 0xFFFFFFFF
_IN_ZIP64_16, _IN_ZIP64_32 = 0xFFFF, 0xFFFFFFFF
_MAX_MEMBER = 0xFFFFFFFF  # one file of the site: far beyond any page, so without Zip64 sizes


@dataclass(frozen=True)
class _Member:
    name: bytes
    method: int
    crc: int
    size: int
    data: bytes  # as stored: compressed for deflated members

    @property
    def flags(self) -> int:
        return _UTF8_NAME if not self.name.isascii() else 0

    @property
    def version_needed(self) -> int:
        return 20 if self.method == _DEFLATED else 10


def _member(site_dir: Path, path: Path) -> _Member:
    raw = path.read_bytes()
    if len(raw) > _MAX_MEMBER:
        raise ValueError(f"{path} is larger than 4 GiB: too large for the offline zip")
    name = f"{ZIP_FOLDER}/{path.relative_to(site_dir).as_posix()}".encode("utf-8")
    crc = zlib_ng.crc32(raw)
    if path.suffix.lower() not in _STORED:
        compressor = zlib_ng.compressobj(_LEVEL, zlib_ng.DEFLATED, -15)  # raw deflate, as zip stores it
        packed = compressor.compress(raw) + compressor.flush()
        if len(packed) < len(raw):
            return _Member(name, _DEFLATED, crc, len(raw), packed)
    return _Member(name, _STORED_METHOD, crc, len(raw), raw)


def _compressed(site_dir: Path, files: list[Path]) -> Iterator[_Member]:
    """Members in the order of `files`, compressed on every core, a bounded number ahead of the writer."""
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        ahead: deque[Future[_Member]] = deque()
        for path in files:
            ahead.append(pool.submit(_member, site_dir, path))
            if len(ahead) >= _AHEAD:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()


def _write_local(out: BinaryIO, member: _Member) -> int:
    """Writes the member's local header and data; returns the bytes written."""
    header = struct.pack("<IHHHHHIIIHH", 0x04034B50, member.version_needed, member.flags, member.method,
                         _DOS_TIME_MIDNIGHT, _DOS_DATE_1980_01_01, member.crc, len(member.data), member.size,
                         len(member.name), 0)
    out.write(header)
    out.write(member.name)
    out.write(member.data)
    return len(header) + len(member.name) + len(member.data)


def _central_entry(member: _Member, offset: int) -> bytes:
    extra = b""
    if offset > _MAX_OFFSET:
        extra = struct.pack("<HHQ", 0x0001, 8, offset)  # Zip64 extended information: the offset alone
    version = 45 if extra else member.version_needed
    header = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _MADE_BY_UNIX, version, member.flags, member.method,
                         _DOS_TIME_MIDNIGHT, _DOS_DATE_1980_01_01, member.crc, len(member.data), member.size,
                         len(member.name), len(extra), 0, 0, 0, _UNIX_FILE_644,
                         _IN_ZIP64_32 if extra else offset)
    return header + member.name + extra


def _write_end(out: BinaryIO, entries: int, directory_offset: int, directory_size: int) -> None:
    zip64 = entries > _MAX_ENTRIES or directory_offset > _MAX_OFFSET or directory_size > _MAX_OFFSET
    if zip64:
        record_offset = directory_offset + directory_size
        out.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, _MADE_BY_UNIX, 45, 0, 0, entries, entries,
                              directory_size, directory_offset))
        out.write(struct.pack("<IIQI", 0x07064B50, 0, record_offset, 1))
    count = _IN_ZIP64_16 if entries > _MAX_ENTRIES else entries
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count,
                          _IN_ZIP64_32 if directory_size > _MAX_OFFSET else directory_size,
                          _IN_ZIP64_32 if directory_offset > _MAX_OFFSET else directory_offset, 0))


def write_offline_zip(site_dir: Path, name: str = OFFLINE_ZIP) -> Path:
    """Zip every file of `site_dir` (never the zip itself) into `site_dir/name`; returns its path."""
    site_dir = Path(site_dir)
    target = site_dir / name
    partial = target.with_name(target.name + ".part")
    files = sorted((p for p in site_dir.rglob("*") if p.is_file() and p not in (target, partial)),
                   key=lambda p: p.relative_to(site_dir).as_posix())
    directory = bytearray()
    offset = 0  # counted here: asking the file (`tell`) is a system call for every member
    with open(partial, "wb") as out:
        for member in _compressed(site_dir, files):
            directory += _central_entry(member, offset)
            offset += _write_local(out, member)
        out.write(directory)
        _write_end(out, len(files), offset, len(directory))
    partial.replace(target)
    return target
