"""Who the CLI acts for: the local owner, or `--user` in server mode."""

from __future__ import annotations

import os
import sys
from typing import Any

from headway.core.bootstrap import ensure_initialised, schema_current

WELCOME = (
    "Welcome to Headway: your data lives in {where}.\n"
    "`headway serve` opens the web app with a guided start (your priorities, a "
    "first goal, a first accomplishment); `headway --help` lists every command."
)


def first_run() -> bool:
    """No local database yet: this command is the owner's first."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
    from django.conf import settings

    if not settings.LOCAL_MODE or schema_current():
        return False
    return not os.path.exists(str(settings.DATABASES["default"]["NAME"]))


def current_owner() -> Any:
    """Set Django up for data, initialise on first use, return the acting user."""
    # A welcome is for a person at a terminal, not for a script reading stderr.
    welcome = sys.stderr.isatty() and first_run()
    ensure_initialised(web=False)
    from django.conf import settings

    if welcome:
        where = settings.DATA_DIR
        print(WELCOME.format(where=where), file=sys.stderr)
    from django.contrib.auth import get_user_model

    from headway.accounts.services import owner_ensure
    from headway.core.errors import HeadwayError

    name = os.environ.get("HEADWAY_USER", "").strip()
    if settings.LOCAL_MODE and not name:
        return owner_ensure()
    if not name:
        raise HeadwayError(
            "Server mode needs --user NAME (or HEADWAY_USER) to know whose data to use."
        )
    user = get_user_model().objects.filter(username=name, is_active=True).first()
    if user is None:
        raise HeadwayError(
            f"No user named {name!r}; `headway user add {name}` creates one."
        )
    return user
