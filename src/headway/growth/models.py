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
