"""Dates and repeats inside a goal sentence: "by June 2027", "every quarter".

Finds the phrases with regular expressions and reads each with
`coach.dates.parse_date_rules` (looking ahead), never with dateparser, so a
whole sentence costs well under a millisecond.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from headway.coach.dates import MONTHS, parse_date_rules

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"
_PERIOD = r"(?P<period>week|month|quarter|year)"
_RECURRENCE = re.compile(
    rf"\b(?:every|each|per|a|once\s+a|twice\s+a)\s+(?:single\s+)?{_PERIOD}\b"
    r"|\b(?P<adverb>weekly|monthly|quarterly|yearly|annually)\b",
    re.IGNORECASE,
)
_DATE_PATTERNS = (
    # ISO: 2027-06-30
    re.compile(r"\b(?P<phrase>\d{4}-\d{2}-\d{2})\b"),
    # the end of the year / end of next quarter / this month
    re.compile(
        r"\b(?P<phrase>(?:the\s+)?end\s+of\s+(?:the\s+)?(?:this\s+|next\s+)?"
        r"(?:year|month|quarter))\b",
        re.IGNORECASE,
    ),
    # end of 2027 / by 2027
    re.compile(
        rf"\b(?:end\s+of|by|before|in|until|during)\s+(?P<year_only>{_YEAR})\b(?!-)",
        re.IGNORECASE,
    ),
    # Q3 / Q3 2027 / end of q1
    re.compile(rf"\b(?P<phrase>(?:end\s+of\s+)?q[1-4](?:\s+{_YEAR})?)\b", re.I),
    # June 2027 / june, 2027 / 15 june 2027 / june 15 2027
    re.compile(
        rf"\b(?P<day_first>\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH_NAMES})\.?"
        rf"(?P<day_after>\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?,?\s+(?:of\s+)?"
        rf"(?P<year>{_YEAR})\b",
        re.IGNORECASE,
    ),
    # by june / before next march
    re.compile(
        rf"\b(?:by|before|until|till|in|end\s+of)\s+(?P<phrase>(?:next\s+|this\s+)?"
        rf"(?:{_MONTH_NAMES}))\b(?!\.?,?\s+(?:of\s+)?\d)",
        re.IGNORECASE,
    ),
    # within 6 months / in three weeks / in the next 2 years
    re.compile(
        r"\b(?P<phrase>(?:within|in)\s+(?:the\s+next\s+|the\s+coming\s+|about\s+)?"
        r"(?:\d{1,4}|[a-z]+(?:[\s-][a-z]+)?)\s+(?:day|week|month|quarter|year)s?)\b",
        re.IGNORECASE,
    ),
    # next year / this quarter / next month
    re.compile(r"\b(?P<relative>(?:this|next)\s+(?:week|month|quarter|year))\b", re.I),
)


def statement_due(text: str, *, today: date) -> date | None:
    """The first date a sentence names, looking ahead ("by the end of 2027")."""
    return find_dates(" ".join(text[:2000].split()), today)[0]


def find_recurrence(text: str) -> str:
    match = _RECURRENCE.search(text)
    if match is None:
        return ""
    if match["period"]:
        return match["period"].lower()
    adverb = match["adverb"].lower()
    return {"weekly": "week", "monthly": "month", "quarterly": "quarter"}.get(
        adverb, "year"
    )


def recurrence_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _RECURRENCE.finditer(text)]


def find_dates(text: str, today: date) -> tuple[date | None, list[tuple[int, int]]]:
    """The first date the statement names (looking ahead) and where dates are."""
    matches = sorted(
        (match for pattern in _DATE_PATTERNS for match in pattern.finditer(text)),
        key=lambda match: match.start(),
    )
    readable = []
    first: date | None = None
    for match in matches:
        # Only the first readable date is the due date; later ones are only
        # blanked out so their digits are not taken for counts.
        value = _date_value(match, today) if first is None else None
        if first is None and value is None:
            continue
        first = first or value
        readable.append(match.span())
    return first, readable


def _date_value(match: re.Match[str], today: date) -> date | None:
    groups = match.groupdict()
    if groups.get("year_only"):
        return date(int(groups["year_only"]), 12, 31)
    if groups.get("relative"):
        which, period = groups["relative"].lower().split()
        return parse_date_rules(
            f"end of {which} {period}" if period != "week" else "in 1 week",
            today=today,
            prefer="future",
        )
    if groups.get("month") and groups.get("year"):
        return _day_month_year(groups)
    phrase = groups.get("phrase") or ""
    if phrase.lower().startswith("end of q"):
        phrase = phrase[7:]
    value = parse_date_rules(phrase, today=today, prefer="future")
    if value is not None and set(phrase.lower().split()) & set(MONTHS):
        # "by june": the end of that month, not its first day
        value = date(
            value.year, value.month, calendar.monthrange(value.year, value.month)[1]
        )
    return value


def _day_month_year(groups: dict[str, str | None]) -> date | None:
    year = int(groups["year"] or 0)
    month = MONTHS.get((groups["month"] or "").lower())
    if month is None:
        return None
    day_text = groups.get("day_first") or groups.get("day_after") or ""
    digits = re.sub(r"\D", "", day_text)
    last = calendar.monthrange(year, month)[1]
    day = int(digits) if digits else last
    return date(year, month, day) if 1 <= day <= last else None
