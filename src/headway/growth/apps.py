from __future__ import annotations

from django.apps import AppConfig


class GrowthConfig(AppConfig):
    name = "headway.growth"
    label = "growth"
    default_auto_field = "django.db.models.BigAutoField"
