"""The review flows' drafts: what the weekly, quarterly and yearly reviews
show before the owner writes anything, read from the log (no writes here;
`flows_services.py` completes a review)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404

from headway.accounts.profile import profile_get
from headway.coach.periods import Period
from headway.coach.review_report import week_prompts
from headway.goals.models import CheckIn, Goal, GoalStatus
from headway.journal.models import Entry
from headway.network.models import Interaction
from headway.network.selectors import DueRow, due_list
from headway.reviews.models import REVIEW_CADENCE, Cadence, Review, ReviewKind
from headway.reviews.outputs.accomplishments import (
    Accomplishment,
    accomplishments,
    best_first,
)
from headway.reviews.reports import Report, report_build

WEEK_ROWS = 50  # a week's entries, touches and check-ins shown, at most
CANDIDATES = 12  # accomplishments offered as the quarter's best project
DUE_ROWS = 10
PAST_ROWS = 200


@dataclass(frozen=True)
class WeekDraft:
    report: Report
    last_done: date | None
    entries: list[Entry]
    checkins: list[CheckIn]
    touches: list[Interaction]
    prompts: list[str]


@dataclass(frozen=True)
class QuarterDraft:
    report: Report
    last_done: date | None
    candidates: list[Accomplishment]
    best: Accomplishment | None
    goals: list[Goal]
    due: list[DueRow]
    profile_links: list[str]


@dataclass(frozen=True)
class YearDraft:
    report: Report
    last_done: date | None


def _last_done(owner: Any, kind: str) -> date | None:
    row = (
        Cadence.objects.for_owner(owner)
        .filter(kind=REVIEW_CADENCE[ReviewKind(kind)])
        .first()
    )
    return row.last_done if row else None


def week_draft(*, owner: Any, period: Period, today: date) -> WeekDraft:
    """The week's entries, check-ins and touches, and what is missing."""
    span = (period.start, period.end)
    entries = list(
        Entry.objects.for_owner(owner)
        .filter(occurred_on__range=span)
        .order_by("occurred_on", "pk")[:WEEK_ROWS]
    )
    checkins = list(
        CheckIn.objects.for_owner(owner)
        .filter(checked_on__range=span)
        .select_related("goal")
        .order_by("checked_on", "pk")[:WEEK_ROWS]
    )
    touches = list(
        Interaction.objects.for_owner(owner)
        .filter(occurred_on__range=span)
        .select_related("contact")
        .order_by("occurred_on", "pk")[:WEEK_ROWS]
    )
    report = report_build(owner=owner, period=period, today=today)
    prompts = week_prompts(
        accomplishments=report.facts.accomplishment_count,
        entries=sum(report.facts.entries_by_kind.values()),
        goals_without_progress=goals_without_progress(owner=owner, period=period),
    )
    return WeekDraft(
        report, _last_done(owner, "week"), entries, checkins, touches, prompts
    )


def goals_without_progress(*, owner: Any, period: Period) -> list[str]:
    """Active goals with neither a check-in nor a linked entry in the period."""
    span = (period.start, period.end)
    checked = CheckIn.objects.filter(goal=OuterRef("pk"), checked_on__range=span)
    logged = Entry.objects.filter(goals=OuterRef("pk"), occurred_on__range=span)
    return list(
        Goal.objects.for_owner(owner)
        .filter(status=GoalStatus.ACTIVE, started_on__lte=period.end)
        .filter(~Q(Exists(checked)), ~Q(Exists(logged)))
        .order_by("pk")
        .values_list("statement", flat=True)
    )


def quarter_draft(
    *, owner: Any, period: Period, today: date, best_id: int | None = None
) -> QuarterDraft:
    """The quarter's accomplishments (best first) and the chosen one, each
    active goal, the due list and the profile's public links."""
    found = best_first(accomplishments(owner=owner, start=period.start, end=period.end))
    best = next((item for item in found if item.id == best_id), None)
    if best is None and best_id is None and found:
        best = found[0]
    return QuarterDraft(
        report=report_build(owner=owner, period=period, today=today),
        last_done=_last_done(owner, "quarter"),
        candidates=found[:CANDIDATES]
        + ([best] if best is not None and best not in found[:CANDIDATES] else []),
        best=best,
        goals=list(
            Goal.objects.for_owner(owner)
            .filter(status=GoalStatus.ACTIVE)
            .order_by("pk")
        ),
        due=due_list(owner=owner, today=today)[:DUE_ROWS],
        profile_links=list(profile_get(owner=owner).links or []),
    )


def best_samples(*, owner: Any, best: Accomplishment | None) -> list[Any]:
    if best is None:
        return []
    entry = Entry.objects.for_owner(owner).filter(pk=best.id).first()
    return list(entry.samples.all()) if entry else []


def year_draft(*, owner: Any, period: Period, today: date) -> YearDraft:
    return YearDraft(
        report_build(owner=owner, period=period, today=today),
        _last_done(owner, "year"),
    )


def reviews_past(*, owner: Any) -> list[Review]:
    """The owner's completed reviews, newest period first."""
    return list(
        Review.objects.for_owner(owner)
        .filter(completed_at__isnull=False)
        .order_by("-period_start", "kind")[:PAST_ROWS]
    )


def review_get(*, owner: Any, pk: int) -> Review:
    found: Review = get_object_or_404(Review.objects.for_owner(owner), pk=pk)
    return found


def review_saved(*, owner: Any, period: Period) -> Review | None:
    found: Review | None = (
        Review.objects.for_owner(owner)
        .filter(kind=period.kind, period_start=period.start)
        .first()
    )
    return found
