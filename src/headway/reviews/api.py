"""The rhythm over JSON: the agenda, the cadences, momentum and drift; and
the whole archive."""

from __future__ import annotations

import tempfile
from typing import Any

from django.http import FileResponse, HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.params.functions import Query

from headway.coach.agenda import DEFAULT_DAYS
from headway.core.auth import request_owner
from headway.growth.api import GapOut
from headway.growth.services import need_find
from headway.reviews import next_actions, selectors, services
from headway.reviews.archive import archive_export
from headway.reviews.growth_plan import gap_act, gap_plan
from headway.reviews.momentum import momentum_report, report_as_dict

agenda_router = Router()
cadences_router = Router()
momentum_router = Router()


class Detail(Schema):
    detail: Any


class AgendaItemOut(Schema):
    due: str
    kind: str
    title: str
    link: str
    key: str = Field(
        description="For an expiring certification or a promised adjustment, "
        "what POST /agenda/{key}/done or /later settles; empty otherwise."
    )


class CadenceOut(Schema):
    kind: str
    label: str
    every_days: int | None
    on: bool
    last_done: str | None
    next_due: str | None


class CadenceIn(Schema):
    every_days: int | None = Field(
        ..., description="Days between two; null switches the cadence off."
    )


class DoneIn(Schema):
    date: str = Field("", description="When it was done; today when empty.")


class LaterIn(Schema):
    days: int = Field(30, description="Bring it back after this many days.")


@agenda_router.get(
    "", response={200: list[AgendaItemOut], 422: Detail}, summary="What is due"
)
def agenda_list(request: HttpRequest, days: int = DEFAULT_DAYS) -> Any:
    if not 0 <= days <= 366:
        return Status(422, {"detail": "days: choose between 0 and 366."})
    rows = selectors.agenda(owner=request_owner(request), days=days)
    return [selectors.agenda_as_dict(row) for row in rows]


@agenda_router.post(
    "/{key}/done", response={204: None, 404: Detail}, summary="Settle an item"
)
def agenda_done(request: HttpRequest, key: str) -> Any:
    services.agenda_mark(owner=request_owner(request), key=key, done=True)
    return Status(204, None)


@agenda_router.post(
    "/{key}/later",
    response={204: None, 404: Detail, 422: Detail},
    summary="Bring an item back later",
)
def agenda_later(request: HttpRequest, key: str, payload: LaterIn) -> Any:
    services.agenda_mark(
        owner=request_owner(request), key=key, done=False, later_days=payload.days
    )
    return Status(204, None)


@cadences_router.get("", response=list[CadenceOut], summary="Every cadence")
def cadences_list(request: HttpRequest) -> list[dict[str, Any]]:
    rows = selectors.cadences_list(owner=request_owner(request))
    return [selectors.cadence_as_dict(row) for row in rows]


@cadences_router.put(
    "/{kind}",
    response={200: CadenceOut, 404: Detail, 422: Detail},
    summary="Change or switch off a cadence",
)
def cadence_set(request: HttpRequest, kind: str, payload: CadenceIn) -> Any:
    owner = request_owner(request)
    row = services.cadence_set(owner=owner, kind=kind, every_days=payload.every_days)
    return _one(owner, row.kind)


@cadences_router.post(
    "/{kind}/done",
    response={200: CadenceOut, 404: Detail, 422: Detail},
    summary="Record a cadence kept",
)
def cadence_done(request: HttpRequest, kind: str, payload: DoneIn) -> Any:
    owner = request_owner(request)
    row = services.cadence_done(owner=owner, kind=kind, on=payload.date or None)
    return _one(owner, row.kind)


def _one(owner: Any, kind: str) -> dict[str, Any]:
    rows = selectors.cadences_list(owner=owner)
    return next(selectors.cadence_as_dict(row) for row in rows if row.kind == kind)


MONTHS = Query(12, ge=1, le=120, description="How many months, up to this one.")


class MonthOut(Schema):
    month: str
    score: float
    activities: dict[str, int]
    complete: bool


class WeekOut(Schema):
    start: str
    score: float
    count: int
    level: int


class TrendOut(Schema):
    slope: float
    direction: str


