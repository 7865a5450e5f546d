"""Review periods read from what a person types: an ISO week (2026-W48), a
quarter (2026Q3), a year (2026) or a range of two dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from headway.coach.progress import period_bounds

KINDS = ("week", "quarter", "year", "range")
FIRST_YEAR = 1900
# A report over more than this many days is refused: nobody reviews a decade.
RANGE_DAYS_MAX = 3 * 366

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_QUARTER = re.compile(r"^(\d{4})-?Q(\d)$", re.IGNORECASE)
_YEAR = re.compile(r"^\d{4}$")
EXAMPLES = {"week": "2026-W48", "quarter": "2026Q3", "year": "2026"}


class PeriodError(ValueError):
    """A period that cannot be read; the message says what would be read."""


@dataclass(frozen=True)
class Period:
    kind: str  # week, quarter, year or range
    start: date
    end: date

    @property
    def label(self) -> str:
        """The period as it is typed back: 2026-W48, 2026Q3, 2026, or a range."""
        if self.kind == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == "quarter":
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def title(self) -> str:
        """The period in words, for headings."""
        if self.kind == "week":
            year, week, _ = self.start.isocalendar()
            return f"Week {week} of {year} ({self.start:%-d %b} to {self.end:%-d %b})"
        if self.kind == "quarter":
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start:%-d %b %Y} to {self.end:%-d %b %Y}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        if self.kind == "range":
            return Period("range", self.start - timedelta(days=self.days),
                          self.start - timedelta(days=1))  # fmt: skip
        return period_containing(self.kind, self.start - timedelta(days=1))


def period_containing(kind: str, day: date) -> Period:
    """The week (ISO, Monday first), quarter or year that holds `day`."""
    if kind not in ("week", "quarter", "year"):
        raise PeriodError(f"No period kind {kind!r}; use week, quarter or year.")
    start, end = period_bounds(day, kind)
    return Period(kind, start, end)


def period_parse(kind: str, text: str, *, today: date) -> Period:
    """`text` read as a period of `kind`; empty means the one holding today."""
    if kind not in EXAMPLES:
        raise PeriodError(f"No period kind {kind!r}; use week, quarter or year.")
    value = text.strip()
    if not value:
        return period_containing(kind, today)
    found = _read(kind, value)
    if found is None:
        raise PeriodError(
            f"Cannot read {text!r} as a {kind}; write it like {EXAMPLES[kind]}."
        )
    if found.start > today:
        raise PeriodError(f"{found.label} has not begun yet; choose one up to today.")
    return found


def _read(kind: str, value: str) -> Period | None:
    if kind == "year" and _YEAR.match(value):
        year = int(value)
        return (
            Period("year", date(year, 1, 1), date(year, 12, 31)) if _ok(year) else None
        )
    if kind == "quarter" and (match := _QUARTER.match(value)):
        year, quarter = int(match[1]), int(match[2])
        if not (_ok(year) and 1 <= quarter <= 4):
            return None
        return period_containing("quarter", date(year, quarter * 3 - 2, 1))
    if kind == "week" and (match := _WEEK.match(value)):
        year, week = int(match[1]), int(match[2])
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:  # week 53 of a year that has 52, week 0…
            return None
        return Period("week", monday, monday + timedelta(days=6)) if _ok(year) else None
    return None


def _ok(year: int) -> bool:
    return FIRST_YEAR <= year <= 9998


def period_between(first: date, last: date) -> Period:
    """Any range of days, both ends included."""
    if last < first:
        raise PeriodError(
            f"The range ends ({last.isoformat()}) before it starts "
            f"({first.isoformat()})."
        )
    if (last - first).days + 1 > RANGE_DAYS_MAX:
        raise PeriodError(
            f"A report covers at most {RANGE_DAYS_MAX} days; choose a shorter range."
        )
    return Period("range", first, last)


def period_from_label(text: str, *, today: date) -> Period:
    """Any label `Period.label` writes, read back (for links and saved reviews)."""
    value = text.strip()
    if ".." in value:
        first, _, last = value.partition("..")
        try:
            return period_between(date.fromisoformat(first), date.fromisoformat(last))
        except ValueError as error:
            if isinstance(error, PeriodError):
                raise
            raise PeriodError(f"Cannot read {text!r} as a range of dates.") from None
    kind = (
        "week"
        if "W" in value.upper()
        else "quarter"
        if "Q" in value.upper()
        else "year"
    )
    return period_parse(kind, value, today=today)
