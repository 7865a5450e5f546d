"""SQLite's online backup into a new file only its owner can read."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from headway.core.backup import database_backup, sqlite_backup
from headway.core.bootstrap import backup_before_upgrade
from headway.core.errors import HeadwayError


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "headway.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE entry (title TEXT)")
        connection.execute("INSERT INTO entry VALUES ('Shipped it')")
    return path


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("open_umask")
def test_a_backup_is_mode_0600_even_under_an_open_umask(
    database: Path, tmp_path: Path
) -> None:
    backup = sqlite_backup(source=database, destination=tmp_path / "copy.sqlite3")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_a_backup_holds_what_was_committed_even_in_the_write_ahead_log(
    database: Path, tmp_path: Path
) -> None:
    writer = sqlite3.connect(database)
    writer.execute("PRAGMA wal_autocheckpoint=0")  # keep the row in the WAL only
    writer.execute("INSERT INTO entry VALUES ('Gave a talk')")
    writer.commit()
    backup = sqlite_backup(source=database, destination=tmp_path / "copy.sqlite3")
    writer.close()
    with sqlite3.connect(backup) as copy:
        rows = copy.execute("SELECT title FROM entry ORDER BY rowid").fetchall()
    assert rows == [("Shipped it",), ("Gave a talk",)]


def test_a_backup_is_one_file_that_opens_without_files_beside_it(
    database: Path, tmp_path: Path
) -> None:
    backup = sqlite_backup(source=database, destination=tmp_path / "copy.sqlite3")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        copy.execute("SELECT count(*) FROM entry").fetchone()
    assert sorted(p.name for p in tmp_path.glob("copy*")) == ["copy.sqlite3"]


def test_a_backup_never_overwrites_a_file(database: Path, tmp_path: Path) -> None:
    existing = tmp_path / "copy.sqlite3"
    existing.write_text("keep me")
    with pytest.raises(FileExistsError):
        sqlite_backup(source=database, destination=existing)
    assert existing.read_text() == "keep me"


def test_a_missing_database_is_an_error_and_leaves_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        sqlite_backup(source=missing, destination=tmp_path / "copy.sqlite3")
    assert not missing.exists()
    assert not (tmp_path / "copy.sqlite3").exists()


def test_backing_up_another_database_names_its_own_tool(settings: Any) -> None:
    settings.DATABASE_IS_SQLITE = False
    with pytest.raises(HeadwayError, match="pg_dump"):
        database_backup(label="by-hand")


def test_an_upgrade_of_another_database_takes_no_backup(settings: Any) -> None:
    # A server's database is migrated, and backed up, by whoever deploys it.
    settings.DATABASE_IS_SQLITE = False
    assert backup_before_upgrade() is None
