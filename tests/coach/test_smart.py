"""The SMART coach: a verdict per criterion, a reason, a hint and the parsed date."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway.coach.goal_dates import statement_due
from headway.coach.smart import CRITERIA, GoalDraft, smart_check

MONDAY = date(2026, 11, 23)
PROMOTION = "Promotion to a more senior role"
NEW_SKILL = "A new skill or competency"
PRIORITIES = (PROMOTION, NEW_SKILL)


def check(statement: str, **fields: object) -> dict[str, object]:
    draft = GoalDraft(statement=statement, today=MONDAY, **fields)  # type: ignore[arg-type]
    return smart_check(draft).as_dict()


def verdict(statement: str, criterion: str, **fields: object) -> str:
    found = check(statement, **fields)[criterion]
    assert isinstance(found, dict)
    return str(found["verdict"])


SPECIFIC = [
    ("i want to get better", "fail"),
    ("Improve.", "fail"),
    ("grow professionally", "fail"),
    ("do more networking this year", "fail"),
    ("be a better leader someday", "fail"),
    ("improove my carrer", "fail"),
    ("learn more about cloud", "fail"),
    ("I want a promotion", "fail"),
    ("enhancing my overall performance at work", "fail"),
    # A vague verb with a broad area or a subject names no outcome (issue 10).
    ("Improve my Python skills", "fail"),
    ("get better at public speaking", "fail"),
    ("improve customer service", "fail"),
    ("work on my time management", "fail"),
    ("study for the CKA exam", "warn"),
    ("Become Senior Marketing Manager by the end of 2027", "pass"),
    ("pass the aws solutions architect exam by june 2027", "pass"),
    ("Publish four articles on our engineering blog by end of Q2", "pass"),
    ("Land a product manager role at a fintech within 12 months", "pass"),
    ("give a talk at pycon", "pass"),
    ("ship the billing migration by 2027-03-31", "pass"),
]


@pytest.mark.parametrize(("statement", "expected"), SPECIFIC)
def test_specific_fails_vague_verbs_and_passes_named_outcomes(
    statement: str, expected: str
) -> None:
    assert verdict(statement, "specific") == expected


MEASURABLE = [
    ("read 12 books in 2027", "pass"),
    ("apply for at least three internal postings every quarter", "pass"),
    ("read twenty-five books before next march", "pass"),
    ("Cut onboarding time by 30%", "pass"),
    ("grow my sales pipeline by twenty percent by march", "pass"),
    ("negotiate a raise to $95,000 by next year", "pass"),
    ("earn 5k eur from freelance gigs this year", "pass"),
    ("get my PMP certification by q3", "pass"),
    ("Become Senior Marketing Manager by the end of 2027", "pass"),
    ("I want a promotion", "fail"),
    ("learn more about cloud", "fail"),
    ("be more visible in meetings", "fail"),
]


@pytest.mark.parametrize(("statement", "expected"), MEASURABLE)
def test_measurable_needs_a_number_a_percentage_money_or_an_observable_outcome(
    statement: str, expected: str
) -> None:
    assert verdict(statement, "measurable") == expected


def test_a_target_on_the_goal_makes_it_measurable() -> None:
    assert verdict("help the junior developers on my team", "measurable") == "fail"
    assert (
        verdict("help the junior developers on my team", "measurable", target=2.0)
        == "pass"
    )


ACHIEVABLE = [
    ("Get promoted to Director within 3 weeks", "warn"),
    ("Publish 30 blog posts by end of next month", "warn"),
    ("give 15 talks every week", "warn"),
    ("double revenue, up 250% by end of year", "warn"),
    ("write a book", "warn"),
    ("Pass the CKA exam by 2026-01-15", "fail"),
    ("Ship the new billing service by june 2027", "pass"),
    ("get promoted to staff engineer by Q3", "pass"),
    ("deliver 2 workshops a month", "pass"),
]


@pytest.mark.parametrize(("statement", "expected"), ACHIEVABLE)
def test_achievable_warns_when_the_date_leaves_no_room_for_the_scope(
    statement: str, expected: str
) -> None:
    assert verdict(statement, "achievable") == expected


def test_achievable_weighs_the_due_date_set_on_the_goal() -> None:
    soon = date(2026, 12, 10)
    assert verdict("Become engineering manager", "achievable", due=soon) == "warn"
    later = date(2027, 12, 10)
    assert verdict("Become engineering manager", "achievable", due=later) == "pass"


def test_relevant_passes_only_for_a_current_priority() -> None:
    statement = "Become Senior Marketing Manager by the end of 2027"
    linked = {"priority": PROMOTION, "priorities": PRIORITIES}
    assert verdict(statement, "relevant", **linked) == "pass"
    stale = {"priority": "Higher pay", "priorities": PRIORITIES}
    assert verdict(statement, "relevant", **stale) == "warn"
    assert verdict(statement, "relevant", priorities=()) == "fail"


def test_relevant_suggests_the_priority_the_statement_seems_to_serve() -> None:
    found = check("get promoted to staff engineer by q3", priorities=PRIORITIES)
    relevant = found["relevant"]
    assert isinstance(relevant, dict)
    assert relevant["verdict"] == "warn"
    assert PROMOTION in str(relevant["hint"])


def test_relevant_fails_when_nothing_links_it() -> None:
    assert verdict("run a half marathon", "relevant", priorities=PRIORITIES) == "fail"


TIME_BOUND = [
    ("ship the design system by the end of the year", date(2026, 12, 31)),
    ("Become team lead by June 2027", date(2027, 6, 30)),
    ("run a half marathon within 6 months", date(2027, 5, 23)),
    ("get AWS certified in Q3", date(2027, 9, 30)),
    ("finish my MBA by 2028", date(2028, 12, 31)),
    ("present at a conference before march", date(2027, 3, 31)),
    ("complete the kubernetes course in three weeks", date(2026, 12, 14)),
    ("by next year hire two engineers", date(2027, 12, 31)),
    ("Become Senior Marketing Manager by the end of 2027", date(2027, 12, 31)),
    ("land the offer by 15 march 2027", date(2027, 3, 15)),
]


@pytest.mark.parametrize(("statement", "expected"), TIME_BOUND)
def test_a_date_in_the_statement_is_parsed_and_offered(
    statement: str, expected: date
) -> None:
    found = check(statement)
    assert found["parsed_due"] == expected.isoformat()
    assert verdict(statement, "time_bound") == "pass"


@pytest.mark.parametrize(
    "statement",
    [
        "apply to 3 jobs every quarter",
        "deliver 2 workshops a month",
        "weekly 1:1s with my mentor",
        "Publish one newsletter issue per week",
    ],
)
def test_a_recurring_target_is_time_bound_without_a_date(statement: str) -> None:
    found = check(statement)
    assert found["parsed_due"] is None
    assert verdict(statement, "time_bound") == "pass"


@pytest.mark.parametrize(
    "statement",
    ["publish a paper soon", "launch the mobile app someday", "I want a promotion"],
)
def test_goal_without_a_date_fails_time_bound(statement: str) -> None:
    assert verdict(statement, "time_bound") == "fail"
    assert check(statement)["parsed_due"] is None


def test_a_due_date_on_the_goal_makes_it_time_bound() -> None:
    assert verdict("write a book", "time_bound", due=date(2027, 9, 1)) == "pass"


def test_the_domain_examples_get_the_verdicts_the_domain_names() -> None:
    promotion = check("I want a promotion")
    assert [
        promotion[c]["verdict"] for c in ("specific", "measurable", "time_bound")
    ] == [  # type: ignore[index]
        "fail",
        "fail",
        "fail",
    ]
    senior = check("Become Senior Marketing Manager by the end of 2027")
    assert senior["specific"]["verdict"] == "pass"  # type: ignore[index]
    assert senior["time_bound"]["verdict"] == "pass"  # type: ignore[index]
    postings = smart_check(
        GoalDraft(
            statement="Apply for at least three internal postings every quarter",
            today=MONDAY,
        )
    )
    assert postings.measurable.verdict == "pass"
    assert postings.parsed_recurrence == "quarter"
    assert postings.parsed_target == 3


def test_every_verdict_has_a_reason_and_every_miss_a_hint() -> None:
    for statement, _ in SPECIFIC + MEASURABLE + ACHIEVABLE:
        report = smart_check(GoalDraft(statement=statement, today=MONDAY))
        for _name, found in report.checks:
            assert found.reason.endswith(".")
            assert found.verdict == "pass" or found.hint


def test_the_json_shape_has_the_five_criteria_and_the_parsed_due() -> None:
    found = check("Become team lead by June 2027")
    assert set(found) == {*CRITERIA, "parsed_due"}
    assert set(found["specific"]) == {"verdict", "reason", "hint"}  # type: ignore[arg-type]


def test_statement_due_reads_dates_for_the_due_field() -> None:
    assert statement_due("end of 2027", today=MONDAY) == date(2027, 12, 31)
    assert statement_due("no date in here", today=MONDAY) is None


@given(st.text(max_size=10_000))
@settings(max_examples=150, deadline=None)
def test_the_coach_never_raises_on_any_text(statement: str) -> None:
    report = smart_check(GoalDraft(statement=statement, today=MONDAY))
    assert all(found.verdict in {"pass", "warn", "fail"} for _, found in report.checks)


WORDS = st.sampled_from(
    [
        "get",
        "promoted",
        "become",
        "senior",
        "manager",
        "by",
        "june",
        "2027",
        "the",
        "end",
        "of",
        "year",
        "within",
        "6",
        "months",
        "every",
        "quarter",
        "three",
        "40%",
        "$5,000",
        "improve",
        "grow",
        "talks",
        "exam",
        "aws",
        "and",
        "my",
        "apply",
        "for",
        "postings",
        "Q3",
        "soon",
        "12",
        "weekly",
    ]
)


@given(st.lists(WORDS, min_size=40, max_size=80))
@settings(max_examples=60, deadline=None)
def test_the_coach_answers_a_300_character_statement_in_under_5_ms(
    words: list[str],
) -> None:
    statement = " ".join(words)[:300]
    draft = GoalDraft(statement=statement, today=MONDAY, priorities=PRIORITIES)
    smart_check(draft)  # warm the regular expressions
    timings = []
    # The coach's own CPU time, best of three: other processes on a busy test
    # machine stretch the wall clock, not the work the coach does.
    for _ in range(3):
        started = time.process_time()
        smart_check(draft)
        timings.append(time.process_time() - started)
    assert min(timings) < 0.005


@pytest.mark.parametrize(
    "statement",
    [
        "improve",
        "get better at customer service",
        "develop my time management",
        "learn to code in Python",
        "grow my writing skills",
        "be more organised",
        "work on my communication",
    ],
)
def test_a_vague_verb_with_only_an_area_fails_specific_without_a_warning(
    statement: str,
) -> None:
    found = check(statement)["specific"]
    assert found["verdict"] == "fail"  # type: ignore[index]
    assert "no outcome" in found["reason"]  # type: ignore[index]


@pytest.mark.parametrize(
    "statement",
    [
        "Learn Angular 6",
        "move our laptops to Windows 11",
        "support ASP.NET 3.5",
        "book a room in Suite 12",
        "master Python 3.12",
    ],
)
def test_version_and_model_numbers_are_not_counts(statement: str) -> None:
    report = smart_check(GoalDraft(statement=statement, today=MONDAY))
    assert not report.measurable.reason.startswith("It names a count")
    assert report.parsed_target is None


@pytest.mark.parametrize(
    "statement",
    [
        "take the PMP exam in February",
        "create a presentation for new users",
        "run the postmortem for an incident",
        "implement the new review system",
    ],
)
def test_a_named_deliverable_or_one_off_event_is_a_yes_no_outcome(
    statement: str,
) -> None:
    assert verdict(statement, "measurable") == "pass"
    assert verdict(statement, "specific") == "pass"


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("get certified by June 30", date(2027, 6, 30)),
        ("get certified by the 30th of June", date(2027, 6, 30)),
        ("get certified by September 1st", date(2027, 9, 1)),
        ("get certified no later than March 15", date(2027, 3, 15)),
        ("get certified by December 1", date(2026, 12, 1)),
        ("send the report by Friday", date(2026, 11, 27)),
        ("send the report by next Friday", date(2026, 12, 4)),
        ("read 20 books for the year", date(2026, 12, 31)),
        ("read 20 books this year", date(2026, 12, 31)),
        ("ship 3 features over the next three months", date(2027, 2, 23)),
        ("ship it by the beginning of next year", date(2027, 1, 1)),
        ("ship it by mid-2027", date(2027, 6, 30)),
    ],
)
def test_month_days_weekdays_and_spans_are_read_from_today(
    statement: str, expected: date
) -> None:
    assert check(statement)["parsed_due"] == expected.isoformat()


@pytest.mark.parametrize(
    ("statement", "period"),
    [
        ("meet my mentor every 3 months", "quarter"),
        ("give a talk once a quarter", "quarter"),
        ("post twice a month", "month"),
        ("call a former colleague each week", "week"),
        ("host the retro the first Friday of every month", "month"),
        ("review the budget every 12 months", "year"),
    ],
)
def test_recurrences_are_read_as_their_period(statement: str, period: str) -> None:
    report = smart_check(GoalDraft(statement=statement, today=MONDAY))
    assert report.parsed_recurrence == period
    assert report.time_bound.verdict == "pass"


def test_a_repeat_no_period_holds_is_still_time_bound() -> None:
    report = smart_check(
        GoalDraft(statement="pair with a peer every 2 weeks", today=MONDAY)
    )
    assert report.parsed_recurrence == ""
    assert report.time_bound.verdict == "pass"
    assert "every 2 weeks" in report.time_bound.reason


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("book the trip for the first week of October", date(2027, 10, 7)),
        ("ship the beta by early march", date(2027, 3, 10)),
        ("ship the beta by mid-june", date(2027, 6, 15)),
        ("ship the beta in late september 2027", date(2027, 9, 30)),
        ("ship the beta in the first half of may", date(2027, 5, 15)),
        ("ship the beta in the last week of december", date(2026, 12, 31)),
    ],
)
def test_parts_of_a_month_are_read_as_their_last_day(
    statement: str, expected: date
) -> None:
    assert check(statement)["parsed_due"] == expected.isoformat()


@pytest.mark.parametrize(
    ("statement", "specific", "measurable"),
    [
        ("be a manager in 2 years", "pass", "pass"),
        ("be the tech lead for the payments team by june", "pass", "pass"),
        ("do a masters in data science", "pass", "pass"),
        ("be promoted", "fail", "pass"),
        ("lead a team", "fail", "fail"),
        ("My goal is to get a new job as a digital marketing manager", "pass", "pass"),
        ("earn a position managing a development team", "pass", "pass"),
    ],
)
def test_roles_and_degrees_after_be_do_and_earn_are_outcomes(
    statement: str, specific: str, measurable: str
) -> None:
    assert verdict(statement, "specific") == specific
    assert verdict(statement, "measurable") == measurable


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("email her by wednesday next week", date(2026, 12, 2)),
        ("email her by friday this week", date(2026, 11, 27)),
        ("move to GitHub Actions by the end of h1 2027", date(2027, 6, 30)),
        ("close the books in H2", date(2026, 12, 31)),
        ("give a lightning talk at the October meetup", date(2027, 10, 31)),
    ],
)
def test_weekdays_of_a_week_half_years_and_named_months_are_read(
    statement: str, expected: date
) -> None:
    assert check(statement)["parsed_due"] == expected.isoformat()


@pytest.mark.parametrize(
    ("statement", "measurable"),
    [
        ("finalize the vendor contract with Acme", "pass"),
        ("blog weekly about what I learn", "pass"),
        ("be a good mentor", "fail"),
    ],
)
def test_any_verb_on_a_named_thing_is_an_event_and_praise_is_not(
    statement: str, measurable: str
) -> None:
    assert verdict(statement, "measurable") == measurable
