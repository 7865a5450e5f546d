"""The owned base model: every row of user data belongs to exactly one user."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, Self

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models


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


LABEL_MAX = 50


class OwnedLabel(OwnedModel):
    """A short name the owner puts on things (a tag); unique per owner."""

    name = models.CharField(max_length=LABEL_MAX)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def labels_resolve(*, owner: Any, model: Any, names: list[str]) -> list[Any]:
    """The owner's labels with these names, in order, creating the missing ones."""
    rows = model.objects.for_owner(owner)
    existing = {label.name: label for label in rows.filter(name__in=names)}
    missing = [model(owner=owner, name=name) for name in names if name not in existing]
    if missing:
        model.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {label.name: label for label in rows.filter(name__in=names)}
    return [existing[name] for name in names]


def owned_rows(*, owner: Any, model: Any, ids: Iterable[int], field: str) -> list[Any]:
    """The owner's rows with these ids; an id that is not theirs is refused as
    if it did not exist (a ValidationError on `field`)."""
    from headway.core.text import field_error

    wanted = list(dict.fromkeys(ids))
    # An id the column cannot hold names no row; the driver would overflow.
    low, high = connection.ops.integer_field_range(model._meta.pk.get_internal_type())
    storable = [pk for pk in wanted if low <= pk <= high]
    found = list(model.objects.for_owner(owner).filter(pk__in=storable))
    missing = sorted(set(wanted) - {row.pk for row in found})
    if missing:
        label = model._meta.verbose_name
        raise field_error(field, f"No {label} {missing[0]} among yours.", "unknown")
    return found


def bulk_write_done() -> None:
    """Fold SQLite's write-ahead log back into the database after a bulk write.

    An import of 100,000 entries leaves 85 MB in the WAL, and until a
    checkpoint truncates it every later commit copies it again: `headway log`
    went from 0.13 s to 0.43 s after such an import (bench/README.md).
    Outside a transaction only; PostgreSQL needs nothing.
    """
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


TRASH_LABEL_MAX = 300


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to
    milliseconds), so an undo restores a row exactly as it was."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Trash(OwnedModel):
    """What one delete removed, kept so the owner can undo it until it is swept.

    `payload` holds the serialized rows (the object and everything its delete
    cascaded to, link rows included) and the references the delete set to
    null; `files` names stored files only the sweep may remove.
    """

    kind = models.CharField(max_length=100)  # "journal.entry"
    object_pk = models.BigIntegerField()
    label = models.CharField(max_length=TRASH_LABEL_MAX)
    summary = models.CharField(max_length=TRASH_LABEL_MAX, blank=True)
    payload = models.JSONField(encoder=ExactJSONEncoder)
    files = models.JSONField(default=list, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["created"], name="trash_created")]

    def __str__(self) -> str:
        return self.label