class RuleOut(Schema):
    rule: str
    since: str
    message: str


class LinkOut(Schema):
    kind: str
    id: int | None


class SuggestionOut(Schema):
    action: str
    reason: str
    link: LinkOut
    ends: list[str]


class DriftOut(Schema):
    drifting: bool
    rules: list[RuleOut]
    suggestions: list[SuggestionOut]


class MomentumOut(Schema):
    months: list[MonthOut]
    weeks: list[WeekOut]
    trend: TrendOut
    drift: DriftOut


@momentum_router.get(
    "", response={200: MomentumOut}, summary="Momentum per month and week, and drift"
)
def momentum(request: HttpRequest, months: int = MONTHS) -> dict[str, Any]:
    return report_as_dict(momentum_report(owner=request_owner(request), months=months))


next_router = Router()


class TermOut(Schema):
    term: str = Field(description="What counts: due, behind, priority, gap, ...")
    value: float = Field(description="The points it adds to the score.")


class NextActionOut(Schema):
    title: str
    score: float
    why: list[TermOut]
    link: str


@next_router.get(
    "",
    response={200: list[NextActionOut]},
    summary="The next career actions, ranked",
    description="What to do next, highest score first; each item's score is "
    "the sum of its terms (`why`), and `link` is the page to act on it.",
)
def next_list(
    request: HttpRequest,
    limit: int | None = Query(None, ge=1, le=1000, description="At most this many."),
) -> list[dict[str, Any]]:
    items = next_actions.next_actions(owner=request_owner(request))
    return [next_actions.as_dict(item) for item in items[:limit]]


archive_router = Router()


@archive_router.get(
    "",
    response={200: None},
    summary="Everything you have, as one archive",
    description="The zip `headway export archive` writes: every row you own as "
    "JSON and your work-sample files, with a SHA-256 manifest. API tokens are "
    "not in it.",
    openapi_extra={
        "responses": {
            200: {
                "description": "The archive.",
                "content": {
                    "application/zip": {
                        "schema": {"type": "string", "format": "binary"}
                    }
                },
            }
        }
    },
)
def archive_download(request: HttpRequest) -> Any:
    # FileResponse closes it once the body is sent.
    target = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    archive_export(owner=request_owner(request), target=target)
    target.seek(0)
    response = FileResponse(
        target,
        as_attachment=True,
        filename=f"headway-archive-{timezone.localdate().isoformat()}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "no-store"
    return response


# --- acting on a gap (the gap page and `headway gap actions|act`) ------------

gap_plan_router = Router()


class HelperOut(Schema):
    id: int
    name: str
    strength: int
    last_touch: str | None
    why: list[str]


class ActionOut(Schema):
    key: str
    name: str


class GapActionsOut(Schema):
    gap: GapOut
    actions: list[ActionOut]
    helpers: list[HelperOut]


class GapActIn(Schema):
    need: str = Field(
        ...,
        description="The need of the active target role: its skill, an alias "
        "or its text, as `headway gap act` takes it.",
    )
    action: str = Field(
        "",
        description="An action key from GET /gaps/actions; the first that fits "
        "the gap when empty.",
    )


class ActedOut(Schema):
    goal_id: int
    statement: str
    due: str | None
    priority: str | None
    gap: GapOut
    helpers: list[HelperOut]


@gap_plan_router.get(
    "/actions",
    response={200: GapActionsOut, 404: Detail, 422: Detail},
    summary="The actions that fit a gap, and who can help with it",
)
def gap_actions(request: HttpRequest, need: str) -> Any:
    owner = request_owner(request)
    return gap_plan(owner=owner, need_id=need_find(owner=owner, text=need).pk).as_dict()


@gap_plan_router.post(
    "/act",
    response={201: ActedOut, 404: Detail, 422: Detail},
    summary="Draft a goal for a gap from an action; change it with PUT /goals/{id}",
)
def gap_act_create(request: HttpRequest, payload: GapActIn) -> Status[Any]:
    owner = request_owner(request)
    acted = gap_act(owner=owner, need_text=payload.need, action_key=payload.action)
    return Status(201, acted.as_dict())
