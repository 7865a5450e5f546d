"""The local data directory is the owner's alone: 0700, every file in it 0600."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite_file

HEADWAY = [sys.executable, "-m", "headway"]


def headway(data: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [*HEADWAY, *arguments],
        env=env | {"HEADWAY_DATA_DIR": str(data), "HEADWAY_WARM": "0"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.umask(0o022),  # the usual umask
    )


def modes(data: Path) -> dict[str, int]:
    found = {".": data.stat().st_mode & 0o777}
    for path in data.rglob("*"):
        found[str(path.relative_to(data))] = path.stat().st_mode & 0o777
    return found


def test_a_new_data_directory_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = headway(data, "log", "Moved the billing jobs to the new queue")
    assert result.returncode == 0, result.stderr
    found = modes(data)
    assert "headway.sqlite3" in found
    assert "secret_key" in found
    assert {
        name: mode
        for name, mode in found.items()
        if mode != (0o700 if (data / name).is_dir() else 0o600)
    } == {}


def test_an_existing_data_directory_open_to_others_is_closed_with_a_note(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    headway(data, "log", "First entry")
    data.chmod(0o755)
    for path in data.iterdir():
        if path.is_file():
            path.chmod(0o644)
    result = headway(data, "entries")
    assert result.returncode == 0, result.stderr
    assert "First entry" in result.stdout
    assert f"{data}" in result.stderr
    assert "owner" in result.stderr
    assert {mode for name, mode in modes(data).items()} <= {0o700, 0o600}
    again = headway(data, "entries")
    assert again.stderr == ""


def test_init_closes_an_open_data_directory_too(tmp_path: Path) -> None:
    data = tmp_path / "data"
    headway(data, "log", "First entry")
    data.chmod(0o755)
    result = headway(data, "init")
    assert result.returncode == 0, result.stderr
    assert "owner" in result.stderr
    assert data.stat().st_mode & 0o777 == 0o700
