"""The dashboard: what needs attention now, composed from every area."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from headway.goals.models import GoalStatus
from headway.goals.selectors import goals_list, progress_of
from headway.journal.models import Entry
from headway.journal.selectors import entries_recent
from headway.network.selectors import due_list

DASHBOARD_ROWS = 5


def dashboard(request: HttpRequest) -> HttpResponse:
    """What needs attention now: goals off the line, people due, the latest log."""
    today = timezone.localdate()
    owner = request.user
    entries = Entry.objects.for_owner(owner)
    goals = [
        (goal, progress_of(goal, today=today))
        for goal in goals_list(owner=owner, status=GoalStatus.ACTIVE)
    ]
    due = due_list(owner=owner, today=today)
    context = {
        "recent": entries_recent(owner=owner, limit=DASHBOARD_ROWS),
        "month_count": entries.filter(
            occurred_on__year=today.year, occurred_on__month=today.month
        ).count(),
        "total_count": entries.count(),
        "goals": sorted(goals, key=lambda row: row[1].pace != "behind")[
            :DASHBOARD_ROWS
        ],
        "goal_count": len(goals),
        "behind_count": sum(1 for _, progress in goals if progress.pace == "behind"),
        "due": due[:DASHBOARD_ROWS],
        "due_count": len(due),
    }
    return render(request, "reviews/dashboard.html", context)
