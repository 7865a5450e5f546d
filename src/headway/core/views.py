"""The dashboard, the sections still to come, and the health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from headway.goals.models import GoalStatus
from headway.goals.selectors import goals_list, progress_of
from headway.journal.models import Entry
from headway.journal.selectors import entries_recent
from headway.network.selectors import due_list

DASHBOARD_ROWS = 5

# The areas of DOMAIN.md that have a place in the navigation but no pages yet.
SECTIONS = {
    "reviews": (
        "Reviews",
        "Weekly, quarterly and yearly reviews written from your log.",
    ),
}


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
    return render(request, "core/dashboard.html", context)


def section(request: HttpRequest, name: str) -> HttpResponse:
    if name not in SECTIONS:
        raise Http404
    label, purpose = SECTIONS[name]
    return render(request, "core/section.html", {"label": label, "purpose": purpose})


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
