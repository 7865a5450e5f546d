"""The owned base model: every row of user data belongs to exactly one user."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models


class OwnedQuerySet(models.QuerySet[Any]):
    def for_owner(self, owner: Any) -> Self:
        return self.filter(owner=owner)


class OwnedModel(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
