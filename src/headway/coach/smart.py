"""The SMART coach: a verdict, a reason and a hint for each of the five criteria.

Pure and fast: it reads the statement word by word (no dateparser, no
network), so the goal form can ask it on every keystroke. It never blocks a
save; it only explains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from headway.coach.smart_reading import PERCENT, Reading, read
from headway.coach.smart_words import BIG_MOVES

Verdict = Literal["pass", "warn", "fail"]
CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
PERIODS = ("week", "month", "quarter", "year")


@dataclass(frozen=True)
class GoalDraft:
    """A goal as typed so far: the statement plus whatever fields are set."""

    statement: str
    today: date
    due: date | None = None
    target: float | None = None
    unit: str = ""
    recurrence: str = ""
    priority: str = ""
    priorities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    verdict: Verdict
    reason: str
    hint: str

    def as_dict(self) -> dict[str, str]:
        return {"verdict": self.verdict, "reason": self.reason, "hint": self.hint}


@dataclass(frozen=True)
class SmartReport:
    specific: Check
    measurable: Check
    achievable: Check
    relevant: Check
    time_bound: Check
    parsed_due: date | None = None
    parsed_recurrence: str = ""
    parsed_target: float | None = None

    @property
    def checks(self) -> tuple[tuple[str, Check], ...]:
        return tuple((name, getattr(self, name)) for name in CRITERIA)

    @property
    def passed(self) -> int:
        return sum(check.verdict == "pass" for _, check in self.checks)

    def as_dict(self) -> dict[str, object]:
        found: dict[str, object] = {n: check.as_dict() for n, check in self.checks}
        found["parsed_due"] = self.parsed_due.isoformat() if self.parsed_due else None
        return found


def smart_check(draft: GoalDraft) -> SmartReport:
    """Check a goal against the five SMART criteria; never raises."""
    try:
        reading = read(draft.statement, draft.today)
        due = draft.due or reading.parsed_due
        return SmartReport(
            specific=_specific(reading),
            measurable=_measurable(draft, reading),
            achievable=_achievable(draft, reading, due),
            relevant=_relevant(draft, reading),
            time_bound=_time_bound(draft, reading),
            parsed_due=reading.parsed_due,
            parsed_recurrence=reading.recurrence,
            parsed_target=reading.numbers[0] if reading.numbers else None,
        )
    except (ValueError, OverflowError, RecursionError, IndexError, KeyError):
        # A statement no rule foresaw: say so rather than break the form.
        unknown = Check("warn", "The coach could not read this statement.", "")
        return SmartReport(unknown, unknown, unknown, unknown, unknown)


# --- The five criteria --------------------------------------------------------


def _specific(reading: Reading) -> Check:
    if not reading.clauses:
        return Check(
            "fail",
            "There is no statement yet.",
            "Write what will be true when the goal is done.",
        )
    counted = reading.quantity or reading.percent or reading.money
    named = ", ".join(reading.anchors or reading.content[:3])[:80]
    if _named_outcome(reading) or counted or _concrete_action(reading):
        return Check(
            "pass",
            f"It names a concrete outcome ({named or reading.quantity}).",
            "Keep the wording; someone else could tell whether it happened.",
        )
    if reading.things:
        things = ", ".join(dict.fromkeys(reading.things))
        return Check(
            "warn",
            f"It names {things}, but “{reading.head}” does not say what done "
            "looks like.",
            "Replace the verb with an outcome: pass, publish, ship, lead, become.",
        )
    opening = f"“{reading.head}” asks for more or better, but it"
    return Check(
        "fail",
        f"{opening if reading.all_vague else 'It'} names no outcome: no role, "
        "artifact, certification or number"
        + (f" ({named}: a subject, not a result)." if named else "."),
        "Name the thing that will exist when you are done: a role title, a "
        "certification, a talk, a shipped project, or a number to reach.",
    )


def _named_outcome(reading: Reading) -> bool:
    """An outcome that says of what: not "be promoted", but "be promoted to lead"."""
    return any(
        clause.outcome and (clause.things or clause.names or len(clause.content) >= 2)
        for clause in reading.clauses
    )


def _concrete_action(reading: Reading) -> bool:
    """A plain verb with a named thing: "use Terraform for the staging setup"."""
    return any(
        not clause.vague
        and bool(clause.names or clause.things)
        and len(clause.content) >= 2
        for clause in reading.clauses
    )


def _measurable(draft: GoalDraft, reading: Reading) -> Check:
    if draft.target is not None and draft.target > 0:
        unit = f" {draft.unit}" if draft.unit else ""
        return Check(
            "pass",
            f"The goal has a target of {_number_text(draft.target)}{unit}.",
            "Record check-ins so progress shows against it.",
        )
    if reading.money:
        return Check(
            "pass", "It names an amount of money.", "Write down today's figure too."
        )
    if reading.percent:
        return Check(
            "pass",
            "It names a percentage.",
            "Note the starting value, so the change can be measured.",
        )
    if reading.quantity:
        return Check(
            "pass",
            f"It names a count ({reading.quantity}).",
            "Set it as the target so check-ins add up to it.",
        )
    if reading.outcome:
        return Check(
            "pass",
            "It is a yes/no outcome you can observe once it happens.",
            "Name the evidence that will prove it (the certificate, the offer, "
            "the link).",
        )
    return Check(
        "fail",
        "Nothing in it can be counted or observed as done.",
        "Add a number (how many, how much, by what percent) or a named result "
        "such as a certification passed.",
    )


def _achievable(draft: GoalDraft, reading: Reading, due: date | None) -> Check:
    recurring = draft.recurrence or reading.recurrence
    if due is None and recurring:
        heavy = _heavy_load(draft, reading, 365)
        if heavy:
            return Check("warn", heavy, "Lower the number per period.")
        return Check(
            "pass",
            f"One {recurring} at a time keeps the scope small.",
            "Check that the number per period fits a normal week.",
        )
    if due is None:
        return Check(
            "warn",
            "Without a date there is no way to weigh the scope.",
            "Set a due date, then check the scope fits it.",
        )
    days = (due - draft.today).days
    if days < 0:
        return Check(
            "fail",
            f"The date {due.isoformat()} has already passed.",
            "Move the due date into the future.",
        )
    big_move = any(word in BIG_MOVES for word in reading.words) and (
        reading.outcome or "promotion" in reading.words
    )
    if big_move and days < 90:
        return Check(
            "warn",
            f"A move to a new role in {_span_text(days)} is rare.",
            "Give it at least two quarters, or aim at a step towards it.",
        )
    heavy = _heavy_load(draft, reading, days)
    if heavy:
        return Check("warn", heavy, "Lower the number or move the date further out.")
    if any(p > 100 for p in _percent_values(reading.text)):
        return Check(
            "warn",
            "A change of more than 100% is a lot.",
            "Check that the percentage is one you can reach.",
        )
    return Check(
        "pass",
        f"{_span_text(days).capitalize()} leaves room for the scope.",
        "Plan the first step for this week.",
    )


def _heavy_load(draft: GoalDraft, reading: Reading, days: int) -> str:
    target = draft.target or (max(reading.numbers) if reading.numbers else 0)
    recurrence = draft.recurrence or reading.recurrence
    weeks = max(days / 7, 1 / 7)
    if recurrence:
        per_week = target / {"week": 1, "month": 4.3, "quarter": 13, "year": 52}.get(
            recurrence, 52
        )
        if per_week > 10:
            return f"{_number_text(target)} every {recurrence} is a heavy load."
        return ""
    if target >= 5 and target / weeks > 3 and not reading.percent and not reading.money:
        return f"{_number_text(target)} in {_span_text(days)} is a lot at once."
    return ""


def _percent_values(text: str) -> list[float]:
    values = []
    for match in PERCENT.finditer(text):
        digits = re.match(r"\d+(?:[.,]\d+)?", match.group())
        if digits:
            values.append(float(digits.group().replace(",", ".")))
    return values


def _relevant(draft: GoalDraft, reading: Reading) -> Check:
    current = [p for p in draft.priorities if p]
    chosen = draft.priority.strip()
    if chosen and chosen.casefold() in {p.casefold() for p in current}:
        return Check(
            "pass",
            f"It serves “{chosen}”, one of your current priorities.",
            "Say in your check-ins how it moves that priority.",
        )
    if chosen:
        return Check(
            "warn",
            f"“{chosen}” is not among your current priorities.",
            "Rank it among your priorities, or link the goal to one that is.",
        )
    if not current:
        return Check(
            "fail",
            "You have not ranked your priorities yet, so nothing links it to them.",
            "Rank what matters to you on the Priorities page, then pick one here.",
        )
    guess = _priority_guess(reading, current)
    if guess:
        return Check(
            "warn",
            f"It looks like it serves “{guess}”, but it is not linked.",
            f"Pick “{guess}” as the priority it serves.",
        )
    return Check(
        "fail",
        "It is not linked to any of your current priorities.",
        f"Pick the priority it serves, for example “{current[0]}”.",
    )


def _priority_guess(reading: Reading, priorities: list[str]) -> str:
    stems = {word[:5] for word in reading.words if len(word) > 4}
    for priority in priorities:
        words = [w for w in re.findall(r"[a-z]+", priority.lower()) if len(w) > 4]
        if any(word[:5] in stems for word in words):
            return priority
    return ""


def _time_bound(draft: GoalDraft, reading: Reading) -> Check:
    if draft.due is not None:
        return Check(
            "pass",
            f"It is due on {draft.due.isoformat()}.",
            "Put a reminder a few weeks before the date.",
        )
    if reading.parsed_due is not None:
        return Check(
            "pass",
            f"The statement names a date: {reading.parsed_due.isoformat()}.",
            "Use it as the due date so the goal shows on your agenda.",
        )
    if reading.repeat or draft.recurrence:
        every = f"every {draft.recurrence}" if draft.recurrence else reading.repeat
        return Check(
            "pass",
            f"It repeats {every}.",
            "Set a date to review whether it should keep repeating.",
        )
    if reading.vague_time:
        return Check(
            "fail",
            "“Soon” or “someday” is not a date.",
            "Write a date: “by the end of the year”, “by June 2027”, “within 6 "
            "months”.",
        )
    return Check(
        "fail",
        "It has no date.",
        "Add a due date or write one in: “by the end of the year”, “within 6 "
        "months”, “every quarter”.",
    )


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _span_text(days: int) -> str:
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 70:
        return f"{days // 7} weeks"
    if days < 730:
        return f"{round(days / 30.4)} months"
    return f"{days / 365:.0f} years"
