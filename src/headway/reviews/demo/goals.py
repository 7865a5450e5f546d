"""The demo owner's goals: set through the goals services, then achieved,
dropped with a reason, or still open, with check-ins along the way.

Check-ins are written with `bulk.rows_insert` (a bench-sized demo has thousands);
every other write is a service call.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from headway.goals import services as goals
from headway.goals.models import CheckIn, Goal, GoalStatus
from headway.reviews.demo import bulk, words
from headway.reviews.demo.career import Career


@dataclass(frozen=True)
class GoalShape:
    statement: str  # may name {project}, {skill} and {year}
    priority: str
    days: int
    target: float | None = None
    unit: str = ""
    recurrence: str = ""
    horizon: str = "short"


SHAPES = (
    GoalShape("Ship {project} to every customer by {year}", "mastery", 180),
    GoalShape("Pass the {cert} exam", "new-skill", 150, 1, "exam"),
    GoalShape("Give {n} talks at meetups or conferences this year", "promotion",
              330, 3, "talks"),
    GoalShape("Publish one blog post every month", "new-skill", 365, 1, "posts",
              "month"),
    GoalShape("Have coffee with two people outside my team every month",
              "new-role", 365, 2, "coffees", "month"),
    GoalShape("Mentor {n} junior engineers through their first release",
              "promotion", 240, 2, "engineers"),
    GoalShape("Become {title} by {year}", "promotion", 540, horizon="long"),
    GoalShape("Read {n} books on leadership", "new-skill", 300, 4, "books"),
    GoalShape("Learn {skill} well enough to lead a design review", "new-skill",
              200),
    GoalShape("Apply for at least three internal postings every quarter",
              "new-role", 365, 3, "applications", "quarter"),
    GoalShape("Get better at speaking", "promotion", 120),
    GoalShape("Work no more than {n} late evenings a month", "balance", 180, 4,
              "evenings"),
)  # fmt: skip
CHECKIN_COLUMNS = ("owner_id", "created", "updated", "goal_id", "checked_on", "value",
                   "note")  # fmt: skip
NEXT_TITLES = ("Senior Software Engineer", "Staff Engineer", words.TARGET_ROLE)


def goal_plan(career: Career, count: int, rng: random.Random) -> list[date]:
    """When each goal starts: spread over the career, never while drifting,
    with the last few in the past months (those are the open ones)."""
    last = career.today - timedelta(days=10)
    days = sorted(career.active_day(career.start, last, rng) for _ in range(count - 3))
    days += [career.today - timedelta(days=d) for d in (120, 60, 25)]
    return days


def goals_create(
    *,
    owner: Any,
    career: Career,
    priorities: dict[str, Any],
    count: int,
    rng: random.Random,
) -> list[Goal]:
    made = []
    starts = goal_plan(career, max(count, 6), rng)
    for index, started_on in enumerate(starts):
        shape = _shape(index, len(starts))
        goal = _goal_create(owner, career, priorities, shape, started_on, rng)
        made.append(_goal_close(owner, career, goal, shape, index, len(starts), rng))
    now = bulk.stamp()
    bulk.rows_insert(
        CheckIn,
        CHECKIN_COLUMNS,
        [
            (owner.pk, now, now, c.goal.pk, bulk.day(c.checked_on), c.value, c.note)
            for goal in made
            for c in _checkins(owner, career, goal, rng)
        ],
    )
    return made


# The open goals at the end: a habit, the target role, and a quarterly count.
LATEST = (SHAPES[4], SHAPES[6], SHAPES[9])


def _shape(index: int, total: int) -> GoalShape:
    if index >= total - len(LATEST):
        return LATEST[index - total + len(LATEST)]
    if index < len(SHAPES):
        return SHAPES[index]
    others = [shape for shape in SHAPES if shape not in LATEST]
    return others[index % len(others)]  # in turn, so themes come back spaced


def _goal_create(
    owner: Any,
    career: Career,
    priorities: dict[str, Any],
    shape: GoalShape,
    started_on: date,
    rng: random.Random,
) -> Goal:
    role = career.index_on(started_on)
    due = started_on + timedelta(days=shape.days)
    statement = shape.statement.format(
        project=rng.choice(career.roles[role].projects),
        skill=rng.choice(career.roles[role].skills),
        cert=rng.choice(words.CERTIFICATIONS),
        title=NEXT_TITLES[role],
        year=due.year,
        n=int(shape.target or 2),
    )
    return goals.goal_create(
        owner=owner,
        statement=statement[0].upper() + statement[1:],
        horizon=shape.horizon,
        target=shape.target,
        unit=shape.unit,
        recurrence=shape.recurrence,
        due=due if due > career.today or rng.random() < 0.9 else None,
        priority=priorities[shape.priority].pk,
        started_on=started_on,
    )


def _goal_close(
    owner: Any,
    career: Career,
    goal: Goal,
    shape: GoalShape,
    index: int,
    total: int,
    rng: random.Random,
) -> Goal:
    """Old goals end achieved or dropped; the newest stay open."""
    age = (career.today - goal.started_on).days
    young = age < shape.days and rng.random() < 0.8
    if index >= total - len(LATEST) or (index > 1 and young):
        return goal
    ends = min(goal.started_on + timedelta(days=shape.days), career.today)
    span = max((ends - goal.started_on).days, 1)
    closed_on = goal.started_on + timedelta(
        days=rng.randint(min(shape.days // 3, span), span)
    )
    if index == 1 or (index != 0 and rng.random() < 0.25):
        reason = rng.choice(words.DROP_REASONS)
        return goals.goal_drop(
            owner=owner, goal_id=goal.pk, reason=reason, on=closed_on
        )
    if index == 0 or rng.random() < 0.85:
        return goals.goal_achieve(owner=owner, goal_id=goal.pk, on=closed_on)
    return goal  # a long-open goal, behind


def _checkins(
    owner: Any, career: Career, goal: Goal, rng: random.Random
) -> list[CheckIn]:
    """Progress every few weeks; an achieved goal reaches its target."""
    if goal.target is None:
        return []
    end = goal.closed_on or career.today
    periods = max(1, (end - goal.started_on).days // rng.randint(14, 40))
    target = goal.target * (periods if goal.recurrence else 1)
    done_share = 1.0 if goal.status == GoalStatus.ACHIEVED else rng.uniform(0.3, 0.9)
    count = max(1, min(periods, int(target * done_share)))
    value = round(target * done_share / count, 2)
    return [
        CheckIn(
            owner=owner,
            goal=goal,
            checked_on=day,
            value=value,
            note=rng.choice(("", "Steady.", "Harder than planned.", "Good week.")),
        )
        for day in sorted(
            career.active_day(goal.started_on, end, rng) for _ in range(count)
        )
    ]
