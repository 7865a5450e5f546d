"""The next career action: each term's weight, its shape at the edges, and the
ranked list they make together, from plain data."""

from __future__ import annotations

import datetime as dt

import pytest

from headway.coach import next_action as coach
from headway.coach.next_action import (
    CertificationSignal,
    GapSignal,
    GoalSignal,
    HelperSignal,
    LearningSignal,
    MentorSignal,
    Signals,
    next_actions,
)

TODAY = dt.date(2026, 11, 23)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def only(signals: Signals) -> coach.NextAction:
    found = next_actions(signals, TODAY)
    assert len(found) == 1, found
    return found[0]


def terms(item: coach.NextAction) -> dict[str, float]:
    return {term.term: term.value for term in item.why}


# --- the weights, one test each --------------------------------------------


def test_the_weights_are_the_named_constants_in_one_table() -> None:
    assert coach.WEIGHTS == {
        "due": coach.WEIGHT_DUE,
        "behind": coach.WEIGHT_BEHIND,
        "expiry": coach.WEIGHT_EXPIRY,
        "gap": coach.WEIGHT_GAP,
        "priority": coach.WEIGHT_PRIORITY,
        "helper": coach.WEIGHT_HELPER,
        "learning": coach.WEIGHT_LEARNING,
        "mentor": coach.WEIGHT_MENTOR,
    }


def test_weight_due_a_goal_a_week_late_gets_it_all() -> None:
    goal = GoalSignal("Ship the guide", "/g/1", due=days(-coach.DUE_FULL_LATE_DAYS))
    assert terms(only(Signals(goals=(goal,)))) == {"due": coach.WEIGHT_DUE}
    assert coach.WEIGHT_DUE == 12.0


def test_weight_behind_a_goal_with_nothing_done_at_its_end_gets_it_all() -> None:
    goal = GoalSignal("Apply 3 times", "/g/1", done_share=0.0, expected_share=1.0)
    assert terms(only(Signals(goals=(goal,)))) == {"behind": coach.WEIGHT_BEHIND}
    assert coach.WEIGHT_BEHIND == 10.0


def test_weight_expiry_a_certificate_lapsing_today_gets_it_all() -> None:
    cert = CertificationSignal("Renew: CKA", TODAY, "/e/4")
    assert terms(only(Signals(certifications=(cert,)))) == {
        "expiry": coach.WEIGHT_EXPIRY
    }
    assert coach.WEIGHT_EXPIRY == 9.0


def test_weight_gap_a_gap_at_full_severity_gets_it_all() -> None:
    gap = GapSignal("hiring", "skill", coach.GAP_SEVERITY_FULL, None, "/growth/")
    assert terms(only(Signals(gaps=(gap,)))) == {"gap": coach.WEIGHT_GAP}
    assert coach.WEIGHT_GAP == 8.0


def test_weight_priority_a_goal_serving_the_first_priority_gets_it_all() -> None:
    goal = GoalSignal("Lead the team", "/g/1", priority_rank=1, priorities_ranked=4)
    assert terms(only(Signals(goals=(goal,)))) == {"priority": coach.WEIGHT_PRIORITY}
    assert coach.WEIGHT_PRIORITY == 6.0


def test_weight_helper_an_overdue_tie_of_strength_five_gets_it_all() -> None:
    helper = HelperSignal("Ana", 5, 10, ("hiring",), "/c/2")
    assert terms(only(Signals(helpers=(helper,)))) == {"helper": coach.WEIGHT_HELPER}
    assert coach.WEIGHT_HELPER == 5.0


def test_weight_learning_a_year_without_learning_gets_it_all() -> None:
    learning = LearningSignal(dt.date(2025, 11, 23), dt.date(2020, 1, 1), "/log/")
    assert terms(only(Signals(learning=learning))) == {
        "learning": coach.WEIGHT_LEARNING
    }
    assert coach.WEIGHT_LEARNING == 5.0


def test_weight_mentor_an_update_four_weeks_late_gets_it_all() -> None:
    mentor = MentorSignal("Send Bo an update", days(-28), "/c/3")
    assert terms(only(Signals(mentors=(mentor,)))) == {"mentor": coach.WEIGHT_MENTOR}
    assert coach.WEIGHT_MENTOR == 4.0


# --- each term's shape at its edges ------------------------------------------


@pytest.mark.parametrize(
    ("rank", "ranked", "factor"),
    [
        (1, 5, 1.0),
        (5, 5, 0.2),
        (3, 5, 0.6),
        (1, 1, 1.0),
        (None, 5, 0.0),  # the priority is not in the current ranking
        (6, 5, 0.0),
        (0, 5, 0.0),
        (1, 0, 0.0),
    ],
)
def test_priority_falls_evenly_from_the_first_to_the_last(
    rank: int | None, ranked: int, factor: float
) -> None:
    assert coach.priority_factor(rank, ranked) == pytest.approx(factor)


