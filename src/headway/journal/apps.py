from __future__ import annotations

from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "headway.journal"
    label = "journal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from headway.core.trash import RESTORED
        from headway.journal.services import entries_restored

        RESTORED["journal.entry"] = entries_restored
