"""Opportunities over JSON: companies, openings and their moves, mentor asks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.params.functions import Path

from headway.core.auth import request_owner
from headway.network.selectors import contact_get
from headway.opportunities import selectors, services

companies_router = Router()
openings_router = Router()
mentors_router = Router()
ID_MAX = 2**31 - 1
CompanyId = Path(..., ge=1, le=ID_MAX)
OpeningId = Path(..., ge=1, le=ID_MAX)
CandidateId = Path(..., ge=1, le=ID_MAX)


class Detail(Schema):
    detail: Any


ERRORS = {400: Detail, 404: Detail, 409: Detail, 422: Detail}


class CompanyIn(Schema):
    name: str = Field(..., description="1 to 200 characters.")
    why: str = ""
    target_role: str = ""
    fits: dict[int, str] = Field(
        default_factory=dict,
        description="Priority id → fits, neutral or conflicts.",
    )


class PersonOut(Schema):
    id: int
    name: str
    strength: int
    last_touch: date | None


class IntroducerOut(Schema):
    id: int
    name: str
    knows: list[str]


class CompanyOut(Schema):
    id: int
    name: str
    why: str
    target_role: str
    fits: dict[str, str]
    contacts: list[PersonOut] = Field(default_factory=list)
    introducers: list[IntroducerOut] = Field(default_factory=list)


class OpeningIn(Schema):
    company_id: int = Field(..., ge=1, le=ID_MAX)
    role: str
    source: str = Field(..., description="referral, recruiter, posting or inbound.")
    referrer_id: int | None = Field(None, ge=1, le=ID_MAX)
    link: str = Field("", description="http(s) only.")
    notes: str = ""
    on: str | None = None


class OpeningOut(Schema):
    id: int
    company: str
    role: str
    stage: str
    source: str
    referrer: str | None
    updated: date
    next_follow_up: date | None
    link: str


class MoveIn(Schema):
    stage: str
    on: str | None = None
    notes: str = ""
    force: bool = Field(False, description="Confirm a move that skips stages.")
    goal_id: int | None = Field(
        None, ge=0, le=ID_MAX, description="Applications goal to check in on; 0: none."
    )
    lesson: str = Field("", description="Declined/rejected: log a setback.")
    role_started_on: str | None = Field(None, description="Accepted: add the role.")


class CandidateIn(Schema):
    contact_id: int = Field(..., ge=1, le=ID_MAX)
    why: str = ""
    hope_to_learn: str = ""


class CandidateOut(Schema):
    id: int
    contact_id: int
    name: str
    stage: str
    updated: date
    asked_on: date | None
    why: str
    hope_to_learn: str
    message: str
    next_follow_up: date | None


class CandidateMoveIn(Schema):
    stage: str
    on: str | None = None
    message: str | None = None


@companies_router.get("", response={200: list[CompanyOut]}, summary="Your companies")
def company_list(request: HttpRequest) -> list[dict[str, Any]]:
    owner = request_owner(request)
    return [selectors.company_as_dict(c) for c in selectors.companies_list(owner=owner)]


@companies_router.post("", response={201: CompanyOut, **ERRORS}, summary="Add one")
def company_create(request: HttpRequest, payload: CompanyIn) -> Status[Any]:
    owner = request_owner(request)
    company = services.company_create(owner=owner, **payload.dict())
    return Status(201, selectors.company_as_dict(company))


@companies_router.get(
    "/{company_id}", response={200: CompanyOut, **ERRORS}, summary="One, with people"
)
def company_detail(request: HttpRequest, company_id: int = CompanyId) -> Any:
    owner = request_owner(request)
    company = selectors.company_get(owner=owner, pk=company_id)
    who = selectors.who_i_know(owner=owner, company=company)
    return selectors.company_as_dict(company, who=who)


@companies_router.delete(
    "/{company_id}", response={204: None, **ERRORS}, summary="Remove one"
)
def company_delete(request: HttpRequest, company_id: int = CompanyId) -> Status[None]:
    owner = request_owner(request)
    company = selectors.company_get(owner=owner, pk=company_id)
    services.company_delete(owner=owner, company=company)
    return Status(204, None)


@openings_router.get("", response={200: list[OpeningOut]}, summary="Your openings")
def opening_list(request: HttpRequest, stage: str = "") -> list[dict[str, Any]]:
    owner = request_owner(request)
    return [
        selectors.opening_as_dict(o)
        for o in selectors.openings_list(owner=owner, stage=stage)
    ]


@openings_router.post("", response={201: OpeningOut, **ERRORS}, summary="Add one")
def opening_create(request: HttpRequest, payload: OpeningIn) -> Status[Any]:
    owner = request_owner(request)
    values = payload.dict()
    company = selectors.company_get(owner=owner, pk=values.pop("company_id"))
    referrer_id = values.pop("referrer_id")
    referrer = contact_get(owner=owner, pk=referrer_id) if referrer_id else None
    opening = services.opening_create(
        owner=owner, company=company, referrer=referrer, **values
    )
    return Status(201, selectors.opening_as_dict(opening))


@openings_router.get(
    "/{opening_id}", response={200: OpeningOut, **ERRORS}, summary="One opening"
)
def opening_detail(request: HttpRequest, opening_id: int = OpeningId) -> Any:
    owner = request_owner(request)
    return selectors.opening_as_dict(selectors.opening_get(owner=owner, pk=opening_id))


@openings_router.post(
    "/{opening_id}/moves", response={200: OpeningOut, **ERRORS}, summary="Move it"
)
def opening_move(
    request: HttpRequest, payload: MoveIn, opening_id: int = OpeningId
) -> Any:
    owner = request_owner(request)
    opening = selectors.opening_get(owner=owner, pk=opening_id)
    services.opening_move(owner=owner, opening=opening, **payload.dict())
    return selectors.opening_as_dict(opening)


class FollowUpIn(Schema):
    on: str | None = Field(None, description="When you followed up; default today.")


@openings_router.post(
    "/{opening_id}/follow-ups",
    response={200: OpeningOut, **ERRORS},
    summary="Record a follow-up sent",
)
def opening_follow_up(
    request: HttpRequest, payload: FollowUpIn, opening_id: int = OpeningId
) -> Any:
    owner = request_owner(request)
    opening = selectors.opening_get(owner=owner, pk=opening_id)
    services.opening_follow_up_record(owner=owner, opening=opening, on=payload.on)
    return selectors.opening_as_dict(opening)


@mentors_router.get(
    "", response={200: list[CandidateOut]}, summary="People you may ask to mentor you"
)
def candidate_list(request: HttpRequest) -> list[dict[str, Any]]:
    owner = request_owner(request)
    return [
        selectors.candidate_as_dict(c) for c in selectors.candidates_list(owner=owner)
    ]


@mentors_router.post("", response={201: CandidateOut, **ERRORS}, summary="Add one")
def candidate_create(request: HttpRequest, payload: CandidateIn) -> Status[Any]:
    owner = request_owner(request)
    values = payload.dict()
    contact = contact_get(owner=owner, pk=values.pop("contact_id"))
    candidate = services.candidate_add(owner=owner, contact=contact, **values)
    return Status(201, selectors.candidate_as_dict(candidate))


@mentors_router.get(
    "/{candidate_id}", response={200: CandidateOut, **ERRORS}, summary="One"
)
def candidate_detail(request: HttpRequest, candidate_id: int = CandidateId) -> Any:
    owner = request_owner(request)
    return selectors.candidate_as_dict(
        selectors.candidate_get(owner=owner, pk=candidate_id)
    )


@mentors_router.post(
    "/{candidate_id}/moves", response={200: CandidateOut, **ERRORS}, summary="Move"
)
def candidate_move(
    request: HttpRequest, payload: CandidateMoveIn, candidate_id: int = CandidateId
) -> Any:
    owner = request_owner(request)
    candidate = selectors.candidate_get(owner=owner, pk=candidate_id)
    services.candidate_move(owner=owner, candidate=candidate, **payload.dict())
    return selectors.candidate_as_dict(candidate)


@mentors_router.get(
    "/{candidate_id}/draft", response={200: dict[str, str], **ERRORS}, summary="Draft"
)
def candidate_draft(request: HttpRequest, candidate_id: int = CandidateId) -> Any:
    owner = request_owner(request)
    candidate = selectors.candidate_get(owner=owner, pk=candidate_id)
    return {"message": services.candidate_draft(owner=owner, candidate=candidate)}
