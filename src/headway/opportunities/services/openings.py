"""Openings: a role at a company, its source, and each dated move between stages.

A referral is help received from the contact who gave it; moving to *applied*
checks in on the active goal that counts applications; a declined or
rejected opening can become a setback entry, an accepted one a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.accounts.models import Role
from headway.accounts.roles import role_create
from headway.coach import opportunities as coach
from headway.core.errors import Conflict, HeadwayError
from headway.core.text import clean_text, date_clean, field_error
from headway.goals.models import CheckIn, Goal, GoalStatus
from headway.goals.services import checkin_create
from headway.journal.kinds import url_is_web
from headway.journal.models import Entry, EntryKind
from headway.journal.services import entry_create
from headway.network.models import Contact, InteractionKind
from headway.network.services import interaction_log
from headway.opportunities.models import (
    LINK_MAX,
    NOTES_MAX,
    ROLE_MAX,
    Opening,
    Source,
    Stage,
    StageMove,
    TargetCompany,
)

APPLICATION_UNIT = re.compile(r"\bapplications?\b", re.IGNORECASE)


class StageSkipped(HeadwayError):
    """A move that skips the stages between; the owner confirms it happened."""

    status = 409


class GoalChoiceNeeded(HeadwayError):
    """Several active goals count applications: the owner says which one moves."""

    status = 409

    def __init__(self, message: str, goals: list[Goal]) -> None:
        super().__init__(message)
        self.goals = goals


@dataclass(frozen=True)
class MoveResult:
    move: StageMove
    checkin: CheckIn | None
    setback: Entry | None = None
    role: Role | None = None


def link_clean(link: str) -> str:
    text = clean_text(link, field="link", max_length=LINK_MAX, required=False)
    if text and not url_is_web(text):
        raise field_error(
            "link",
            f"{text[:60]!r} is not a web link; it must start with http:// or https://.",
            "link",
        )
    return text


def _day(value: str | date | None, *, field: str, today: date) -> date:
    day = date_clean(value, field=field, today=today) or today
    if day > today + timedelta(days=1):
        raise field_error(field, "A move cannot be dated in the future.", "future")
    return day


def _source_clean(source: str, referrer: Contact | None, owner: Any) -> str:
    if source not in Source.values:
        raise field_error(
            "source",
            f"{source!r} is not a source; use {', '.join(Source.values)}.",
            "source",
        )
    if source == Source.REFERRAL and referrer is None:
        raise field_error(
            "referrer", "A referral names the contact who gave it.", "referrer"
        )
    if source != Source.REFERRAL and referrer is not None:
        raise field_error(
            "referrer",
            "Only a referral names a referrer; use source referral.",
            "source",
        )
    if referrer is not None and referrer.owner_id != owner.pk:
        raise field_error("referrer", "No such contact among yours.", "unknown")
    return source


def opening_create(
    *,
    owner: Any,
    company: TargetCompany,
    role: str,
    source: str,
    link: str = "",
    referrer: Contact | None = None,
    notes: str = "",
    on: str | date | None = None,
    today: date | None = None,
) -> Opening:
    """Add an opening at *interested*; a referral is logged as help received."""
    today = today or timezone.localdate()
    if company.owner_id != owner.pk:
        raise field_error("company", "No such company among yours.", "unknown")
    opening = Opening(
        owner=owner,
        company=company,
        role=" ".join(
            clean_text(role, field="role", max_length=ROLE_MAX, required=True).split()
        ),
        link=link_clean(link),
        source=_source_clean(source, referrer, owner),
        referrer=referrer,
        stage=Stage.INTERESTED,
        stage_on=_day(on, field="on", today=today),
    )
    notes = clean_text(notes, field="notes", max_length=NOTES_MAX, required=False)
    opening.full_clean()
    with transaction.atomic():
        opening.save()
        StageMove.objects.create(
            owner=owner,
            opening=opening,
            to_stage=Stage.INTERESTED,
            moved_on=opening.stage_on,
            notes=notes,
        )
        if referrer is not None:
            interaction_log(
                owner=owner,
                contact=referrer,
                kind=InteractionKind.HELP_RECEIVED,
                occurred_on=opening.stage_on,
                notes=f"Referred me for {opening.role} at {company.name}.",
                today=today,
            )
    return opening


def application_goals(*, owner: Any) -> list[Goal]:
    """Active goals whose unit counts applications ("applications", "application")."""
    goals = Goal.objects.for_owner(owner).filter(status=GoalStatus.ACTIVE)
    return [goal for goal in goals.order_by("pk") if APPLICATION_UNIT.search(goal.unit)]


def _goal_for(*, owner: Any, goal_id: int | None) -> Goal | None:
    """The goal an application counts on: the one asked for (0: none), or the
    only one that counts applications; several ask the owner to choose."""
    goals = application_goals(owner=owner)
    if goal_id == 0:
        return None
    if goal_id is not None:
        chosen = [goal for goal in goals if goal.pk == goal_id]
        if not chosen:
            raise field_error(
                "goal", f"No active goal {goal_id} counts applications.", "unknown"
            )
        return chosen[0]
    if len(goals) > 1:
        listed = "; ".join(f"{goal.statement} (goal {goal.pk})" for goal in goals)
        raise GoalChoiceNeeded(
            f"Several goals count applications: {listed}. Choose the one this "
            "application moves (`--goal ID`, or `--goal 0` for none).",
            goals,
        )
    return goals[0] if goals else None


def _check_stage(opening: Opening, stage: str, force: bool) -> None:
    if stage not in Stage.values:
        raise field_error(
            "stage",
            f"{stage!r} is not a stage; use {', '.join(Stage.values)}.",
            "stage",
        )
    if stage == opening.stage:
        raise Conflict(f"The opening is at {stage} already.")
    if not force and not coach.stage_follows(opening.stage, stage):
        allowed = coach.NEXT_STAGES.get(opening.stage, ())
        where = (
            f"From {opening.stage} an opening goes to {' or '.join(allowed)}, "
            f"not to {stage}."
            if allowed
            else f"The opening is {opening.stage}, which closes it."
        )
        raise StageSkipped(
            f"{where} Confirm the move to {stage} if it is what happened (`--force`)."
        )


def opening_move(
    *,
    owner: Any,
    opening: Opening,
    stage: str,
    on: str | date | None = None,
    notes: str = "",
    force: bool = False,
    goal_id: int | None = None,
    lesson: str = "",
    role_started_on: str | date | None = None,
    today: date | None = None,
) -> MoveResult:
    """Move to a stage, dated, with notes; *applied* checks in on a goal. In
    the same step, a decline or rejection can log its `lesson` as a setback,
    and an acceptance add the role from `role_started_on`."""
    today = today or timezone.localdate()
    if opening.owner_id != owner.pk:
        raise field_error("opening", "No such opening among yours.", "unknown")
    _check_stage(opening, stage, force)
    day = _day(on, field="on", today=today)
    if day < opening.stage_on:
        raise field_error(
            "on",
            f"The opening moved to {opening.stage} on {opening.stage_on}; "
            "a later move cannot come before it.",
            "order",
        )
    notes = clean_text(notes, field="notes", max_length=NOTES_MAX, required=False)
    goal = _goal_for(owner=owner, goal_id=goal_id) if stage == Stage.APPLIED else None
    with transaction.atomic():
        checkin = None
        if goal is not None:
            checkin = checkin_create(
                owner=owner,
                goal_id=goal.pk,
                value=1,
                checked_on=day,
                note=f"Applied: {opening.role} at {opening.company.name}",
            )
        move = StageMove.objects.create(
            owner=owner,
            opening=opening,
            from_stage=opening.stage,
            to_stage=stage,
            moved_on=day,
            notes=notes,
            forced=not coach.stage_follows(opening.stage, stage),
            checkin=checkin,
        )
        opening.stage, opening.stage_on = stage, day
        opening.save(update_fields=["stage", "stage_on", "updated"])
        setback = (
            opening_setback_log(owner=owner, opening=opening, lesson=lesson)
            if lesson.strip()
            else None
        )
        role = (
            opening_role_record(
                owner=owner, opening=opening, started_on=role_started_on
            )
            if role_started_on
            else None
        )
    return MoveResult(move, checkin, setback, role)


def opening_follow_up_record(
    *, owner: Any, opening: Opening, on: str | date | None = None
) -> Opening:
    """The owner chased an answer: the next follow-up is ten days on."""
    if opening.owner_id != owner.pk:
        raise field_error("opening", "No such opening among yours.", "unknown")
    today = timezone.localdate()
    opening.followed_up_on = _day(on, field="on", today=today)
    with transaction.atomic():
        opening.save(update_fields=["followed_up_on", "updated"])
    return opening


def opening_setback_log(
    *,
    owner: Any,
    opening: Opening,
    lesson: str,
    what_went_wrong: str = "",
    do_differently: str = "",
) -> Entry:
    """A declined or rejected opening as a setback entry, with its lesson."""
    if opening.owner_id != owner.pk:
        raise field_error("opening", "No such opening among yours.", "unknown")
    if opening.stage not in {Stage.DECLINED, Stage.REJECTED}:
        raise Conflict("Only a declined or rejected opening is logged as a setback.")
    clean_text(lesson, field="lesson", max_length=NOTES_MAX, required=True)
    company = opening.company.name
    return entry_create(
        owner=owner,
        title=f"{opening.get_stage_display()}: {opening.role} at {company}",
        kind=EntryKind.SETBACK,
        occurred_on=opening.stage_on,
        details={
            "what_went_wrong": what_went_wrong,
            "do_differently": do_differently,
            "lesson": lesson,
        },
        contact_ids=[opening.referrer_id] if opening.referrer_id else [],
    )


def opening_role_record(
    *, owner: Any, opening: Opening, started_on: str | date
) -> Role:
    """An accepted offer becomes the newest role on the profile."""
    if opening.owner_id != owner.pk:
        raise field_error("opening", "No such opening among yours.", "unknown")
    if opening.stage != Stage.ACCEPTED:
        raise Conflict("Only an accepted offer becomes a role on your profile.")
    return role_create(
        owner=owner,
        title=opening.role,
        organisation=opening.company.name,
        started_on=started_on,
    )
