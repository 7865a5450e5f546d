"""The pure iCalendar writer: all-day events, rules, and text kept intact."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from headway.exchange.ical import (
    CalendarEvent,
    Repeat,
    calendar_bytes,
    repeat_every_days,
)

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("days", "rule"),
    [
        (7, Repeat("WEEKLY")),
        (14, Repeat("WEEKLY", 2)),
        (365, Repeat("YEARLY")),
        (91, Repeat("WEEKLY", 13)),
        (10, Repeat("DAILY", 10)),
        (30, Repeat("DAILY", 30)),
    ],
)
def test_an_interval_in_days_becomes_the_plainest_rule(days: int, rule: Repeat) -> None:
    assert repeat_every_days(days) == rule


def test_an_unknown_frequency_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        Repeat("HOURLY")
    with pytest.raises(ValueError, match="unsupported"):
        Repeat("DAILY", 0)


def test_text_with_commas_semicolons_and_lines_survives_the_round_trip() -> None:
    summary = "Follow up with Ng, Ana; re: talk\nand slides"
    body = calendar_bytes(
        [CalendarEvent("a@headway", summary, dt.date(2026, 12, 1), description="x;y")],
        name="Headway",
        stamp=NOW,
    )
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == "x;y"
    assert event.decoded("DTSTAMP") == NOW
    assert b"DTSTART;VALUE=DATE:20261201" in body


def test_events_come_in_date_order_and_only_rules_given_are_written() -> None:
    body = calendar_bytes(
        [
            CalendarEvent("b@headway", "Later", dt.date(2027, 1, 1)),
            CalendarEvent(
                "a@headway", "Sooner", dt.date(2026, 12, 1), repeat=Repeat("MONTHLY", 3)
            ),
        ],
        name="Headway",
        stamp=NOW,
    )
    first, second = Calendar.from_ical(body).walk("VEVENT")
    assert [str(first["UID"]), str(second["UID"])] == ["a@headway", "b@headway"]
    assert first["RRULE"]["INTERVAL"] == [3]
    assert "RRULE" not in second
