"""The owner's momentum and drift: their growth activities read in a few grouped
queries, handed to the coach, and given back as plain data for every door.

Rows are grouped in the database (one row per day, kind and grade), so the
cost follows the number of distinct days in the window, not the entry count.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    Max,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from headway.coach import drift as drift_coach
from headway.coach.momentum import Activity, Momentum, momentum, months_back
from headway.coach.progress import (
    CheckInPoint,
    GoalFigures,
    Progress,
    goal_progress,
)
from headway.goals.models import CheckIn, Goal, GoalStatus
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
# Kinds whose weight depends on a detail (venue kind or subtype): only their
# JSON is read.
GRADED_KINDS = (
    EntryKind.LEARNING,
    EntryKind.TALK,
    EntryKind.CONTENT,
    EntryKind.INITIATIVE,
)
STRONG = 4  # contacts of strength 4 and 5 are strong ties
HISTORY_STEP = 12  # months read back at a time while a low run goes further
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


def _rows(queryset: Any) -> list[tuple[Any, ...]]:
    """A values_list query read straight from the cursor.

    Both drivers already return the date columns as dates; the ORM's
    per-value converters cost as much as the query on a year of entries
    (bench/bench_momentum.py), as they do for the due list.
    """
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _day() -> Cast:
    """The day as ISO text: SQLite's driver then converts no value, and each
    distinct day is parsed once (see `_days`)."""
    return Cast("occurred_on", output_field=CharField())


def _days(rows: list[tuple[Any, ...]]) -> dict[Any, date]:
    return {day: _as_date(day) for day in {row[0] for row in rows}}


def entry_activities(*, owner: Any, since: date, until: date) -> list[Activity]:
    """One row per day, kind, grade and NEAR completeness, counted in the database.

    A learning entry's outcome only matters for a certification (passed or
    not), so only theirs is read: other rows group without it.
    """
    certification = Q(kind=EntryKind.LEARNING, details__subtype="certification")
    rows = (
        Entry.objects.for_owner(owner)
        .filter(kind__in=ENTRY_KINDS, occurred_on__gte=since, occurred_on__lte=until)
        .order_by()
        .values(
            "kind",
            day=_day(),
            grade=Case(
                When(
                    kind__in=GRADED_KINDS,
                    then=Coalesce(
                        KT("details__venue_kind"), KT("details__subtype"), Value("")
                    ),
                ),
                default=Value(""),
                output_field=TextField(),
            ),
            outcome=Case(
                When(certification, then=KT("details__outcome")),
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
        .values_list("day", "kind", "grade", "outcome", "near", "n")
    )
    found = _rows(rows)
    days = _days(found)
    return [
        Activity(days[on], kind, grade or "", outcome or "", near, n)
        for on, kind, grade, outcome, near, n in found
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
    return [Activity(_as_date(on), "goal_checkin", times=n) for on, n in _rows(rows)]


def _strong(owner: Any) -> Any:
    return Contact.objects.for_owner(owner).filter(strength__gte=STRONG).order_by()


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def contacts_begun(*, owner: Any, since: date, until: date) -> Any:
    """The owner's contacts whose tie began in the range: the day met, or,
    with no meeting date, the day the contact was added."""
    return (
        Contact.objects.for_owner(owner)
        .filter(
            Q(met_on__gte=since, met_on__lte=until)
            | Q(
                met_on__isnull=True,
                created__gte=_start_of(since),
                created__lt=_start_of(until + timedelta(days=1)),
            )
        )
        .order_by()
    )


def strong_tie_dates(*, owner: Any, since: date, until: date) -> list[date]:
    """When each strong tie of the range began."""
    rows = (
        contacts_begun(owner=owner, since=since, until=until)
        .filter(strength__gte=STRONG)
        .values_list("met_on", "created")
    )
    return [met_on or timezone.localdate(created) for met_on, created in rows]


def last_strong_tie(*, owner: Any, today: date) -> date | None:
    found = _strong(owner).aggregate(
        met=Max("met_on", filter=Q(met_on__lte=today)),
        added=Max(
            "created",
            filter=Q(
                met_on__isnull=True,
                created__lt=_start_of(today + timedelta(days=1)),
            ),
        ),
    )
    days = [found["met"], found["added"] and timezone.localdate(found["added"])]
    return max((day for day in days if day is not None), default=None)


def owner_activities(*, owner: Any, since: date, until: date) -> list[Activity]:
    return [
        *entry_activities(owner=owner, since=since, until=until),
        *checkin_activities(owner=owner, since=since, until=until),
        *(
            Activity(day, "strong_tie")
            for day in strong_tie_dates(owner=owner, since=since, until=until)
        ),
    ]


def drift_facts(*, owner: Any, today: date, months: Momentum) -> drift_coach.DriftFacts:
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
        last_strong_tie=last_strong_tie(owner=owner, today=today),
        last_goal_progress=max(progress, default=None),
    )


@dataclass(frozen=True)
class ActiveGoal:
    """An active goal with its progress on its line, for drift and next actions."""

    id: int
    statement: str
    priority_id: int | None
    due: date | None
    progress: Progress
    last_progress: date | None


def active_goals(*, owner: Any, today: date) -> list[ActiveGoal]:
    """Active goals with their pace, in two value queries (no model instances)."""
    goals = _rows(
        Goal.objects.for_owner(owner)
        .filter(status=GoalStatus.ACTIVE)
        .order_by("pk")
        .values_list(
            "pk", "statement", "started_on", "target", "recurrence", "due",
            "priority_id",
        )
    )  # fmt: skip
    points: dict[int, list[CheckInPoint]] = {}
    checkins = CheckIn.objects.for_owner(owner).filter(goal__status=GoalStatus.ACTIVE)
    for goal_id, checked_on, value in _rows(
        checkins.order_by().values_list("goal_id", "checked_on", "value")
    ):
        points.setdefault(goal_id, []).append(CheckInPoint(_as_date(checked_on), value))
    found = []
    for pk, statement, started_on, target, recurrence, due, priority_id in goals:
        checks = tuple(points.get(pk, ()))
        due = due and _as_date(due)
        progress = goal_progress(
            GoalFigures(
                today=today, started_on=_as_date(started_on), target=target,
                recurrence=recurrence, due=due, checkins=checks,
            )
        )  # fmt: skip
        last = max((p.checked_on for p in checks), default=None)
        found.append(ActiveGoal(pk, statement, priority_id, due, progress, last))
    return found


def _goal_facts(*, owner: Any, today: date) -> tuple[drift_coach.GoalFact, ...]:
    return tuple(
        drift_coach.GoalFact(
            id=goal.id,
            statement=goal.statement,
            pace=goal.progress.pace,
            done_share=goal.progress.fraction,
            expected_share=goal.progress.expected,
            last_progress=goal.last_progress,
        )
        for goal in active_goals(owner=owner, today=today)
    )


def _mentor_facts(*, owner: Any, today: date) -> tuple[drift_coach.MentorFact, ...]:
    return tuple(
        drift_coach.MentorFact(
            id=row.item.contact_id,
            name=row.item.name,
            state=row.item.state,
            due_on=row.item.due_on,
        )
        for row in due_list(owner=owner, today=today, tagged="mentor")
        if row.item.due_on <= today
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
    names = [_need_name(need) for need in role.needs]
    return tuple(
        drift_coach.NeedFact(need=name, role=role.name, last_shown=last)
        for name in names
        if (last := shown.get(name.casefold())) is None or last < recent
    )


def _need_name(need: str) -> str:
    """The skill of "hiring:3", or the experience as written."""
    from headway.coach.gaps import NeedError, parse_need

    try:
        return parse_need(need).text
    except NeedError:
        return need


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
    first = months_back(today, months - 1)
    activities = owner_activities(owner=owner, since=first, until=today)
    shown = momentum(activities, today=today, months=months)
    facts = drift_facts(owner=owner, today=today, months=shown)
    facts = _with_history(owner=owner, facts=facts, limits=limits)
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
    *, owner: Any, facts: drift_coach.DriftFacts, limits: drift_coach.DriftThresholds
) -> drift_coach.DriftFacts:
    """While the low run reaches the first month read, read a year further back,
    so its start is the true one, never the edge of the window shown. A long
    run means little was logged, so each year read back is a small one."""
    today = facts.today
    span = len(facts.months)
    older: list[Activity] = []
    while True:
        rule = drift_coach.low_months_rule(facts, limits)
        first = facts.months[0].month if facts.months else today
        if rule is None or rule.since > first or first <= facts.started_on:
            return facts
        span += HISTORY_STEP
        since = months_back(today, span - 1)
        older += owner_activities(
            owner=owner, since=since, until=first - timedelta(days=1)
        )
        months = momentum(older, today=today, months=span).months
        facts = replace(facts, months=months[: span - len(facts.months)] + facts.months)


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
