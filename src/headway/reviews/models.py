"""The rhythm: cadences and their last-done dates, agenda items settled or
put off, and how far a new owner has come through the guided start."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from headway.coach.periods import Period
from headway.core.models import OwnedModel, OwnedQuerySet

AGENDA_KEY_MAX = 60


class CadenceKind(models.TextChoices):
    WEEKLY = "weekly", "Weekly check-in"
    MANAGER = "manager", "1:1 with your manager"
    QUARTERLY = "quarterly", "Quarterly review"
    YEARLY = "yearly", "Yearly review"
    MENTOR = "mentor", "Mentor update"


# Defaults in days; the mentor update's interval is the network's own
# preference (`mentor_update_days`), kept in one place.
DEFAULT_EVERY_DAYS = {
    CadenceKind.WEEKLY: 7,
    CadenceKind.MANAGER: 14,
    CadenceKind.QUARTERLY: 91,
    CadenceKind.YEARLY: 365,
}


class Cadence(OwnedModel):
    """One rhythm of the owner's; made on first use with its default."""

    kind = models.CharField(max_length=20, choices=CadenceKind.choices)
    # Null switches the rhythm off.
    every_days = models.PositiveIntegerField(null=True, blank=True)
    last_done = models.DateField(null=True, blank=True)
    started_on = models.DateField(default=timezone.localdate)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind"], name="cadence_one_per_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=CadenceKind.values),
                name="cadence_kind_known",
            ),
        ]

    def __str__(self) -> str:
        every = f"every {self.every_days} days" if self.every_days else "off"
        return f"{self.get_kind_display()} ({every})"


class AgendaMark(OwnedModel):
    """An agenda item the owner settled ("done") or put off until a date."""

    key = models.CharField(max_length=AGENDA_KEY_MAX)
    done_on = models.DateField(null=True, blank=True)
    snoozed_until = models.DateField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "key"], name="agenda_mark_one_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key}: {'done' if self.done_on else 'later'}"


class OnboardingStep(models.TextChoices):
    PROFILE = "profile", "Your name"
    PRIORITIES = "priorities", "What matters to you"
    STRENGTHS = "strengths", "Strengths and passions"
    TARGET = "target", "A role to aim for"
    GOAL = "goal", "A first goal"
    ACCOMPLISHMENT = "accomplishment", "A first accomplishment"
    CADENCES = "cadences", "Your rhythm"


class Onboarding(OwnedModel):
    """The guided start: which steps are behind the owner (done or skipped)."""

    done = models.JSONField(default=list, blank=True)
    skipped = models.JSONField(default=list, blank=True)
    finished_on = models.DateField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="onboarding_one_row")
        ]

    def __str__(self) -> str:
        return f"guided start: {len(self.done)} done, {len(self.skipped)} skipped"


class ReviewKind(models.TextChoices):
    WEEK = "week", "Weekly review"
    QUARTER = "quarter", "Quarterly review"
    YEAR = "year", "Yearly review"


# The cadence each review keeps.
REVIEW_CADENCE = {
    ReviewKind.WEEK: CadenceKind.WEEKLY,
    ReviewKind.QUARTER: CadenceKind.QUARTERLY,
    ReviewKind.YEAR: CadenceKind.YEARLY,
}


class Review(OwnedModel):
    """A completed review: its period, what the data answered at the time
    (`answers`, a snapshot that later edits of the log do not rewrite), and
    the owner's own reflection. One per kind and period; doing it again
    updates it."""

    kind = models.CharField(max_length=10, choices=ReviewKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    reflection = models.TextField(blank=True)
    answers = models.JSONField(default=dict, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "period_start"], name="review_one_per_period"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ReviewKind.values),
                name="review_kind_known",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="review_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.period.title}"

    @property
    def period(self) -> Period:
        return Period(self.kind, self.period_start, self.period_end)
