"""No SMART or date coach function raises, whatever string it is given.

Goal statements arrive from forms, the API and pasted text: up to 10,000
characters of anything, including the words and digits the rules look for.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway.coach.dates import parse_date, parse_date_rules
from headway.coach.goal_dates import (
    find_dates,
    find_recurrence,
    find_repeat,
    recurrence_spans,
    statement_due,
)
from headway.coach.smart import GoalDraft, smart_check
from headway.coach.smart_reading import read

MONDAY = date(2026, 11, 23)
GOAL_WORDS = """by the end of next year q3 2027 june 30 30th of june september 1st
    no later
    than march 15 friday next every 3 months once a quarter twice a month each week
    first monday of every month over the coming three 80-90 percent $5,000 5k eur
    Angular 6 ASP.NET 3.5 Windows 11 improve get better at pass the PMP exam become
    senior manager start beginning of this last week mid-2027 year-end 29 february
    feb 31 99 0 -1 1e999 . , ; and in within for role job position managing get
    earn a an as goal is my Python 2024 apply fix"""
TOKENS = st.sampled_from(GOAL_WORDS.split())
ANY_TEXT = st.one_of(
    st.text(max_size=10_000),
    st.lists(TOKENS, max_size=1_500).map(" ".join).map(lambda t: t[:10_000]),
)
# The calendar's two ends, where "next friday" or "june 30" would leave it.
EDGES = st.sampled_from([date.min, date.max, date(9999, 12, 1), date(1, 1, 7)])
DAYS = st.one_of(EDGES, st.dates(), st.just(MONDAY))


@given(ANY_TEXT, DAYS)
@settings(max_examples=120, deadline=None)
def test_the_goal_sentence_readers_never_raise(text: str, today: date) -> None:
    due, spans = find_dates(text, today)
    assert due is None or isinstance(due, date)
    assert all(0 <= start <= end <= len(text) for start, end in spans)
    assert find_recurrence(text) in {"", "week", "month", "quarter", "year"}
    assert isinstance(find_repeat(text), str)
    assert isinstance(recurrence_spans(text), list)
    assert isinstance(statement_due(text, today=today), date | None)
    assert read(text, today).text is not None


@given(ANY_TEXT, DAYS)
@settings(max_examples=120, deadline=None)
def test_the_smart_coach_never_raises_and_always_answers(
    text: str, today: date
) -> None:
    report = smart_check(GoalDraft(statement=text, today=today))
    assert all(check.verdict in {"pass", "warn", "fail"} for _, check in report.checks)
    assert all(check.reason for _, check in report.checks)


@pytest.mark.parametrize(
    "text",
    [
        "by june 30",
        "by next friday",
        "by friday",
        "mid-year",
        "this week",
        "end of next week",
        "start of last quarter",
        "within 6 months",
        "next year",
    ],
)
@pytest.mark.parametrize("today", [date.min, date.max])
def test_dates_at_the_ends_of_the_calendar_give_none_or_a_date(
    text: str, today: date
) -> None:
    found = find_dates(text, today)[0]
    assert found is None or date.min <= found <= date.max
    assert isinstance(parse_date_rules(text, today=today, prefer="future"), date | None)


@given(ANY_TEXT, DAYS)
@settings(max_examples=60, deadline=None)
def test_the_date_reader_never_raises(text: str, today: date) -> None:
    for prefer in ("past", "future"):
        rules = parse_date_rules(text, today=today, prefer=prefer)
        assert rules is None or isinstance(rules, date)
        found = parse_date(text, today=today, prefer=prefer)
        assert found is None or isinstance(found, date)


@pytest.mark.parametrize("text", ["last march", "march", "q1", "Q4 0000", "june 0001"])
@pytest.mark.parametrize("today", [date.min, date.max])
def test_the_rules_give_none_past_the_ends_of_the_calendar(
    text: str, today: date
) -> None:
    for prefer in ("past", "future"):
        found = parse_date_rules(text, today=today, prefer=prefer)  # type: ignore[arg-type]
        assert found is None or isinstance(found, date)
