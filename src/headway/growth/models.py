"""Direction: what matters to the owner, their skills, target role and gaps."""

from __future__ import annotations

from django.db import models

from headway.core.models import OwnedModel, OwnedQuerySet

SKILL_NAME_MAX = 100


class Skill(OwnedModel):
    """A skill the owner has or wants; log entries are its evidence."""

    name = models.CharField(max_length=SKILL_NAME_MAX)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name"], name="skill_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.name


PRIORITY_NAME_MAX = 120
STRENGTH_ANSWER_MAX = 5000


class Priority(OwnedModel):
    """What career growth can mean: a catalog line (with its key) or the owner's own."""

    name = models.CharField(max_length=PRIORITY_NAME_MAX)
    catalog_key = models.CharField(max_length=30, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name"], name="priority_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_own(self) -> bool:
        return not self.catalog_key


class PriorityRanking(OwnedModel):
    """The order of priorities on one day; older rankings are the history."""

    ranked_on = models.DateField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-ranked_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "ranked_on"], name="ranking_one_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"ranking of {self.ranked_on.isoformat()}"


class RankedPriority(models.Model):
    ranking = models.ForeignKey(
        PriorityRanking, on_delete=models.CASCADE, related_name="places"
    )
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["ranking", "priority"], name="ranked_once_per_ranking"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.priority_id}"


class StrengthsAnswer(OwnedModel):
    """Answers to the three prompts on one day; each save on a new day is kept."""

    answered_on = models.DateField()
    energy = models.TextField(blank=True, max_length=STRENGTH_ANSWER_MAX)
    excel = models.TextField(blank=True, max_length=STRENGTH_ANSWER_MAX)
    enjoyed_roles = models.TextField(blank=True, max_length=STRENGTH_ANSWER_MAX)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-answered_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "answered_on"], name="strengths_one_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"strengths of {self.answered_on.isoformat()}"


TARGET_ROLE_MAX = 150
TARGET_NEED_MAX = 150
TARGET_NEEDS_MAX = 50


class TargetRole(OwnedModel):
    """The role the owner is aiming for, with the skills and experiences it needs."""

    name = models.CharField(max_length=TARGET_ROLE_MAX)
    needs = models.JSONField(default=list, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="one_target_role_per_owner")
        ]

    def __str__(self) -> str:
        return self.name
