from __future__ import annotations

from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "headway.network"
    label = "network"
    default_auto_field = "django.db.models.BigAutoField"
