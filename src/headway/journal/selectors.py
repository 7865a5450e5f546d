"""Reads of the log, always starting from the owner."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from headway.journal.models import Entry


def entries_recent(*, owner: Any, limit: int = 50) -> list[Entry]:
    """The newest entries first, tags fetched in one more query."""
    return list(
        Entry.objects.for_owner(owner)
        .prefetch_related("tags")
        .order_by("-occurred_on", "-id")[:limit]
    )


def entry_get(*, owner: Any, pk: int) -> Entry:
    """One entry of this owner; anyone else's is a 404, as if it did not exist."""
    entry: Entry = get_object_or_404(
        Entry.objects.for_owner(owner).prefetch_related("tags"), pk=pk
    )
    return entry


def entry_as_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "kind": entry.kind,
        "title": entry.title,
        "body": entry.body,
        "occurred_on": entry.occurred_on.isoformat(),
        "tags": entry.tag_names,
        "numbers": entry.numbers,
        "example": entry.example,
        "achievement": entry.achievement,
        "result": entry.result,
        "starred": entry.starred,
        "created": entry.created.isoformat(),
        "updated": entry.updated.isoformat(),
    }
