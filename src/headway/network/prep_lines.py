"""The lines of a meeting agenda: one per goal, entry or contact, in plain words.

Each function turns one row into an `AgendaItem` (a line and its sub-lines),
using only what the owner wrote on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from headway.coach.near import NearInput, near_score
from headway.coach.progress import CheckInPoint, GoalFigures, Progress, goal_progress
from headway.goals.models import Goal, GoalStatus

if TYPE_CHECKING:
    from headway.journal.models import Entry
    from headway.network.models import Contact

PACE_WORDS = {"ahead": "ahead of pace", "on": "on pace", "behind": "behind pace"}
RECURRENCE_WORDS = {
    "week": "this week",
    "month": "this month",
    "quarter": "this quarter",
    "year": "this year",
}


@dataclass(frozen=True)
class AgendaItem:
    """One line of an agenda section and the sub-lines under it."""

    text: str
    notes: tuple[str, ...] = ()


def one_line(text: str) -> str:
    """Text on one line, so a list item stays one item when pasted."""
    return " ".join(str(text).split())


def _item(text: str, notes: Iterable[str] = ()) -> AgendaItem:
    return AgendaItem(one_line(text), tuple(one_line(n) for n in notes if n.strip()))


def _number(value: float) -> str:
    return f"{value:g}"


def _words(value: str) -> str:
    return value.replace("_", " ")


# -- goals -------------------------------------------------------------------


def _figures(goal: Goal, *, on: date, status: str) -> GoalFigures:
    return GoalFigures(
        today=on,
        started_on=goal.started_on,
        target=goal.target,
        recurrence=goal.recurrence,
        due=goal.due,
        status=status,
        checkins=tuple(
            CheckInPoint(checked_on=c.checked_on, value=c.value)
            for c in goal.checkins.all()
            if c.checked_on <= on
        ),
    )


def goal_item(
    goal: Goal, *, since: date, today: date, entries: Iterable[Entry]
) -> AgendaItem:
    """`Speak at 3 meetups: 1 → 2 of 3 talks, on pace`, then what moved it."""
    closed_in_period = goal.closed_on is not None and since < goal.closed_on <= today
    then_status = GoalStatus.ACTIVE if closed_in_period else goal.status
    then = goal_progress(_figures(goal, on=since, status=then_status))
    now = goal_progress(_figures(goal, on=today, status=goal.status))
    parts = [p for p in (_amount(goal, then, now), _state(goal, now, since)) if p]
    text = goal.statement + (": " + ", ".join(parts) if parts else "")
    notes = [
        f"{c.checked_on.isoformat()}: check-in {c.value:+g}"
        + (f" — {c.note}" if c.note.strip() else "")
        for c in goal.checkins.all()
        if since < c.checked_on <= today
    ]
    notes += [
        f"{e.occurred_on.isoformat()}: {_words(e.kind)} — {e.title}" for e in entries
    ]
    return _item(text, notes)


def _amount(goal: Goal, then: Progress, now: Progress) -> str:
    """`1 → 2 of 3 talks`; the "then" part only when it is comparable and moved."""
    if now.target is None and not goal.checkins.all():
        return ""
    comparable = then.window_start == now.window_start
    moved = comparable and then.done != now.done
    amount = (
        f"{_number(then.done)} → {_number(now.done)}" if moved else _number(now.done)
    )
    if now.target is not None:
        amount += f" of {_number(now.target)}"
    if goal.unit:
        amount += f" {goal.unit}"
    if goal.recurrence:
        amount += f" {RECURRENCE_WORDS.get(goal.recurrence, '')}".rstrip()
    return amount


def _state(goal: Goal, now: Progress, since: date) -> str:
    closed = goal.closed_on.isoformat() if goal.closed_on else ""
    if goal.status == GoalStatus.ACHIEVED:
        return f"achieved on {closed}"
    if goal.status == GoalStatus.DROPPED:
        reason = one_line(goal.drop_reason)
        return f"dropped on {closed}" + (f" (reason: {reason})" if reason else "")
    state = PACE_WORDS.get(now.pace or "", "")
    if goal.started_on > since:
        state = ", ".join(p for p in (f"new, set on {goal.started_on}", state) if p)
    return state


# -- log entries ----------------------------------------------------------------


def entry_item(entry: Entry) -> AgendaItem:
    line = _ENTRY_LINES.get(entry.kind, _plain)
    text, notes = line(entry)
    return _item(f"{entry.occurred_on.isoformat()} — {text}", notes)


def _details(entry: Entry) -> dict[str, Any]:
    return dict(entry.details or {})


def _plain(entry: Entry) -> tuple[str, list[str]]:
    return entry.title, []


def _accomplishment(entry: Entry) -> tuple[str, list[str]]:
    """The resume bullet, when all four NEAR parts are there to build it from."""
    report = near_score(
        NearInput(
            text=f"{entry.title}\n{entry.body}",
            numbers=entry.numbers,
            example=entry.example,
            achievement=entry.achievement,
            result=entry.result,
        )
    )
    complete = report.score == 8 and report.bullet.strip()
    return entry.title, [report.bullet] if complete else []


def _learning(entry: Entry) -> tuple[str, list[str]]:
    details = _details(entry)
    about = [_words(details.get("subtype", "")), details.get("provider", "")]
    hours = details.get("hours")
    if hours:
        about.append(f"{_number(float(hours))} h")
    text = entry.title + _parenthesis(about)
    if details.get("outcome"):
        text += f" — {details['outcome']}"
    return text, []


def _talk(entry: Entry) -> tuple[str, list[str]]:
    details = _details(entry)
    venue = (_words(details.get("venue_kind", "")), details.get("venue", ""))
    where = " at ".join(p for p in venue if p)
    audience = details.get("audience_size")
    about = [where, f"audience {audience}" if audience else ""]
    slides = [f"slides: {details['slides_url']}"] if details.get("slides_url") else []
    return f"talk: {entry.title}" + _parenthesis(about), slides


def _content(entry: Entry) -> tuple[str, list[str]]:
    details = _details(entry)
    kind = _words(details.get("subtype", "")) or "content"
    text = f"{kind}: {entry.title}" + _parenthesis([details.get("published_where", "")])
    return text, [details["url"]] if details.get("url") else []


def _initiative(entry: Entry) -> tuple[str, list[str]]:
    return entry.title + _parenthesis([_words(_details(entry).get("subtype", ""))]), []


def _setback(entry: Entry) -> tuple[str, list[str]]:
    details = _details(entry)
    notes = [
        f"{label}: {details[key]}"
        for key, label in (
            ("what_went_wrong", "What went wrong"),
            ("do_differently", "What I would do differently"),
            ("lesson", "What I take forward"),
        )
        if details.get(key)
    ]
    return entry.title, notes


def _feedback(entry: Entry) -> tuple[str, list[str]]:
    details = _details(entry)
    about = [
        f"from {details['person']}" if details.get("person") else "",
        details.get("tone", ""),
    ]
    adjust = details.get("adjustment", "")
    notes = [f"I will adjust: {adjust}"] if adjust else []
    return entry.title + _parenthesis(about), notes


def _parenthesis(parts: Iterable[str]) -> str:
    shown = [p for p in parts if p]
    return f" ({', '.join(shown)})" if shown else ""


_ENTRY_LINES: dict[str, Callable[[Entry], tuple[str, list[str]]]] = {
    "accomplishment": _accomplishment,
    "learning": _learning,
    "talk": _talk,
    "content": _content,
    "initiative": _initiative,
    "setback": _setback,
    "feedback": _feedback,
}


# -- contacts -------------------------------------------------------------------


def tie_item(contact: Contact) -> AgendaItem:
    met = contact.met_on.isoformat() if contact.met_on else contact.created.date()
    about = [contact.role, contact.organisation]
    where = f", met at {contact.met_where}" if contact.met_where else ""
    return _item(f"{met} — {contact.name}" + _parenthesis(about) + where)
