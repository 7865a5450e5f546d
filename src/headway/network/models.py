"""The owner's network: contacts, the touches that keep ties alive, and cadences."""

from __future__ import annotations

from django.db import models

from headway.core.models import LABEL_MAX, OwnedLabel, OwnedModel, OwnedQuerySet

NAME_MAX = 200
ORG_MAX = 200
ROLE_MAX = 200
URL_MAX = 500
NOTES_MAX = 20_000
TAG_MAX = LABEL_MAX
WHERE_MAX = 200
QUESTION_MAX = 1_000
STRENGTH_MIN, STRENGTH_MAX = 1, 5

# Tags every owner can pick from; their own tags sit beside these.
STANDARD_TAGS = ("mentor", "manager", "mentee", "peer", "influencer", "recruiter")


class MetHow(models.TextChoices):
    EVENT = "event", "At an event"
    ASSOCIATION = "association", "Through an association"
    ONLINE = "online", "Online"
    WORK = "work", "At work"
    INTRODUCTION = "introduction", "Through an introduction"
    OTHER = "other", "Some other way"


class InteractionKind(models.TextChoices):
    MET = "met", "Met"
    CALL = "call", "Call"
    MESSAGE = "message", "Message"
    COFFEE = "coffee", "Coffee"
    EVENT = "event", "Event"
    INTRODUCTION = "introduction", "Introduction"
    HELP_GIVEN = "help_given", "Help given"
    HELP_RECEIVED = "help_received", "Help received"


class ContactTag(OwnedLabel):
    """A label on contacts; a table (not JSON) so filtering is an indexed join."""

    objects = OwnedQuerySet.as_manager()

    class Meta(OwnedLabel.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name"], name="contact_tag_unique_per_owner"
            )
        ]


class Contact(OwnedModel):
    name = models.CharField(max_length=NAME_MAX)
    organisation = models.CharField(max_length=ORG_MAX, blank=True)
    role = models.CharField(max_length=ROLE_MAX, blank=True)
    emails = models.JSONField(default=list, blank=True)
    phones = models.JSONField(default=list, blank=True)
    links = models.JSONField(default=list, blank=True)
    # The LinkedIn (or other) profile, normalised: the first key imports match on.
    profile_url = models.CharField(max_length=URL_MAX, blank=True)
    met_how = models.CharField(max_length=20, choices=MetHow.choices, blank=True)
    met_where = models.CharField(max_length=WHERE_MAX, blank=True)
    met_on = models.DateField(null=True, blank=True)
    strength = models.PositiveSmallIntegerField(default=3)
    tags = models.ManyToManyField(ContactTag, blank=True, related_name="contacts")
    notes = models.TextField(blank=True, max_length=NOTES_MAX)
    # A per-contact cadence replaces the owner's tier for this contact's strength.
    cadence_ideal_days = models.PositiveIntegerField(null=True, blank=True)
    cadence_max_days = models.PositiveIntegerField(null=True, blank=True)
    # A follow-up owed by `follow_up_by`, cleared by any touch on or after
    # `follow_up_since` (set when a contact is met at an event, or on request).
    follow_up_since = models.DateField(null=True, blank=True)
    follow_up_by = models.DateField(null=True, blank=True)
    # A summary of the contact's interactions, rewritten by the services that
    # write interactions (network.services.contact_touches_refresh), so the due
    # list reads one row per contact instead of every touch ever logged.
    # Log entries that name the contact are read live, not summarised here.
    last_interaction_on = models.DateField(null=True, blank=True, editable=False)
    last_thanks_on = models.DateField(null=True, blank=True, editable=False)
    open_promise_on = models.DateField(null=True, blank=True, editable=False)
    help_given = models.PositiveIntegerField(default=0, editable=False)
    help_received = models.PositiveIntegerField(default=0, editable=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["owner", "name"], name="contact_owner_name"),
            models.Index(fields=["owner", "profile_url"], name="contact_profile"),
            models.Index(fields=["owner", "-strength"], name="contact_strength"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(strength__gte=STRENGTH_MIN)
                & models.Q(strength__lte=STRENGTH_MAX),
                name="contact_strength_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(met_how__in=["", *MetHow.values]),
                name="contact_met_how_known",
            ),
            models.CheckConstraint(
                condition=models.Q(cadence_ideal_days__isnull=True)
                | models.Q(cadence_max_days__isnull=True)
                | models.Q(cadence_max_days__gte=models.F("cadence_ideal_days")),
                name="contact_cadence_max_after_ideal",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]


class Interaction(OwnedModel):
    """A dated touch with a contact; `promised` marks help offered, not yet given."""

    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="interactions"
    )
    kind = models.CharField(max_length=20, choices=InteractionKind.choices)
    occurred_on = models.DateField()
    notes = models.TextField(blank=True, max_length=NOTES_MAX)
    promised = models.BooleanField(default=False)
    goals = models.ManyToManyField(
        "goals.Goal", blank=True, related_name="interactions"
    )
    entries = models.ManyToManyField(
        "journal.Entry", blank=True, related_name="interactions"
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(
                fields=["owner", "contact", "occurred_on"],
                name="interaction_contact_date",
            ),
            models.Index(fields=["contact", "-occurred_on"], name="interaction_time"),
            models.Index(
                fields=["contact", "kind", "occurred_on"], name="interaction_kind"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=InteractionKind.values),
                name="interaction_kind_known",
            ),
            models.CheckConstraint(
                condition=models.Q(promised=False) | models.Q(kind="help_given"),
                name="interaction_only_help_is_promised",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.kind} with {self.contact_id}"


class CadenceTier(OwnedModel):
    """The owner's own cadence for one strength; missing rows use the defaults."""

    strength = models.PositiveSmallIntegerField()
    ideal_days = models.PositiveIntegerField(null=True, blank=True)
    max_days = models.PositiveIntegerField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-strength"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "strength"], name="cadence_tier_unique_strength"
            ),
            models.CheckConstraint(
                condition=models.Q(strength__gte=STRENGTH_MIN)
                & models.Q(strength__lte=STRENGTH_MAX),
                name="cadence_tier_strength_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(ideal_days__isnull=True, max_days__isnull=True)
                | models.Q(max_days__gte=models.F("ideal_days")),
                name="cadence_tier_max_after_ideal",
            ),
        ]

    def __str__(self) -> str:
        return f"strength {self.strength}: {self.ideal_days}/{self.max_days} days"


class MentorQuestion(OwnedModel):
    """A question the owner wants to bring to a mentor; closed once asked."""

    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(max_length=QUESTION_MAX)
    asked_on = models.DateField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return self.text


class NetworkPreferences(OwnedModel):
    """The owner's rhythm for follow-ups and mentors; one row, made on first edit."""

    event_follow_up_days = models.PositiveIntegerField(default=3)
    mentor_update_days = models.PositiveIntegerField(default=42)
    mentor_thanks_days = models.PositiveIntegerField(default=2)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "network preferences"
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="network_prefs_one_row")
        ]

    def __str__(self) -> str:
        return f"network preferences of {self.owner_id}"


class ImportPreview(OwnedModel):
    """An uploaded contacts file waiting for the owner to confirm its import.

    The file sits in Django's storage under `blob_name`; confirming or
    cancelling deletes it and this row, and so does the first preview made
    after `expires_at` (an hour after upload).
    """

    token = models.UUIDField(unique=True)
    source = models.CharField(max_length=10)
    blob_name = models.CharField(max_length=200)
    expires_at = models.DateTimeField(db_index=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.source} import preview until {self.expires_at:%Y-%m-%d %H:%M}"
