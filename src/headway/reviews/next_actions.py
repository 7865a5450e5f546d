"""The next career action: every area's signals gathered as plain data for
`coach.next_action`, which ranks them.

Goals come with their pace (as momentum reads them) and the rank of the
priority they serve; mentor updates and expiring certifications are the
agenda's own items (its marks and horizon included); overdue strong ties are
the network's due list, matched to the open gaps of the target role by tag;
learning is the date of the last learning entry. A caller that already holds
the due list or the agenda (the dashboard) hands them in.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Max, Min, Q
from django.urls import reverse
from django.utils import timezone

from headway.coach import next_action as coach
from headway.coach.drift import NeedFact
from headway.growth.models import PriorityRanking, RankedPriority
from headway.journal.models import Entry, EntryKind
from headway.network.selectors import DueRow, due_list
from headway.reviews import selectors
from headway.reviews.momentum import ActiveGoal, active_goals, need_facts

# How many the dashboard shows; `headway next` prints as many by default.
TOP = 5
OVERDUE = "overdue"


def next_actions(
    *,
    owner: Any,
    today: date | None = None,
    due_rows: list[DueRow] | None = None,
    agenda_rows: list[selectors.AgendaRow] | None = None,
) -> list[coach.NextAction]:
    """Everything worth doing next, highest score first."""
    today = today or timezone.localdate()
    if due_rows is None:
        due_rows = due_list(owner=owner, today=today)
    if agenda_rows is None:
        agenda_rows = selectors.agenda(
            owner=owner, today=today, days=0, due_rows=due_rows
        )
    return coach.next_actions(
        signals(owner=owner, today=today, due_rows=due_rows, agenda_rows=agenda_rows),
        today,
    )


def signals(
    *,
    owner: Any,
    today: date,
    due_rows: list[DueRow],
    agenda_rows: list[selectors.AgendaRow],
) -> coach.Signals:
    gaps = gap_signals(owner=owner, today=today)
    return coach.Signals(
        goals=goal_signals(owner=owner, today=today),
        gaps=gaps,
        helpers=helper_signals(due_rows, gaps),
        mentors=tuple(
            coach.MentorSignal(row.title, row.due, row.link)
            for row in agenda_rows
            if row.kind == "mentor-update" and row.due <= today
        ),
        certifications=tuple(
            coach.CertificationSignal(row.title, row.due, row.link)
            for row in agenda_rows
            if row.kind == "certification"
        ),
        learning=learning_signal(owner=owner, today=today),
    )


def priority_ranks(*, owner: Any) -> dict[int, int]:
    """Each priority of the current ranking with its place, the first being 1."""
    latest = PriorityRanking.objects.for_owner(owner).first()
    if latest is None:
        return {}
    ids = (
        RankedPriority.objects.filter(ranking=latest)
        .order_by("position", "pk")
        .values_list("priority_id", flat=True)
    )
    return {priority_id: place for place, priority_id in enumerate(ids, start=1)}


def goal_signals(*, owner: Any, today: date) -> tuple[coach.GoalSignal, ...]:
    ranks = priority_ranks(owner=owner)
    return tuple(
        _goal_signal(goal, ranks) for goal in active_goals(owner=owner, today=today)
    )


def _goal_signal(goal: ActiveGoal, ranks: dict[int, int]) -> coach.GoalSignal:
    progress = goal.progress
    return coach.GoalSignal(
        statement=goal.statement,
        link=reverse("goals:goal-detail", args=[goal.id]),
        priority_rank=ranks.get(goal.priority_id) if goal.priority_id else None,
        priorities_ranked=len(ranks),
        done_share=progress.fraction,
        expected_share=progress.expected,
        due=goal.due,
    )


# Until skills carry levels, a need unshown for a while counts as one missing
# level, weighted by staleness the way the gap analysis ranks (never shown: 36
# months).
STALE_SCALE_MONTHS = 12
STALE_CAP_MONTHS = 36


def gap_signals(*, owner: Any, today: date) -> tuple[coach.GapSignal, ...]:
    """The target role's needs that nothing in the log has shown lately."""
    link = reverse("growth:index")
    return tuple(
        _gap_signal(need, today, link) for need in need_facts(owner=owner, today=today)
    )


def _gap_signal(need: NeedFact, today: date, link: str) -> coach.GapSignal:
    months = (
        None
        if need.last_shown is None
        else coach.months_between(need.last_shown, today)
    )
    stale = STALE_CAP_MONTHS if months is None else min(months, STALE_CAP_MONTHS)
    return coach.GapSignal(
        need=need.need,
        gap="skill" if need.last_shown is None else "opportunity",
        severity=1 + stale / STALE_SCALE_MONTHS,
        months_stale=months,
        link=link,
    )


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def helper_signals(
    due_rows: list[DueRow], gaps: tuple[coach.GapSignal, ...]
) -> tuple[coach.HelperSignal, ...]:
    """Strong ties past their cadence whose tags name an open gap's need."""
    needs = {_key(gap.need): gap.need for gap in gaps}
    if not needs:
        return ()
    found = []
    for row in due_rows:
        item = row.item
        if item.state != OVERDUE or item.strength < coach.HELPER_MIN_STRENGTH:
            continue
        helps = tuple(needs[key] for key in map(_key, row.tags) if key in needs)
        if helps:
            link = reverse("network:contact-detail", args=[item.contact_id])
            found.append(
                coach.HelperSignal(
                    item.name, item.strength, item.days_late, helps, link
                )
            )
    return tuple(found)


def learning_signal(*, owner: Any, today: date) -> coach.LearningSignal:
    entries = Entry.objects.for_owner(owner).filter(occurred_on__lte=today)
    found = entries.aggregate(
        last=Max("occurred_on", filter=Q(kind=EntryKind.LEARNING)),
        first=Min("occurred_on"),
    )
    joined = timezone.localdate(owner.date_joined)
    began = min(day for day in (joined, found["first"]) if day is not None)
    link = f"{reverse('journal:entry-list')}?new={EntryKind.LEARNING}#entry-form"
    return coach.LearningSignal(found["last"], began, link)


def as_dict(item: coach.NextAction) -> dict[str, Any]:
    """The shape `headway next --json` and `GET /api/v1/next` print."""
    return {
        "title": item.title,
        "score": item.score,
        "why": [{"term": term.term, "value": term.value} for term in item.why],
        "link": item.link,
    }
