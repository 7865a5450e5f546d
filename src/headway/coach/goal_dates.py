"""Dates and repeats inside a goal sentence: "by June 30", "every quarter".

Finds the phrases with regular expressions and reads each with
`coach.dates.parse_date_rules` (looking ahead) or a small rule of its own
(weekdays, a month and day without a year), never with dateparser, so a
whole sentence costs well under a millisecond.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from headway.coach.dates import MONTHS, parse_date_rules
from headway.coach.numbers import NUMBER_WORDS, parse_number

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)} | {
    abbr.lower(): number for number, abbr in enumerate(calendar.day_abbr)
}
_WEEKDAY_NAMES = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"
_PERIOD = r"(?P<period>week|month|quarter|year)"
_UNIT = r"(?P<unit>day|week|month|quarter|year)s?"
_COUNT = r"(?P<count>\d{1,3}|[a-z]+(?:[\s-][a-z]+)?)"
_ORDINAL = r"(?:st|nd|rd|th)?"
# "in a year" and "for a month" are spans of time, not repeats.
_NOT_A_SPAN = r"(?<!\bin\s)(?<!\bwithin\s)(?<!\bfor\s)(?<!\bover\s)(?<!\bafter\s)"
_RECURRENCE = re.compile(
    rf"{_NOT_A_SPAN}\b(?:every|each|per|a|once\s+a|twice\s+a)\s+(?:single\s+)?"
    rf"{_PERIOD}\b"
    r"|\b(?P<adverb>weekly|monthly|quarterly|yearly|annually)\b"
    rf"|\b(?:every|each)\s+(?P<every_count>\d{{1,3}}|{_NUMBER_WORD})\s+{_UNIT}\b"
    rf"|\b(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+"
    rf"(?:{_WEEKDAY_NAMES})\s+of\s+(?:every|each|the)\s+(?P<nth_of>month|quarter)\b"
    rf"|\b(?:every|each)\s+(?P<every_weekday>{_WEEKDAY_NAMES})\b"
    rf"|\bon\s+(?P<on_weekdays>(?:{_WEEKDAY_NAMES})s)\b"
    r"|\b(?:every|each)\s+(?P<other>other)\s+(?P<other_unit>day|week|month)\b"
    r"|\b(?P<every_day>every\s+(?:single\s+)?day|each\s+day|daily|"
    r"biweekly|bi-weekly|fortnightly)\b",
    re.IGNORECASE,
)
# Words that make a date a deadline, just before it or at its start.
_DEADLINE_CUE = re.compile(
    r"\b(?:by|before|until|till|within|in|than|due|over|during|for|end|start|"
    r"beginning|this|next|coming|the\s+rest)\b[^a-z0-9]*(?:\S+\s*)?$",
    re.IGNORECASE,
)
_PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_MAY_AS_VERB = re.compile(r"\b(?:i|we|you|they|he|she|it|who|that)\s+$", re.I)
_DATE_PATTERNS = (
    # ISO: 2027-06-30
    re.compile(r"\b(?P<phrase>\d{4}-\d{2}-\d{2})\b"),
    # the end of the year / start of next quarter / beginning of this month
    re.compile(
        r"\b(?P<phrase>(?:the\s+)?(?:end|start|beginning)\s+of\s+(?:the\s+)?"
        r"(?:this\s+|next\s+|coming\s+)?(?:year|month|quarter|week))\b",
        re.IGNORECASE,
    ),
    # year end / year-end / EOY / for the year
    re.compile(
        r"\b(?P<year_end>year[\s-]end|eoy|for\s+the\s+(?:whole\s+|entire\s+)?year)\b",
        re.IGNORECASE,
    ),
    # for the rest of the month / the rest of this quarter
    re.compile(
        r"\b(?:for\s+)?the\s+rest\s+of\s+(?:the|this)\s+"
        r"(?P<rest_of>week|month|quarter|year)\b",
        re.IGNORECASE,
    ),
    # mid-2027 / mid year / the middle of 2027: the end of June
    re.compile(
        rf"\b(?P<mid>mid|middle\s+of)[\s-]*(?:the\s+)?(?P<mid_year>{_YEAR}|year)\b",
        re.IGNORECASE,
    ),
    # end of 2027 / by 2027
    re.compile(
        rf"\b(?:end\s+of|by|before|in|until|during|for)\s+(?P<year_only>{_YEAR})\b(?!-)",
        re.IGNORECASE,
    ),
    # H1 / end of h2 2027: a half year
    re.compile(
        rf"\b(?:(?:the\s+)?end\s+of\s+)?h(?P<half>[12])(?:\s+(?P<half_year>{_YEAR}))?\b",
        re.I,
    ),
    # Q3 / Q3 2027 / end of q1
    re.compile(rf"\b(?P<phrase>(?:end\s+of\s+)?q[1-4](?:\s+{_YEAR})?)\b", re.I),
    # June 2027 / june, 2027 / 15 june 2027 / june 15 2027 / 30th of june 2027
    re.compile(
        rf"\b(?P<day_first>\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?)?(?P<month>{_MONTH_NAMES})\.?"
        rf"(?P<day_after>\s+\d{{1,2}}{_ORDINAL}\b)?,?\s+(?:of\s+)?"
        rf"(?P<year>{_YEAR})\b",
        re.IGNORECASE,
    ),
    # the first week of october / early march / mid-june / late september 2027
    re.compile(
        rf"\b(?:(?:the\s+)?(?P<part>first|second|third|fourth|last|1st|2nd|3rd|4th)"
        rf"\s+(?P<part_unit>week|half)\s+of|(?P<season>early|mid|late)[\s-])\s*"
        rf"(?P<part_month>{_MONTH_NAMES})\b(?:\.?,?\s+(?P<part_year>{_YEAR})\b)?",
        re.IGNORECASE,
    ),
    # june 30 / september 1st / the 30th of june: the next such day
    re.compile(
        rf"\b(?P<md_month>{_MONTH_NAMES})\.?\s+(?:the\s+)?(?P<md_day>\d{{1,2}})"
        rf"{_ORDINAL}\b(?!\.?,?\s*(?:of\s+)?(?:{_YEAR}|\d|%))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:the\s+)?(?P<dm_day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?"
        rf"(?P<dm_month>{_MONTH_NAMES})\b(?!\.?,?\s*(?:of\s+)?\d)",
        re.IGNORECASE,
    ),
    # by june / before next march / at the october meetup
    re.compile(
        rf"\b(?:by|before|until|till|in|end\s+of|the)\s+(?P<phrase>(?:next\s+|this\s+)?"
        rf"(?:{_MONTH_NAMES}))\b(?!\.?,?\s+(?:of\s+)?\d)",
        re.IGNORECASE,
    ),
    # wednesday next week / friday this week
    re.compile(
        rf"\b(?P<weekday_of>{_WEEKDAY_NAMES})\s+(?P<week_of>next|this)\s+week\b",
        re.IGNORECASE,
    ),
    # by friday / before next tuesday / no later than thursday
    re.compile(
        rf"\b(?:by|before|until|till|on|than)\s+(?:(?P<which_weekday>next|this|coming)"
        rf"\s+)?(?P<weekday>{_WEEKDAY_NAMES})\b(?!s)(?!\s+(?:next|this)\s+week)",
        re.IGNORECASE,
    ),
    # within 6 months / in three weeks / over the next two years / for 90 days
    re.compile(
        r"\b(?:(?:within|in|over|during|for)\s+(?:the\s+)?(?:next|coming|following)"
        r"\s+|(?:within|in)\s+(?:about\s+|around\s+)?)"
        rf"{_COUNT}\s+{_UNIT}\b",
        re.IGNORECASE,
    ),
    # next year / this quarter / next month / this week / this coming quarter
    re.compile(
        r"\b(?P<relative>(?:this\s+coming|this|next|coming)\s+"
        r"(?:week|month|quarter|year))\b",
        re.I,
    ),
)


def statement_due(text: str, *, today: date) -> date | None:
    """The first date a sentence names, looking ahead ("by the end of 2027")."""
    return find_dates(" ".join(text[:2000].split()), today)[0]


def find_recurrence(text: str) -> str:
    """The period a goal repeats in, when it is one the goal can store."""
    for match in _RECURRENCE.finditer(text):
        found = _period_of(match)
        if found:
            return found
    return ""


def find_repeat(text: str) -> str:
    """How often the sentence says it repeats, in words ("every 2 weeks"); or ""."""
    match = _RECURRENCE.search(text)
    if match is None:
        return ""
    period = _period_of(match)
    if period:
        return f"every {period}"
    if match["every_count"]:
        count = parse_number(match["every_count"])
        unit = match["unit"].lower()
        return f"every {count:g} {unit}s" if count and count > 1 else f"every {unit}"
    if match["other"]:
        return f"every 2 {match['other_unit'].lower()}s"
    words = match["every_day"].lower()
    return "every day" if "day" in words else "every 2 weeks"


def _period_of(match: re.Match[str]) -> str:
    if match["period"]:
        return match["period"].lower()
    if match["adverb"]:
        adverb = match["adverb"].lower()
        return {"weekly": "week", "monthly": "month", "quarterly": "quarter"}.get(
            adverb, "year"
        )
    if match["nth_of"]:
        return match["nth_of"].lower()
    if match["every_weekday"] or match["on_weekdays"]:
        return "week"
    if match["every_count"]:
        return _interval_period(match["every_count"], match["unit"].lower())
    return ""


def _interval_period(count_text: str, unit: str) -> str:
    """ "every 3 months" is a quarter, "every 12 months" a year; else none."""
    count = parse_number(count_text)
    if count is None or count != int(count) or count <= 0:
        return ""
    if unit == "day":
        return "week" if count == 7 else ""
    if unit == "week":
        return "week" if count == 1 else ""
    months = int(count) * _PERIOD_MONTHS[unit]
    return {1: "month", 3: "quarter", 12: "year"}.get(months, "")


def recurrence_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _RECURRENCE.finditer(text)]


def find_dates(text: str, today: date) -> tuple[date | None, list[tuple[int, int]]]:
    """The first date the statement names (looking ahead) and where dates are."""
    matches = sorted(
        (match for pattern in _DATE_PATTERNS for match in pattern.finditer(text)),
        key=lambda match: (match.start(), -match.end()),
    )
    readable: list[tuple[int, int]] = []
    first: date | None = None
    cued: date | None = None
    for match in matches:
        if readable and match.start() < readable[-1][1]:
            continue  # inside a date already read: "june 30" within "june 30 2027"
        # The due date is the first date read, unless a later one is the
        # deadline ("the Q1 plan within 18 days"); the others are only
        # blanked out so their digits are not taken for counts.
        try:
            value = _date_value(match, today)
        except (ValueError, OverflowError):
            value = None  # a date past the calendar's ends (year 1 or 9999)
        if value is None:
            continue
        first = first or value
        if cued is None and _DEADLINE_CUE.search(text[: match.start()] + match[0][:8]):
            cued = value
        readable.append(match.span())
    return cued or first, readable


def _date_value(match: re.Match[str], today: date) -> date | None:
    groups = match.groupdict()
    if groups.get("year_only"):
        return date(int(groups["year_only"]), 12, 31)
    if groups.get("year_end"):
        return date(today.year, 12, 31)
    if groups.get("mid"):
        year = groups["mid_year"] or ""
        if year.isdigit():
            return date(int(year), 6, 30)
        middle = date(today.year, 6, 30)  # "by mid-year": the next middle
        return middle if middle >= today else date(today.year + 1, 6, 30)
    if groups.get("relative"):
        *which, period = groups["relative"].lower().split()
        shift = "next" if which[-1] == "coming" else which[-1]
        return parse_date_rules(f"end of {shift} {period}", today=today)
    if groups.get("rest_of"):
        return parse_date_rules(f"end of this {groups['rest_of']}", today=today)
    if groups.get("month") and groups.get("year"):
        return _day_month_year(groups)
    if groups.get("part_month"):
        return _part_of_month(groups, today)
    if groups.get("md_month") or groups.get("dm_month"):
        return _month_day(match, today)
    if groups.get("weekday"):
        return _weekday(groups, today)
    if groups.get("weekday_of"):
        return _weekday_of_week(groups, today)
    if groups.get("half"):
        year_text = groups.get("half_year") or ""
        year = int(year_text) if year_text else today.year
        found = date(year, 6, 30) if groups["half"] == "1" else date(year, 12, 31)
        return found if year_text or found >= today else date(year + 1, 6, 30)
    if groups.get("unit"):
        return _span(groups, today)
    return _phrase(groups.get("phrase") or "", today)


def _phrase(phrase: str, today: date) -> date | None:
    if phrase.lower().startswith("end of q"):
        phrase = phrase[7:]
    value = parse_date_rules(phrase, today=today, prefer="future")
    if value is not None and set(phrase.lower().split()) & set(MONTHS):
        # "by june": the end of that month, not its first day
        value = date(
            value.year, value.month, calendar.monthrange(value.year, value.month)[1]
        )
    return value


def _span(groups: dict[str, str | None], today: date) -> date | None:
    count = groups.get("count") or ""
    return parse_date_rules(f"in {count} {groups['unit']}s", today=today)


def _month_day(match: re.Match[str], today: date) -> date | None:
    """A month and day without a year: the next such day from today."""
    groups = match.groupdict()
    month_text = (groups.get("md_month") or groups.get("dm_month") or "").lower()
    day_text = groups.get("md_day") or groups.get("dm_day") or ""
    before = match.string[: match.start()]
    if month_text == "may" and _MAY_AS_VERB.search(before):
        return None  # "we may 3 …": the verb, not the month
    month, day = MONTHS[month_text], int(day_text)
    for year in (today.year, today.year + 1, today.year + 4):
        if 1 <= day <= calendar.monthrange(year, month)[1]:
            found = date(year, month, day)
            if found >= today:
                return found
    return None


_PART_DAYS = {
    "first": 7, "1st": 7, "second": 14, "2nd": 14, "third": 21, "3rd": 21,
    "fourth": 28, "4th": 28, "early": 10, "mid": 15, "half": 15,
}  # fmt: skip


def _part_of_month(groups: dict[str, str | None], today: date) -> date | None:
    """ "the first week of october": its last day; "late march": the month's end."""
    month = MONTHS[(groups["part_month"] or "").lower()]
    part = (groups.get("part") or groups.get("season") or "").lower()
    if (groups.get("part_unit") or "").lower() == "half":
        part = "half" if part in {"first", "1st"} else "last"
    year_text = groups.get("part_year") or ""
    years = [int(year_text)] if year_text else None
    for year in years or [today.year, today.year + 1]:
        last = calendar.monthrange(year, month)[1]
        found = date(year, month, min(_PART_DAYS.get(part, last), last))
        if years or found >= today:
            return found
    return None


def _weekday(groups: dict[str, str | None], today: date) -> date | None:
    """ "by friday": the coming one; "by next friday": the one in next week."""
    weekday = _WEEKDAYS[(groups["weekday"] or "").lower()]
    ahead = (weekday - today.weekday()) % 7 or 7
    coming = date.fromordinal(today.toordinal() + ahead)
    same_week = coming.isocalendar()[:2] == today.isocalendar()[:2]
    if (groups.get("which_weekday") or "").lower() == "next" and same_week:
        return date.fromordinal(coming.toordinal() + 7)
    return coming


def _weekday_of_week(groups: dict[str, str | None], today: date) -> date:
    """ "wednesday next week": that day in the week after this one."""
    weekday = _WEEKDAYS[(groups["weekday_of"] or "").lower()]
    monday = today.toordinal() - today.weekday()
    weeks = 1 if (groups.get("week_of") or "").lower() == "next" else 0
    return date.fromordinal(monday + 7 * weeks + weekday)


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
