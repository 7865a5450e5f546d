from __future__ import annotations

from django.apps import AppConfig


class SharingConfig(AppConfig):
    """Shares: goals and evidence shown read-only to a user or by a secret link.

    The rows live in `accounts` (Share, ShareComment) since the first schema;
    the code that reads goals and the log to show them lives here, above them.
    """

    name = "headway.sharing"
    label = "sharing"
    default_auto_field = "django.db.models.BigAutoField"
