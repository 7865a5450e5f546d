"""Staying in touch: cadences, the due list, reciprocity and forgiving name matching.

Everything here is plain data in, plain data out. A contact's clock is the
date of its latest touch of any kind (an interaction or a log entry that names
the contact); with no touch yet, the clock starts the day the contact was met
or added.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from headway.coach.numbers import plural

DEFAULT_TIERS: Mapping[int, tuple[int | None, int | None]] = {
    5: (30, 45),
    4: (60, 90),
    3: (90, 135),
    2: (None, None),
    1: (None, None),
}
DEFAULT_MENTOR_UPDATE_DAYS = 42
DEFAULT_MENTOR_THANKS_DAYS = 2
DEFAULT_EVENT_FOLLOW_UP_DAYS = 3

# The order of the due list: the most pressing state first.
STATES = ("overdue", "due", "follow-up", "help-promised", "thank-you", "mentor-update")


@dataclass(frozen=True)
class Cadence:
    """Due after `ideal_days` without a touch, overdue after `max_days`."""

    ideal_days: int | None
    max_days: int | None

    @property
    def is_set(self) -> bool:
        return self.ideal_days is not None


def max_days_default(ideal_days: int) -> int:
    """Half again the ideal interval, the grace before a tie counts as neglected."""
    return ideal_days + (ideal_days + 1) // 2


def cadence_for(
    *,
    strength: int,
    tiers: Mapping[int, Cadence],
    ideal_override: int | None = None,
    max_override: int | None = None,
) -> Cadence:
    """The contact's own cadence when set, else the owner's tier for its strength."""
    if ideal_override is not None:
        return Cadence(ideal_override, max_override or max_days_default(ideal_override))
    return tiers.get(strength, Cadence(*DEFAULT_TIERS.get(strength, (None, None))))


def default_tiers() -> dict[int, Cadence]:
    return {strength: Cadence(*days) for strength, days in DEFAULT_TIERS.items()}


class ContactFacts(NamedTuple):
    """What the due list knows of one contact (a named tuple: thousands are
    built per due list, and a tuple is built several times faster than a
    frozen dataclass)."""

    id: int
    name: str
    strength: int
    cadence: Cadence
    started_on: date
    last_touch: date | None = None
    tags: tuple[str, ...] = ()
    follow_up_since: date | None = None
    follow_up_by: date | None = None
    open_promise_on: date | None = None
    last_mentor_meeting: date | None = None
    last_message_after_meeting: date | None = None


@dataclass(frozen=True)
class MentorRhythm:
    update_days: int = DEFAULT_MENTOR_UPDATE_DAYS
    thanks_days: int = DEFAULT_MENTOR_THANKS_DAYS


class DueItem(NamedTuple):
    contact_id: int
    name: str
    state: str
    due_on: date
    days_late: int
    strength: int
    last_touch: date | None
    reasons: tuple[str, ...] = ()


def clock_start(facts: ContactFacts) -> date:
    return facts.last_touch or facts.started_on


def cadence_state(facts: ContactFacts, today: date) -> tuple[str, date] | None:
    """("overdue"|"due", the date it became so), or None while the tie is fresh."""
    cadence = facts.cadence
    if cadence.ideal_days is None:
        return None
    start = clock_start(facts)
    max_days = cadence.max_days or max_days_default(cadence.ideal_days)
    overdue_on = start + timedelta(days=max_days)
    if today > overdue_on:
        return "overdue", overdue_on
    due_on = start + timedelta(days=cadence.ideal_days)
    if today > due_on:
        return "due", due_on
    return None


def follow_up_state(facts: ContactFacts, today: date) -> date | None:
    """The date a follow-up is owed by, while no touch on or after its start."""
    if facts.follow_up_since is None or facts.follow_up_by is None:
        return None
    if facts.last_touch is not None and facts.last_touch >= facts.follow_up_since:
        return None
    return facts.follow_up_by


def mentor_states(
    facts: ContactFacts, today: date, rhythm: MentorRhythm
) -> list[tuple[str, date]]:
    """A thank-you after each meeting, a progress update at the mentor rhythm."""
    if "mentor" not in facts.tags:
        return []
    found: list[tuple[str, date]] = []
    meeting = facts.last_mentor_meeting
    thanked = facts.last_message_after_meeting
    if meeting is not None and (thanked is None or thanked < meeting):
        found.append(("thank-you", meeting + timedelta(days=rhythm.thanks_days)))
    update_on = clock_start(facts) + timedelta(days=rhythm.update_days)
    if today >= update_on:
        found.append(("mentor-update", update_on))
    return found


def contact_due(
    facts: ContactFacts, today: date, rhythm: MentorRhythm | None = None
) -> DueItem | None:
    """The contact's most pressing state, or None when nothing is owed."""
    states: list[tuple[str, date]] = []
    cadence = cadence_state(facts, today)
    if cadence is not None:
        states.append(cadence)
    follow_up = follow_up_state(facts, today)
    if follow_up is not None:
        states.append(("follow-up", follow_up))
    if facts.open_promise_on is not None:
        states.append(("help-promised", facts.open_promise_on))
    states.extend(mentor_states(facts, today, rhythm or MentorRhythm()))
    if not states:
        return None
    states.sort(key=lambda found: STATES.index(found[0]))
    state, due_on = states[0]
    return DueItem(
        contact_id=facts.id,
        name=facts.name,
        state=state,
        due_on=due_on,
        days_late=max(0, (today - due_on).days),
        strength=facts.strength,
        last_touch=facts.last_touch,
        reasons=tuple(name for name, _ in states),
    )