@pytest.mark.parametrize(
    ("done", "expected", "factor"),
    [
        (0.5, 0.5, 0.0),  # on the line
        (0.9, 0.5, 0.0),  # ahead
        (0.2, 0.5, 0.3),
        (0.0, 1.0, 1.0),
        (None, 0.5, 0.0),  # a yes/no goal has no line
        (0.2, None, 0.0),  # no due date: no line either
    ],
)
def test_behind_is_the_share_short_of_the_line(
    done: float | None, expected: float | None, factor: float
) -> None:
    assert coach.behind_factor(done, expected) == pytest.approx(factor)


@pytest.mark.parametrize(
    ("offset", "factor"),
    [
        (coach.DUE_HORIZON_DAYS + 1, 0.0),  # further than the horizon
        (coach.DUE_HORIZON_DAYS, 0.0),
        (0, coach.DUE_HORIZON_DAYS / (coach.DUE_HORIZON_DAYS + 7)),  # due today: 0.8
        (-coach.DUE_FULL_LATE_DAYS, 1.0),
        (-365, 1.0),  # long past: no more than full
    ],
)
def test_due_rises_in_a_line_from_four_weeks_ahead_to_a_week_late(
    offset: int, factor: float
) -> None:
    assert coach.due_factor(days(offset), TODAY) == pytest.approx(factor)


def test_a_goal_without_a_due_date_has_no_due_term() -> None:
    assert coach.due_factor(None, TODAY) == 0.0


@pytest.mark.parametrize(
    ("severity", "factor"),
    [(0.0, 0.0), (3.0, 0.5), (coach.GAP_SEVERITY_FULL, 1.0), (40.0, 1.0)],
)
def test_gap_counts_its_severity_up_to_full(severity: float, factor: float) -> None:
    assert coach.gap_factor(severity) == pytest.approx(factor)


@pytest.mark.parametrize(
    ("strength", "late", "factor"),
    [
        (5, 1, 1.0),
        (4, 30, 0.8),
        (3, 30, 0.0),  # not a strong tie
        (5, 0, 0.0),  # not yet past the cadence
    ],
)
def test_helper_counts_strong_ties_past_their_cadence_by_strength(
    strength: int, late: int, factor: float
) -> None:
    assert coach.helper_factor(strength, late) == pytest.approx(factor)


@pytest.mark.parametrize(
    ("offset", "factor"),
    [(1, 0.0), (0, 0.5), (-14, 0.75), (-28, 1.0), (-100, 1.0)],
)
def test_mentor_counts_half_on_the_day_and_in_full_four_weeks_late(
    offset: int, factor: float
) -> None:
    assert coach.mentor_factor(days(offset), TODAY) == pytest.approx(factor)


@pytest.mark.parametrize(
    ("months", "factor"),
    [(0, 0.0), (2, 0.0), (3, 0.25), (6, 0.5), (12, 1.0), (60, 1.0)],
)
def test_learning_starts_after_three_months_and_is_full_after_a_year(
    months: int, factor: float
) -> None:
    assert coach.learning_factor(months) == pytest.approx(factor)


def test_months_since_count_whole_months_only() -> None:
    assert coach.months_between(dt.date(2026, 8, 24), TODAY) == 2
    assert coach.months_between(dt.date(2026, 8, 23), TODAY) == 3
    assert coach.months_between(days(5), TODAY) == 0


@pytest.mark.parametrize(
    ("offset", "factor"),
    [(91, 0.0), (90, 0.0), (45, 0.5), (0, 1.0), (-30, 1.0)],
)
def test_expiry_rises_from_ninety_days_ahead_to_the_day(
    offset: int, factor: float
) -> None:
    assert coach.expiry_factor(days(offset), TODAY) == pytest.approx(factor)


# --- the items -------------------------------------------------------------


def test_a_goal_item_sums_its_terms_and_says_why() -> None:
    goal = GoalSignal(
        "Apply for 3 internal postings",
        "/goals/7/",
        priority_rank=2,
        priorities_ranked=4,
        done_share=0.25,
        expected_share=0.75,
        due=days(0),
        gap_need="hiring",
        gap_severity=3.0,
    )
    item = only(Signals(goals=(goal,)))
    assert item.title == "Catch up on: Apply for 3 internal postings"
    assert item.link == "/goals/7/"
    assert terms(item) == {"priority": 4.5, "behind": 5.0, "due": 9.6, "gap": 4.0}
    assert item.score == pytest.approx(sum(terms(item).values()))
    notes = {term.term: term.note for term in item.why}
    assert notes["priority"] == "serves your priority 2 of 4"
    assert notes["behind"] == "25 % done, 75 % expected by now"
    assert notes["due"] == "due today"
    assert notes["gap"] == "works on your gap “hiring”"


