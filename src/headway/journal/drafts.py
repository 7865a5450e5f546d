"""Drafted entries waiting for the owner: saved once per source and week,
kept as real entries (after the owner's edits) or discarded.

Drafts live in their own table, so no timeline, momentum, review, export or
search sees them until `draft_keep` turns one into an entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from headway.exchange.git_log import WeekDraft
from headway.journal.models import DraftStatus, Entry, EntryDraft


@dataclass(frozen=True)
class DraftsSaved:
    created: int
    known: int  # weeks drafted by an earlier harvest (pending, kept or discarded)


def drafts_pending(*, owner: Any) -> QuerySet[EntryDraft]:
    return EntryDraft.objects.for_owner(owner).filter(status=DraftStatus.PENDING)


def draft_pending(*, owner: Any, draft_id: int) -> EntryDraft:
    """One of the owner's drafts still waiting; anything else is 404."""
    draft: EntryDraft | None = drafts_pending(owner=owner).filter(pk=draft_id).first()
    if draft is None:
        raise Http404(f"No draft {draft_id} waiting among yours.")
    return draft


def drafts_save_weeks(
    *, owner: Any, weeks: list[WeekDraft], source: str
) -> DraftsSaved:
    """Save one draft per week not drafted before from this source."""
    periods = [week.period for week in weeks]
    known = set(
        EntryDraft.objects.for_owner(owner)
        .filter(source=source, period__in=periods)
        .values_list("period", flat=True)
    )
    fresh = [_draft(owner, week, source) for week in weeks if week.period not in known]
    with transaction.atomic():
        for draft in fresh:
            draft.full_clean(validate_unique=False, validate_constraints=False)
        EntryDraft.objects.bulk_create(fresh, ignore_conflicts=True)
    return DraftsSaved(created=len(fresh), known=len(known))


def _draft(owner: Any, week: WeekDraft, source: str) -> EntryDraft:
    return EntryDraft(
        owner=owner,
        title=week.title,
        body=week.body,
        occurred_on=week.last_commit_day,
        numbers=week.numbers,
        example=week.example,
        achievement="; ".join(week.subjects),
        source=source,
        period=week.period,
        details={
            "commits": len(week.commits),
            "files": week.files,
            "lines_added": week.added,
            "lines_removed": week.removed,
            "shas": [commit.sha for commit in week.commits],
        },
    )


def draft_keep(
    *,
    owner: Any,
    draft_id: int,
    title: str,
    occurred_on: date,
    numbers: str = "",
    example: str = "",
    achievement: str = "",
    result: str = "",
) -> Entry:
    """The draft, as the owner edited it, becomes an entry of the log."""
    from headway.journal.services import entry_create

    with transaction.atomic():
        draft = draft_pending(owner=owner, draft_id=draft_id)
        entry = entry_create(
            owner=owner,
            kind=draft.kind,
            title=title,
            body=draft.body,
            occurred_on=occurred_on,
            numbers=numbers,
            example=example,
            achievement=achievement,
            result=result,
        )
        draft.status, draft.entry = DraftStatus.ACCEPTED, entry
        draft.save(update_fields=["status", "entry", "updated"])
    return entry


def draft_discard(*, owner: Any, draft_id: int) -> EntryDraft:
    """Set the draft aside; a later harvest does not propose its week again."""
    with transaction.atomic():
        draft = draft_pending(owner=owner, draft_id=draft_id)
        draft.status = DraftStatus.DISCARDED
        draft.save(update_fields=["status", "updated"])
    return draft
