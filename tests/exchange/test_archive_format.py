"""The archive file format: written the same every time, read only when sound."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import Any

import pytest

from headway.exchange.archive import (
    VERSION,
    ArchiveError,
    archive_read,
    archive_write,
    dumps,
    member_name_safe,
)

BLOB = b"slide deck bytes"
DIGEST = hashlib.sha256(BLOB).hexdigest()
DATA = {"models": {"goals.goal": [{"id": 1, "statement": "Ship it"}]}}


def written(data: Any = DATA, samples: Any = None) -> bytes:
    buffer = io.BytesIO()
    pairs = [(DIGEST, lambda: io.BytesIO(BLOB))] if samples is None else samples
    archive_write(buffer, data=data, samples=pairs, notes=["tokens are left out"])
    return buffer.getvalue()


def rebuilt(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def members_of(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def manifest_for(members: dict[str, bytes], **extra: Any) -> bytes:
    sums = {name: hashlib.sha256(body).hexdigest() for name, body in members.items()}
    return dumps(
        {"format": "headway-archive", "version": VERSION, "sha256": sums, **extra}
    )


def test_two_writes_of_the_same_data_are_the_same_bytes() -> None:
    assert written() == written()


def test_a_written_archive_reads_back_with_its_data_and_samples() -> None:
    with archive_read(io.BytesIO(written())) as reader:
        assert reader.data["models"] == DATA["models"]
        assert reader.data["version"] == VERSION
        assert reader.samples == {DIGEST}
        assert reader.open_sample(DIGEST).read() == BLOB
        assert reader.manifest["notes"] == ["tokens are left out"]
        assert set(reader.manifest["sha256"]) == {"data.json", f"samples/{DIGEST}"}


def test_members_are_private_files_with_a_fixed_date() -> None:
    with zipfile.ZipFile(io.BytesIO(written())) as opened:
        for info in opened.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert (info.external_attr >> 16) & 0o777 == 0o600


def test_a_file_that_is_not_a_zip_is_refused() -> None:
    with pytest.raises(ArchiveError, match=r"not a readable zip"):
        archive_read(io.BytesIO(b"PK\x03\x04 not really a zip"))


def test_a_truncated_zip_is_refused() -> None:
    whole = written()
    with pytest.raises(ArchiveError):
        archive_read(io.BytesIO(whole[: len(whole) // 2]))


def test_a_zip_without_a_manifest_is_refused() -> None:
    members = members_of(written())
    del members["manifest.json"]
    with pytest.raises(ArchiveError, match=r"no manifest"):
        archive_read(io.BytesIO(rebuilt(members)))


def test_an_archive_of_a_newer_format_names_both_versions() -> None:
    members = members_of(written())
    del members["manifest.json"]
    members["manifest.json"] = json.dumps(
        {"format": "headway-archive", "version": VERSION + 1, "sha256": {}}
    ).encode()
    with pytest.raises(ArchiveError, match=rf"format {VERSION + 1}.*newer Headway"):
        archive_read(io.BytesIO(rebuilt(members)))


@pytest.mark.parametrize(
    "name", ["../evil.txt", "/etc/passwd", "samples/../../x", "C:/x", "a\\..\\b"]
)
def test_a_member_named_outside_the_archive_is_refused(name: str) -> None:
    members = members_of(written())
    del members["manifest.json"]
    members[name] = b"payload"
    members["manifest.json"] = manifest_for(members)
    with pytest.raises(ArchiveError, match=r"outside its folder"):
        archive_read(io.BytesIO(rebuilt(members)))


def test_a_member_whose_digest_does_not_match_is_refused() -> None:
    members = members_of(written())
    members["data.json"] = members["data.json"].replace(b"Ship it", b"Ship IT")
    with pytest.raises(ArchiveError, match=r"data.json does not match its SHA-256"):
        archive_read(io.BytesIO(rebuilt(members)))


def test_a_sample_not_named_by_its_digest_is_refused() -> None:
    other = hashlib.sha256(b"other").hexdigest()
    members = members_of(written())
    del members["manifest.json"]
    members[f"samples/{other}"] = members.pop(f"samples/{DIGEST}")
    members["manifest.json"] = manifest_for(members)
    with pytest.raises(ArchiveError, match=r"not named by its SHA-256"):
        archive_read(io.BytesIO(rebuilt(members)))


def test_a_member_missing_from_the_manifest_is_refused() -> None:
    members = members_of(written())
    members["extra.json"] = b"{}"
    with pytest.raises(ArchiveError, match=r"extra.json is in the archive but not"):
        archive_read(io.BytesIO(rebuilt(members)))


def test_too_many_members_or_bytes_are_refused_before_unpacking() -> None:
    archive = written()
    with pytest.raises(ArchiveError, match=r"members; the limit is 2"):
        archive_read(io.BytesIO(archive), max_members=2)
    with pytest.raises(ArchiveError, match=r"unpacks to .* the limit is 100"):
        archive_read(io.BytesIO(archive), max_total_bytes=100)


def test_a_zip_bomb_is_refused_by_its_declared_size() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", b"\0" * (20 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100_000
    with pytest.raises(ArchiveError, match=r"unpacks to"):
        archive_read(io.BytesIO(buffer.getvalue()), max_total_bytes=10 * 1024 * 1024)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("data.json", True),
        (f"samples/{DIGEST}", True),
        ("", False),
        ("./data.json", False),
        ("samples//x", False),
        ("..", False),
    ],
)
def test_member_names_are_safe_only_inside_the_folder(name: str, safe: bool) -> None:
    assert member_name_safe(name) is safe


def test_a_member_whose_compressed_bytes_are_damaged_is_refused() -> None:
    whole = bytearray(written(data={"models": {"x": ["word " * 2000]}}))
    start = whole.index(b"data.json") + len("data.json")
    whole[start + 20 : start + 60] = b"\xff" * 40
    with pytest.raises(ArchiveError, match=r"corrupted|not a readable zip|damaged"):
        archive_read(io.BytesIO(bytes(whole)))
