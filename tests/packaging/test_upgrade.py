"""A data directory written by an older Headway: backed up, then migrated."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def headway(data_dir: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "headway", *arguments],
        env=env | {"HEADWAY_DATA_DIR": str(data_dir), "HEADWAY_WARM": "0"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def titles(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT title FROM journal_entry ORDER BY id")
        return [title for (title,) in rows]


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Data logged by one version, then the first command of a newer one."""
    data_dir = tmp_path_factory.mktemp("upgrade") / "headway"
    first = headway(data_dir, "log", "Shipped the first release")
    assert first.returncode == 0, first.stderr
    assert "backup" not in first.stderr.lower()  # a first run has no past
    assert not (data_dir / "backups").exists(), "a new data directory has no past"
    # What an older version leaves: its own schema stamp.
    (data_dir / ".schema").write_text("stamp of an older Headway")
    result = headway(data_dir, "entries", "--json")
    assert result.returncode == 0, result.stderr
    assert [e["title"] for e in json.loads(result.stdout)] == [
        "Shipped the first release"
    ]
    assert "a copy of it as it was" in result.stderr
    return data_dir


def test_the_first_command_after_an_upgrade_backs_the_database_up(
    upgraded: Path,
) -> None:
    (backup,) = (upgraded / "backups").glob("headway-*-before-upgrade-*.sqlite3")
    assert titles(backup) == ["Shipped the first release"]


def test_the_backup_is_readable_by_its_owner_only(upgraded: Path) -> None:
    for backup in (upgraded / "backups").iterdir():
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE((upgraded / "backups").stat().st_mode) == 0o700


def test_the_upgraded_database_keeps_the_data_and_is_current(upgraded: Path) -> None:
    assert titles(upgraded / "headway.sqlite3") == ["Shipped the first release"]
    result = headway(upgraded, "entries", "--json")
    assert result.returncode == 0
    assert result.stderr == ""  # no second upgrade, so no second backup


def test_a_retried_upgrade_keeps_the_first_backup_only(upgraded: Path) -> None:
    # A migration that failed half way leaves the stamp old; the retry must not
    # replace the copy of the data as it was with a half-migrated one.
    (upgraded / ".schema").write_text("stamp of an older Headway")
    assert headway(upgraded, "entries").returncode == 0
    assert len(list((upgraded / "backups").iterdir())) == 1
