"""Progress is computed: cumulative for counts, per period for recurring targets."""

from __future__ import annotations

from datetime import date

from headway.coach.progress import (
    CheckInPoint,
    GoalFigures,
    goal_progress,
    period_bounds,
)


def figures(**fields: object) -> GoalFigures:
    base: dict[str, object] = {
        "today": date(2026, 11, 23),
        "started_on": date(2026, 1, 1),
        "target": 10.0,
        "due": date(2026, 12, 31),
    }
    return GoalFigures(**(base | fields))  # type: ignore[arg-type]


def points(*pairs: tuple[str, float]) -> tuple[CheckInPoint, ...]:
    return tuple(CheckInPoint(date.fromisoformat(day), value) for day, value in pairs)


def test_a_count_target_adds_up_every_check_in() -> None:
    found = goal_progress(
        figures(checkins=points(("2026-02-01", 3), ("2026-10-01", 6)))
    )
    assert found.done == 9
    assert found.fraction == 0.9
    assert found.pace == "on"


def test_progress_well_below_the_line_is_behind() -> None:
    found = goal_progress(figures(checkins=points(("2026-02-01", 2))))
    assert found.fraction == 0.2
    assert found.pace == "behind"


def test_progress_well_above_the_line_is_ahead() -> None:
    found = goal_progress(
        figures(today=date(2026, 3, 1), checkins=points(("2026-02-01", 6)))
    )
    assert found.pace == "ahead"


def test_progress_never_passes_one() -> None:
    found = goal_progress(figures(checkins=points(("2026-02-01", 30))))
    assert found.fraction == 1.0


def test_a_recurring_target_counts_only_the_current_period() -> None:
    found = goal_progress(
        figures(
            target=3.0,
            recurrence="quarter",
            due=None,
            checkins=points(("2026-09-30", 3), ("2026-10-02", 1), ("2026-11-20", 1)),
        )
    )
    assert (found.done, found.target) == (2, 3)
    assert found.window_start == date(2026, 10, 1)
    assert found.window_end == date(2026, 12, 31)
    assert found.pace == "on"


def test_no_target_means_no_progress_and_no_pace() -> None:
    found = goal_progress(figures(target=None))
    assert (found.fraction, found.pace) == (None, None)


def test_no_due_date_means_no_pace_for_a_count() -> None:
    assert goal_progress(figures(due=None)).pace is None


def test_an_achieved_goal_is_complete_and_a_dropped_one_has_no_pace() -> None:
    assert goal_progress(figures(status="achieved")).fraction == 1.0
    assert goal_progress(figures(status="dropped")).pace is None


def test_period_bounds_cover_week_month_quarter_and_year() -> None:
    day = date(2026, 11, 25)
    assert period_bounds(day, "week") == (date(2026, 11, 23), date(2026, 11, 29))
    assert period_bounds(day, "month") == (date(2026, 11, 1), date(2026, 11, 30))
    assert period_bounds(day, "quarter") == (date(2026, 10, 1), date(2026, 12, 31))
    assert period_bounds(day, "year") == (date(2026, 1, 1), date(2026, 12, 31))
