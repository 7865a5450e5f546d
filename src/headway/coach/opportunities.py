"""Opportunities: organisation names that match, the stages of an opening and of
a mentor search, the follow-ups they owe, and the first draft of a mentor ask.

Plain data in, plain data out; nothing here is invented: the draft uses only
what the owner wrote (goals, target role, what they hope to learn).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from headway.coach.agenda import AgendaItem

# Words that name a company's legal form, not the company: "Acme Inc." is Acme.
LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "gmbh", "corp",
        "corporation", "co", "company", "plc", "sa", "sas", "sarl", "ag", "bv",
        "nv", "oy", "ab", "as", "aps", "spa", "srl", "kg", "pty", "pte", "kk",
        "se", "sl",
    }
)  # fmt: skip
_NOT_WORD = re.compile(r"[\W_]+")  # letters of every script are kept

STRONG_TIE = 4  # strength 4 and 5 are the ties that can vouch for the owner


@functools.lru_cache(maxsize=20_000)
def organisation_key(name: str) -> str:
    """The name as it compares: casefolded, accents and punctuation dropped,
    legal forms ("Inc.", "GmbH", "S.A.") left off at either end. Cached: a
    network names the same few hundred organisations thousands of times."""
    plain = name.casefold().replace("&", " and ")
    if not plain.isascii():
        plain = unicodedata.normalize("NFKD", plain)
        plain = "".join(char for char in plain if not unicodedata.combining(char))
    # "S.A." and "B.V." are one word each once their dots go.
    plain = re.sub(r"\b(\w)\.(?=\w\b)", r"\1", plain)
    words = [word for word in _NOT_WORD.split(plain) if word]
    kept = list(words)
    while kept and kept[-1] in LEGAL_SUFFIXES | {"and"}:
        kept.pop()
    while kept and kept[0] == "the":
        kept.pop(0)
    return " ".join(kept or words)


def organisations_match(first: str, second: str) -> bool:
    key = organisation_key(first)
    return bool(key) and key == organisation_key(second)


# --- openings ----------------------------------------------------------------

STAGES = (
    "interested", "applied", "interviewing", "offer", "accepted", "declined",
    "rejected", "withdrawn",
)  # fmt: skip
CLOSED_STAGES = frozenset({"accepted", "declined", "rejected", "withdrawn"})
NEXT_STAGES: dict[str, tuple[str, ...]] = {
    "interested": ("applied", "withdrawn"),
    "applied": ("interviewing", "rejected", "withdrawn"),
    "interviewing": ("offer", "rejected", "withdrawn"),
    "offer": ("accepted", "declined", "rejected", "withdrawn"),
}
# Stages where the owner waits on the other side's answer.
AWAITING_ANSWER = frozenset({"applied", "interviewing"})
OPENING_FOLLOW_UP_DAYS = 10


def stage_follows(current: str, wanted: str) -> bool:
    """Whether `wanted` is a step the opening can take from `current`."""
    return wanted in NEXT_STAGES.get(current, ())


def next_stage(current: str) -> str | None:
    """The step forward a card's one-click button takes."""
    found = NEXT_STAGES.get(current, ())
    return found[0] if found and found[0] != "withdrawn" else None


def opening_follow_up_on(
    stage: str, moved_on: date, followed_up_on: date | None = None
) -> date | None:
    """When a follow-up is owed: ten days after the move (or after the last
    follow-up sent), while the owner waits on an answer."""
    if stage not in AWAITING_ANSWER:
        return None
    since = max(moved_on, followed_up_on) if followed_up_on else moved_on
    return since + timedelta(days=OPENING_FOLLOW_UP_DAYS)


# --- finding a mentor ----------------------------------------------------------

MENTOR_STAGES = ("identified", "asked", "met", "agreed", "declined", "not_now")
MENTOR_NEXT: dict[str, tuple[str, ...]] = {
    "identified": ("asked", "not_now"),
    "asked": ("met", "agreed", "declined", "not_now"),
    "met": ("agreed", "declined", "not_now"),
    "not_now": ("asked",),
    "declined": ("identified",),
}
MENTOR_REPLY_DAYS = 14


def mentor_follow_up_on(stage: str, asked_on: date | None) -> date | None:
    """A request not answered in two weeks is worth a gentle reminder."""
    if stage != "asked" or asked_on is None:
        return None
    return asked_on + timedelta(days=MENTOR_REPLY_DAYS)


