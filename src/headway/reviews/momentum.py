"""The owner's momentum and drift: their growth activities read in a few grouped
queries, handed to the coach, and given back as plain data for every door.

Rows are grouped in the database (one row per day, kind and grade), so the
cost follows the number of distinct days in the window, not the entry count.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.utils import timezone

from headway.coach import drift as drift_coach
from headway.coach.momentum import Activity, Momentum, momentum, months_back
from headway.goals.models import CheckIn, Goal, GoalStatus
from headway.goals.selectors import goals_list, progress_of
from headway.growth.models import Skill
from headway.growth.selectors import target_role
from headway.journal.models import Entry, EntryKind
from headway.network.models import Contact
from headway.network.selectors import due_list

# Log kinds that are growth activities (DOMAIN.md §6); meetings, feedback,
# setbacks and notes are kept but do not move momentum.
ENTRY_KINDS = (
    EntryKind.ACCOMPLISHMENT,
    EntryKind.LEARNING,
    EntryKind.TALK,
    EntryKind.CONTENT,
    EntryKind.INITIATIVE,
    EntryKind.READING,
)
STRONG = 4  # contacts of strength 4 and 5 are strong ties
NEED_RECENT_DAYS = 180  # a need shown longer ago than this is "not shown recently"


@dataclass(frozen=True)
class MomentumReport:
    momentum: Momentum
    drift: drift_coach.Drift


def drift_limits() -> drift_coach.DriftThresholds:
    return drift_coach.DriftThresholds(
        month_score=settings.DRIFT_MONTH_SCORE,
        low_months=settings.DRIFT_LOW_MONTHS,
        learning_days=settings.DRIFT_LEARNING_DAYS,
        strong_tie_days=settings.DRIFT_STRONG_TIE_DAYS,
        goal_days=settings.DRIFT_GOAL_DAYS,
    )


def _filled(name: str) -> Case:
    return Case(When(~Q(**{name: ""}), then=1), default=0, output_field=IntegerField())


def entry_activities(*, owner: Any, since: date, until: date) -> list[Activity]:
    """One row per day, kind, grade and NEAR completeness, counted in the database."""
    rows = (
        Entry.objects.for_owner(owner)
        .filter(kind__in=ENTRY_KINDS, occurred_on__gte=since, occurred_on__lte=until)
        .order_by()
        .values(
            "occurred_on",
            "kind",
            grade=Coalesce(
                KT("details__venue_kind"),
                KT("details__subtype"),
                Value(""),
                output_field=TextField(),
            ),
            outcome=Case(
                When(kind=EntryKind.LEARNING, then=KT("details__outcome")),
                default=Value(""),
                output_field=TextField(),
            ),
            near=Case(
                When(
                    kind=EntryKind.ACCOMPLISHMENT,
                    then=_filled("numbers")
                    + _filled("example")
                    + _filled("achievement")
                    + _filled("result"),
                ),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .annotate(n=Count("id"))
        .values_list("occurred_on", "kind", "grade", "outcome", "near", "n")
    )
    return [
        Activity(on, kind, grade or "", outcome or "", near, n)
        for on, kind, grade, outcome, near, n in rows
    ]


def checkin_activities(*, owner: Any, since: date, until: date) -> list[Activity]:
    rows = (
        CheckIn.objects.for_owner(owner)
        .filter(checked_on__gte=since, checked_on__lte=until)
        .order_by()
        .values("checked_on")
        .annotate(n=Count("id"))
        .values_list("checked_on", "n")
    )
    return [Activity(on, "goal_checkin", count=n) for on, n in rows]


def strong_tie_dates(*, owner: Any) -> list[date]:
    """When each strong tie began: the day met, or the day the contact was added."""
    rows = (
        Contact.objects.for_owner(owner)
        .filter(strength__gte=STRONG)
        .order_by()
        .values_list("met_on", "created")
    )
    return [met_on or timezone.localdate(created) for met_on, created in rows]


def owner_activities(
    *, owner: Any, since: date, until: date, ties: list[date]
) -> list[Activity]:
    return [
        *entry_activities(owner=owner, since=since, until=until),
        *checkin_activities(owner=owner, since=since, until=until),
        *(Activity(day, "strong_tie") for day in ties if since <= day <= until),
    ]


def drift_facts(
    *, owner: Any, today: date, months: Momentum, ties: list[date]
) -> drift_coach.DriftFacts:
    entries = Entry.objects.for_owner(owner).filter(occurred_on__lte=today)
    learning = (
        entries.filter(kind=EntryKind.LEARNING)
        .order_by("-occurred_on")
        .values_list("occurred_on", flat=True)
        .first()
    )
    first_entry = entries.order_by("occurred_on").values_list("occurred_on", flat=True)
    checked = CheckIn.objects.for_owner(owner).filter(checked_on__lte=today)
    achieved = Goal.objects.for_owner(owner).filter(
        status=GoalStatus.ACHIEVED, closed_on__lte=today
    )
    progress = [
        day
        for day in (
            checked.aggregate(last=Max("checked_on"))["last"],
            achieved.aggregate(last=Max("closed_on"))["last"],
        )
        if day is not None
    ]
    began = [timezone.localdate(owner.date_joined), first_entry.first()]
    return drift_coach.DriftFacts(
        today=today,
        started_on=min(day for day in began if day is not None),
        months=months.months,
        last_learning=learning,
        last_strong_tie=max((d for d in ties if d <= today), default=None),
        last_goal_progress=max(progress, default=None),
    )


def _goal_facts(*, owner: Any, today: date) -> tuple[drift_coach.GoalFact, ...]:
    facts = []
    for goal in goals_list(owner=owner, status=GoalStatus.ACTIVE):
        progress = progress_of(goal, today=today)
        checkins = [c.checked_on for c in goal.checkins.all()]
        facts.append(
            drift_coach.GoalFact(
                id=goal.pk,
                statement=goal.statement,
                pace=progress.pace,
                done_share=progress.fraction,
                expected_share=progress.expected,
                last_progress=max(checkins, default=None),
            )
        )
    return tuple(facts)


def _mentor_facts(*, owner: Any, today: date) -> tuple[drift_coach.MentorFact, ...]:
    return tuple(
        drift_coach.MentorFact(
            id=row.item.contact_id,
            name=row.item.name,
            state=row.item.state,
            due_on=row.item.due_on,
        )
        for row in due_list(owner=owner, today=today)
        if "mentor" in row.tags and row.item.due_on <= today
    )


def _need_facts(*, owner: Any, today: date) -> tuple[drift_coach.NeedFact, ...]:
    """Target-role needs with no evidence, or none in the last NEED_RECENT_DAYS."""
    role = target_role(owner=owner)
    if role is None or not role.name:
        return ()
    shown: dict[str, date | None] = {}
    skills = (
        Skill.objects.for_owner(owner)
        .annotate(last=Max("entries__occurred_on", filter=Q(entries__owner=owner)))
        .values_list("name", "last")
    )
    for name, last in skills:
        shown[name.casefold()] = last
    recent = today - timedelta(days=NEED_RECENT_DAYS)
    return tuple(
        drift_coach.NeedFact(need=need, role=role.name, last_shown=last)
        for need in role.needs
        if (last := shown.get(need.casefold())) is None or last < recent
    )


def owner_gaps(*, owner: Any, today: date) -> drift_coach.OwnerGaps:
    return drift_coach.OwnerGaps(
        goals=_goal_facts(owner=owner, today=today),
        mentors=_mentor_facts(owner=owner, today=today),
        needs=_need_facts(owner=owner, today=today),
    )


def momentum_report(
    *,
    owner: Any,
    today: date | None = None,
    months: int = 12,
    limits: drift_coach.DriftThresholds | None = None,
) -> MomentumReport:
    """The heat map's months and weeks, the trend, and drift with its suggestions."""
    today = today or timezone.localdate()
    limits = limits or drift_limits()
    ties = strong_tie_dates(owner=owner)
    first = months_back(today, months - 1)
    activities = owner_activities(owner=owner, since=first, until=today, ties=ties)
    shown = momentum(activities, today=today, months=months)
    facts = drift_facts(owner=owner, today=today, months=shown, ties=ties)
    facts = _with_history(owner=owner, facts=facts, ties=ties, limits=limits)
    rules = drift_coach.drift_rules(facts, limits)
    gaps = owner_gaps(owner=owner, today=today) if rules else drift_coach.OwnerGaps()
    return MomentumReport(
        momentum=shown,
        drift=drift_coach.Drift(
            drifting=bool(rules),
            rules=rules,
            suggestions=drift_coach.suggestions(rules, gaps, today=today),
        ),
    )


