"""Direction: what matters to the owner, their skills, target role and gaps."""

from __future__ import annotations

from typing import Any

from django.db import models

from headway.coach.gaps import skill_key
from headway.core.models import OwnedModel, OwnedQuerySet

SKILL_NAME_MAX = 100


class SkillCategory(models.TextChoices):
    TECHNICAL = "technical", "Technical"
    LEADERSHIP = "leadership", "Leadership"
    COMMUNICATION = "communication", "Communication"
    DOMAIN = "domain", "Domain"
    OTHER = "other", "Other"


class Skill(OwnedModel):
    """A skill the owner has or wants; log entries are its evidence.

    `key` is the name as matching sees it (no case, no accents: see
    `coach.gaps.skill_key`); `level` is the latest of the owner's ratings,
    kept here so lists need no extra query (the ratings are the history).
    """

    name = models.CharField(max_length=SKILL_NAME_MAX)
    key = models.CharField(
        max_length=SKILL_NAME_MAX, default="", blank=True, db_index=True
    )
    category = models.CharField(
        max_length=20, choices=SkillCategory.choices, default=SkillCategory.OTHER
    )
    level = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name"], name="skill_unique_per_owner"
            ),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True)
                | (models.Q(level__gte=1) & models.Q(level__lte=5)),
                name="skill_level_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.key = skill_key(self.name)
        if (
            kwargs.get("update_fields") is not None
            and "name" in kwargs["update_fields"]
        ):
            kwargs["update_fields"] = {*kwargs["update_fields"], "key"}
        super().save(*args, **kwargs)


class SkillRating(OwnedModel):
    """The owner's own rating of a skill on a day: the level's history."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="ratings")
    level = models.PositiveSmallIntegerField()
    rated_on = models.DateField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["rated_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1) & models.Q(level__lte=5),
                name="skill_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level} on {self.rated_on.isoformat()}"


class SkillAlias(OwnedModel):
    """Another name the owner uses for a skill: "k8s" for "Kubernetes"."""

    name = models.CharField(max_length=SKILL_NAME_MAX)
    key = models.CharField(max_length=SKILL_NAME_MAX)
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="aliases")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "skill aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "key"], name="skill_alias_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} = {self.skill_id}"


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
    """A role the owner aims for; several are kept, one is active.

    `needs` keeps the needs as the owner wrote them ("hiring:3", "led a team
    of 5+"), in order; the services keep the `RoleNeed` rows (what evidence
    and goals link to) in step with it.
    """

    name = models.CharField(max_length=TARGET_ROLE_MAX)
    needs = models.JSONField(default=list, blank=True)
    active = models.BooleanField(default=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-active", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=models.Q(active=True),
                name="one_active_target_role_per_owner",
            ),
            models.UniqueConstraint(
                fields=["owner", "name"], name="target_role_name_unique_per_owner"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class NeedKind(models.TextChoices):
    SKILL = "skill", "Skill"
    EXPERIENCE = "experience", "Experience"


class RoleNeed(OwnedModel):
    """One need of a target role: a skill at a level, or an experience.

    Entries linked here (`journal.Entry.needs`, reverse `entries`) are the
    evidence of an experience; a skill need's evidence is the skill's own
    entries. Goals link here (`goals.Goal.need`).
    """

    role = models.ForeignKey(TargetRole, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=NeedKind.choices)
    text = models.CharField(max_length=TARGET_NEED_MAX)
    skill = models.ForeignKey(
        Skill,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="role_needs",
    )
    level = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["role", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.text}:{self.level}" if self.kind == "skill" else self.text


GAP_ACTION_NAME_MAX = 150


class GapAction(OwnedModel):
    """An action of the owner's own for a kind of gap, beside the catalog."""

    gap = models.CharField(
        max_length=12,
        choices=[("skill", "Skill gap"), ("opportunity", "Opportunity gap")],
    )
    name = models.CharField(max_length=GAP_ACTION_NAME_MAX)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["gap", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "gap", "name"], name="gap_action_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.name
