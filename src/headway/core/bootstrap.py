"""Bring Django up for the CLI and initialise an empty data directory on first use."""

from __future__ import annotations

import gc
import hashlib
import os
from pathlib import Path
from typing import Any

_ready = False


def django_setup() -> None:
    global _ready
    if _ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    import django

    django.setup()
    _ready = True
    collector_resume()


def collector_resume() -> None:
    """Turn the cyclic collector back on once start-up is over.

    The CLI turns it off while it imports; what start-up built lives as long
    as the process, so it is frozen out of every later collection.
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


def initialise(*, verbose: bool = False) -> Any:
    """Apply migrations and, in local mode, create the owner. Safe to repeat."""
    from django.conf import settings
    from django.core.management import call_command

    django_setup()
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=1 if verbose else 0)
    owner = None
    if settings.LOCAL_MODE:
        from headway.accounts.services import owner_ensure

        owner = owner_ensure()
    stamp_write()
    return owner


def stamp_write() -> None:
    """Record that the database matches the migrations on disk."""
    path = _stamp_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_fingerprint())


def ensure_initialised() -> None:
    """Initialise a local data directory the first time any command touches it."""
    from django.conf import settings

    django_setup()
    if not settings.LOCAL_MODE:
        return
    stamp = _stamp_path()
    if stamp.exists() and stamp.read_text() == schema_fingerprint():
        return
    initialise()


def _stamp_path() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR) / ".schema"
