"""Progress on a goal from its check-ins, and its pace against a straight line.

A count target adds up every check-in ("3 applications"); a recurring target
counts only the check-ins of the current period ("2 of 3 this quarter"). Pace
compares the share done with the share of time gone, from the start (or the
period's start) to the due date (or the period's end).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Literal

Pace = Literal["ahead", "on", "behind"]
PACE_TOLERANCE = 0.1  # within ten points of the line counts as on pace


@dataclass(frozen=True)
class CheckInPoint:
    checked_on: date
    value: float


@dataclass(frozen=True)
class GoalFigures:
    today: date
    started_on: date
    target: float | None = None
    recurrence: str = ""
    due: date | None = None
    status: str = "active"
    checkins: tuple[CheckInPoint, ...] = ()


@dataclass(frozen=True)
class Progress:
    done: float
    target: float | None
    fraction: float | None
    expected: float | None
    pace: Pace | None
    window_start: date
    window_end: date | None


def period_bounds(day: date, period: str) -> tuple[date, date]:
    """The week (Monday first), month, quarter or year that contains `day`."""
    if period == "week":
        start = date.fromordinal(day.toordinal() - day.weekday())
        return start, date.fromordinal(start.toordinal() + 6)
    if period == "month":
        first_month = last_month = day.month
    elif period == "quarter":
        first_month = (day.month - 1) // 3 * 3 + 1
        last_month = first_month + 2
    else:
        first_month, last_month = 1, 12
    end_day = calendar.monthrange(day.year, last_month)[1]
    return date(day.year, first_month, 1), date(day.year, last_month, end_day)


def goal_progress(figures: GoalFigures) -> Progress:
    start, end = _window(figures)
    counted = [
        point.value
        for point in figures.checkins
        if not figures.recurrence or start <= point.checked_on <= (end or start)
    ]
    done = float(sum(counted))
    target = figures.target if figures.target and figures.target > 0 else None
    if figures.status == "achieved":
        return Progress(done, target, 1.0, None, None, start, end)
    if target is None:
        return Progress(done, None, None, None, None, start, end)
    fraction = max(0.0, min(done / target, 1.0))
    expected = _expected(figures.today, start, end)
    pace = None if figures.status == "dropped" else _pace(fraction, expected)
    return Progress(done, target, fraction, expected, pace, start, end)


def _window(figures: GoalFigures) -> tuple[date, date | None]:
    if figures.recurrence:
        return period_bounds(figures.today, figures.recurrence)
    return figures.started_on, figures.due


def _expected(today: date, start: date, end: date | None) -> float | None:
    if end is None:
        return None
    length = (end - start).days
    if length <= 0:
        return 1.0
    return max(0.0, min((today - start).days / length, 1.0))


def _pace(fraction: float, expected: float | None) -> Pace | None:
    if expected is None:
        return None
    if fraction >= 1.0 or fraction > expected + PACE_TOLERANCE:
        return "ahead" if fraction < 1.0 or expected < 1.0 else "on"
    if fraction < expected - PACE_TOLERANCE:
        return "behind"
    return "on"
