"""The SMART coach: a verdict, a reason and a hint for each of the five criteria.

Pure and fast: it reads the statement word by word (no dateparser, no
network), so the goal form can ask it on every keystroke. It never blocks a
save; it only explains.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from headway.coach.goal_dates import (
    find_dates,
    find_recurrence,
    recurrence_spans,
)
from headway.coach.numbers import NUMBER_WORDS, parse_number
from headway.coach.smart_words import (
    ARTIFACT_NOUNS,
    BIG_MOVES,
    EMPTY_WORDS,
    GENERIC_BY_LETTER,
    GENERIC_NOUNS,
    LEAD_IN,
    OUTCOME_STEMS,
    ROLE_WORDS,
    VAGUE_TIMES,
    VAGUE_VERB_STEMS,
)

Verdict = Literal["pass", "warn", "fail"]
CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
PERIODS = ("week", "month", "quarter", "year")
ANALYSED_MAX = 2000  # statements are at most 1,000 characters; pasted essays stop here


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


_VAGUE_TIME = re.compile(
    r"\b(?:" + "|".join(re.escape(phrase) for phrase in VAGUE_TIMES) + r")\b"
)
_WORD = re.compile(r"[a-z0-9][a-z0-9'\u2019+#.:-]*", re.IGNORECASE)
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|percent\b|per\s*cent\b|pct\b)", re.I)
_PERCENT_WORDS = re.compile(
    r"\b(?:[a-z]+[\s-])?[a-z]+\s+(?:percent|per\s*cent)\b", re.IGNORECASE
)
_MONEY = re.compile(
    r"[$€£¥]\s*\d|\d\s*[$€£¥]|\b\d+(?:[.,]\d+)?\s*(?:k|m|bn)?\s*"
    r"(?:dollars?|euros?|pounds?|usd|eur|gbp|chf|bucks)\b|\b\d+(?:[.,]\d+)?k\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"(?<![a-z:])\d+(?:[.,]\d+)*(?![:\d])", re.IGNORECASE)


@dataclass(frozen=True)
class _Reading:
    """What the statement says, word by word."""

    text: str
    words: tuple[str, ...]
    head: str
    content: tuple[str, ...]
    anchors: tuple[str, ...]
    quantity: str
    percent: bool
    money: bool
    recurrence: str
    parsed_due: date | None
    vague_time: bool
    outcome: bool
    numbers: tuple[float, ...] = field(default=())


def smart_check(draft: GoalDraft) -> SmartReport:
    """Check a goal against the five SMART criteria; never raises."""
    try:
        reading = _read(draft)
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


# --- Reading the statement ----------------------------------------------------


def _read(draft: GoalDraft) -> _Reading:
    text = " ".join(draft.statement[:ANALYSED_MAX].split())
    recurrence = find_recurrence(text)
    parsed_due, date_spans = find_dates(text, draft.today)
    rest = _blank_out(text, date_spans + recurrence_spans(text))
    words = tuple(_normal(w) for w in _WORD.findall(rest))
    raw_words = tuple(_WORD.findall(rest))
    numbers, quantity = _quantities(rest, words)
    head = _head(words)
    anchors = _anchors(words, raw_words)
    content = tuple(
        w
        for w in words
        if w not in LEAD_IN
        and w not in EMPTY_WORDS
        and not _is_generic(w)
        and not _is_vague_verb(w)
        and not _is_number_word(w)
        and not w[:1].isdigit()
        and len(w) > 1
    )
    lowered = text.lower()
    return _Reading(
        text=text,
        words=words,
        head=head,
        content=content,
        anchors=anchors,
        quantity=quantity,
        percent=bool(_PERCENT.search(rest) or _PERCENT_WORDS.search(rest)),
        money=bool(_MONEY.search(rest)),
        recurrence=recurrence,
        parsed_due=parsed_due,
        vague_time=_VAGUE_TIME.search(lowered) is not None,
        outcome=_has_outcome(words, head, anchors),
        numbers=numbers,
    )


@functools.lru_cache(maxsize=4096)
def _normal(word: str) -> str:
    return word.lower().replace("\u2019", "'").rstrip(".:,")


def _blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _quantities(text: str, words: tuple[str, ...]) -> tuple[tuple[float, ...], str]:
    """Numbers in digits or words, and the first one as written."""
    numbers: list[float] = []
    first = ""
    for match in _DIGITS.finditer(text):
        value = parse_number(match.group().replace(",", ""))
        if value is not None:
            numbers.append(value)
            first = first or match.group()
    run: list[str] = []
    for word in (*words, ""):
        if _is_number_word(word) or (run and word == "and"):
            run.append(word)
            continue
        if run:
            value = parse_number(" ".join(run))
            if value is not None and value > 0:
                numbers.append(value)
                first = first or " ".join(run)
            run = []
    return tuple(numbers), first


@functools.lru_cache(maxsize=4096)
def _is_number_word(word: str) -> bool:
    parts = word.split("-")
    return all(part in NUMBER_WORDS or part in {"dozen", "couple"} for part in parts)


@functools.lru_cache(maxsize=4096)
def _is_vague_verb(word: str) -> bool:
    """A verb of more/better, also misspelt ("improove", "imrpove")."""
    if word in ARTIFACT_NOUNS:
        return False
    if word.startswith(VAGUE_VERB_STEMS):
        return True
    return len(word) >= 5 and any(
        _one_edit(word[: len(stem)], stem) or _one_edit(word[: len(stem) + 1], stem)
        for stem in VAGUE_VERB_STEMS
        if len(stem) >= 5 and stem[0] == word[0]
    )


@functools.lru_cache(maxsize=4096)
def _is_generic(word: str) -> bool:
    """A noun too broad to count as an outcome, also misspelt ("carrer")."""
    if word in GENERIC_NOUNS:
        return True
    return len(word) >= 5 and any(
        _one_edit(word, noun) for noun in GENERIC_BY_LETTER.get(word[0], ())
    )


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, change or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
        return len(diffs) == 1 or swapped
    short, long = (a, b) if len(a) < len(b) else (b, a)
    index = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return short[index:] == long[index + 1 :]


def _head(words: tuple[str, ...]) -> str:
    """The verb the goal turns on: the first word after the wish ("I want to")."""
    for word in words:
        if word not in LEAD_IN and word not in {"a", "an", "the"}:
            return word
    return ""


def _anchors(words: tuple[str, ...], raw: tuple[str, ...]) -> tuple[str, ...]:
    """The concrete things named: artifacts, role titles, names, acronyms."""
    found: list[str] = []
    for index, (word, original) in enumerate(zip(words, raw, strict=True)):
        concrete = word in ARTIFACT_NOUNS or word.rstrip("s") in ARTIFACT_NOUNS
        named = index > 0 and _looks_like_a_name(original, words[index - 1])
        if concrete or named or word in ROLE_WORDS:
            found.append(word)
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _looks_like_a_name(original: str, before: str) -> bool:
    """Python, AWS, Kubernetes, C#: capitalised mid-sentence or an acronym."""
    if original.lower() in LEAD_IN or original.lower() in EMPTY_WORDS:
        return False
    if original[:1].isupper() and before not in {".", "i"}:
        return original.lower() not in GENERIC_NOUNS
    return bool(re.fullmatch(r"[a-z]+[#+]+|[a-z]\d*", original)) and len(original) > 1


