"""Review periods read as people type them, and refused clearly when they cannot be."""

from __future__ import annotations

import datetime as dt

import pytest

from headway.coach.periods import (
    PeriodError,
    period_between,
    period_containing,
    period_from_label,
    period_parse,
)

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("kind", "text", "start", "end", "label"),
    [
        ("week", "2026-W48", dt.date(2026, 11, 23), dt.date(2026, 11, 29), "2026-W48"),
        ("week", "2026w1", dt.date(2025, 12, 29), dt.date(2026, 1, 4), "2026-W01"),
        ("week", "2020-W53", dt.date(2020, 12, 28), dt.date(2021, 1, 3), "2020-W53"),
        ("quarter", "2026Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30), "2026Q3"),
        ("quarter", "2026-q1", dt.date(2026, 1, 1), dt.date(2026, 3, 31), "2026Q1"),
        ("year", "2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), "2025"),
    ],
)
def test_a_typed_period_reads_as_its_first_and_last_day(
    kind: str, text: str, start: dt.date, end: dt.date, label: str
) -> None:
    period = period_parse(kind, text, today=TODAY)
    assert (period.kind, period.start, period.end, period.label) == (
        kind,
        start,
        end,
        label,
    )
    assert period_from_label(label, today=TODAY) == period


@pytest.mark.parametrize(
    ("kind", "text", "says"),
    [
        (
            "quarter",
            "2026Q5",
            "Cannot read '2026Q5' as a quarter; write it like 2026Q3",
        ),
        ("quarter", "2026Q0", "as a quarter"),
        ("week", "2026-W54", "Cannot read '2026-W54' as a week"),
        ("week", "2021-W53", "as a week"),  # 2021 has 52 ISO weeks
        ("year", "2026Q5", "Cannot read '2026Q5' as a year; write it like 2026"),
        ("year", "twenty", "as a year"),
        ("year", "2027", "2027 has not begun yet"),
        ("week", "2026-W50", "has not begun yet"),
    ],
)
def test_a_bad_period_is_refused_with_what_would_be_read(
    kind: str, text: str, says: str
) -> None:
    with pytest.raises(PeriodError, match=says.replace("(", r"\(")):
        period_parse(kind, text, today=TODAY)


def test_an_empty_period_is_the_one_holding_today() -> None:
    assert period_parse("week", " ", today=TODAY).label == "2026-W49"
    assert period_parse("quarter", "", today=TODAY).label == "2026Q4"
    assert period_parse("year", "", today=TODAY).label == "2026"


def test_the_period_before_is_of_the_same_kind() -> None:
    assert (
        period_containing("quarter", dt.date(2026, 1, 5)).previous().label == "2025Q4"
    )
    assert period_containing("week", dt.date(2026, 1, 1)).previous().label == "2025-W52"


def test_a_range_must_run_forwards_and_stay_short() -> None:
    span = period_between(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert (span.kind, span.days, span.label) == ("range", 31, "2026-03-01..2026-03-31")
    assert period_from_label(span.label, today=TODAY) == span
    with pytest.raises(PeriodError, match="ends"):
        period_between(dt.date(2026, 3, 2), dt.date(2026, 3, 1))
    with pytest.raises(PeriodError, match="at most"):
        period_between(dt.date(2016, 1, 1), dt.date(2026, 1, 1))
    with pytest.raises(PeriodError, match="range of dates"):
        period_from_label("2026-03-01..soon", today=TODAY)
