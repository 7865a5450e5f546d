"""The agenda coach decides what is due and when, from plain facts."""

from __future__ import annotations

import datetime as dt

from headway.coach.agenda import (
    Adjustment,
    AgendaItem,
    CadenceFacts,
    ContactDue,
    Expiring,
    GoalFacts,
    adjustment_items,
    agenda_build,
    cadence_items,
    cadence_next_due,
    contact_items,
    expiry_items,
    goal_items,
)

TODAY = dt.date(2026, 11, 23)  # a Monday


def test_a_cadence_is_due_its_interval_after_it_was_last_done() -> None:
    facts = CadenceFacts("weekly", 7, dt.date(2026, 11, 20), dt.date(2026, 1, 1))
    assert cadence_next_due(facts) == dt.date(2026, 11, 27)


def test_a_cadence_never_done_counts_from_the_day_it_was_set_up() -> None:
    facts = CadenceFacts("quarterly", 91, None, dt.date(2026, 10, 1))
    assert cadence_next_due(facts) == dt.date(2026, 12, 31)


def test_a_switched_off_cadence_is_never_due() -> None:
    facts = CadenceFacts("yearly", None, None, dt.date(2026, 1, 1))
    assert cadence_next_due(facts) is None
    assert cadence_items((facts,)) == []


def test_the_mentor_cadence_leaves_its_items_to_the_due_list() -> None:
    facts = CadenceFacts("mentor", 42, None, dt.date(2026, 1, 1))
    assert cadence_items((facts,)) == []


def test_a_goal_with_a_due_date_is_on_the_agenda_on_that_date() -> None:
    goal = GoalFacts(1, "Pass the CKA exam", due=dt.date(2026, 12, 1))
    (item,) = goal_items((goal,), TODAY)
    assert (item.due, item.kind, item.target) == (
        dt.date(2026, 12, 1),
        "goal-due",
        ("goal", 1),
    )


def test_a_recurring_target_short_this_period_owes_a_check_in_by_its_end() -> None:
    goal = GoalFacts(
        2,
        "Apply to three internal roles every quarter",
        due=None,
        recurrence="quarter",
        target=3,
        unit="applications",
        done_this_period=1,
    )
    (item,) = goal_items((goal,), TODAY)
    assert item.due == dt.date(2026, 12, 31)
    assert item.kind == "check-in"
    assert "2 applications to go this quarter (1 of 3)" in item.title


def test_a_recurring_target_met_this_period_owes_nothing() -> None:
    goal = GoalFacts(3, "Two posts a month", None, "month", 2, "posts", 2)
    assert goal_items((goal,), TODAY) == []


def test_a_weekly_target_is_owed_by_sunday() -> None:
    goal = GoalFacts(4, "Five applications a week", None, "week", 5, "", 0)
    (item,) = goal_items((goal,), TODAY)
    assert item.due == dt.date(2026, 11, 29)


def test_contact_states_read_as_what_to_do() -> None:
    rows = (
        ContactDue(1, "Ana", "mentor-update", TODAY),
        ContactDue(2, "Bo", "thank-you", TODAY),
        ContactDue(3, "Cy", "follow-up", TODAY),
        ContactDue(4, "Di", "help-promised", TODAY),
        ContactDue(5, "Ed", "overdue", TODAY),
    )
    titles = [(item.kind, item.title) for item in contact_items(rows, TODAY)]
    assert titles == [
        ("mentor-update", "Send Ana a progress update"),
        ("mentor-update", "Thank Bo for the meeting"),
        ("follow-up", "Follow up with Cy"),
        ("follow-up", "Give Di the help you promised"),
        ("contact", "Get in touch with Ed (overdue)"),
    ]


def test_a_certification_shows_from_ninety_days_before_it_expires() -> None:
    inside = Expiring(1, "AWS Solutions Architect", TODAY + dt.timedelta(days=90))
    outside = Expiring(2, "Scrum Master", TODAY + dt.timedelta(days=91))
    long_gone = Expiring(3, "Old cert", TODAY - dt.timedelta(days=91))
    lapsed = Expiring(4, "Lapsed last month", TODAY - dt.timedelta(days=20))
    items = expiry_items((inside, outside, long_gone, lapsed), TODAY)
    assert [item.target for item in items] == [("entry", 1), ("entry", 4)]


def test_a_renewed_certification_replaces_the_earlier_one() -> None:
    old = Expiring(1, "Certified Scrum Master", TODAY + dt.timedelta(days=10))
    renewed = Expiring(2, "certified  scrum master", TODAY + dt.timedelta(days=700))
    other = Expiring(3, "CKA", TODAY + dt.timedelta(days=30))
    items = expiry_items((old, renewed, other), TODAY)
    assert [item.target for item in items] == [("entry", 3)]


def test_an_expiring_certification_stays_on_a_two_week_agenda() -> None:
    far = expiry_items((Expiring(1, "CKA", TODAY + dt.timedelta(days=60)),), TODAY)
    assert agenda_build(far, today=TODAY, days=14) == far


def test_a_promised_adjustment_comes_back_thirty_days_later() -> None:
    given = Adjustment(7, "Review from Sam", "Share drafts earlier", TODAY)
    (item,) = adjustment_items((given,))
    assert item.due == TODAY + dt.timedelta(days=30)
    assert "Share drafts earlier" in item.title


def test_a_put_off_adjustment_comes_back_when_the_snooze_ends() -> None:
    snoozed = Adjustment(7, "Review", "Speak up", TODAY, dt.date(2027, 1, 5))
    (item,) = adjustment_items((snoozed,))
    assert item.due == dt.date(2027, 1, 5)


def item(due: dt.date, kind: str, title: str = "x") -> AgendaItem:
    return AgendaItem(due, kind, title, ("goal", 1))


def test_the_agenda_keeps_what_is_due_within_the_window_late_items_first() -> None:
    late = item(TODAY - dt.timedelta(days=3), "contact")
    today_goal = item(TODAY, "goal-due")
    today_review = item(TODAY, "weekly")
    edge = item(TODAY + dt.timedelta(days=14), "manager")
    beyond = item(TODAY + dt.timedelta(days=15), "goal-due")
    built = agenda_build(
        [beyond, edge, today_review, late, today_goal], today=TODAY, days=14
    )
    assert built == [late, today_goal, today_review, edge]


def test_a_window_of_zero_days_is_today_and_what_is_late() -> None:
    late = item(TODAY - dt.timedelta(days=1), "weekly")
    tomorrow = item(TODAY + dt.timedelta(days=1), "weekly")
    assert agenda_build([tomorrow, late], today=TODAY, days=0) == [late]


def test_only_the_first_lapsed_ties_are_named_the_rest_are_one_line() -> None:
    lapsed = tuple(
        ContactDue(n, f"Person {n}", "overdue", TODAY - dt.timedelta(days=n))
        for n in range(1, 9)
    )
    promise = ContactDue(99, "Zed", "follow-up", TODAY)
    items = contact_items((*lapsed, promise), TODAY, keep=5)
    named = [item.title for item in items if item.target[0] == "contact"]
    assert named[:5] == [f"Get in touch with Person {n} (overdue)" for n in range(1, 6)]
    assert "Follow up with Zed" in named
    (summary,) = [item for item in items if item.target[0] == "network"]
    assert (summary.due, summary.title) == (TODAY, "3 more people are due a touch")
