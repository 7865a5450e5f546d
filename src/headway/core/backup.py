"""Copies of the SQLite database, taken with SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from headway.core.errors import HeadwayError

BACKUP_FOLDER = "backups"


def sqlite_backup(*, source: Path, destination: Path) -> Path:
    """Copy a live SQLite database into a new file that only its owner can read.

    The online backup API copies a consistent snapshot even while the web app
    or another command writes, which copying the file (and its write-ahead
    log) would not. The destination must not exist yet; a failed copy leaves
    no file behind.
    """
    # Created empty with mode 0600 before SQLite opens it, so that the copy of
    # a private database is never readable by others, whatever the umask.
    os.close(os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        # mode=rw: a missing source is an error, never a new empty database.
        uri = f"{source.resolve().as_uri()}?mode=rw"
        with (
            closing(sqlite3.connect(uri, uri=True)) as original,
            closing(sqlite3.connect(destination)) as copy,
        ):
            original.backup(copy)
            # One self-contained file: a copy of a WAL database is in WAL mode
            # too, and would grow -wal and -shm files beside it when opened.
            copy.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        destination.unlink(missing_ok=True)
        raise
    return destination


def database_backup(*, label: str) -> Path:
    """Back the SQLite database up into `<data dir>/backups/`; return the file.

    The name says when (UTC) and why: `headway-20261203T153000Z-<label>.sqlite3`.
    """
    from django.conf import settings

    source = sqlite_database_file()
    folder = Path(settings.DATA_DIR) / BACKUP_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    when = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    stem = f"{source.stem}-{when}-{label}"
    for attempt in range(1, 100):
        name = f"{stem}.sqlite3" if attempt == 1 else f"{stem}-{attempt}.sqlite3"
        try:
            return sqlite_backup(source=source, destination=folder / name)
        except FileExistsError:
            continue
    raise HeadwayError(f"Could not name a new backup in {folder}: clear it out.")


def sqlite_database_file() -> Path:
    """The SQLite database's file; an error on any other database."""
    from django.conf import settings

    if not settings.DATABASE_IS_SQLITE:
        raise HeadwayError(
            "Only a SQLite database can be backed up by Headway; "
            "use your database's own tools (pg_dump) for PostgreSQL."
        )
    return Path(str(settings.DATABASES["default"]["NAME"]))
