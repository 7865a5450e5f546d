from __future__ import annotations

from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "headway.opportunities"
    label = "opportunities"
    default_auto_field = "django.db.models.BigAutoField"
