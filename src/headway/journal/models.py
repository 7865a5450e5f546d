"""The log: one timeline of dated entries of every kind, with their tags."""

from __future__ import annotations

from django.db import models

from headway.core.models import LABEL_MAX, OwnedLabel, OwnedModel, OwnedQuerySet

TITLE_MAX = 300
BODY_MAX = 100_000
NEAR_MAX = 5_000
TAG_MAX = LABEL_MAX


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


class Tag(OwnedLabel):
    objects = OwnedQuerySet.as_manager()

    class Meta(OwnedLabel.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name"], name="tag_unique_per_owner"
            )
        ]


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
    # Every searchable word of the entry (title, body, NEAR, tags, sample
    # names), lower-cased and space-separated so SQLite FTS5 and PostgreSQL
    # split it identically; kept current by the services, never edited.
    search_text = models.TextField(blank=True, default="", editable=False)
    # Where an imported entry came from (a digest of the jrnl entry), so
    # importing the same journal again creates nothing; empty when typed here.
    source_key = models.CharField(max_length=64, blank=True, default="")
    tags = models.ManyToManyField(Tag, blank=True, related_name="entries")
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="entries")
    contacts = models.ManyToManyField(
        "network.Contact", blank=True, related_name="entries"
    )
    skills = models.ManyToManyField("growth.Skill", blank=True, related_name="entries")
    # Target-role needs (experiences: "led a team of 5+") this entry shows.
    needs = models.ManyToManyField(
        "growth.RoleNeed", blank=True, related_name="entries"
    )

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
            ),
            models.UniqueConstraint(
                fields=["owner", "source_key"],
                condition=~models.Q(source_key=""),
                name="entry_source_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.kind}: {self.title}"

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]


SAMPLE_NAME_MAX = 255
SAMPLE_MAX_BYTES = 25 * 1024 * 1024


class SampleKind(models.TextChoices):
    FILE = "file", "File"
    LINK = "link", "Link"


class WorkSample(OwnedModel):
    """A file or a link kept with the entry it came from.

    Files are stored once per content: `blob` is named by the SHA-256 of the
    bytes, so two uploads of the same file share one stored object.
    """

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="samples")
    kind = models.CharField(max_length=10, choices=SampleKind.choices)
    name = models.CharField(max_length=SAMPLE_NAME_MAX)
    url = models.URLField(max_length=2_000, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    size = models.PositiveBigIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["entry", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    (models.Q(kind="file") & ~models.Q(sha256=""))
                    | models.Q(kind="link", sha256="")
                ),
                name="sample_file_has_digest",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def blob_name(self) -> str:
        return f"samples/{self.sha256[:2]}/{self.sha256}"
