"""The date helper reads dates the way people write them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway.coach.dates import parse_date

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-14", date(2026, 3, 14)),
        ("  2026-03-14 ", date(2026, 3, 14)),
        ("today", MONDAY),
        ("Today", MONDAY),
        ("yesterday", date(2026, 11, 22)),
        ("last friday", date(2026, 11, 20)),
        ("Last Friday", date(2026, 11, 20)),
        ("friday", date(2026, 11, 20)),
        ("3 days ago", date(2026, 11, 20)),
        ("three days ago", date(2026, 11, 20)),
        ("a week ago", date(2026, 11, 16)),
        ("last march", date(2026, 3, 1)),
        ("last december", date(2025, 12, 1)),
        ("this november", date(2026, 11, 1)),
        ("march", date(2026, 3, 1)),
        ("12 Mar 2021", date(2021, 3, 12)),
        ("March 12, 2021", date(2021, 3, 12)),
        ("12 March 2021", date(2021, 3, 12)),
        ("June 2025", date(2025, 6, 1)),
        ("2021/03/12", date(2021, 3, 12)),
        ("end of year", date(2026, 12, 31)),
        ("by the end of the year", date(2026, 12, 31)),
        ("end of next year", date(2027, 12, 31)),
        ("end of the month", date(2026, 11, 30)),
        ("end of this quarter", date(2026, 12, 31)),
        ("end of next quarter", date(2027, 3, 31)),
        ("Q3 2027", date(2027, 9, 30)),
        ("q1", date(2026, 3, 31)),
    ],
)
def test_past_leaning_phrases_name_the_expected_day(text: str, expected: date) -> None:
    assert parse_date(text, today=MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 3 years", date(2029, 11, 23)),
        ("tomorrow", date(2026, 11, 24)),
        ("next march", date(2027, 3, 1)),
        ("march", date(2027, 3, 1)),
        ("Q1", date(2027, 3, 31)),
        ("june 2027", date(2027, 6, 30)),
        ("by June 2027", date(2027, 6, 30)),
        ("within 6 months", date(2027, 5, 23)),
    ],
)
def test_future_leaning_phrases_look_ahead(text: str, expected: date) -> None:
    assert parse_date(text, today=MONDAY, prefer="future") == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "blorp", "2026-13-45", "the day after never", "Q5"]
)
def test_text_that_names_no_date_gives_none(text: str) -> None:
    assert parse_date(text, today=MONDAY) is None


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_returns_a_date_or_none_and_never_raises(text: str) -> None:
    found = parse_date(text, today=MONDAY)
    assert found is None or isinstance(found, date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in three weeks", date(2026, 12, 14)),
        ("within 2 quarters", date(2027, 5, 23)),
        ("within the next twelve months", date(2027, 11, 23)),
        ("in a year", date(2027, 11, 23)),
    ],
)
def test_spans_written_in_words_or_digits_count_from_today(
    text: str, expected: date
) -> None:
    assert parse_date(text, today=MONDAY, prefer="future") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("start of this quarter", date(2026, 10, 1)),
        ("the start of the quarter", date(2026, 10, 1)),
        ("end of last month", date(2026, 10, 31)),
        ("beginning of next year", date(2027, 1, 1)),
        ("beginning of last year", date(2025, 1, 1)),
        ("start of next month", date(2026, 12, 1)),
        ("start of last quarter", date(2026, 7, 1)),
        ("end of the previous quarter", date(2026, 9, 30)),
        ("start of this week", date(2026, 11, 23)),
        ("end of next week", date(2026, 12, 6)),
        ("june 30", date(2026, 6, 30)),
    ],
)
def test_the_edges_of_periods_are_read_everywhere_dates_are(
    text: str, expected: date
) -> None:
    assert parse_date(text, today=MONDAY) == expected
    if "june" not in text:
        assert parse_date(text, today=MONDAY, prefer="future") == expected
