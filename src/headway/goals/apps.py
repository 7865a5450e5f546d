from __future__ import annotations

from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "headway.goals"
    label = "goals"
    default_auto_field = "django.db.models.BigAutoField"