def test_a_goal_with_no_signal_is_not_listed() -> None:
    goal = GoalSignal("Read more", "/g/1", due=days(200))
    assert next_actions(Signals(goals=(goal,)), TODAY) == []


def test_a_goal_past_its_date_asks_to_finish_or_re_plan() -> None:
    goal = GoalSignal("Pass the exam", "/g/1", due=days(-3))
    item = only(Signals(goals=(goal,)))
    assert item.title == "Finish or re-plan: Pass the exam"
    assert item.why[0].note == "3 days past its due date (20 November 2026)"


def test_a_gap_item_names_its_kind_and_staleness() -> None:
    gap = GapSignal("public speaking", "opportunity", 1.5, 14, "/growth/#gaps")
    item = only(Signals(gaps=(gap,)))
    assert item.title == "Find a chance to show “public speaking” (opportunity gap)"
    assert item.why[0].note == "opportunity gap, last shown 14 months ago"
    assert item.score == 2.0


def test_a_helper_is_listed_only_when_strong_and_overdue() -> None:
    weak = HelperSignal("Cy", 3, 40, ("hiring",), "/c/1")
    fresh = HelperSignal("Di", 5, 0, ("hiring",), "/c/2")
    strong = HelperSignal("Ana", 4, 12, ("hiring", "budgets"), "/c/3")
    found = next_actions(Signals(helpers=(weak, fresh, strong)), TODAY)
    assert [item.title for item in found] == [
        "Get back in touch with Ana: they can help with “hiring”, “budgets”"
    ]
    assert found[0].score == 4.0


def test_a_mentor_not_yet_due_is_not_listed() -> None:
    mentor = MentorSignal("Send Bo an update", days(3), "/c/3")
    assert next_actions(Signals(mentors=(mentor,)), TODAY) == []


def test_learning_is_not_asked_for_in_the_first_three_months() -> None:
    recent = LearningSignal(days(-60), dt.date(2020, 1, 1), "/log/")
    new_owner = LearningSignal(None, days(-60), "/log/")
    assert next_actions(Signals(learning=recent), TODAY) == []
    assert next_actions(Signals(learning=new_owner), TODAY) == []


def test_an_owner_who_never_learned_counts_from_their_start() -> None:
    item = only(Signals(learning=LearningSignal(None, dt.date(2026, 5, 23), "/log/")))
    assert item.why[0].note == "no learning entry in 6 months of your record"
    assert item.score == 2.5


def test_a_certification_beyond_its_horizon_is_not_listed() -> None:
    cert = CertificationSignal("Renew: CKA", days(coach.EXPIRY_HORIZON_DAYS), "/e/1")
    assert next_actions(Signals(certifications=(cert,)), TODAY) == []


def test_two_gaps_sharing_a_page_stay_two_items() -> None:
    gaps = (
        GapSignal("hiring", "skill", 6.0, None, "/growth/#gaps"),
        GapSignal("budgets", "skill", 3.0, None, "/growth/#gaps"),
    )
    found = next_actions(Signals(gaps=gaps), TODAY)
    assert [item.score for item in found] == [8.0, 4.0]


def test_a_mentor_who_can_help_is_one_item_with_both_terms() -> None:
    mentor = MentorSignal("Send Ana a progress update", days(-28), "/c/3")
    helper = HelperSignal("Ana", 5, 12, ("hiring",), "/c/3")
    item = only(Signals(mentors=(mentor,), helpers=(helper,)))
    assert item.title == "Send Ana a progress update"
    assert terms(item) == {"mentor": 4.0, "helper": 5.0}
    assert item.score == 9.0


def test_the_list_is_ranked_by_score_highest_first() -> None:
    signals = Signals(
        goals=(GoalSignal("Lead", "/g/1", priority_rank=1, priorities_ranked=1),),
        gaps=(GapSignal("hiring", "skill", 6.0, None, "/growth/"),),
        certifications=(CertificationSignal("Renew: CKA", days(-1), "/e/4"),),
        mentors=(MentorSignal("Send Bo an update", TODAY, "/c/3"),),
    )
    found = next_actions(signals, TODAY)
    assert [item.score for item in found] == [9.0, 8.0, 6.0, 2.0]
    assert [item.link for item in found] == ["/e/4", "/growth/", "/g/1", "/c/3"]


def test_equal_scores_are_ranked_by_title() -> None:
    goals = tuple(
        GoalSignal(name, f"/g/{name}", priority_rank=1, priorities_ranked=1)
        for name in ("Write", "Apply", "Speak")
    )
    found = next_actions(Signals(goals=goals), TODAY)
    assert [item.title for item in found] == [
        "Move forward: Apply",
        "Move forward: Speak",
        "Move forward: Write",
    ]


def test_no_signals_no_items() -> None:
    assert next_actions(Signals(), TODAY) == []