STATE_WORDS = {
    "overdue": "overdue",
    "due": "due",
    "follow-up": "follow-up",
    "help-promised": "help promised",
    "thank-you": "thank-you",
    "mentor-update": "mentor update",
}


def due_line(item: DueItem, today: date, *, met_where: str = "") -> str:
    """What is owed, how late, and why: "follow-up · 5 days late · met at KubeCon"."""
    late = item.days_late
    lateness = (
        "due today" if late == 0 else f"{late} day{'s' if late != 1 else ''} late"
    )
    parts = [STATE_WORDS.get(item.state, item.state), lateness]
    why = _due_why(item, today, met_where=met_where)
    return " · ".join([*parts, why] if why else parts)


def _due_why(item: DueItem, today: date, *, met_where: str) -> str:
    if item.state == "follow-up":
        return f"met at {met_where}" if met_where else "a follow-up you owe"
    if item.state in {"overdue", "due"}:
        if item.last_touch is None:
            return "no touch yet"
        return f"no touch in {(today - item.last_touch).days} days"
    return {
        "help-promised": "help you offered",
        "thank-you": "thank them for the meeting",
        "mentor-update": "send a progress update",
    }.get(item.state, "")


def dormant_days(item: DueItem, today: date) -> int:
    return (today - item.last_touch).days if item.last_touch else 10**6


def due_list(
    contacts: Iterable[ContactFacts],
    today: date,
    rhythm: MentorRhythm | None = None,
) -> list[DueItem]:
    """Overdue, then due, then follow-ups and promises; strong dormant ties first."""
    items = [
        item
        for facts in contacts
        if (item := contact_due(facts, today, rhythm)) is not None
    ]
    items.sort(
        key=lambda item: (
            STATES.index(item.state),
            -item.strength,
            -dormant_days(item, today),
            item.due_on,
            item.name.casefold(),
            item.contact_id,
        )
    )
    return items


@dataclass(frozen=True)
class Reciprocity:
    given: int
    received: int

    @property
    def balance(self) -> int:
        return self.given - self.received

    @property
    def summary(self) -> str:
        if self.given == self.received == 0:
            return "No help exchanged yet."
        if self.balance == 0:
            return f"Balanced: {self.given} given, {self.received} received."
        if self.balance > 0:
            return (
                f"You gave {plural(self.given, 'time')} and received "
                f"{self.received}: "
                "you have goodwill to draw on."
            )
        return (
            f"You received {plural(self.received, 'time')} and gave {self.given}: "
            "look for a way to give back."
        )


def reciprocity_total(per_contact: Iterable[Reciprocity]) -> Reciprocity:
    given = received = 0
    for item in per_contact:
        given += item.given
        received += item.received
    return Reciprocity(given, received)


def name_key(text: str) -> str:
    """Case, accents and spacing folded away: "  Zoë  O'NEIL" -> "zoe o'neil"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def match_name(query: str, candidates: Sequence[tuple[int, str]]) -> list[int]:
    """Ids of the contacts `query` names: exact first, then a unique prefix.

    One id is a match; several are an ambiguity the caller shows; none is none.
    A prefix may start the full name or any word in it ("ada" finds "Ada
    Lovelace", "love" finds her too), and every word of the query must match.
    """
    key = name_key(query)
    if not key:
        return []
    keyed = [(pk, name_key(name)) for pk, name in candidates]
    exact = [pk for pk, name in keyed if name == key]
    if exact:
        return exact
    starts = [pk for pk, name in keyed if name.startswith(key)]
    if starts:
        return starts
    words = key.split()
    return [pk for pk, name in keyed if _words_match(words, name.split())]


def _words_match(query_words: list[str], name_words: list[str]) -> bool:
    return all(
        any(word.startswith(part) for word in name_words) for part in query_words
    )


@dataclass(frozen=True)
class GrowthYear:
    year: int
    added: int
    total: int
    strong_added: int
    strong_total: int = 0


def growth_by_year(
    joined: Iterable[tuple[date, int]], *, strong_from: int = 4
) -> list[GrowthYear]:
    """New contacts per year, the running network size and strong-tie count.

    Strength is today's: a tie that grew strong counts in the year it was made.
    """
    added: dict[int, int] = {}
    strong: dict[int, int] = {}
    for when, strength in joined:
        added[when.year] = added.get(when.year, 0) + 1
        if strength >= strong_from:
            strong[when.year] = strong.get(when.year, 0) + 1
    total = strong_total = 0
    years = []
    for year in sorted(added):
        total += added[year]
        strong_total += strong.get(year, 0)
        years.append(
            GrowthYear(year, added[year], total, strong.get(year, 0), strong_total)
        )
    return years