def _with_history(
    *,
    owner: Any,
    facts: drift_coach.DriftFacts,
    ties: list[date],
    limits: drift_coach.DriftThresholds,
) -> drift_coach.DriftFacts:
    """When the low run reaches the first month read, read back to the owner's
    start (once), so its date is the true one, never the edge of the window."""
    rule = drift_coach.low_months_rule(facts, limits)
    first = facts.months[0].month if facts.months else facts.today
    if rule is None or rule.since > first or first <= facts.started_on:
        return facts
    today = facts.today
    span = (today.year - facts.started_on.year) * 12 + today.month
    span -= facts.started_on.month - 1
    since = months_back(today, span - 1)
    activities = owner_activities(owner=owner, since=since, until=today, ties=ties)
    return replace(facts, months=momentum(activities, today=today, months=span).months)


def link_of(suggestion: drift_coach.Suggestion) -> dict[str, Any]:
    return {"kind": suggestion.link_kind, "id": suggestion.link_id}


def report_as_dict(report: MomentumReport) -> dict[str, Any]:
    """The shape `headway momentum --json` and `GET /api/v1/momentum` print."""
    found, drift = report.momentum, report.drift
    return {
        "months": [
            {
                "month": row.label,
                "score": row.score,
                "activities": dict(row.activities),
                "complete": row.complete,
            }
            for row in found.months
        ],
        "weeks": [
            {
                "start": cell.start.isoformat(),
                "score": cell.score,
                "count": cell.count,
                "level": cell.level,
            }
            for cell in found.weeks
        ],
        "trend": {"slope": found.trend.slope, "direction": found.trend.direction},
        "drift": {
            "drifting": drift.drifting,
            "rules": [
                {"rule": r.rule, "since": r.since.isoformat(), "message": r.message}
                for r in drift.rules
            ],
            "suggestions": [
                {
                    "action": s.action,
                    "reason": s.reason,
                    "link": link_of(s),
                    "ends": list(s.ends),
                }
                for s in drift.suggestions
            ],
        },
    }
