"""Reads for direction: the current ranking, past rankings, strengths answers."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from headway.growth.models import (
    Priority,
    PriorityRanking,
    RankedPriority,
    StrengthsAnswer,
    TargetRole,
)
from headway.growth.services import priorities_ensure


def rankings(*, owner: Any) -> list[PriorityRanking]:
    """Every ranking, newest first, each with its priorities in order."""
    return list(
        PriorityRanking.objects.for_owner(owner).prefetch_related(
            Prefetch(
                "places",
                queryset=RankedPriority.objects.select_related("priority"),
            )
        )
    )


def priority_board(*, owner: Any) -> tuple[list[Priority], list[Priority], list[Any]]:
    """(ranked now, not ranked, all rankings) for the priorities page."""
    known = priorities_ensure(owner=owner)
    history = rankings(owner=owner)
    ranked = [place.priority for place in history[0].places.all()] if history else []
    unranked = [p for p in known if p not in ranked]
    return ranked, unranked, history


def _priority(priority: Priority) -> dict[str, Any]:
    return {
        "id": priority.pk,
        "name": priority.name,
        "key": priority.catalog_key or None,
    }


def priorities_as_dict(*, owner: Any, history: bool = False) -> dict[str, Any]:
    ranked, unranked, past = priority_board(owner=owner)
    shown: dict[str, Any] = {
        "ranked_on": past[0].ranked_on.isoformat() if past else None,
        "ranked": [_priority(p) for p in ranked],
        "unranked": [_priority(p) for p in unranked],
    }
    if history:
        shown["history"] = [
            {
                "ranked_on": ranking.ranked_on.isoformat(),
                "ranked": [_priority(place.priority) for place in ranking.places.all()],
            }
            for ranking in past
        ]
    return shown


def strengths_latest(*, owner: Any) -> StrengthsAnswer | None:
    latest: StrengthsAnswer | None = StrengthsAnswer.objects.for_owner(owner).first()
    return latest


def strengths_history(*, owner: Any) -> list[StrengthsAnswer]:
    return list(StrengthsAnswer.objects.for_owner(owner))


def strengths_as_dict(answer: StrengthsAnswer) -> dict[str, Any]:
    return {
        "answered_on": answer.answered_on.isoformat(),
        "energy": answer.energy,
        "excel": answer.excel,
        "enjoyed_roles": answer.enjoyed_roles,
    }


def target_role(*, owner: Any) -> TargetRole | None:
    found: TargetRole | None = TargetRole.objects.for_owner(owner).first()
    return found


def target_role_as_dict(role: TargetRole | None) -> dict[str, Any]:
    return {
        "name": role.name if role else None,
        "needs": list(role.needs) if role else [],
    }
