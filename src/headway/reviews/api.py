"""Momentum and drift over JSON: the same shape as `headway momentum --json`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.params.functions import Query

from headway.api.auth import request_owner
from headway.reviews.momentum import momentum_report, report_as_dict

router = Router()
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


@router.get(
    "", response={200: MomentumOut}, summary="Momentum per month and week, and drift"
)
def momentum(request: HttpRequest, months: int = MONTHS) -> dict[str, Any]:
    return report_as_dict(momentum_report(owner=request_owner(request), months=months))