def _has_outcome(words: tuple[str, ...], head: str, anchors: tuple[str, ...]) -> bool:
    """The goal turns on a verb whose result is a yes/no: pass, become, publish."""
    joined = f" {' '.join(words)} "
    if " get certified " in joined or " get promoted " in joined:
        return True
    if head in {"get", "gain", "receive", "have", "hold", "own"}:
        return any(a in ARTIFACT_NOUNS or a in ROLE_WORDS for a in anchors)
    return head.startswith(OUTCOME_STEMS)


# --- The five criteria --------------------------------------------------------


def _specific(reading: _Reading) -> Check:
    if not reading.words and not reading.text:
        return Check(
            "fail",
            "There is no statement yet.",
            "Write what will be true when the goal is done.",
        )
    head_vague = _is_vague_verb(reading.head) or reading.head in {"get", "be", "do"}
    if not reading.anchors and not reading.quantity and len(reading.content) < 2:
        vague = f"“{reading.head}” alone says to do more or better, but it"
        return Check(
            "fail",
            f"{vague if head_vague else 'It'} names no outcome, role, artifact "
            "or skill.",
            "Name the thing that will exist when you are done: a role title, a "
            "certification, a talk, a shipped project.",
        )
    if head_vague and not reading.quantity and not reading.outcome:
        named = ", ".join(dict.fromkeys(reading.anchors or reading.content[:2]))
        return Check(
            "warn",
            f"It names {named}, but “{reading.head}” does not say what done "
            "looks like.",
            "Replace the verb with an outcome: pass, publish, ship, lead, become.",
        )
    named = ", ".join(dict.fromkeys(reading.anchors or reading.content))[:80]
    return Check(
        "pass",
        f"It names a concrete outcome ({named}).",
        "Keep the wording; someone else could tell whether it happened.",
    )


def _measurable(draft: GoalDraft, reading: _Reading) -> Check:
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
    if reading.outcome and reading.anchors:
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


def _achievable(draft: GoalDraft, reading: _Reading, due: date | None) -> Check:
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


def _heavy_load(draft: GoalDraft, reading: _Reading, days: int) -> str:
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
    for match in _PERCENT.finditer(text):
        digits = re.match(r"\d+(?:[.,]\d+)?", match.group())
        if digits:
            values.append(float(digits.group().replace(",", ".")))
    return values


def _relevant(draft: GoalDraft, reading: _Reading) -> Check:
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


def _priority_guess(reading: _Reading, priorities: list[str]) -> str:
    stems = {word[:5] for word in reading.words if len(word) > 4}
    for priority in priorities:
        words = [w for w in re.findall(r"[a-z]+", priority.lower()) if len(w) > 4]
        if any(word[:5] in stems for word in words):
            return priority
    return ""


def _time_bound(draft: GoalDraft, reading: _Reading) -> Check:
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
    if reading.recurrence or draft.recurrence:
        period = reading.recurrence or draft.recurrence
        return Check(
            "pass",
            f"It repeats every {period}.",
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
