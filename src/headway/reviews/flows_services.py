"""Completing a review: the owner's reflection kept with a snapshot of what
the data answered, the quarterly decisions applied (the best project's NEAR
account and samples, each goal kept, changed or dropped), and the review's
cadence marked done, all in one transaction: all of it, or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.coach.periods import Period
from headway.core.errors import NotFound
from headway.core.text import clean_text, field_error
from headway.goals.models import Goal, GoalStatus
from headway.goals.services import goal_drop, goal_update
from headway.journal.models import Entry, EntryKind
from headway.journal.services import entry_update
from headway.reviews.models import REVIEW_CADENCE, Review, ReviewKind
from headway.reviews.reports import report_as_dict, report_build
from headway.reviews.services import cadence_done

REFLECTION_MAX = 20_000
DECISIONS = ("keep", "change", "drop")


@dataclass(frozen=True)
class GoalDecision:
    """What the quarterly review decided about one goal."""

    goal_id: int
    action: str  # keep, change or drop
    statement: str = ""  # the new wording, for change
    reason: str = ""  # why, for drop


@dataclass(frozen=True)
class BestProject:
    """The quarter's best project, completed in NEAR form."""

    entry_id: int
    numbers: str = ""
    example: str = ""
    achievement: str = ""
    result: str = ""
    links: tuple[str, ...] = field(default=())


def review_complete(
    *,
    owner: Any,
    period: Period,
    reflection: str = "",
    goal_decisions: Iterable[GoalDecision] = (),
    best: BestProject | None = None,
    today: date | None = None,
) -> Review:
    """Complete the week's, quarter's or year's review of `period`.

    Goal decisions and the best project belong to the quarterly review; any
    problem in them (a drop without a reason, a stranger's goal) leaves
    everything as it was."""
    today = today or timezone.localdate()
    if period.kind not in ReviewKind.values:
        raise field_error("period", "Only a week, quarter or year is reviewed.", "kind")
    if period.start > today:
        raise field_error("period", "This period has not begun yet.", "future")
    text = clean_text(
        reflection, field="reflection", max_length=REFLECTION_MAX, required=False
    )
    decisions = list(goal_decisions)
    if period.kind != ReviewKind.QUARTER and (decisions or best):
        raise field_error(
            "goals", "Goals and the best project are decided in the quarterly review.",
            "kind",
        )  # fmt: skip
    with transaction.atomic():
        applied = [_decide(owner=owner, decision=d, today=today) for d in decisions]
        chosen = _best_save(owner=owner, best=best, period=period) if best else None
        answers = report_as_dict(report_build(owner=owner, period=period, today=today))
        answers.pop("reflection", None)
        answers["decisions"] = applied
        if chosen is not None:
            answers["best"] = {"id": chosen.pk, "title": chosen.title}
        review = _review_save(owner=owner, period=period, reflection=text,
                              answers=answers)  # fmt: skip
        cadence_done(
            owner=owner, kind=REVIEW_CADENCE[ReviewKind(period.kind)], today=today
        )
    return review


def _review_save(
    *, owner: Any, period: Period, reflection: str, answers: dict[str, Any]
) -> Review:
    review: Review = Review.objects.for_owner(owner).filter(
        kind=period.kind, period_start=period.start
    ).first() or Review(owner=owner, kind=period.kind, period_start=period.start)
    review.period_end = period.end
    review.reflection = reflection
    review.answers = answers
    review.completed_at = timezone.now()
    review.full_clean()
    review.save()
    return review


def _decide(*, owner: Any, decision: GoalDecision, today: date) -> dict[str, Any]:
    goal: Goal | None = (
        Goal.objects.for_owner(owner).filter(pk=decision.goal_id).first()
    )
    if goal is None:
        raise NotFound(f"No goal {decision.goal_id}.")
    if decision.action not in DECISIONS:
        raise field_error(
            f"goal_{goal.pk}", "Keep, change or drop each goal.", "decision"
        )
    if goal.status != GoalStatus.ACTIVE and decision.action != "keep":
        raise field_error(
            f"goal_{goal.pk}", f"“{goal.statement}” is no longer active.", "closed"
        )
    before = goal.statement
    if decision.action == "drop":
        if not decision.reason.strip():
            raise field_error(
                f"reason_{goal.pk}",
                f"Say why you drop “{goal.statement}”: the reason is kept.",
                "required",
            )
        goal_drop(owner=owner, goal_id=goal.pk, reason=decision.reason, on=today)
    elif decision.action == "change":
        if not decision.statement.strip():
            raise field_error(
                f"statement_{goal.pk}", "Write the goal as it should now read.",
                "required",
            )  # fmt: skip
        goal_update(
            owner=owner,
            goal_id=goal.pk,
            statement=decision.statement,
            horizon=goal.horizon,
            target=goal.target,
            unit=goal.unit,
            recurrence=goal.recurrence,
            due=goal.due,
            priority=goal.priority_id,
        )
    return {
        "goal": goal.pk,
        "action": decision.action,
        "statement": before,
        **({"now": decision.statement.strip()} if decision.action == "change" else {}),
        **({"reason": decision.reason.strip()} if decision.action == "drop" else {}),
    }


def _best_save(*, owner: Any, best: BestProject, period: Period) -> Entry:
    """The chosen accomplishment gets its NEAR parts, its samples, and the flag
    that marks the quarter's best project."""
    entry: Entry | None = (
        Entry.objects.for_owner(owner)
        .filter(
            pk=best.entry_id,
            kind=EntryKind.ACCOMPLISHMENT,
            occurred_on__range=(period.start, period.end),
        )
        .first()
    )
    if entry is None:
        raise NotFound(f"No accomplishment {best.entry_id} in {period.label}.")
    return entry_update(
        owner=owner,
        pk=entry.pk,
        numbers=best.numbers,
        example=best.example,
        achievement=best.achievement,
        result=best.result,
        starred=True,
        links=[link for link in best.links if link.strip()],
    )
