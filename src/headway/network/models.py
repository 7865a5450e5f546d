"""The owner's network: contacts and the touches that keep ties alive."""

from __future__ import annotations

from django.db import models

from headway.core.models import OwnedModel, OwnedQuerySet

NAME_MAX = 200


class Contact(OwnedModel):
    name = models.CharField(max_length=NAME_MAX)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
