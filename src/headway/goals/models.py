"""Goals that can be checked, and their check-ins."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from headway.core.models import OwnedModel, OwnedQuerySet

STATEMENT_MAX = 1000
UNIT_MAX = 60
REASON_MAX = 1000
NOTE_MAX = 2000


class Horizon(models.TextChoices):
    SHORT = "short", "Short term"
    LONG = "long", "Long term"


class Recurrence(models.TextChoices):
    NONE = "", "Once"
    WEEK = "week", "Every week"
    MONTH = "month", "Every month"
    QUARTER = "quarter", "Every quarter"
    YEAR = "year", "Every year"


class GoalStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    ACHIEVED = "achieved", "Achieved"
    DROPPED = "dropped", "Dropped"


class Goal(OwnedModel):
    statement = models.CharField(max_length=STATEMENT_MAX)
    status = models.CharField(
        max_length=10, choices=GoalStatus.choices, default=GoalStatus.ACTIVE
    )
    horizon = models.CharField(
        max_length=5, choices=Horizon.choices, default=Horizon.SHORT
    )
    target = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=UNIT_MAX, blank=True)
    recurrence = models.CharField(
        max_length=10, choices=Recurrence.choices, default="", blank=True
    )
    due = models.DateField(null=True, blank=True)
    started_on = models.DateField(default=timezone.localdate)
    priority = models.ForeignKey(
        "growth.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    # The target-role need (a skill or an opportunity gap) this goal closes.
    need = models.ForeignKey(
        "growth.RoleNeed",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    drop_reason = models.TextField(blank=True, max_length=REASON_MAX)
    closed_on = models.DateField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return self.statement


class CheckIn(OwnedModel):
    """A dated amount of progress on a goal: how many more, with a note."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="checkins")
    checked_on = models.DateField()
    value = models.FloatField()
    note = models.TextField(blank=True, max_length=NOTE_MAX)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["checked_on", "pk"]

    def __str__(self) -> str:
        return f"{self.value:g} on {self.checked_on.isoformat()}"
