from __future__ import annotations

from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "headway.opportunities"
    label = "opportunities"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from headway.network.owed import owed_register
        from headway.opportunities.selectors import owed_follow_ups

        # the network's due list shows the follow-ups openings and asks owe
        owed_register(owed_follow_ups)
