"""Headway's own deployment checks, beside Django's (`headway check`).

Registered as Django system checks tagged "headway", so `manage.py check
--deploy` runs them too. Each names what is wrong and the setting that fixes it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_CHARACTERS = 5
WEAK_SECRET_PREFIXES = ("django-insecure", "insecure", "changeme", "secret")


@register("headway", deploy=True)
def headway_deploy_checks(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    messages += secret_key_checks(str(settings.SECRET_KEY))
    messages += file_mode_checks(Path(settings.DATA_DIR))
    if not settings.LOCAL_MODE:
        messages += server_checks()
    return messages


def secret_key_checks(key: str) -> list[CheckMessage]:
    weak = (
        len(key) < SECRET_KEY_MIN_LENGTH
        or len(set(key)) < SECRET_KEY_MIN_CHARACTERS
        or key.lower().startswith(WEAK_SECRET_PREFIXES)
    )
    if not weak:
        return []
    return [
        Error(
            f"HEADWAY_SECRET_KEY is weak (at least {SECRET_KEY_MIN_LENGTH} "
            "random characters, not a placeholder).",
            hint='Make one: python -c "import secrets; '
            'print(secrets.token_urlsafe(50))"',
            id="headway.E001",
        )
    ]


def server_checks() -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    if settings.DEBUG:
        messages.append(
            Error(
                "HEADWAY_DEBUG is on in server mode: error pages would show "
                "settings and data to anyone.",
                hint="Unset HEADWAY_DEBUG (or set it to 0).",
                id="headway.E002",
            )
        )
    if settings.DATABASE_IS_SQLITE:
        messages.append(
            Error(
                "Server mode runs on PostgreSQL; DATABASE_URL names SQLite or "
                "is unset.",
                hint="Set DATABASE_URL=postgresql://user:password@host/db.",
                id="headway.E003",
            )
        )
    if not settings.ALLOWED_HOSTS:
        messages.append(
            Error(
                "HEADWAY_ALLOWED_HOSTS is empty: every request would be refused.",
                hint="Set HEADWAY_ALLOWED_HOSTS=headway.example.org.",
                id="headway.E004",
            )
        )
    if not (settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE):
        messages.append(
            Error(
                "Cookies may travel without HTTPS.",
                hint="Server mode sets SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE; "
                "do not override them.",
                id="headway.E005",
            )
        )
    if not settings.SECURE_SSL_REDIRECT:
        messages.append(
            Warning(
                "HEADWAY_SSL_REDIRECT=0: plain-HTTP requests are served, not "
                "redirected to HTTPS.",
                hint="Fine only when the reverse proxy redirects HTTP itself.",
                id="headway.W006",
            )
        )
    if not settings.BASE_URL.startswith("https://"):
        messages.append(
            Warning(
                f"HEADWAY_PUBLIC_URL is {settings.BASE_URL!r}: invitation links "
                "would not use HTTPS.",
                hint="Set HEADWAY_PUBLIC_URL=https://headway.example.org.",
                id="headway.W007",
            )
        )
    return messages


def file_mode_checks(data_dir: Path) -> list[CheckMessage]:
    """Anything in the data directory that others on the machine could read."""
    if not data_dir.is_dir():
        return []
    # Collected static files (server mode) are public by nature.
    static = data_dir / "static"
    open_paths = [
        path
        for path in _walk(data_dir)
        if path != static and static not in path.parents and _open_to_others(path)
    ]
    if not open_paths:
        return []
    shown = ", ".join(str(path) for path in open_paths[:3])
    more = f" and {len(open_paths) - 3} more" if len(open_paths) > 3 else ""
    return [
        Error(
            f"Other users of this machine can read the data directory: {shown}{more}.",
            hint=f"chmod -R go-rwx {data_dir} (any local `headway` command "
            "also fixes it).",
            id="headway.E008",
        )
    ]


def _walk(root: Path) -> Iterable[Path]:
    yield root
    for folder, folders, files in os.walk(root):
        for name in (*folders, *files):
            yield Path(folder, name)


def _open_to_others(path: Path) -> bool:
    try:
        mode = path.lstat().st_mode
    except OSError:
        return False
    if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
        return False
    return stat.S_IMODE(mode) & 0o077 != 0
