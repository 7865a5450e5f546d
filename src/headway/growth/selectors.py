"""Reads for direction: the current ranking, past rankings, strengths answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Max, Min, Prefetch, Q
from django.utils import timezone

from headway.coach.gaps import (
    ACTION_CATALOG,
    Action,
    Gap,
    NeedFacts,
    analyse,
    catalog_for,
    freshness_months,
)
from headway.coach.progress import CheckInPoint, GoalFigures, goal_progress
from headway.growth.models import (
    GapAction,
    Priority,
    PriorityRanking,
    RankedPriority,
    RoleNeed,
    Skill,
    SkillRating,
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
    """The active target role, if any."""
    found: TargetRole | None = (
        TargetRole.objects.for_owner(owner).filter(active=True).first()
    )
    return found


def target_roles(*, owner: Any) -> list[TargetRole]:
    """Every role kept, the active one first."""
    return list(TargetRole.objects.for_owner(owner))


def target_role_as_dict(role: TargetRole | None) -> dict[str, Any]:
    return {
        "name": role.name if role else None,
        "needs": list(role.needs) if role else [],
    }


def target_roles_as_dict(*, owner: Any) -> list[dict[str, Any]]:
    return [
        {"id": role.pk, "name": role.name, "active": role.active, "needs": role.needs}
        for role in target_roles(owner=owner)
    ]


# --- skills -------------------------------------------------------------------


@dataclass(frozen=True)
class SkillSummary:
    """A skill with what its evidence says: the derived figures of issue 11."""

    skill: Skill
    evidence: int
    first_shown: date | None
    last_shown: date | None
    learned_this_year: bool
    freshness_months: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.skill.pk,
            "name": self.skill.name,
            "category": self.skill.category,
            "level": self.skill.level,
            "evidence": self.evidence,
            "last_shown": self.last_shown.isoformat() if self.last_shown else None,
            "learned_this_year": self.learned_this_year,
        }


@dataclass(frozen=True)
class _Stats:
    count: int = 0
    first: date | None = None
    last: date | None = None
    first_learning: date | None = None


def _skill_stats(
    *, owner: Any, today: date, skill_ids: list[int] | None = None
) -> dict[int, _Stats]:
    """Per skill, counted in the database: entries up to today that show it,
    the first and last date, and the first learning entry's date. Driven from
    the skills (one grouped query), so a few skills cost a few skills' links."""
    shown = Q(entries__owner=owner, entries__occurred_on__lte=today)
    skills = Skill.objects.for_owner(owner)
    if skill_ids is not None:
        skills = skills.filter(pk__in=skill_ids)
    rows = skills.values("pk").annotate(
        count=Count("entries", filter=shown),
        first=Min("entries__occurred_on", filter=shown),
        last=Max("entries__occurred_on", filter=shown),
        first_learning=Min(
            "entries__occurred_on", filter=shown & Q(entries__kind="learning")
        ),
    )
    return {
        row["pk"]: _Stats(
            row["count"], row["first"], row["last"], row["first_learning"]
        )
        for row in rows
    }


def _summary(skill: Skill, stats: _Stats, today: date) -> SkillSummary:
    learned = bool(
        (stats.first and stats.first.year == today.year)
        or (stats.first_learning and stats.first_learning.year == today.year)
    )
    return SkillSummary(
        skill=skill,
        evidence=stats.count,
        first_shown=stats.first,
        last_shown=stats.last,
        learned_this_year=learned,
        freshness_months=freshness_months(stats.last, today),
    )


def skills_overview(*, owner: Any, today: date | None = None) -> list[SkillSummary]:
    """Every skill with its derived figures, in two queries."""
    today = today or timezone.localdate()
    stats = _skill_stats(owner=owner, today=today)
    return [
        _summary(skill, stats.get(skill.pk, _Stats()), today)
        for skill in Skill.objects.for_owner(owner)
    ]


def skill_summary(
    *, owner: Any, skill: Skill, today: date | None = None
) -> SkillSummary:
    today = today or timezone.localdate()
    stats = _skill_stats(owner=owner, today=today, skill_ids=[skill.pk])
    return _summary(skill, stats.get(skill.pk, _Stats()), today)


def skill_evidence(*, owner: Any, skill: Skill) -> list[Any]:
    """The entries that show the skill, newest first: its timeline."""
    return list(skill.entries.filter(owner=owner).order_by("-occurred_on", "-pk"))


def skill_ratings(*, owner: Any, skill: Skill) -> list[SkillRating]:
    return list(SkillRating.objects.for_owner(owner).filter(skill=skill))


