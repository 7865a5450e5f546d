"""Bring Django up for the CLI and initialise an empty data directory on first use."""

from __future__ import annotations

import gc
import hashlib
import os
import sys
from pathlib import Path

from headway.core.datadir import (
    data_dir_create,
    data_dir_private,
    file_create_private,
    file_write_private,
)

_ready = False


def django_setup(*, web: bool = True) -> None:
    """Bring Django up once per process.

    With `web=False` the app registry leaves out the apps only the web server
    uses (the admin, sessions, static files, security headers, login
    throttling), which spares a data command a fifth of its start-up.
    """
    global _ready
    if _ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    import django

    if web:
        django.setup()
    else:
        from django.apps import apps
        from django.conf import settings
        from django.utils.log import configure_logging

        # What django.setup() does, minus the web apps and the URL prefix
        # (a data command routes no URL).
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
        apps.populate(
            [a for a in settings.INSTALLED_APPS if a not in settings.WEB_APPS]
        )
    _ready = True
    collector_resume()


def every_app_loaded() -> bool:
    from django.apps import apps
    from django.conf import settings

    return len(list(apps.get_app_configs())) == len(settings.INSTALLED_APPS)


def collector_resume() -> None:
    """Turn the cyclic collector back on once start-up is over.

    `headway.main` turns it off while the CLI imports; what start-up built
    lives as long as the process, so it is frozen out of every later collection.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def schema_fingerprint() -> str:
    """Changes whenever a migration file is added or the database moves."""
    import django
    from django.conf import settings

    package = Path(__file__).resolve().parent.parent
    names = sorted(
        str(path.relative_to(package))
        for path in package.glob("*/migrations/[0-9]*.py")
    )
    seed = "|".join(
        [django.get_version(), str(settings.DATABASES["default"]["NAME"]), *names]
    )
    return hashlib.sha256(seed.encode()).hexdigest()


def initialise(*, verbose: bool = False) -> None:
    """Apply migrations. Safe to repeat. (The CLI creates the local owner: core
    knows no app, see docs/architecture.md.)"""
    from django.conf import settings
    from django.core.management import call_command

    django_setup()
    if not every_app_loaded():
        raise RuntimeError("Migrations need every app: initialise before a data setup.")
    data_dir_create(settings.DATA_DIR)
    if settings.LOCAL_MODE:
        data_dir_private(settings.DATA_DIR)
    database = str(settings.DATABASES["default"]["NAME"])
    if settings.DATABASE_IS_SQLITE and not database.startswith(("file:", ":memory:")):
        file_create_private(Path(database))
    if not schema_current():
        backup_before_upgrade()
    call_command("migrate", interactive=False, verbosity=1 if verbose else 0)
    stamp_write()


def backup_before_upgrade() -> Path | None:
    """Copy a SQLite database written by another version before migrating it.

    One copy per schema it is being upgraded to: when a migration fails half
    way and the next command tries again, the copy of the data as it was
    stays the only one.
    """
    from django.conf import settings

    from headway.core.backup import (
        BACKUP_FOLDER,
        database_backup,
        sqlite_database_file,
    )

    if not settings.DATABASE_IS_SQLITE:
        return None
    database = sqlite_database_file()
    if not database.is_file() or database.stat().st_size == 0:
        return None  # a new data directory: nothing to keep
    label = f"before-upgrade-{schema_fingerprint()[:12]}"
    if any((Path(settings.DATA_DIR) / BACKUP_FOLDER).glob(f"*-{label}.sqlite3")):
        return None
    backup = database_backup(label=label)
    sys.stderr.write(
        f"Headway is upgrading your database; a copy of it as it was: {backup}\n"
    )
    return backup


def stamp_write() -> None:
    """Record that the database matches the migrations on disk."""
    file_write_private(_stamp_path(), schema_fingerprint())


def schema_current() -> bool:
    """Whether the database is ready: migrated to the code (local mode checks
    its stamp; a server's database is migrated by whoever deploys it)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    from django.conf import settings

    if not settings.LOCAL_MODE:
        return True
    stamp = _stamp_path()
    return stamp.exists() and stamp.read_text() == schema_fingerprint()


def ensure_initialised(*, web: bool = True) -> None:
    """Set Django up, initialising a local data directory the first time.

    The stamp is read before the app registry is built, so a first run (or a
    new migration) migrates with every app even when a data command asked for
    fewer. An existing local data directory open to others is closed first.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    from django.conf import settings

    if settings.LOCAL_MODE:
        data_dir_private(settings.DATA_DIR)
    if schema_current():
        django_setup(web=web)
    else:
        initialise()


def _stamp_path() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR) / ".schema"
