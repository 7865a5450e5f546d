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


SQLITE_MAGIC = b"SQLite format 3\x00"


def backup_default_path() -> Path:
    """Where `headway backup` writes without -o: the data directory's backups."""
    from django.conf import settings

    folder = Path(settings.DATA_DIR) / BACKUP_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    when = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    suffix = ".sqlite3" if settings.DATABASE_IS_SQLITE else ".pgdump"
    return folder / f"headway-{when}{suffix}"


def backup_make(*, destination: Path | None = None) -> Path:
    """A consistent copy of the live database: SQLite's online backup API, or
    `pg_dump` (custom format) for PostgreSQL. Never overwrites a file."""
    from django.conf import settings

    destination = destination or backup_default_path()
    if destination.exists():
        raise HeadwayError(f"{destination} exists; name a new file with -o.")
    if settings.DATABASE_IS_SQLITE:
        return sqlite_backup(source=sqlite_database_file(), destination=destination)
    os.close(os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        _postgres_tool(
            "pg_dump", "--format=custom", "--no-owner", f"--file={destination}"
        )
    except BaseException:
        destination.unlink(missing_ok=True)
        raise
    return destination


def restore_from(*, source: Path) -> Path | None:
    """Put a backup back in place of the live database.

    SQLite: the file is checked (a SQLite database, intact, made by Headway, by
    this version or an older one), the current database is first copied to
    `backups/` (returned), then SQLite's backup API writes the file's pages
    into the live database, so open connections see the restored data.
    PostgreSQL: `pg_restore --clean` into the configured database.
    Run `headway init` (migrate) afterwards when the backup is older.
    """
    from django.conf import settings

    if not source.is_file():
        raise HeadwayError(f"No file {source}.")
    if not settings.DATABASE_IS_SQLITE:
        with source.open("rb") as handle:
            custom_format = handle.read(5) == b"PGDMP"
        if not custom_format:
            raise HeadwayError(f"{source} is not a pg_dump file (custom format).")
        _postgres_tool(
            "pg_restore", "--clean", "--if-exists", "--no-owner", str(source)
        )
        return None
    _sqlite_backup_check(source)
    before = database_backup(label="before-restore")
    with (
        closing(
            sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        ) as copy,
        closing(sqlite3.connect(sqlite_database_file(), timeout=30)) as live,
    ):
        copy.backup(live)
    return before


def _sqlite_backup_check(source: Path) -> None:
    with source.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise HeadwayError(f"{source} is not a SQLite database; nothing restored.")
    uri = f"{source.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as copy:
        try:
            (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
            applied = {
                (app, name)
                for app, name in copy.execute("SELECT app, name FROM django_migrations")
            }
        except sqlite3.DatabaseError as error:
            raise HeadwayError(
                f"{source} is not a Headway backup ({error}); nothing restored."
            ) from None
    if verdict != "ok":
        raise HeadwayError(f"{source} is damaged ({verdict}); nothing restored.")
    unknown = applied - _migrations_known()
    if unknown:
        app, name = sorted(unknown)[0]
        raise HeadwayError(
            f"{source} was made by a newer Headway (migration {app}.{name} is "
            "unknown here); upgrade Headway first. Nothing restored."
        )


def _migrations_known() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def _postgres_tool(tool: str, *arguments: str) -> None:
    """Run pg_dump or pg_restore against the configured database; the password
    goes through the environment, never the command line."""
    import shutil
    import subprocess

    from django.conf import settings

    program = shutil.which(tool)
    if program is None:
        raise HeadwayError(f"{tool} is not installed (PostgreSQL's client tools).")
    database = settings.DATABASES["default"]
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = str(database["PASSWORD"])
    connection = [
        f"--dbname={database['NAME']}",
        *([f"--host={database['HOST']}"] if database.get("HOST") else []),
        *([f"--port={database['PORT']}"] if database.get("PORT") else []),
        *([f"--username={database['USER']}"] if database.get("USER") else []),
    ]
    finished = subprocess.run(
        [program, *connection, *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        last = (finished.stderr.strip().splitlines() or ["no message"])[-1]
        raise HeadwayError(f"{tool} failed: {last}")
