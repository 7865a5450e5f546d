"""Goal pages: the list with progress, the goal with its check-ins, the coached form."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from headway.coach.smart import GoalDraft, SmartReport, smart_check
from headway.core.deleting import delete_confirm, deleted
from headway.core.errors import HeadwayError
from headway.core.forms import add_service_error
from headway.core.rendering import HtmxHttpRequest, render_page
from headway.goals import selectors, services
from headway.goals.charts import progress_chart
from headway.goals.forms import CheckInForm, DropForm, GoalForm
from headway.goals.models import GoalStatus
from headway.growth.models import Priority


def goal_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in GoalStatus.values:
        status = ""
    today = timezone.localdate()
    rows = [
        (goal, selectors.progress_of(goal, today=today))
        for goal in selectors.goals_list(owner=request.user, status=status or None)
    ]
    return render_page(
        request,
        "goals/goal_list.html",
        {"rows": rows, "status": status, "statuses": GoalStatus.choices},
    )


def _draft_report(request: HttpRequest, form: GoalForm) -> SmartReport:
    """The coach's verdicts on whatever the form holds so far, valid or not."""
    data = form.data
    today = timezone.localdate()
    priority = (
        Priority.objects.for_owner(request.user)
        .filter(pk=_int(data.get("priority")))
        .first()
    )
    try:
        due = services.date_parse(
            str(data.get("due", "")), field="due", today=today, prefer="future"
        )
    except ValidationError:
        due = None
    try:
        target = services.target_parse(str(data.get("target", "")))
    except ValidationError:
        target = None
    return smart_check(
        GoalDraft(
            statement=str(data.get("statement", "")),
            today=today,
            due=due,
            target=target,
            unit=str(data.get("unit", "")),
            recurrence=str(data.get("recurrence", "")),
            priority=priority.name if priority else "",
            priorities=selectors.current_priority_names(owner=request.user),
        )
    )


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_POST
def goal_coach(request: HtmxHttpRequest) -> HttpResponse:
    """The live SMART coach: the form posts here as the user types."""
    form = GoalForm(request.POST, owner=request.user)
    return render_page(
        request,
        "goals/goal_form.html",
        {"form": form, "report": _draft_report(request, form)},
        partial="smart-coach",
    )


def goal_create(request: HtmxHttpRequest) -> HttpResponse:
    return _goal_form(request, goal_id=None)


def goal_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    goal = selectors.goal_get(owner=request.user, pk=pk)
    return _goal_form(request, goal_id=goal.pk, initial=_initial(goal))


def _initial(goal: Any) -> dict[str, Any]:
    return {
        "statement": goal.statement,
        "horizon": goal.horizon,
        "target": f"{goal.target:g}" if goal.target is not None else "",
        "unit": goal.unit,
        "recurrence": goal.recurrence,
        "due": goal.due.isoformat() if goal.due else "",
        "priority": goal.priority_id or "",
    }


def _goal_form(
    request: HtmxHttpRequest,
    *,
    goal_id: int | None,
    initial: dict[str, Any] | None = None,
) -> HttpResponse:
    posted = request.method == "POST"
    form = GoalForm(
        request.POST if posted else None, owner=request.user, initial=initial
    )
    if posted and form.is_valid():
        arguments = form.service_arguments()
        if not arguments["due"] and request.POST.get("use_parsed_due"):
            arguments["due"] = request.POST["use_parsed_due"]
        try:
            if goal_id is None:
                goal = services.goal_create(owner=request.user, **arguments)
            else:
                goal = services.goal_update(
                    owner=request.user, goal_id=goal_id, **arguments
                )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("goals:goal-detail", goal.pk)
    report = _draft_report(request, form) if form.is_bound or initial else None
    return render_page(
        request,
        "goals/goal_form.html",
        {"form": form, "report": report, "goal_id": goal_id},
    )


def _detail_context(request: HttpRequest, pk: int, **extra: Any) -> dict[str, Any]:
    today = timezone.localdate()
    goal = selectors.goal_get(owner=request.user, pk=pk)
    progress = selectors.progress_of(goal, today=today)
    return {
        "goal": goal,
        "progress": progress,
        "chart": progress_chart(goal, progress, today=today),
        "checkins": list(goal.checkins.all()),
        "entries": selectors.goal_entries(goal),
        "comments": selectors.goal_comments(goal),
        "report": selectors.smart_of(
            goal,
            priorities=selectors.current_priority_names(owner=request.user),
            today=today,
        ),
        "checkin_form": extra.pop("checkin_form", None) or CheckInForm(),
        "drop_form": extra.pop("drop_form", None) or DropForm(),
        **extra,
    }


def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_page(request, "goals/goal_detail.html", _detail_context(request, pk))


@require_POST
def goal_checkin(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    form = CheckInForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.checkin_create(owner=request.user, goal_id=pk, **form.cleaned_data)
        except ValidationError as problem:
            add_service_error(form, problem)
        except HeadwayError as problem:
            error = problem.message
        else:
            if not request.htmx:
                return redirect("goals:goal-detail", pk)
            form = CheckInForm()
    context = _detail_context(request, pk, checkin_form=form, checkin_error=error)
    return render_page(
        request, "goals/goal_detail.html", context, partial="goal-progress"
    )


@require_POST
def goal_done(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.goal_achieve(owner=request.user, goal_id=pk)
    except HeadwayError as problem:
        context = _detail_context(request, pk, status_error=problem.message)
        return render_page(request, "goals/goal_detail.html", context)
    return redirect("goals:goal-detail", pk)


@require_http_methods(["GET", "POST"])
def goal_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first (naming the check-ins that go too), then delete; dropping a
    goal, which keeps it, is offered on its page as well."""
    if request.method == "POST":
        deleted(request, services.goal_delete(owner=request.user, goal_id=pk))
        return redirect("goals:goal-list")
    goal = selectors.goal_get(owner=request.user, pk=pk)
    return delete_confirm(
        request,
        kind="goal",
        name=goal.statement,
        dependents=services.goal_delete_preview(owner=request.user, goal_id=pk),
        cancel=reverse("goals:goal-detail", args=[pk]),
    )


@require_POST
def goal_drop(request: HttpRequest, pk: int) -> HttpResponse:
    form = DropForm(request.POST)
    if form.is_valid():
        try:
            services.goal_drop(owner=request.user, goal_id=pk, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("goals:goal-detail", pk)
    context = _detail_context(request, pk, drop_form=form)
    return render_page(request, "goals/goal_detail.html", context)
