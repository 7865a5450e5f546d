"""The owned base model: every row of user data belongs to exactly one user."""

from __future__ import annotations

from collections.abc import Iterable
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


def owned_rows(*, owner: Any, model: Any, ids: Iterable[int], field: str) -> list[Any]:
    """The owner's rows with these ids; an id that is not theirs is refused as
    if it did not exist (a ValidationError on `field`)."""
    from headway.core.text import field_error

    wanted = list(dict.fromkeys(ids))
    found = list(model.objects.for_owner(owner).filter(pk__in=wanted))
    missing = sorted(set(wanted) - {row.pk for row in found})
    if missing:
        label = model._meta.verbose_name
        raise field_error(field, f"No {label} {missing[0]} among yours.", "unknown")
    return found
