"""The next career action: every area's signals gathered as plain data for
`coach.next_action`, which ranks them.

Goals come with their pace (as momentum reads them) and the rank of the
priority they serve; mentor updates and expiring certifications are the
agenda's own items (its marks and horizon included); overdue strong ties are
the network's due list, matched to the open gaps of the target role by tag
(`growth.selectors.gaps_for`); a goal drafted for a gap carries the gap;
learning is the date of the last learning entry. A caller that already holds
the due list or the agenda (the dashboard) hands them in.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone

from headway.coach import next_action as coach
from headway.coach.gaps import Gap, skill_key
from headway.growth.models import PriorityRanking, RankedPriority, SkillAlias
from headway.growth.selectors import gaps_for, target_role
from headway.journal.models import Entry, EntryKind
from headway.network.selectors import DueRow, due_list
from headway.reviews import selectors
from headway.reviews.momentum import ActiveGoal, active_goals

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
    gaps = gaps_for(owner, today)
    open_gaps, goal_gaps = gap_signals(gaps)
    return coach.Signals(
        goals=goal_signals(owner=owner, today=today, goal_gaps=goal_gaps),
        gaps=open_gaps,
        helpers=helper_signals(owner=owner, due_rows=due_rows, gaps=gaps),
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


def goal_signals(
    *, owner: Any, today: date, goal_gaps: dict[int, Gap]
) -> tuple[coach.GoalSignal, ...]:
    ranks = priority_ranks(owner=owner)
    return tuple(
        _goal_signal(goal, ranks, goal_gaps.get(goal.id))
        for goal in active_goals(owner=owner, today=today)
    )


def _goal_signal(
    goal: ActiveGoal, ranks: dict[int, int], gap: Gap | None
) -> coach.GoalSignal:
    progress = goal.progress
    return coach.GoalSignal(
        statement=goal.statement,
        link=reverse("goals:goal-detail", args=[goal.id]),
        priority_rank=ranks.get(goal.priority_id) if goal.priority_id else None,
        priorities_ranked=len(ranks),
        done_share=progress.fraction,
        expected_share=progress.expected,
        due=goal.due,
        gap_need=gap.need if gap else "",
        gap_severity=gap.severity if gap else 0.0,
    )


def gap_signals(
    gaps: list[Gap],
) -> tuple[tuple[coach.GapSignal, ...], dict[int, Gap]]:
    """The open gaps no active goal works on, and the goals that work on one
    (by goal id): such a goal carries its gap's term instead."""
    open_gaps = [gap for gap in gaps if gap.is_gap and gap.gap]
    return (
        tuple(
            coach.GapSignal(
                need=gap.need,
                gap=gap.gap or "",
                severity=gap.severity,
                months_stale=gap.months_stale,
                link=reverse("reviews:gap", args=[gap.need_id]),
            )
            for gap in open_gaps
            if gap.goal_id is None
        ),
        {gap.goal_id: gap for gap in open_gaps if gap.goal_id is not None},
    )


def helper_signals(
    *, owner: Any, due_rows: list[DueRow], gaps: list[Gap]
) -> tuple[coach.HelperSignal, ...]:
    """Strong ties past their cadence whose tags name an open gap: its skill,
    one of the skill's aliases, or the target role (then every gap)."""
    helps_with = _needs_by_key(owner=owner, gaps=[gap for gap in gaps if gap.is_gap])
    if not helps_with:
        return ()
    found = []
    for row in due_rows:
        item = row.item
        if item.state != OVERDUE or item.strength < coach.HELPER_MIN_STRENGTH:
            continue
        keys = (skill_key(tag) for tag in row.tags)
        needs = [need for key in keys for need in helps_with.get(key, ())]
        if needs:
            found.append(
                coach.HelperSignal(
                    item.name,
                    item.strength,
                    item.days_late,
                    tuple(dict.fromkeys(needs)),
                    reverse("network:contact-detail", args=[item.contact_id]),
                )
            )
    return tuple(found)


def _needs_by_key(*, owner: Any, gaps: list[Gap]) -> dict[str, list[str]]:
    """Which gaps' needs a contact tag (as a skill key) stands for."""
    found: dict[str, list[str]] = {}
    if not gaps:
        return found
    by_skill: dict[int, str] = {}
    for gap in gaps:
        found.setdefault(skill_key(gap.need), []).append(gap.need)
        if gap.skill_id is not None:
            by_skill[gap.skill_id] = gap.need
    aliases = SkillAlias.objects.for_owner(owner).filter(skill_id__in=list(by_skill))
    for key, skill_id in aliases.values_list("key", "skill_id"):
        found.setdefault(key, []).append(by_skill[skill_id])
    role = target_role(owner=owner)
    if role is not None and role.name:
        found.setdefault(skill_key(role.name), []).extend(gap.need for gap in gaps)
    return found


def learning_signal(*, owner: Any, today: date) -> coach.LearningSignal:
    """The last learning entry, and when the record begins (the first entry or
    the day the owner joined): two reads along the entry indexes."""
    entries = Entry.objects.for_owner(owner).filter(occurred_on__lte=today)
    days = entries.order_by("occurred_on").values_list("occurred_on", flat=True)
    last = days.filter(kind=EntryKind.LEARNING).order_by("-occurred_on").first()
    joined = timezone.localdate(owner.date_joined)
    began = min(day for day in (joined, days.first()) if day is not None)
    link = f"{reverse('journal:entry-list')}?new={EntryKind.LEARNING}#entry-form"
    return coach.LearningSignal(last, began, link)


def as_dict(item: coach.NextAction) -> dict[str, Any]:
    """The shape `headway next --json` and `GET /api/v1/next` print."""
    return {
        "title": item.title,
        "score": item.score,
        "why": [{"term": term.term, "value": term.value} for term in item.why],
        "link": item.link,
    }
