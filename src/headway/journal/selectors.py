"""Reads of the log, always starting from the owner: timeline, search, filters."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import F, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from headway.coach.capture import Capture, capture_classify
from headway.coach.dates import parse_date
from headway.core.text import field_error, filter_text
from headway.journal import search
from headway.journal.kinds import details_clean
from headway.journal.models import Entry, EntryKind, WorkSample

FILTER_NAMES = ("q", "kind", "tag", "goal", "skill", "from", "to", "starred")


@dataclass(frozen=True)
class EntryFilters:
    """What a user narrowed the log to; every field optional."""

    query: str = ""
    kind: str = ""
    tags: tuple[str, ...] = ()
    goal: int | None = None
    skill: str = ""
    date_from: date | None = None
    date_to: date | None = None
    starred: bool = False

    @property
    def active(self) -> bool:
        return bool(
            self.query
            or self.kind
            or self.tags
            or self.goal
            or self.skill
            or self.date_from
            or self.date_to
            or self.starred
        )


def entry_filters_parse(
    *,
    query: str = "",
    kind: str = "",
    tags: list[str] | tuple[str, ...] = (),
    goal: str | int | None = None,
    skill: str = "",
    date_from: str = "",
    date_to: str = "",
    starred: bool = False,
    today: date | None = None,
) -> EntryFilters:
    """Read filters as people type them; a bad one is a clear error."""
    today = today or timezone.localdate()
    kind = (kind or "").strip().lower()
    if kind and kind not in EntryKind.values:
        known = ", ".join(EntryKind.values)
        raise field_error(
            "kind", f"Unknown kind {kind!r}; use one of: {known}.", "kind"
        )
    start = _filter_date(date_from, "from", today)
    end = _filter_date(date_to, "to", today)
    if start and end and start > end:
        raise field_error(
            "to",
            f"The range starts after it ends ({start} is after {end}); "
            "swap --from and --to.",
            "range",
        )
    return EntryFilters(
        query=filter_text(query),
        kind=kind,
        tags=tuple(
            dict.fromkeys(
                filter_text(t).lstrip("#@").lower() for t in tags if filter_text(t)
            )
        ),
        goal=_goal_id(goal),
        skill=filter_text(skill),
        date_from=start,
        date_to=end,
        starred=starred,
    )


def _filter_date(text: str, name: str, today: date) -> date | None:
    if not text or not text.strip():
        return None
    found = parse_date(text, today=today, prefer="past")
    if found is None:
        raise field_error(
            name,
            f"Cannot read {text!r} as a date; try 2026-03-01, 'last march' or today.",
            "date",
        )
    return found


def _goal_id(goal: str | int | None) -> int | None:
    if goal in (None, ""):
        return None
    try:
        return int(goal)  # type: ignore[arg-type]
    except ValueError:
        raise field_error("goal", f"Goal {goal!r} is not a goal id.", "goal") from None


def entries_filtered(*, owner: Any, filters: EntryFilters) -> QuerySet[Entry]:
    """The owner's entries matching every filter, newest first."""
    entries = Entry.objects.for_owner(owner)
    found = search.matching(filters.query) if filters.query else None
    if found is not None and found.by_id:
        # A few matching ids: fetch those rows. The owner test is written so
        # that it cannot use the owner's timeline index; with it, SQLite would
        # walk every entry of the owner looking for these few.
        entries = Entry.objects.alias(owner_check=F("owner_id") + 0).filter(
            found.condition, owner_check=owner.pk
        )
    elif found is not None:
        entries = entries.filter(found.condition)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    for tag in filters.tags:
        entries = entries.filter(tags__name=tag)
    if filters.goal is not None:
        entries = entries.filter(goals__pk=filters.goal)
    if filters.skill:
        entries = entries.filter(skills__name__iexact=filters.skill)
    if filters.date_from:
        entries = entries.filter(occurred_on__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(occurred_on__lte=filters.date_to)
    if filters.starred:
        entries = entries.filter(starred=True)
    ordered: QuerySet[Entry] = entries.order_by("-occurred_on", "-id")
    return ordered


def search_entries(
    *, owner: Any, filters: EntryFilters, limit: int = 50, cursor: str = ""
) -> tuple[list[Entry], str | None]:
    """One page of matching entries and the cursor of the next page (or None)."""
    entries = entries_filtered(owner=owner, filters=filters)
    if cursor:
        day, pk = cursor_read(cursor)
        entries = entries.filter(Q(occurred_on__lt=day) | Q(occurred_on=day, pk__lt=pk))
    page = list(entries.prefetch_related("tags", "samples")[: limit + 1])
    if len(page) <= limit:
        return page, None
    page = page[:limit]
    return page, cursor_make(page[-1])


def cursor_make(entry: Entry) -> str:
    raw = f"{entry.occurred_on.isoformat()}:{entry.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_read(cursor: str) -> tuple[date, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        day, pk = base64.urlsafe_b64decode(padded).decode().split(":")
        return date.fromisoformat(day), int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise field_error(
            "cursor", "That cursor is not one this server gave out.", "cursor"
        ) from None


def entries_stream(
    *, owner: Any, filters: EntryFilters, limit: int, chunk: int = 500
) -> Iterator[Entry]:
    """Every matching entry up to `limit`, newest first, fetched `chunk` at a
    time so that memory stays flat however many are asked for."""
    entries = entries_filtered(owner=owner, filters=filters)
    yield from entries.prefetch_related("tags", "samples")[:limit].iterator(
        chunk_size=chunk
    )


@dataclass(frozen=True)
class CaptureReading:
    """What quick capture read in a line: the kind, its fields, the contact."""

    capture: Capture
    details: dict[str, Any] = field(default_factory=dict)
    contact_id: int | None = None


CONTACTS_READ_MAX = 20_000  # more than anyone keeps; bounds the work per line


def entry_capture_read(*, owner: Any, text: str) -> CaptureReading:
    """Quick capture on one line, with the owner's contacts to recognise.

    Contacts live in the network app, above this one: they are read through
    the app registry as plain names, never imported. Fields the kind refuses
    are dropped here, so a capture never fails on what it guessed.
    """
    contact_model = apps.get_model("network", "Contact")
    rows = list(
        contact_model.objects.filter(owner=owner)
        .order_by("pk")
        .values_list("pk", "name")[:CONTACTS_READ_MAX]
    )
    capture = capture_classify(text, contacts=[name for _, name in rows])
    contact_id = next((pk for pk, name in rows if name == capture.contact), None)
    return CaptureReading(capture, _valid_details(capture), contact_id)


def _valid_details(capture: Capture) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for name, value in capture.details:
        try:
            kept |= details_clean(capture.kind, {name: value})
        except ValidationError:
            continue  # a guess the kind cannot hold is left out, not an error
    return kept


def entries_recent(
    *, owner: Any, limit: int = 50, kind: str | None = None
) -> list[Entry]:
    """The newest entries first (of one kind when given), tags and work
    samples fetched in two more queries."""
    entries = Entry.objects.for_owner(owner)
    if kind is not None:
        entries = entries.filter(kind=kind)
    return list(
        entries.prefetch_related("tags", "samples").order_by("-occurred_on", "-id")[
            :limit
        ]
    )


def entries_to_pick(*, owner: Any, limit: int = 50) -> list[Entry]:
    """The newest entries with only what a picker shows: id, day and title."""
    return list(
        Entry.objects.for_owner(owner)
        .only("id", "occurred_on", "title")
        .order_by("-occurred_on", "-id")[:limit]
    )


def entry_get(*, owner: Any, pk: int) -> Entry:
    """One entry of this owner; anyone else's is a 404, as if it did not exist."""
    entry: Entry = get_object_or_404(
        Entry.objects.for_owner(owner).prefetch_related(
            "tags", "samples", "goals", "skills", "contacts"
        ),
        pk=pk,
    )
    return entry


def samples_list(*, owner: Any) -> list[WorkSample]:
    """Every work sample of the owner with its entry, newest entry first."""
    return list(
        WorkSample.objects.for_owner(owner)
        .select_related("entry")
        .order_by("-entry__occurred_on", "-entry_id", "id")
    )


def sample_get(*, owner: Any, pk: int) -> WorkSample:
    sample: WorkSample = get_object_or_404(
        WorkSample.objects.for_owner(owner).select_related("entry"), pk=pk
    )
    return sample


def sample_in_share(*, share: Any, pk: int) -> WorkSample:
    """A sample of an entry the given share includes; anything else is a 404."""
    sample: WorkSample = get_object_or_404(
        WorkSample.objects.for_owner(share.owner).filter(entry__in=share.entries.all()),
        pk=pk,
    )
    return sample


def sample_as_dict(sample: WorkSample) -> dict[str, Any]:
    return {
        "id": sample.pk,
        "kind": sample.kind,
        "name": sample.name,
        "url": sample.url,
        "size": sample.size,
        "sha256": sample.sha256,
        "content_type": sample.content_type,
    }


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
        "details": entry.details,
        "samples": [sample_as_dict(s) for s in entry.samples.all()],
        "created": entry.created.isoformat(),
        "updated": entry.updated.isoformat(),
    }
