"""Dates written the way people write them: ISO, "last friday", "end of year", "Q3".

dateparser knows most forms in many languages; the few it does not (a month
named with last/this/next, the end of a period, quarters) are handled first.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Literal

from headway.coach.numbers import parse_number

Prefer = Literal["past", "future"]

MONTHS = (
    {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
    | {abbr.lower(): number for number, abbr in enumerate(calendar.month_abbr) if abbr}
    | {"sept": 9}
)

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_REF = re.compile(
    r"^(?:(?P<which>last|this|next|coming|past|previous)\s+)?(?P<month>[a-z]+)\.?$"
)
_PERIOD_END = re.compile(
    r"^(?:by\s+)?(?:the\s+)?(?P<edge>end|start|beginning)\s+of\s+(?:the\s+)?"
    r"(?P<which>this\s+|next\s+|last\s+|previous\s+|coming\s+)?"
    r"(?P<period>year|month|quarter|week)$"
)
_MONTH_YEAR = re.compile(
    r"^(?:by\s+)?(?P<month>[a-z]+)\.?,?\s+(?:of\s+)?(?P<year>\d{4})$"
)
_WITHIN = re.compile(
    r"^(?:in|within|after)\s+(?:the\s+next\s+|the\s+coming\s+|about\s+)?"
    r"(?P<count>[\w,.\s-]+?)\s+(?P<unit>day|week|month|quarter|year)s?$"
)
_QUARTER = re.compile(
    r"^(?:(?:the\s+)?end\s+of\s+)?q(?P<q>[1-4])(?:\s+(?P<year>\d{4}))?$"
)


def parse_date(text: str, *, today: date, prefer: Prefer = "past") -> date | None:
    """The calendar date `text` names, seen from `today`; None when it names none."""
    phrase = " ".join(text.strip().lower().split())
    if not phrase:
        return None
    if _ISO.match(phrase):
        return _iso(phrase)
    return _rules(phrase, today, prefer) or _dateparser(phrase, today, prefer)


def parse_date_rules(text: str, *, today: date, prefer: Prefer = "past") -> date | None:
    """Like `parse_date` without the dateparser fallback: a few microseconds.

    For phrases picked out of longer text (a goal statement checked on every
    keystroke), where dateparser's milliseconds would add up.
    """
    phrase = " ".join(text.strip().lower().split())
    if _ISO.match(phrase):
        return _iso(phrase)
    return _rules(phrase, today, prefer)


def _iso(phrase: str) -> date | None:
    try:
        return date.fromisoformat(phrase)
    except ValueError:
        return None


def _rules(phrase: str, today: date, prefer: Prefer) -> date | None:
    for rule in (_named_month, _month_year, _period_end, _quarter, _within):
        try:
            found = rule(phrase, today, prefer)
        except (ValueError, OverflowError):
            return None  # past the calendar's ends: "last march" in year 1
        if found is not None:
            return found
    return None


def _named_month(phrase: str, today: date, prefer: Prefer) -> date | None:
    match = _MONTH_REF.match(phrase)
    if not match or match["month"] not in MONTHS:
        return None
    month = MONTHS[match["month"]]
    which = match["which"] or ("last" if prefer == "past" else "next")
    year = today.year
    if which in {"last", "past", "previous"} and month >= today.month:
        year -= 1
    elif which in {"next", "coming"} and month <= today.month:
        year += 1
    return date(year, month, 1)


def _month_year(phrase: str, today: date, prefer: Prefer) -> date | None:
    """ "June 2027": the first of the month looking back, the last looking ahead."""
    match = _MONTH_YEAR.match(phrase)
    if not match or match["month"] not in MONTHS:
        return None
    year, month = int(match["year"]), MONTHS[match["month"]]
    if not 1 <= year <= 9999:
        return None
    day = 1 if prefer == "past" else calendar.monthrange(year, month)[1]
    return date(year, month, day)


def _period_end(phrase: str, today: date, prefer: Prefer) -> date | None:
    """ "end of last month", "start of this quarter", "beginning of next year"."""
    match = _PERIOD_END.match(phrase)
    if not match:
        return None
    which = (match["which"] or "").strip()
    shift = {"next": 1, "coming": 1, "last": -1, "previous": -1}.get(which, 0)
    end = _end_of(match["period"], shift, today)
    if match["edge"] == "end" or end is None:
        return end
    return _start_of(match["period"], end)


def _start_of(period: str, end: date) -> date:
    if period == "week":
        return date.fromordinal(end.toordinal() - 6)
    if period == "year":
        return date(end.year, 1, 1)
    return date(end.year, end.month - (2 if period == "quarter" else 0), 1)


def _end_of(period: str, shift: int, today: date) -> date | None:
    if not 1 <= today.year + shift <= 9999:
        return None
    if period == "week":
        sunday = today.toordinal() - today.weekday() + 6 + 7 * shift
        return date.fromordinal(sunday) if 0 < sunday <= date.max.toordinal() else None
    if period == "year":
        return date(today.year + shift, 12, 31)
    if period == "quarter":
        quarter = (today.month - 1) // 3 + shift
        year, quarter = today.year + quarter // 4, quarter % 4
        return _quarter_end(year, quarter + 1)
    month_index = today.month - 1 + shift
    year, month = today.year + month_index // 12, month_index % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter(phrase: str, today: date, prefer: Prefer) -> date | None:
    match = _QUARTER.match(phrase)
    if not match:
        return None
    quarter = int(match["q"])
    if match["year"]:
        return _quarter_end(int(match["year"]), quarter)
    current = (today.month - 1) // 3 + 1
    year = today.year
    if prefer == "future" and quarter < current:
        year += 1
    elif prefer == "past" and quarter > current:
        year -= 1
    return _quarter_end(year, quarter)


def _within(phrase: str, today: date, prefer: Prefer) -> date | None:
    """ "within 6 months", "in three weeks": that long after today."""
    match = _WITHIN.match(phrase)
    count = parse_number(match["count"]) if match else None
    if match is None or count is None or count != int(count) or count > 1000:
        return None
    months = {"month": 1, "quarter": 3, "year": 12}.get(match["unit"])
    if months is None:
        days = int(count) * (7 if match["unit"] == "week" else 1)
        return date.fromordinal(today.toordinal() + days)
    return _add_months(today, int(count) * months)


def _add_months(start: date, months: int) -> date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    if not 1 <= year <= 9999:
        return start
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _quarter_end(year: int, quarter: int) -> date:
    month = quarter * 3
    return date(year, month, calendar.monthrange(year, month)[1])


def _dateparser(phrase: str, today: date, prefer: Prefer) -> date | None:
    import dateparser  # slow to import; only phrases that need it pay for it

    try:
        found = dateparser.parse(
            phrase,
            settings={
                # A naive datetime on purpose: only the calendar date matters here.
                "RELATIVE_BASE": datetime(today.year, today.month, today.day),  # noqa: DTZ001
                "PREFER_DATES_FROM": prefer,
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
    except (ValueError, OverflowError, RecursionError):
        return None
    return found.date() if found else None
