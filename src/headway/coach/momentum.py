"""Momentum: a score per month and per week from dated growth activities, and its trend.

Each activity weighs what it cost in effort, read from one table
(`EFFORT_WEIGHTS`): a conference talk weighs more than a user-group talk, a
certification passed more than a course, a NEAR-complete accomplishment more
than a bare one, and a reading entry least. Plain data in, plain data out.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal, NamedTuple

# The kinds of activity that count, in the order a summary lists them.
ACTIVITY_KINDS = (
    "accomplishment",
    "learning",
    "talk",
    "content",
    "initiative",
    "strong_tie",
    "goal_checkin",
    "reading",
)

# Effort per (kind, grade). The grade is what `effort_grade` reads from an
# activity's own fields; "" is the kind's weight when nothing finer is known.
EFFORT_WEIGHTS: dict[tuple[str, str], float] = {
    ("talk", "conference"): 8,
    ("talk", "meetup"): 5,
    ("talk", "user_group"): 5,
    ("talk", ""): 4,
    ("talk", "internal"): 3,
    ("learning", "certification_passed"): 8,
    ("learning", "certification"): 5,
    ("learning", "exam"): 5,
    ("learning", "workshop"): 3,
    ("learning", "course"): 3,
    ("learning", "book"): 2,
    ("learning", ""): 2,
    ("accomplishment", "near_complete"): 6,
    ("accomplishment", "near_partial"): 3,
    ("accomplishment", ""): 2,
    ("content", "video"): 5,
    ("content", "open_source"): 5,
    ("content", "blog_post"): 4,
    ("content", "article"): 4,
    ("content", ""): 4,
    ("initiative", "led_project"): 5,
    ("initiative", ""): 3,
    ("strong_tie", ""): 4,
    ("goal_checkin", ""): 1.5,
    ("reading", ""): 1,
}
NEAR_PARTS = 4
LEVELS = 4  # heat-map shades above "nothing"
STEADY_SHARE = 0.15  # a change under 15 % of the mean over the window is steady

Direction = Literal["rising", "steady", "falling"]


class Activity(NamedTuple):
    """One dated growth activity (or `count` alike on the same day). A named
    tuple: a year of a busy log makes thousands, and a tuple is built several
    times faster than a frozen dataclass."""

    on: date
    kind: str
    subkind: str = ""  # learning subtype, talk venue kind, content/initiative type
    outcome: str = ""  # a learning entry's outcome, as written
    near_parts: int = 0  # an accomplishment's filled NEAR parts, 0 to 4
    times: int = 1  # how many alike on that day


@dataclass(frozen=True)
class MonthScore:
    month: date  # the first day of the month
    score: float
    activities: dict[str, int]
    complete: bool  # False for the month that contains today

    @property
    def label(self) -> str:
        return self.month.strftime("%Y-%m")


@dataclass(frozen=True)
class WeekCell:
    start: date  # a Monday
    score: float
    count: int
    level: int  # 0 (nothing) to LEVELS


@dataclass(frozen=True)
class Trend:
    slope: float  # points per month, least squares over the complete months
    direction: Direction
    moving_average: tuple[float, ...]  # three-month average, one per month


@dataclass(frozen=True)
class Momentum:
    today: date
    months: tuple[MonthScore, ...]
    weeks: tuple[WeekCell, ...]
    trend: Trend
    week_top: float  # the best week's score, what the shades are relative to
    level_floors: tuple[float, ...] = field(default=())  # lowest score per level


def passed(outcome: str) -> bool:
    """An outcome that says it was passed ("passed", "pass, 86 %"), not failed."""
    words = outcome.casefold().replace(",", " ").split()
    negated = any(word in {"not", "failed", "fail", "didn't"} for word in words)
    return not negated and any(word.startswith("pass") for word in words)


def effort_grade(activity: Activity) -> str:
    """The finer key into `EFFORT_WEIGHTS` that this activity's own fields give."""
    if activity.kind == "accomplishment":
        if activity.near_parts >= NEAR_PARTS:
            return "near_complete"
        return "near_partial" if activity.near_parts >= 2 else ""
    if activity.kind == "learning" and activity.subkind == "certification":
        return "certification_passed" if passed(activity.outcome) else "certification"
    return activity.subkind


