"""The log: one timeline of dated entries of every kind, with their tags."""

from __future__ import annotations

from django.db import models

from headway.core.models import OwnedModel, OwnedQuerySet

TITLE_MAX = 300
BODY_MAX = 100_000
NEAR_MAX = 5_000
TAG_MAX = 50


class EntryKind(models.TextChoices):
    ACCOMPLISHMENT = "accomplishment", "Accomplishment"
    LEARNING = "learning", "Learning"
    CONTENT = "content", "Content"
    TALK = "talk", "Talk"
    FEEDBACK = "feedback", "Feedback"
    READING = "reading", "Reading"
    INITIATIVE = "initiative", "Initiative"
    MEETING = "meeting", "Meeting"
    SETBACK = "setback", "Setback"
    NOTE = "note", "Note"


class Tag(OwnedModel):
    name = models.CharField(max_length=TAG_MAX)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name"], name="tag_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Entry(OwnedModel):
    """A dated piece of evidence.

    The four NEAR columns serve accomplishments; fields that belong to one
    kind only (a talk's audience, a course's provider) live in `details`, a
    JSON object whose keys each kind declares, so new kinds need no new table.
    """

    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    title = models.CharField(max_length=TITLE_MAX)
    body = models.TextField(blank=True, max_length=BODY_MAX)
    occurred_on = models.DateField()
    numbers = models.TextField(blank=True, max_length=NEAR_MAX)
    example = models.TextField(blank=True, max_length=NEAR_MAX)
    achievement = models.TextField(blank=True, max_length=NEAR_MAX)
    result = models.TextField(blank=True, max_length=NEAR_MAX)
    starred = models.BooleanField(default=False)
    details = models.JSONField(default=dict, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="entries")
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="entries")
    contacts = models.ManyToManyField(
        "network.Contact", blank=True, related_name="entries"
    )
    skills = models.ManyToManyField("growth.Skill", blank=True, related_name="entries")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entries"
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(
                fields=["owner", "-occurred_on", "-id"], name="entry_timeline"
            ),
            models.Index(fields=["owner", "kind", "-occurred_on"], name="entry_kind"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=EntryKind.values), name="entry_kind_known"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.kind}: {self.title}"

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]
