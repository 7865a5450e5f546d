"""Goals that can be checked, and their check-ins."""

from __future__ import annotations

from django.db import models

from headway.core.models import OwnedModel, OwnedQuerySet

STATEMENT_MAX = 1000


class GoalStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    ACHIEVED = "achieved", "Achieved"
    DROPPED = "dropped", "Dropped"


class Goal(OwnedModel):
    statement = models.CharField(max_length=STATEMENT_MAX)
    status = models.CharField(
        max_length=10, choices=GoalStatus.choices, default=GoalStatus.ACTIVE
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return self.statement
