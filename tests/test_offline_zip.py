"""The offline zip, written by our own small zip writer: read back by `zipfile` and by Info-ZIP's `unzip`."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from partnerschaftsarchiv.publishing import offline_zip
from partnerschaftsarchiv.publishing.offline_zip import OFFLINE_ZIP, write_offline_zip

UNZIP = shutil.which("unzip")


def _site(root: Path) -> dict[str, bytes]:
    files = {
        "index.html": b"<!doctype html><title>x</title>" + b"<p>Partnerschaft</p>" * 500,
        "de/seminars/2017-06-moskau.html": "<p>Sozialseminar in Moskau, Ёлка</p>".encode() * 300,
        "ru/поиск/индекс.json": "{\"слово\": 1}".encode() * 50,  # a name beyond ASCII
        "de/assets/logo.png": os.urandom(3000),  # stored: compressed already
        "de/assets/noise.bin": os.urandom(5000),  # stored: deflate would make it larger
        "de/empty.txt": b"",
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def _check(path: Path, files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        infos = {info.filename: info for info in archive.infolist()}
        assert set(infos) == {f"partnerschaftsarchiv/{name}" for name in files}
        for name, data in files.items():
            info = infos[f"partnerschaftsarchiv/{name}"]
            assert archive.read(info) == data
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert (info.external_attr >> 16) & 0o777 == 0o644
        assert infos["partnerschaftsarchiv/index.html"].compress_type == zipfile.ZIP_DEFLATED
        assert infos["partnerschaftsarchiv/index.html"].compress_size < len(files["index.html"]) // 10
        assert infos["partnerschaftsarchiv/de/assets/logo.png"].compress_type == zipfile.ZIP_STORED
        assert infos["partnerschaftsarchiv/de/assets/noise.bin"].compress_type == zipfile.ZIP_STORED
    if UNZIP:
        tested = subprocess.run([UNZIP, "-t", str(path)], capture_output=True, text=True)
        assert tested.returncode == 0 and "No errors detected" in tested.stdout, tested.stdout + tested.stderr


def test_the_zip_reads_back_whole_and_never_holds_itself(tmp_path):
    files = _site(tmp_path)
    (tmp_path / f"{OFFLINE_ZIP}.part").write_bytes(b"left over from a failed run")
    path = write_offline_zip(tmp_path)
    assert path == tmp_path / OFFLINE_ZIP and not (tmp_path / f"{OFFLINE_ZIP}.part").exists()
    assert b"PK\x06\x06" not in path.read_bytes()  # no Zip64 records where none are needed
    _check(path, files)
    write_offline_zip(tmp_path)  # again, with the first zip in the folder
    _check(path, files)


def test_the_same_site_gives_the_same_zip(tmp_path):
    _site(tmp_path / "a")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    os.utime(tmp_path / "b" / "index.html", (0, 0))
    assert write_offline_zip(tmp_path / "a").read_bytes() == write_offline_zip(tmp_path / "b").read_bytes()


def test_zip64_records_where_counts_and_offsets_overflow(tmp_path, monkeypatch):
    """Archives of more than 65,535 files or 4 GiB: the same records, with the limits lowered to reach them."""
    monkeypatch.setattr(offline_zip, "_MAX_ENTRIES", 3)
    monkeypatch.setattr(offline_zip, "_MAX_OFFSET", 2000)
    files = _site(tmp_path)
    path = write_offline_zip(tmp_path)
    assert path.stat().st_size > 2000
    assert b"PK\x06\x06" in path.read_bytes() and b"PK\x06\x07" in path.read_bytes()  # Zip64 end and locator
    _check(path, files)


@pytest.mark.skipif(UNZIP is None, reason="Info-ZIP unzip is not installed (.ci/run installs it)")
def test_unzip_extracts_the_site_with_its_names(tmp_path):
    files = _site(tmp_path / "site")
    path = write_offline_zip(tmp_path / "site")
    subprocess.run([UNZIP, "-q", str(path), "-d", str(tmp_path / "out")], check=True)
    for name, data in files.items():
        assert (tmp_path / "out" / "partnerschaftsarchiv" / name).read_bytes() == data