def effort(activity: Activity) -> float:
    """The weight of one such activity; unknown grades fall back to the kind's."""
    weight = EFFORT_WEIGHTS.get((activity.kind, effort_grade(activity)))
    if weight is None:
        weight = EFFORT_WEIGHTS.get((activity.kind, ""), 0.0)
    return float(weight)


def month_start(day: date) -> date:
    return day.replace(day=1)


def months_back(day: date, count: int) -> date:
    """The first day of the month `count` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def momentum(activities: list[Activity], *, today: date, months: int = 12) -> Momentum:
    """Scores for the `months` months up to today's, weekly cells, and the trend."""
    first = months_back(today, months - 1)
    firsts = [months_back(today, back) for back in range(months - 1, -1, -1)]
    scores = dict.fromkeys(firsts, 0.0)
    counts: dict[date, Counter[str]] = {month: Counter() for month in firsts}
    monday = week_start(first)
    weeks = (week_start(today) - monday).days // 7 + 1
    week_scores = [0.0] * weeks
    week_counts = [0] * weeks
    # A year of a busy log repeats few grades and at most 366 days: each is
    # weighed, and placed in its month and week, once.
    weights: dict[tuple[str, str, str, int], float] = {}
    places: dict[date, tuple[date, int]] = {}
    start = monday.toordinal()
    for activity in activities:
        on = activity.on
        if not first <= on <= today:
            continue
        grade = activity[1:5]
        weight = weights.get(grade)
        if weight is None:
            weight = weights[grade] = effort(activity)
        place = places.get(on)
        if place is None:
            place = places[on] = (on.replace(day=1), (on.toordinal() - start) // 7)
        month, index = place
        amount = weight * activity.times
        scores[month] += amount
        counts[month][activity.kind] += activity.times
        week_scores[index] += amount
        week_counts[index] += activity.times
    month_rows = tuple(
        MonthScore(
            month=month,
            score=round(scores[month], 2),
            activities=_ordered(counts[month]),
            complete=month != month_start(today),
        )
        for month in firsts
    )
    top = max(week_scores, default=0.0)
    cells = tuple(
        WeekCell(
            start=monday + timedelta(weeks=index),
            score=round(score, 2),
            count=week_counts[index],
            level=shade(score, top),
        )
        for index, score in enumerate(week_scores)
    )
    return Momentum(
        today=today,
        months=month_rows,
        weeks=cells,
        trend=trend([row.score for row in month_rows if row.complete], month_rows),
        week_top=round(top, 2),
        level_floors=tuple(round(top * level / LEVELS, 2) for level in range(LEVELS)),
    )


def _ordered(found: Counter[str]) -> dict[str, int]:
    return {kind: found[kind] for kind in ACTIVITY_KINDS if found[kind]}


def shade(score: float, top: float) -> int:
    """0 for an empty week, else 1 to LEVELS by its share of the best week."""
    if score <= 0 or top <= 0:
        return 0
    return max(1, min(LEVELS, math.ceil(LEVELS * score / top)))


def slope(values: list[float]) -> float:
    """The least-squares slope of values at x = 0, 1, 2, …; 0 for fewer than two."""
    count = len(values)
    if count < 2:
        return 0.0
    mean_x = (count - 1) / 2
    mean_y = sum(values) / count
    spread = sum((x - mean_x) ** 2 for x in range(count))
    return sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / spread


def trend(complete: list[float], months: tuple[MonthScore, ...]) -> Trend:
    rate = slope(complete)
    mean = sum(complete) / len(complete) if complete else 0.0
    change = rate * max(len(complete) - 1, 1)
    if abs(change) <= STEADY_SHARE * mean or (mean == 0 and rate == 0):
        direction: Direction = "steady"
    else:
        direction = "rising" if rate > 0 else "falling"
    scores = [row.score for row in months]
    windows = [scores[max(0, i - 2) : i + 1] for i in range(len(scores))]
    average = tuple(round(sum(window) / len(window), 2) for window in windows)
    return Trend(slope=round(rate, 3), direction=direction, moving_average=average)
