"""Login links for local mode and personal API tokens; both stored only hashed."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.db import models

from headway.core.models import OwnedModel, OwnedQuerySet


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


class LoginToken(models.Model):
    """A one-time link that signs the local owner in; lives ten minutes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"login token for {self.user} until {self.expires_at:%Y-%m-%d %H:%M}"


class ApiToken(OwnedModel):
    """A personal token for the JSON API, sent as `Authorization: Bearer …`."""

    name = models.CharField(max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name or 'unnamed'})"


SHARE_NAME_MAX = 120
COMMENT_MAX = 5000


class ShareQuerySet(OwnedQuerySet):
    def active(self, now: Any) -> ShareQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class Share(OwnedModel):
    """Goals (and chosen evidence) shown read-only by a secret link or to a user."""

    label = models.CharField(max_length=SHARE_NAME_MAX, blank=True)
    digest = models.CharField(max_length=64, unique=True, null=True, blank=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    goals = models.ManyToManyField("goals.Goal", related_name="shares")
    entries: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "journal.Entry", related_name="shares", blank=True
    )
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    # A review pack: the goals shown with their NEAR evidence and feedback
    # received, laid out for a performance review (sharing.pack).
    pack = models.BooleanField(default=False)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return self.label or f"share {self.pk}"


class ShareComment(models.Model):
    """A viewer's comment; it also becomes a feedback entry in the owner's log."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="comments")
    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="+")
    author = models.CharField(max_length=SHARE_NAME_MAX)
    text = models.TextField(max_length=COMMENT_MAX)
    entry = models.ForeignKey(
        "journal.Entry", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"comment by {self.author}"


PROFILE_NAME_MAX = 120
PROFILE_HEADLINE_MAX = 200
PROFILE_LINKS_MAX = 10


THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


class Profile(OwnedModel):
    """Who the owner is, as shares, reports and exports present them."""

    name = models.CharField(max_length=PROFILE_NAME_MAX, blank=True)
    email = models.EmailField(blank=True)
    headline = models.CharField(max_length=PROFILE_HEADLINE_MAX, blank=True)
    location = models.CharField(max_length=PROFILE_NAME_MAX, blank=True)
    links = models.JSONField(default=list, blank=True)
    # The web pages' colour theme; "system" follows prefers-color-scheme.
    theme = models.CharField(max_length=6, choices=THEMES, default="system")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="profile_one_row")
        ]

    def __str__(self) -> str:
        return self.name or "profile"


ROLE_TITLE_MAX = 150
ROLE_ORGANISATION_MAX = 150


class Role(OwnedModel):
    """A job the owner held: log entries dated inside it fall under it."""

    title = models.CharField(max_length=ROLE_TITLE_MAX)
    organisation = models.CharField(max_length=ROLE_ORGANISATION_MAX)
    started_on = models.DateField()
    # Empty while the owner still holds the role.
    ended_on = models.DateField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="role_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.organisation}"


class CalendarFeed(OwnedModel):
    """The secret that opens the owner's calendar feed, kept only as a digest;
    rotating it replaces the digest, so the old address stops working."""

    digest = models.CharField(max_length=64, unique=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="calendar_feed_one_row")
        ]

    def __str__(self) -> str:
        return "calendar feed"


class Invitation(models.Model):
    """A one-time link that lets one person create a server-mode account.

    Only the link's digest is kept; it opens once, until `expires_at`.
    """

    email = models.EmailField()
    digest = models.CharField(max_length=64, unique=True)
    as_admin = models.BooleanField(default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"invitation for {self.email} until {self.expires_at:%Y-%m-%d}"
