"""Goals over JSON: CRUD for goals and check-ins, and the SMART coach."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.params.functions import Path

from headway.coach.smart import GoalDraft, smart_check
from headway.core.auth import request_owner
from headway.goals import selectors, services
from headway.goals.models import GoalStatus

router = Router()
coach_router = Router()
ID_MAX = 2**31 - 1
GoalId = Path(..., ge=1, le=ID_MAX)


class Detail(Schema):
    detail: Any


class GoalIn(Schema):
    statement: str = Field(..., description="The goal, 1 to 1,000 characters.")
    horizon: str = Field("short", description="short or long.")
    target: float | None = Field(None, description="A number to reach, above 0.")
    unit: str = Field("", description="What is counted: applications, talks…")
    recurrence: str = Field(
        "", description="Empty, or week, month, quarter, year: a target per period."
    )
    due: str | None = Field(
        None, description="2027-06-30, 'end of year', 'in 6 months'."
    )
    priority: str | None = Field(
        None, description="The priority it serves: its key, name or part of it."
    )
    priority_id: int | None = Field(None, ge=1, le=ID_MAX)


class GoalOut(Schema):
    id: int
    statement: str
    status: str
    horizon: str
    due: str | None
    started_on: str
    target: float | None
    unit: str
    recurrence: str | None
    priority: str | None
    priority_id: int | None
    drop_reason: str
    closed_on: str | None
    done: float
    period_target: float | None = Field(
        None, description="The target this period (pro-rated in a first period)."
    )
    progress: float | None
    pace: str | None
    outcome: str | None = Field(
        None, description="A goal without a target: 'done' or 'not yet'."
    )


class CheckInIn(Schema):
    value: float = Field(..., description="Progress made: how many more.")
    checked_on: str | None = Field(None, description="When; default today.")
    note: str = ""


class CheckInOut(Schema):
    id: int
    goal_id: int
    checked_on: str
    value: float
    note: str


class DropIn(Schema):
    reason: str = Field(..., description="Why the goal no longer matters.")


class SmartIn(Schema):
    statement: str = Field(..., max_length=10_000)
    due: str | None = None
    target: float | None = None
    unit: str = ""
    recurrence: str = ""
    priority: str | None = Field(None, description="The priority it would serve.")


class CheckOut(Schema):
    verdict: str
    reason: str
    hint: str


class SmartOut(Schema):
    specific: CheckOut
    measurable: CheckOut
    achievable: CheckOut
    relevant: CheckOut
    time_bound: CheckOut
    parsed_due: str | None


def _goal_arguments(request: HttpRequest, payload: GoalIn) -> dict[str, Any]:
    data = payload.dict()
    priority_id = data.pop("priority_id")
    data["priority"] = priority_id if priority_id is not None else data["priority"]
    return data


ERRORS = {404: Detail, 409: Detail, 422: Detail}


@router.post("", response={201: GoalOut, **ERRORS}, summary="Set a goal")
def goal_create(request: HttpRequest, payload: GoalIn) -> Status[Any]:
    goal = services.goal_create(
        owner=request_owner(request), **_goal_arguments(request, payload)
    )
    return Status(201, selectors.goal_as_dict(goal))


@router.get("", response={200: list[GoalOut], 422: Detail}, summary="Your goals")
def goal_list(request: HttpRequest, status: str | None = None) -> Any:
    if status and status not in GoalStatus.values:
        return Status(422, {"detail": "status is active, achieved or dropped."})
    goals = selectors.goals_list(owner=request_owner(request), status=status or None)
    return [selectors.goal_as_dict(goal) for goal in goals]


@router.get("/{goal_id}", response={200: GoalOut, **ERRORS}, summary="One goal")
def goal_detail(request: HttpRequest, goal_id: int = GoalId) -> dict[str, Any]:
    goal = selectors.goal_get(owner=request_owner(request), pk=goal_id)
    return selectors.goal_as_dict(goal)


@router.put("/{goal_id}", response={200: GoalOut, **ERRORS}, summary="Change a goal")
def goal_update(
    request: HttpRequest, payload: GoalIn, goal_id: int = GoalId
) -> dict[str, Any]:
    goal = services.goal_update(
        owner=request_owner(request),
        goal_id=goal_id,
        **_goal_arguments(request, payload),
    )
    return selectors.goal_as_dict(goal)


@router.delete("/{goal_id}", response={204: None, **ERRORS}, summary="Delete a goal")
def goal_delete(request: HttpRequest, goal_id: int = GoalId) -> Status[None]:
    services.goal_delete(owner=request_owner(request), goal_id=goal_id)
    return Status(204, None)


@router.post("/{goal_id}/done", response={200: GoalOut, **ERRORS}, summary="Achieved")
def goal_done(request: HttpRequest, goal_id: int = GoalId) -> dict[str, Any]:
    goal = services.goal_achieve(owner=request_owner(request), goal_id=goal_id)
    return selectors.goal_as_dict(goal)


@router.post("/{goal_id}/drop", response={200: GoalOut, **ERRORS}, summary="Drop it")
def goal_drop(
    request: HttpRequest, payload: DropIn, goal_id: int = GoalId
) -> dict[str, Any]:
    goal = services.goal_drop(
        owner=request_owner(request), goal_id=goal_id, reason=payload.reason
    )
    return selectors.goal_as_dict(goal)


@router.get(
    "/{goal_id}/checkins",
    response={200: list[CheckInOut], **ERRORS},
    summary="A goal's check-ins, oldest first",
)
def checkin_list(request: HttpRequest, goal_id: int = GoalId) -> list[dict[str, Any]]:
    goal = selectors.goal_get(owner=request_owner(request), pk=goal_id)
    return [selectors.checkin_as_dict(c) for c in goal.checkins.all()]


@router.post(
    "/{goal_id}/checkins",
    response={201: CheckInOut, **ERRORS},
    summary="Record progress",
)
def checkin_create(
    request: HttpRequest, payload: CheckInIn, goal_id: int = GoalId
) -> Status[Any]:
    checkin = services.checkin_create(
        owner=request_owner(request), goal_id=goal_id, **payload.dict()
    )
    return Status(201, selectors.checkin_as_dict(checkin))


@router.delete(
    "/{goal_id}/checkins/{checkin_id}",
    response={204: None, **ERRORS},
    summary="Delete a check-in",
)
def checkin_delete(
    request: HttpRequest,
    goal_id: int = GoalId,
    checkin_id: int = Path(..., ge=1, le=ID_MAX),
) -> Status[None]:
    owner = request_owner(request)
    goal = selectors.goal_get(owner=owner, pk=goal_id)
    if not goal.checkins.filter(pk=checkin_id).exists():
        from django.http import Http404

        raise Http404("No such check-in.")
    services.checkin_delete(owner=owner, checkin_id=checkin_id)
    return Status(204, None)


@coach_router.post(
    "", response={200: SmartOut, 422: Detail}, summary="Check a goal against SMART"
)
def coach_smart(request: HttpRequest, payload: SmartIn) -> dict[str, object]:
    """The five verdicts for a draft goal; nothing is saved."""
    owner = request_owner(request)
    today = timezone.localdate()
    due = services.date_parse(payload.due, field="due", today=today, prefer="future")
    target = services.target_parse(payload.target) if payload.target else None
    priority = ""
    if payload.priority:
        priority = services.priority_resolve(
            owner=owner, priority=payload.priority
        ).name  # type: ignore[union-attr]
    return smart_check(
        GoalDraft(
            statement=payload.statement,
            today=today,
            due=due,
            target=target,
            unit=payload.unit,
            recurrence=payload.recurrence,
            priority=priority,
            priorities=selectors.current_priority_names(owner=owner),
        )
    ).as_dict()
