"""Priorities and strengths over JSON."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from headway.core.auth import request_owner
from headway.growth import selectors, services

router = Router()


class Detail(Schema):
    detail: Any


class PriorityOut(Schema):
    id: int
    name: str
    key: str | None


class RankingOut(Schema):
    ranked_on: str
    ranked: list[PriorityOut]


class BoardOut(Schema):
    ranked_on: str | None
    ranked: list[PriorityOut]
    unranked: list[PriorityOut]
    history: list[RankingOut] = Field(default_factory=list)


class RankIn(Schema):
    priorities: list[str] = Field(
        ...,
        description="Most important first: keys, names or parts of names "
        "('promotion', 'new skill').",
        max_length=50,
    )


class PriorityIn(Schema):
    name: str = Field(..., description="A priority of your own, 1 to 120 characters.")


class StrengthsIn(Schema):
    energy: str = ""
    excel: str = ""
    enjoyed_roles: str = ""


class StrengthsOut(Schema):
    answered_on: str
    energy: str
    excel: str
    enjoyed_roles: str


@router.get("", response=BoardOut, summary="Current ranking, the rest, and history")
def priority_board(request: HttpRequest) -> dict[str, Any]:
    return selectors.priorities_as_dict(owner=request_owner(request), history=True)


@router.put("", response={200: BoardOut, 422: Detail}, summary="Rank for today")
def priorities_rank(request: HttpRequest, payload: RankIn) -> dict[str, Any]:
    owner = request_owner(request)
    services.priorities_rank_names(owner=owner, names=payload.priorities)
    return selectors.priorities_as_dict(owner=owner, history=True)


@router.post(
    "", response={201: PriorityOut, 422: Detail}, summary="Add a priority of your own"
)
def priority_add(request: HttpRequest, payload: PriorityIn) -> Status[Any]:
    priority = services.priority_add(owner=request_owner(request), name=payload.name)
    return Status(201, {"id": priority.pk, "name": priority.name, "key": None})


@router.get(
    "/strengths", response=list[StrengthsOut], summary="Strengths answers, newest first"
)
def strengths_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        selectors.strengths_as_dict(answer)
        for answer in selectors.strengths_history(owner=request_owner(request))
    ]


@router.post(
    "/strengths",
    response={201: StrengthsOut, 422: Detail},
    summary="Answer the three prompts for today",
)
def strengths_save(request: HttpRequest, payload: StrengthsIn) -> Status[Any]:
    answer = services.strengths_save(owner=request_owner(request), **payload.dict())
    return Status(201, selectors.strengths_as_dict(answer))


class TargetRoleIn(Schema):
    name: str = Field("", description="The role aimed for; empty clears it.")
    needs: list[str] = Field(
        default_factory=list, description="Skills and experiences it needs."
    )


class TargetRoleOut(Schema):
    name: str | None
    needs: list[str]


@router.get("/target-role", response=TargetRoleOut, summary="The role aimed for")
def target_role_show(request: HttpRequest) -> dict[str, Any]:
    return selectors.target_role_as_dict(
        selectors.target_role(owner=request_owner(request))
    )


@router.put(
    "/target-role",
    response={200: TargetRoleOut, 422: Detail},
    summary="Set or clear the role aimed for",
)
def target_role_set(request: HttpRequest, payload: TargetRoleIn) -> dict[str, Any]:
    owner = request_owner(request)
    services.target_role_set(owner=owner, name=payload.name, needs=payload.needs)
    return selectors.target_role_as_dict(selectors.target_role(owner=owner))


# --- skills and gaps (issue 11) -----------------------------------------------

skills_router = Router()
gaps_router = Router()


class SkillOut(Schema):
    id: int
    name: str
    category: str
    level: int | None
    evidence: int
    last_shown: str | None
    learned_this_year: bool


class RatingOut(Schema):
    level: int
    rated_on: str


class EvidenceOut(Schema):
    id: int
    kind: str
    title: str
    occurred_on: str


class SkillDetailOut(SkillOut):
    aliases: list[str]
    first_shown: str | None
    freshness_months: int | None
    ratings: list[RatingOut]
    entries: list[EvidenceOut]


class SkillPatch(Schema):
    name: str | None = Field(None, description="A new name for the skill.")
    category: str | None = Field(
        None, description="technical, leadership, communication, domain or other."
    )
    level: int | None = Field(
        None, description="Your rating today, 1 to 5; kept in the history."
    )


class GapOut(Schema):
    need: str
    kind: str
    state: str
    gap: str | None
    required: int | None
    current: int | None
    last_shown: str | None
    rank: int
    goal_id: int | None


@skills_router.get("", response=list[SkillOut], summary="Every skill, derived figures")
def skills_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        summary.as_dict()
        for summary in selectors.skills_overview(owner=request_owner(request))
    ]


@skills_router.get(
    "/{skill_id}",
    response={200: SkillDetailOut, 404: Detail},
    summary="One skill: ratings, aliases, evidence",
)
def skill_show(request: HttpRequest, skill_id: int) -> dict[str, Any]:
    owner = request_owner(request)
    skill = services.skill_get(owner=owner, skill_id=skill_id)
    return selectors.skill_detail_as_dict(owner=owner, skill=skill)


@skills_router.patch(
    "/{skill_id}",
    response={200: SkillDetailOut, 404: Detail, 422: Detail},
    summary="Rename, file under a category, or rate a skill",
)
def skill_patch(
    request: HttpRequest, skill_id: int, payload: SkillPatch
) -> dict[str, Any]:
    owner = request_owner(request)
    fields = payload.dict(exclude_unset=True)
    skill = services.skill_update(
        owner=owner,
        skill_id=skill_id,
        name=fields.get("name"),
        category=fields.get("category"),
        level=fields.get("level"),
    )
    return selectors.skill_detail_as_dict(owner=owner, skill=skill)


@gaps_router.get(
    "",
    response={200: list[GapOut], 422: Detail},
    summary="The active target role's needs: met, thin or missing, ranked",
)
def gaps_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        gap.as_dict() for gap in selectors.gaps_checked(owner=request_owner(request))
    ]
