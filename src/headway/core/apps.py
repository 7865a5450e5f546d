from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "headway.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from headway.core import checks  # noqa: F401 - registers the checks
