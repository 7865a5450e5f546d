"""Drift: every rule at its edges, with fixed dates, and the suggestions."""

from __future__ import annotations

from datetime import date, timedelta

from headway.coach.drift import (
    DriftFacts,
    DriftThresholds,
    GoalFact,
    MentorFact,
    NeedFact,
    OwnerGaps,
    drift,
    drift_rules,
)
from headway.coach.momentum import MonthScore

TODAY = date(2026, 12, 3)
LIMITS = DriftThresholds()
LONG_AGO = date(2020, 1, 1)


def months(*scores: float) -> tuple[MonthScore, ...]:
    """Complete months ending with November 2026, then December (incomplete, 0)."""
    rows = []
    for back, score in enumerate(reversed(scores), start=1):
        index = 2026 * 12 + 11 - back
        rows.append(MonthScore(date(index // 12, index % 12 + 1, 1), score, {}, True))
    rows.reverse()
    rows.append(MonthScore(date(2026, 12, 1), 0.0, {}, False))
    return tuple(rows)


def facts(**changes: object) -> DriftFacts:
    base: dict[str, object] = {
        "today": TODAY,
        "started_on": LONG_AGO,
        "months": months(9, 9, 9, 9),
        "last_learning": TODAY,
        "last_strong_tie": TODAY,
        "last_goal_progress": TODAY,
    }
    base.update(changes)
    return DriftFacts(**base)  # type: ignore[arg-type]


def rules_of(found: DriftFacts) -> dict[str, date]:
    return {rule.rule: rule.since for rule in drift_rules(found, LIMITS)}


def test_an_active_owner_is_not_drifting() -> None:
    result = drift(facts(), OwnerGaps())
    assert not result.drifting
    assert result.rules == ()
    assert result.suggestions == ()


def test_three_complete_months_below_the_threshold_drift_since_the_first_of_them() -> (
    None
):
    assert rules_of(facts(months=months(9, 5.9, 0, 2))) == {
        "low_months": date(2026, 9, 1)
    }


def test_two_low_months_are_not_yet_drift() -> None:
    assert rules_of(facts(months=months(9, 9, 0, 2))) == {}


def test_a_month_at_the_threshold_is_not_low() -> None:
    assert rules_of(facts(months=months(9, 6, 0, 2))) == {}


def test_a_longer_low_run_dates_from_its_first_month() -> None:
    assert rules_of(facts(months=months(9, 1, 1, 1, 1, 1)))["low_months"] == date(
        2026, 7, 1
    )


def test_the_current_month_does_not_count_towards_low_months() -> None:
    assert rules_of(facts(months=months(9, 9, 1, 1))) == {}


def test_months_before_the_owner_began_are_not_counted_as_low() -> None:
    found = facts(months=months(0, 0, 0, 0), started_on=date(2026, 9, 15))
    assert "low_months" not in rules_of(found)
    found = facts(months=months(0, 0, 0, 0), started_on=date(2026, 9, 1))
    assert rules_of(found)["low_months"] == date(2026, 9, 1)


def test_a_learning_entry_89_days_ago_keeps_the_rule_quiet() -> None:
    assert rules_of(facts(last_learning=TODAY - timedelta(days=89))) == {}


def test_no_learning_for_90_days_drifts_from_the_90th_day() -> None:
    last = TODAY - timedelta(days=90)
    assert rules_of(facts(last_learning=last)) == {"no_learning": TODAY}
    last = TODAY - timedelta(days=100)
    assert rules_of(facts(last_learning=last)) == {
        "no_learning": TODAY - timedelta(days=10)
    }


def test_no_new_strong_tie_for_180_days_drifts_and_179_does_not() -> None:
    assert rules_of(facts(last_strong_tie=TODAY - timedelta(days=179))) == {}
    assert rules_of(facts(last_strong_tie=TODAY - timedelta(days=180))) == {
        "no_strong_tie": TODAY
    }


def test_no_goal_progress_for_60_days_drifts_and_59_does_not() -> None:
    assert rules_of(facts(last_goal_progress=TODAY - timedelta(days=59))) == {}
    assert rules_of(facts(last_goal_progress=TODAY - timedelta(days=60))) == {
        "no_goal_progress": TODAY
    }


def test_with_nothing_ever_logged_the_clock_starts_when_the_owner_began() -> None:
    began = TODAY - timedelta(days=70)
    found = facts(
        started_on=began, last_learning=None, last_strong_tie=None,
        last_goal_progress=None, months=months(),
    )  # fmt: skip
    assert rules_of(found) == {"no_goal_progress": began + timedelta(days=60)}


def test_thresholds_are_parameters() -> None:
    strict = DriftThresholds(learning_days=30, month_score=10, low_months=2)
    found = facts(last_learning=TODAY - timedelta(days=30), months=months(9, 9))
    names = {rule.rule for rule in drift_rules(found, strict)}
    assert names == {"no_learning", "low_months"}


def test_each_rule_is_reported_on_its_own_with_a_plain_message() -> None:
    result = drift(
        facts(
            months=months(0, 0, 0), last_learning=None,
            last_strong_tie=date(2025, 1, 1), last_goal_progress=date(2026, 1, 1),
        ),
        OwnerGaps(),
    )  # fmt: skip
    assert [rule.rule for rule in result.rules] == [
        "low_months", "no_learning", "no_strong_tie", "no_goal_progress",
    ]  # fmt: skip
    assert "since 1 January 2025" in result.rules[2].message


GOAL_BEHIND = GoalFact(7, "Ship the search rewrite", "behind", 0.2, 0.6, None)
GOAL_ON = GoalFact(8, "Read 12 books", "on", 0.5, 0.5, date(2026, 8, 1))
MENTOR = MentorFact(31, "Ada Lovelace", "mentor-update", date(2026, 10, 1))
NEED = NeedFact("Kubernetes", "Staff Engineer", None)


def test_suggestions_come_from_the_owners_goals_needs_and_mentors() -> None:
    result = drift(
        facts(
            last_learning=None, last_strong_tie=None,
            last_goal_progress=date(2026, 1, 1),
        ),
        OwnerGaps(goals=(GOAL_ON, GOAL_BEHIND), mentors=(MENTOR,), needs=(NEED,)),
    )  # fmt: skip
    links = [(s.link_kind, s.link_id) for s in result.suggestions]
    assert links == [("goal", 7), ("target_role", None), ("contact", 31)]
    assert "Ship the search rewrite" in result.suggestions[0].action
    assert "20 % done, 60 % expected" in result.suggestions[0].reason
    assert "Staff Engineer needs it" in result.suggestions[1].reason
    assert "Ada Lovelace" in result.suggestions[2].action


def test_only_suggestions_that_end_an_open_rule_are_proposed() -> None:
    result = drift(
        facts(last_goal_progress=date(2026, 1, 1)),
        OwnerGaps(goals=(GOAL_ON,), mentors=(MENTOR,), needs=(NEED,)),
    )
    assert [(s.link_kind, s.link_id) for s in result.suggestions] == [("goal", 8)]
    assert "last check-in was on 1 August 2026" in result.suggestions[0].reason


def test_without_data_for_a_rule_the_plain_way_to_end_it_is_proposed() -> None:
    result = drift(facts(last_learning=None, last_strong_tie=None), OwnerGaps())
    assert [s.link_kind for s in result.suggestions] == ["new_entry", "network"]


def test_never_more_than_three_suggestions() -> None:
    goals = tuple(
        GoalFact(n, f"Goal {n}", "behind", 0.0, 0.5, None) for n in range(1, 6)
    )
    result = drift(facts(last_goal_progress=None), OwnerGaps(goals=goals))
    assert len(result.suggestions) == 3