def skill_detail_as_dict(
    *, owner: Any, skill: Skill, today: date | None = None
) -> dict[str, Any]:
    summary = skill_summary(owner=owner, skill=skill, today=today)
    shown = summary.as_dict()
    shown.update(
        {
            "aliases": [alias.name for alias in skill.aliases.all()],
            "first_shown": summary.first_shown.isoformat()
            if summary.first_shown
            else None,
            "freshness_months": summary.freshness_months,
            "ratings": [
                {"level": r.level, "rated_on": r.rated_on.isoformat()}
                for r in skill_ratings(owner=owner, skill=skill)
            ],
            "entries": [
                {
                    "id": e.pk,
                    "kind": e.kind,
                    "title": e.title,
                    "occurred_on": e.occurred_on.isoformat(),
                }
                for e in skill_evidence(owner=owner, skill=skill)
            ],
        }
    )
    return shown


# --- gaps ---------------------------------------------------------------------


def _active_goal(row: RoleNeed, today: date) -> tuple[int | None, float | None]:
    """The newest active goal linked to the need, and its progress (0..1)."""
    goals = [g for g in row.goals.all() if g.status == "active"]
    if not goals:
        return None, None
    goal = max(goals, key=lambda g: g.pk)
    progress = goal_progress(
        GoalFigures(
            today=today,
            started_on=goal.started_on,
            target=goal.target,
            recurrence=goal.recurrence,
            due=goal.due,
            status=goal.status,
            checkins=tuple(
                CheckInPoint(checked_on=c.checked_on, value=c.value)
                for c in goal.checkins.all()
            ),
        )
    )
    return goal.pk, progress.fraction


def need_rows(*, owner: Any, role: TargetRole) -> list[RoleNeed]:
    return list(
        RoleNeed.objects.for_owner(owner)
        .filter(role=role)
        .select_related("skill")
        .prefetch_related("goals__checkins")
    )


def gaps_for(owner: Any, today: date | None = None) -> list[Gap]:
    """Every need of the owner's active target role, judged and ranked.

    Empty when there is no active role or it has no needs. The stable entry
    point for other layers (the next-action list reads it).
    """
    today = today or timezone.localdate()
    role = target_role(owner=owner)
    if role is None:
        return []
    rows = need_rows(owner=owner, role=role)
    stats = _skill_stats(
        owner=owner,
        today=today,
        skill_ids=[row.skill_id for row in rows if row.skill_id is not None],
    )
    shown = Q(entries__owner=owner, entries__occurred_on__lte=today)
    experience = {
        row["pk"]: (row["count"], row["last"])
        for row in RoleNeed.objects.for_owner(owner)
        .filter(role=role, kind="experience")
        .values("pk")
        .annotate(
            count=Count("entries", filter=shown),
            last=Max("entries__occurred_on", filter=shown),
        )
    }
    facts = []
    for row in rows:
        goal_id, progress = _active_goal(row, today)
        if row.kind == "skill":
            skill = row.skill
            known = stats.get(skill.pk, _Stats()) if skill else _Stats()
            facts.append(
                NeedFacts(
                    need_id=row.pk,
                    kind="skill",
                    text=skill.name if skill else row.text,
                    required=row.level,
                    skill_id=skill.pk if skill else None,
                    level=skill.level if skill else None,
                    evidence=known.count,
                    last_shown=known.last,
                    goal_id=goal_id,
                    goal_progress=progress,
                    position=row.position,
                )
            )
        else:
            facts.append(
                NeedFacts(
                    need_id=row.pk,
                    kind="experience",
                    text=row.text,
                    evidence=experience.get(row.pk, (0, None))[0],
                    last_shown=experience.get(row.pk, (0, None))[1],
                    goal_id=goal_id,
                    goal_progress=progress,
                    position=row.position,
                )
            )
    return analyse(facts, today)


def gaps_checked(*, owner: Any, today: date | None = None) -> list[Gap]:
    """`gaps_for`, but a missing role or a role with no needs is one clear error."""
    from headway.core.text import field_error

    role = target_role(owner=owner)
    if role is None:
        raise field_error(
            "role",
            "No active target role. Set one: "
            'headway target set "Engineering Manager" --need "hiring:3".',
            "missing",
        )
    if not role.needs:
        raise field_error(
            "role",
            f"{role.name} has no needs to compare with. Add some: "
            f'headway target set "{role.name}" --need "hiring:3" '
            '--need "led a team of 5+".',
            "empty",
        )
    return gaps_for(owner, today)


def actions_for(*, owner: Any, gap: str) -> list[Action]:
    """The catalog's actions for this kind of gap, then the owner's own."""
    own = [
        Action(
            key=f"own-{action.pk}",
            gap=gap,  # type: ignore[arg-type]
            name=action.name,
            template="",
            months=0,
        )
        for action in GapAction.objects.for_owner(owner).filter(gap=gap)
    ]
    return [*catalog_for(gap), *own]  # type: ignore[arg-type]


CATALOG_KEYS = tuple(action.key for action in ACTION_CATALOG)
