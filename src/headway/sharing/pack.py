"""The review pack: chosen goals, each with its progress, the evidence linked
to it in NEAR form and the feedback received on it, for a performance review
with a manager. Written as a self-contained HTML page or a PDF, or shared.

The pack holds only what the owner linked to the chosen goals, and of that
only evidence a manager may see: setbacks, notes, 1:1 meetings and feedback
the owner gave stay private (DOMAIN.md §8).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.template.loader import render_to_string

from headway.accounts.models import Share
from headway.accounts.profile import display_name, profile_get
from headway.coach.progress import Progress
from headway.core.models import owned_rows
from headway.core.text import field_error
from headway.goals.models import Goal
from headway.goals.selectors import progress_of
from headway.journal.models import Entry, EntryKind
from headway.sharing import shares

FORMATS = ("pdf", "html")
EVIDENCE_KINDS = (
    EntryKind.ACCOMPLISHMENT,
    EntryKind.LEARNING,
    EntryKind.CONTENT,
    EntryKind.TALK,
    EntryKind.INITIATIVE,
    EntryKind.READING,
)


@dataclass(frozen=True)
class PackGoal:
    goal: Goal
    progress: Progress
    progress_text: str
    evidence: list[Entry]
    feedback: list[Entry]


@dataclass(frozen=True)
class ReviewPack:
    owner_name: str
    headline: str
    made_on: date
    since: date | None
    goals: list[PackGoal]

    @property
    def entry_ids(self) -> list[int]:
        return [
            entry.pk
            for item in self.goals
            for entry in (*item.evidence, *item.feedback)
        ]


def is_received_feedback(entry: Entry) -> bool:
    return (
        entry.kind == EntryKind.FEEDBACK
        and entry.details.get("direction", "received") == "received"
    )


def pack_build(
    *, owner: Any, goal_ids: Iterable[int], today: date, since: date | None = None
) -> ReviewPack:
    """The pack of the owner's chosen goals; a stranger's goal id is unknown."""
    goals = owned_rows(owner=owner, model=Goal, ids=goal_ids, field="goals")
    if not goals:
        raise field_error("goals", "Pick at least one goal for the pack.", "empty")
    if since is not None and since > today:
        raise field_error("since", "The period cannot start in the future.", "future")
    entries = Entry.objects.for_owner(owner).filter(goals__in=goals)
    if since is not None:
        entries = entries.filter(occurred_on__gte=since)
    return _assemble(owner, sorted(goals, key=lambda g: g.pk), entries, today, since)


def pack_from_share(share: Share, *, today: date) -> ReviewPack:
    """The pack a share shows: only the goals and entries it names."""
    goals = list(share.goals.order_by("pk"))
    return _assemble(share.owner, goals, share.entries.all(), today, None)


def _assemble(
    owner: Any, goals: list[Goal], entries: Any, today: date, since: date | None
) -> ReviewPack:
    rows = list(
        entries.filter(kind__in=[*EVIDENCE_KINDS, EntryKind.FEEDBACK])
        .prefetch_related("goals", "skills")
        .distinct()
        .order_by("-occurred_on", "-pk")
    )
    shown = [row for row in rows if row.kind != EntryKind.FEEDBACK]
    heard = [row for row in rows if is_received_feedback(row)]
    checked = {
        goal.pk: goal
        for goal in Goal.objects.filter(pk__in=[g.pk for g in goals])
        .select_related("priority")
        .prefetch_related("checkins")
    }
    items = []
    for goal in goals:
        goal = checked[goal.pk]
        progress = progress_of(goal, today=today)
        items.append(
            PackGoal(
                goal=goal,
                progress=progress,
                progress_text=progress_text(goal, progress),
                evidence=_best_first([e for e in shown if _links(e, goal)]),
                feedback=[e for e in heard if _links(e, goal)],
            )
        )
    return ReviewPack(
        owner_name=display_name(owner),
        headline=profile_get(owner=owner).headline,
        made_on=today,
        since=since,
        goals=items,
    )


def _links(entry: Entry, goal: Goal) -> bool:
    return any(linked.pk == goal.pk for linked in entry.goals.all())


def _best_first(entries: list[Entry]) -> list[Entry]:
    """Accomplishments first (the quarter's best projects before the rest),
    then the other evidence, each newest first (the order they come in)."""
    return sorted(
        entries,
        key=lambda e: (e.kind != EntryKind.ACCOMPLISHMENT, not e.starred),
    )


def progress_text(goal: Goal, progress: Progress) -> str:
    """Progress in words, for a page that has no progress bar (a PDF)."""
    status = goal.get_status_display()
    if progress.yes_no:
        return f"{status}: {'done' if progress.achieved else 'not yet'}"
    done = f"{progress.done:g} of {progress.target:g}"
    unit = f" {goal.unit}" if goal.unit else ""
    period = f" this {goal.recurrence}" if goal.recurrence else ""
    percent = round((progress.fraction or 0) * 100)
    return f"{status}: {done}{unit}{period} ({percent}%)"


def pack_render(pack: ReviewPack, *, format: str) -> bytes:
    """One self-contained HTML page (its style inline, no outside resource),
    or that page as a PDF."""
    if format not in FORMATS:
        raise field_error(
            "format", f"Unknown format {format!r}; use pdf or html.", "format"
        )
    html = render_to_string("sharing/pack_document.html", {"pack": pack})
    if format == "html":
        return html.encode("utf-8")
    from weasyprint import HTML  # imported only for a PDF: it takes 0.3 s

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def pack_share(
    *,
    owner: Any,
    goal_ids: Iterable[int],
    today: date,
    since: date | None = None,
    days: int = shares.SHARE_DAYS_DEFAULT,
    recipient: str = "",
) -> tuple[Share, str | None]:
    """Share the pack: the share names the goals and exactly the pack's entries."""
    pack = pack_build(owner=owner, goal_ids=goal_ids, today=today, since=since)
    return shares.share_create(
        owner=owner,
        goal_ids=[item.goal.pk for item in pack.goals],
        entry_ids=pack.entry_ids,
        days=days,
        recipient=recipient,
        label="Review pack",
        pack=True,
    )