def mentor_ask_draft(
    *,
    name: str,
    goals: Sequence[str],
    target_role: str = "",
    hope_to_learn: str = "",
    why: str = "",
) -> str:
    """A short first draft of the ask, from what the owner wrote; where they
    wrote nothing, the draft leaves a bracketed gap for them to fill."""
    first = name.split()[0] if name.split() else name
    lines = [f"Hi {first},", ""]
    if target_role:
        lines.append(f"I am working towards becoming {_article(target_role)}.")
    if goals:
        listed = "; ".join(goal.rstrip(".") for goal in goals[:3])
        lines.append(f"My goals right now: {listed}.")
    if why:
        lines.append(f"I am asking you because {_lower_first(why.rstrip('.'))}.")
    learn = hope_to_learn.strip().rstrip(".") or "[what you hope to learn from them]"
    lines.append(f"I would love to learn {_lower_first(learn)}.")
    lines += [
        "",
        "Would you be open to a 30-minute conversation in the coming weeks, and "
        "perhaps to meeting now and then as a mentor?",
        "",
        "Thank you,",
    ]
    return "\n".join(lines)


def _article(role: str) -> str:
    return f"an {role}" if role[:1].lower() in "aeiou" else f"a {role}"


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():  # an acronym: "AWS", "UX"
        return text
    return text[:1].lower() + text[1:]


# --- who the owner knows at a company -------------------------------------------


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    organisation: str
    strength: int
    last_touch: date | None
    met_how: str = ""
    met_where: str = ""


@dataclass(frozen=True)
class Introducer:
    person: Person
    knows: tuple[str, ...]  # the names of the people at the company they know
    reason: str


def people_at(company: str, people: Iterable[Person]) -> list[Person]:
    """Contacts whose organisation is the company, strongest and freshest first."""
    key = organisation_key(company)
    found = [p for p in people if key and organisation_key(p.organisation) == key]
    return sorted(
        found,
        key=lambda p: (-p.strength, -(p.last_touch or date.min).toordinal(), p.name),
    )


def has_strong_tie(people: Sequence[Person]) -> bool:
    return any(person.strength >= STRONG_TIE for person in people)


def introducers(
    inside: Sequence[Person],
    everyone: Sequence[Person],
    together: Iterable[tuple[int, int]],
) -> list[Introducer]:
    """Contacts outside the company who know someone inside it: they share a
    log entry with them (met together, introduced them), or the one inside
    was met through an introduction that names them. Strongest first."""
    inside_ids = {person.id: person for person in inside}
    outside = {person.id: person for person in everyone if person.id not in inside_ids}
    knows: dict[int, dict[str, str]] = {}
    for first, second in together:
        for out_id, in_id in ((first, second), (second, first)):
            if out_id in outside and in_id in inside_ids:
                knows.setdefault(out_id, {})[inside_ids[in_id].name] = "shared"
    for person in inside:
        if person.met_how != "introduction" or not person.met_where:
            continue
        for other in outside.values():
            if other.name and other.name.casefold() in person.met_where.casefold():
                knows.setdefault(other.id, {})[person.name] = "introduced"
    found = [
        Introducer(outside[pk], tuple(sorted(names)), _reason(names))
        for pk, names in knows.items()
    ]
    return sorted(found, key=lambda i: (-i.person.strength, i.person.name))


def _reason(names: dict[str, str]) -> str:
    if "introduced" in names.values():
        return "introduced you to someone there"
    return "appears in your log with someone there"


# --- the agenda ------------------------------------------------------------------


@dataclass(frozen=True)
class OpeningWaiting:
    id: int
    company: str
    role: str
    stage: str
    moved_on: date
    followed_up_on: date | None = None


@dataclass(frozen=True)
class MentorWaiting:
    id: int
    name: str
    stage: str
    asked_on: date | None


def follow_up_items(
    openings: Iterable[OpeningWaiting], mentors: Iterable[MentorWaiting]
) -> list[AgendaItem]:
    """What the opportunities owe: an answer chased, a mentor ask not replied to."""
    items = []
    for opening in openings:
        due = opening_follow_up_on(
            opening.stage, opening.moved_on, opening.followed_up_on
        )
        if due is not None:
            title = (
                f"Follow up on {opening.role} at {opening.company} ({opening.stage})"
            )
            items.append(AgendaItem(due, "follow-up", title, ("opening", opening.id)))
    for mentor in mentors:
        due = mentor_follow_up_on(mentor.stage, mentor.asked_on)
        if due is not None:
            title = f"No reply yet from {mentor.name} about mentoring: follow up"
            items.append(AgendaItem(due, "follow-up", title, ("mentor-ask", mentor.id)))
    return items
