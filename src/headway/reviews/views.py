"""The dashboard and the rhythm page: what to do now, composed from every area."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from headway.coach.numbers import plural
from headway.core.errors import HeadwayError
from headway.core.forms import add_service_error
from headway.core.rendering import render_page
from headway.goals.models import GoalStatus
from headway.goals.selectors import goals_list, progress_of
from headway.journal.forms import QuickCaptureForm
from headway.journal.models import EntryKind
from headway.journal.selectors import entries_recent
from headway.network.selectors import due_list
from headway.reviews import next_actions, onboarding, selectors, services
from headway.reviews.forms import CadencesForm
from headway.reviews.heatmap import drift_view, heat_map
from headway.reviews.momentum import momentum_report

# Each kind of growth activity as counted words: (one, many).
KIND_NOUNS = {
    "accomplishment": ("accomplishment", "accomplishments"),
    "learning": ("learning entry", "learning entries"),
    "talk": ("talk", "talks"),
    "content": ("post or piece of content", "posts and pieces of content"),
    "initiative": ("initiative", "initiatives"),
    "strong_tie": ("new strong tie", "new strong ties"),
    "goal_checkin": ("goal check-in", "goal check-ins"),
    "reading": ("reading entry", "reading entries"),
}


def momentum_context(owner: Any, today: date | None = None) -> dict[str, Any]:
    """What `reviews/_heatmap.html` and `reviews/_drift.html` need, for any page."""
    report = momentum_report(owner=owner, today=today or timezone.localdate())
    months = [
        (
            row,
            [
                plural(count, *KIND_NOUNS[kind])
                for kind, count in row.activities.items()
            ],
        )
        for row in reversed(report.momentum.months)
    ]
    return {
        "momentum": report.momentum,
        "heatmap": heat_map(report.momentum),
        "month_rows": months,
        "drift": drift_view(report.drift),
    }


@require_GET
def momentum_page(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/momentum_page.html", momentum_context(request.user))


DASHBOARD_ROWS = 5
AGENDA_ROWS = 8


def dashboard(request: HttpRequest) -> HttpResponse:
    """What should I do now: the agenda first, then goals, evidence, people."""
    owner = request.user
    start = services.onboarding_get(owner=owner)  # read once for both uses
    if onboarding.should_start(owner=owner, state=start):
        return redirect("reviews:start")
    context = _dashboard_context(owner, capture=QuickCaptureForm())
    context["start"] = onboarding.progress(owner=owner, state=start)
    return render_page(request, "reviews/dashboard.html", context)


def _dashboard_context(owner: Any, *, capture: QuickCaptureForm) -> dict[str, Any]:
    today = timezone.localdate()
    due = due_list(owner=owner, today=today)
    # Read once: the agenda and the goal list below both need them.
    active = list(goals_list(owner=owner, status=GoalStatus.ACTIVE))
    agenda = selectors.agenda(owner=owner, today=today, due_rows=due, goals=active)
    goals = [(goal, progress_of(goal, today=today)) for goal in active]
    upcoming = next_actions.next_actions(
        owner=owner, today=today, due_rows=due, agenda_rows=agenda
    )
    return momentum_context(owner, today) | {
        "capture": capture,
        "next_actions": upcoming[: next_actions.TOP],
        "next_count": len(upcoming),
        "agenda": agenda[:AGENDA_ROWS],
        "agenda_count": len(agenda),
        "overdue_count": sum(1 for row in agenda if row.due < today),
        "today": today,
        "goals": sorted(goals, key=lambda row: row[1].pace != "behind")[
            :DASHBOARD_ROWS
        ],
        "goal_count": len(goals),
        "behind_count": sum(1 for _, progress in goals if progress.pace == "behind"),
        "accomplishments": entries_recent(
            owner=owner, kind=EntryKind.ACCOMPLISHMENT, limit=DASHBOARD_ROWS
        ),
        "due_count": len(due),
    }


@require_GET
def next_page(request: HttpRequest) -> HttpResponse:
    """Every next career action, ranked, each with why."""
    items = next_actions.next_actions(owner=request.user)
    return render(request, "reviews/next_actions.html", {"next_actions": items})


def rhythm(request: HttpRequest) -> HttpResponse:
    """Every cadence with its last and next date, and the whole agenda."""
    owner = request.user
    rows = selectors.cadences_list(owner=owner)
    form = CadencesForm(
        request.POST or None,
        current={row.kind: row.every_days for row in rows},
        table=True,
    )
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            services.cadences_set(owner=owner, every_days=form.cleaned_data)
        except (ValidationError, HeadwayError) as error:
            add_service_error(form, error)
        else:
            saved = True
            rows = selectors.cadences_list(owner=owner)
    return render_page(
        request,
        "reviews/rhythm.html",
        {
            "cadences": [(row, form[row.kind]) for row in rows],
            "form": form,
            "saved": saved,
            "agenda": selectors.agenda(owner=owner, today=timezone.localdate()),
            "today": timezone.localdate(),
        },
    )


@require_POST
def cadence_done(request: HttpRequest, kind: str) -> HttpResponse:
    services.cadence_done(owner=request.user, kind=kind)
    return _back(request)


@require_POST
def agenda_mark(request: HttpRequest) -> HttpResponse:
    """Settle an agenda item, or bring it back later."""
    services.agenda_mark(
        owner=request.user,
        key=request.POST.get("key", ""),
        done=request.POST.get("action") == "done",
    )
    return _back(request)


def _back(request: HttpRequest) -> HttpResponse:
    """Back to the page the form was on: the dashboard or the rhythm page."""
    on_dashboard = request.POST.get("next") == "dashboard"
    return redirect("reviews:dashboard" if on_dashboard else "reviews:rhythm")
