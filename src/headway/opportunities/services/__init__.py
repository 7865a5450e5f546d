"""Every write to opportunities, by subject: companies, openings, mentor asks."""

from __future__ import annotations

from headway.opportunities.services.companies import (
    company_create,
    company_delete,
    company_update,
)
from headway.opportunities.services.mentors import (
    candidate_add,
    candidate_draft,
    candidate_move,
    candidate_update,
)
from headway.opportunities.services.openings import (
    GoalChoiceNeeded,
    MoveResult,
    StageSkipped,
    opening_create,
    opening_follow_up_record,
    opening_move,
    opening_role_record,
    opening_setback_log,
)

__all__ = [
    "GoalChoiceNeeded",
    "MoveResult",
    "StageSkipped",
    "candidate_add",
    "candidate_draft",
    "candidate_move",
    "candidate_update",
    "company_create",
    "company_delete",
    "company_update",
    "opening_create",
    "opening_follow_up_record",
    "opening_move",
    "opening_role_record",
    "opening_setback_log",
]
