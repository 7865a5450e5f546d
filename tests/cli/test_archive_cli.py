"""`headway export archive` and `headway import archive` through Typer's runner."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.goals.models import Goal
from headway.journal.models import Entry, WorkSample
from tests.reviews.archive_data import data_of, export_bytes, fill

runner = CliRunner()


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def umask() -> Iterator[Any]:
    """Set a umask for one test and put the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield os.umask
    os.umask(old)


def run(*args: str) -> Any:
    from headway.cli import app

    return runner.invoke(app, list(args))


def bobs_archive(bob: Any, tmp_path: Path, media: Path) -> Path:
    """Bob's archive on disk, and an instance without his rows or files."""
    fill(bob)
    path = tmp_path / "bob.zip"
    path.write_bytes(export_bytes(bob))
    bob.delete()
    for blob in media.rglob("*"):
        if blob.is_file():
            blob.unlink()
    return path


def test_export_writes_an_archive_only_the_owner_can_read(
    alice: Any, tmp_path: Path, umask: Any
) -> None:
    fill(alice)
    umask(0)
    target = tmp_path / "all.zip"
    target.write_bytes(b"old")
    target.chmod(0o644)
    result = run("export", "archive", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "sample file(s)" in result.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert zipfile.ZipFile(target).testzip() is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".all")] == []


def test_export_narrows_the_mode_further_with_the_callers_umask(
    alice: Any, tmp_path: Path, umask: Any
) -> None:
    umask(0o277)
    target = tmp_path / "all.zip"
    assert run("export", "archive", "-o", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o400


def test_export_json_counts_rows_and_files(alice: Any, tmp_path: Path) -> None:
    fill(alice)
    result = run("export", "archive", "-o", str(tmp_path / "a.zip"), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["files"] == 1
    assert report["rows"]["journal.entry"] == 1


def test_import_restores_into_an_empty_instance_and_exports_the_same(
    alice: Any, bob: Any, tmp_path: Path, media: Path
) -> None:
    path = bobs_archive(bob, tmp_path, media)
    result = run("import", "archive", str(path))
    assert result.exit_code == 0, result.output
    assert "1 sample file(s) stored" in result.stdout
    again = tmp_path / "again.zip"
    assert run("export", "archive", "-o", str(again)).exit_code == 0
    assert again.read_bytes() == path.read_bytes()


def test_import_into_data_you_have_needs_merge_and_merge_never_doubles(
    alice: Any, bob: Any, tmp_path: Path, media: Path
) -> None:
    path = bobs_archive(bob, tmp_path, media)
    Goal.objects.create(owner=alice, statement="Alice's own goal")
    refused = run("import", "archive", str(path))
    assert refused.exit_code == 1
    assert "--merge" in refused.stderr
    assert not Entry.objects.filter(owner=alice).exists()
    assert run("import", "archive", str(path), "--merge").exit_code == 0
    before = data_of(export_bytes(alice))
    second = run("import", "archive", str(path), "--merge", "--json")
    assert json.loads(second.stdout)["created"] == {}
    assert data_of(export_bytes(alice)) == before
    assert Goal.objects.filter(owner=alice).count() == 2


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def _corrupted(members: dict[str, bytes], whole: bytes) -> bytes:
    return whole[:200] + b"\0" * 50 + whole[250:]


def _newer(members: dict[str, bytes], whole: bytes) -> bytes:
    manifest = json.loads(members["manifest.json"])
    manifest["version"] = 99
    return _zip({**members, "manifest.json": json.dumps(manifest).encode()})


def _escaping(members: dict[str, bytes], whole: bytes) -> bytes:
    return _zip({"../../escape.txt": b"x", **members})


def _absolute(members: dict[str, bytes], whole: bytes) -> bytes:
    return _zip({"/tmp/escape.txt": b"x", **members})


def _tampered(members: dict[str, bytes], whole: bytes) -> bytes:
    data = members["data.json"].replace(b"Platform", b"Plotform")
    return _zip({**members, "data.json": data})


def _no_manifest(members: dict[str, bytes], whole: bytes) -> bytes:
    return _zip({k: v for k, v in members.items() if k != "manifest.json"})


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_corrupted, "zip"),
        (_newer, "format 99, made by a newer Headway"),
        (_escaping, "outside its folder"),
        (_absolute, "outside its folder"),
        (_tampered, "does not match its SHA-256"),
        (_no_manifest, "no manifest.json"),
    ],
)
def test_a_bad_archive_is_one_clear_line_and_nothing_is_written(
    alice: Any, bob: Any, tmp_path: Path, media: Path, spoil: Any, message: str
) -> None:
    path = bobs_archive(bob, tmp_path, media)
    path.write_bytes(spoil(_members(path), path.read_bytes()))
    result = run("import", "archive", str(path))
    assert result.exit_code == 1
    # The one line, after the first run's welcome (a new data folder).
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("headway: Nothing imported:")
    assert message in last
    assert not Entry.objects.exists()
    assert not WorkSample.objects.exists()
    assert [p for p in media.rglob("*") if p.is_file()] == []
    assert not (tmp_path.parent / "escape.txt").exists()


def test_import_of_a_missing_file_says_so(alice: Any, tmp_path: Path) -> None:
    result = run("import", "archive", str(tmp_path / "nope.zip"))
    assert result.exit_code == 1
    assert "No file at" in result.stderr
