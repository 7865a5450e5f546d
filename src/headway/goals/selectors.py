"""Reads for goals: owner-scoped lists, progress and pace, the SMART report."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from headway.coach.progress import CheckInPoint, GoalFigures, Progress, goal_progress
from headway.coach.smart import GoalDraft, SmartReport, smart_check
from headway.goals.models import CheckIn, Goal


def goals_list(*, owner: Any, status: str | None = None) -> QuerySet[Goal]:
    """The owner's goals with what a list needs, in three queries whatever the size."""
    goals = (
        Goal.objects.for_owner(owner)
        .select_related("priority")
        .prefetch_related(Prefetch("checkins", queryset=CheckIn.objects.all()))
    )
    if status:
        goals = goals.filter(status=status)
    listed: QuerySet[Goal] = goals
    return listed


def goal_get(*, owner: Any, pk: int) -> Goal:
    """One of the owner's goals; anyone else's is the same 404 as a missing one."""
    goal = Goal.objects.for_owner(owner).select_related("priority").filter(pk=pk)
    found: Goal | None = goal.first()
    if found is None:
        raise Http404(f"No goal {pk} among yours; `headway goal list` shows them.")
    return found


def progress_of(goal: Goal, *, today: date | None = None) -> Progress:
    return goal_progress(
        GoalFigures(
            today=today or timezone.localdate(),
            started_on=goal.started_on,
            target=goal.target,
            recurrence=goal.recurrence,
            due=goal.due,
            status=goal.status,
            checkins=tuple(
                CheckInPoint(checked_on=c.checked_on, value=c.value)
                for c in goal.checkins.all()
            ),
        )
    )


def current_priority_names(*, owner: Any) -> tuple[str, ...]:
    from headway.growth.services import current_ranking

    return tuple(p.name for p in current_ranking(owner=owner))


def smart_of(
    goal: Goal, *, priorities: tuple[str, ...], today: date | None = None
) -> SmartReport:
    return smart_check(
        GoalDraft(
            statement=goal.statement,
            today=today or timezone.localdate(),
            due=goal.due,
            target=goal.target,
            unit=goal.unit,
            recurrence=goal.recurrence,
            priority=goal.priority.name if goal.priority else "",
            priorities=priorities,
        )
    )


def goal_as_dict(goal: Goal, *, today: date | None = None) -> dict[str, Any]:
    """The shape the CLI's --json and the API print."""
    progress = progress_of(goal, today=today)
    return {
        "id": goal.pk,
        "statement": goal.statement,
        "status": goal.status,
        "horizon": goal.horizon,
        "due": goal.due.isoformat() if goal.due else None,
        "started_on": goal.started_on.isoformat(),
        "target": goal.target,
        "unit": goal.unit,
        "recurrence": goal.recurrence or None,
        "priority": goal.priority.name if goal.priority else None,
        "priority_id": goal.priority_id,
        "drop_reason": goal.drop_reason,
        "closed_on": goal.closed_on.isoformat() if goal.closed_on else None,
        "done": progress.done,
        "period_target": progress.target,
        "progress": None if progress.fraction is None else round(progress.fraction, 4),
        "pace": progress.pace,
        "outcome": progress.state or None,
    }


def goal_entries(goal: Goal) -> list[Any]:
    """The owner's log entries linked to this goal, newest first (the log sits
    above goals, so they are reached through the reverse relation)."""
    return list(
        goal.entries.filter(owner_id=goal.owner_id).order_by("-occurred_on", "-pk")
    )


def goal_comments(goal: Goal) -> list[Any]:
    """Comments left on this goal through shares, oldest first."""
    from headway.accounts.models import ShareComment

    return list(ShareComment.objects.filter(goal=goal, share__owner_id=goal.owner_id))


def checkin_as_dict(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": checkin.pk,
        "goal_id": checkin.goal_id,
        "checked_on": checkin.checked_on.isoformat(),
        "value": checkin.value,
        "note": checkin.note,
    }
