"""Login links for local mode and personal API tokens; both stored only hashed."""

from __future__ import annotations

import hashlib

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
