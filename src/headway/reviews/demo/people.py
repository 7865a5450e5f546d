"""The demo owner's network: colleagues at each employer, a manager per role,
mentors, the wider community, and the touches that keep some ties alive.

Contacts are written with `bulk_create` and touches with `bulk.rows_insert`
(a bench-sized demo has 2,000 contacts and tens of thousands of touches);
the contacts' touch summaries are then rebuilt by the network service that
owns them, `contact_touches_refresh`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from headway.network.models import (
    Contact,
    ContactTag,
    Interaction,
    InteractionKind,
    MetHow,
)
from headway.network.services import contact_touches_refresh
from headway.reviews.demo import bulk, words
from headway.reviews.demo.career import Career

STRENGTHS = (1, 2, 3, 4, 5)
STRENGTH_WEIGHTS = (30, 30, 22, 12, 6)
TOUCH_KINDS = (
    InteractionKind.MESSAGE,
    InteractionKind.CALL,
    InteractionKind.COFFEE,
    InteractionKind.EVENT,
    InteractionKind.HELP_GIVEN,
    InteractionKind.HELP_RECEIVED,
    InteractionKind.INTRODUCTION,
)
TOUCH_WEIGHTS = (40, 15, 15, 10, 8, 8, 4)
INTERACTION_COLUMNS = ("owner_id", "created", "updated", "contact_id", "kind",
                       "occurred_on", "notes", "promised")  # fmt: skip


@dataclass
class Cast:
    """The people entries link to: a manager per role, mentors, everyone."""

    managers: list[Contact] = field(default_factory=list)
    mentors: list[Contact] = field(default_factory=list)
    everyone: list[Contact] = field(default_factory=list)
    # The last day each tie was kept up (by contact id): today for live ties.
    until: dict[int, date] = field(default_factory=dict)

    def manager_on(self, career: Career, day: date) -> Contact:
        return self.managers[career.index_on(day)]

    def mentor_on(self, day: date, rng: random.Random) -> Contact | None:
        """A mentor already met by that day, if any."""
        met = [m for m in self.mentors if m.met_on is not None and m.met_on <= day]
        return rng.choice(met) if met else None

    def someone_on(self, career: Career, day: date, rng: random.Random) -> Contact:
        """Someone already met by that day; the manager of the time if none is
        found in a few tries."""
        for _ in range(10):
            contact = rng.choice(self.everyone)
            if contact.met_on is not None and contact.met_on <= day:
                return contact
        return self.manager_on(career, day)


def unique_names(rng: random.Random, count: int) -> list[str]:
    pairs = [(f, last) for f in words.FIRST_NAMES for last in words.LAST_NAMES]
    chosen = rng.sample(pairs, min(count, len(pairs)))
    names = [f"{first} {last}" for first, last in chosen]
    initials = "ABCDEFGHJKLMNPRSTVW"
    while len(names) < count:  # beyond 3,600 people, middle initials
        first, last = rng.choice(pairs)
        names.append(f"{first} {rng.choice(initials)}. {last}")
        names = list(dict.fromkeys(names))
    return names


def _key_people(career: Career, rng: random.Random) -> list[dict[str, Any]]:
    """A manager at each employer and three mentors met along the way."""
    people = [
        {
            "organisation": role.organisation,
            "role": "Engineering Manager",
            "met_how": MetHow.WORK,
            "met_on": role.start,
            "strength": 4 if role is not career.roles[-1] else 5,
            "tags": ["manager"],
            "notes": f"My manager as {role.title}.",
        }
        for role in career.roles
    ]
    span = (career.today - career.start).days
    for share, org in ((0.05, "City University"), (0.4, "PyData Berlin"), (0.7, "")):
        people.append(
            {
                "organisation": org or rng.choice(words.OTHER_ORGANISATIONS),
                "role": rng.choice(("Principal Engineer", "CTO", "Director")),
                "met_how": MetHow.INTRODUCTION,
                "met_on": career.start + timedelta(days=round(span * share)),
                "strength": 5,
                "tags": ["mentor"],
                "notes": "Mentor: career direction and leadership.",
            }
        )
    return people


def _other_person(career: Career, rng: random.Random) -> dict[str, Any]:
    met_on = career.active_day(career.start, career.today - timedelta(days=7), rng)
    role = career.role_on(met_on)
    colleague = rng.random() < 0.45
    tags = [rng.choice(words.CONTACT_TAGS)] if rng.random() < 0.5 else []
    if colleague:
        tags.append("peer")
    return {
        "organisation": role.organisation
        if colleague
        else rng.choice(words.OTHER_ORGANISATIONS),
        "role": rng.choice(words.COLLEAGUE_ROLES if colleague else words.OTHER_ROLES),
        "met_how": MetHow.WORK
        if colleague
        else rng.choice([m for m in MetHow.values if m != MetHow.WORK]),
        "met_on": met_on,
        "tags": list(dict.fromkeys(tags)),
        "notes": "",
        **_tie(career, met_on, rng),
    }


def _tie(career: Career, met_on: date, rng: random.Random) -> dict[str, Any]:
    """How strong a tie is and until when it is kept up: about half fade (and
    most of those weaken), and some strong ties go quiet for a few months."""
    strength = rng.choices(STRENGTHS, STRENGTH_WEIGHTS)[0]
    until = career.today
    if rng.random() < 0.55:
        until = min(met_on + timedelta(days=rng.randint(60, 1500)), career.today)
        if until < career.today - timedelta(days=365) and rng.random() < 0.8:
            strength = min(strength, rng.choice((1, 2)))
    elif strength >= 4 and rng.random() < 0.3:
        until = career.today - timedelta(days=rng.randint(60, 240))
    return {"strength": strength, "until": until}


def contacts_create(
    *, owner: Any, career: Career, count: int, rng: random.Random
) -> tuple[Cast, list[tuple[Contact, list[str]]]]:
    key = _key_people(career, rng)
    plans = key + [_other_person(career, rng) for _ in range(max(count - len(key), 0))]
    recent = career.today - timedelta(days=rng.randint(1, 3))
    for plan in plans[-2:]:  # two people met at an event days ago: follow-ups owed
        plan.update(met_how=MetHow.EVENT, met_on=recent, strength=2)
    names = unique_names(rng, len(plans))
    rows = [
        Contact(
            owner=owner,
            name=name,
            organisation=plan["organisation"],
            role=plan["role"],
            emails=[_email(name, plan["organisation"])],
            met_how=plan["met_how"],
            met_where=rng.choice(words.PLACES)
            if plan["met_how"] != MetHow.WORK
            else "",
            met_on=plan["met_on"],
            strength=plan["strength"],
            notes=plan["notes"],
            follow_up_since=plan["met_on"] if plan["met_how"] == MetHow.EVENT else None,
            follow_up_by=plan["met_on"] + timedelta(days=3)
            if plan["met_how"] == MetHow.EVENT
            else None,
        )
        for name, plan in zip(names, plans, strict=True)
    ]
    Contact.objects.bulk_create(rows, batch_size=1_000)
    _tags_link(owner=owner, rows=rows, plans=plans)
    cast = Cast(
        managers=rows[:3],
        mentors=rows[3:6],
        everyone=rows,
        until={
            row.pk: plan.get("until", career.today)
            for row, plan in zip(rows, plans, strict=True)
        },
    )
    return cast, [(row, plan["tags"]) for row, plan in zip(rows, plans, strict=True)]


def _email(name: str, organisation: str) -> str:
    local = "".join(ch for ch in name.lower() if ch.isascii() and ch.isalpha())
    domain = "".join(ch for ch in organisation.lower() if ch.isascii() and ch.isalnum())
    return f"{local}@{domain or 'example'}.example"


def _tags_link(*, owner: Any, rows: list[Contact], plans: list[dict[str, Any]]) -> None:
    names = list(dict.fromkeys(t for plan in plans for t in plan["tags"]))
    ContactTag.objects.bulk_create([ContactTag(owner=owner, name=n) for n in names])
    tags = {tag.name: tag.pk for tag in ContactTag.objects.for_owner(owner)}
    through = Contact.tags.through
    through.objects.bulk_create(
        [
            through(contact_id=row.pk, contacttag_id=tags[name])
            for row, plan in zip(rows, plans, strict=True)
            for name in plan["tags"]
        ],
        batch_size=2_000,
    )


def interactions_create(
    *, owner: Any, career: Career, cast: Cast, rng: random.Random
) -> int:
    """Touches over each tie's life: strong ties more often, old ties fading."""
    rows: list[Interaction] = []
    key = {c.pk for c in cast.managers + cast.mentors}
    for contact in cast.everyone:
        rows += _touches(owner, contact, career, cast, rng, key=contact.pk in key)
    current = cast.managers[-1]
    rows.append(_touch(owner, current, career.today - timedelta(days=6), rng))
    promised = cast.everyone[len(cast.everyone) // 2]
    rows.append(
        Interaction(
            owner=owner,
            contact=promised,
            kind=InteractionKind.HELP_GIVEN,
            occurred_on=career.today - timedelta(days=4),
            notes="Promised to review their CV.",
            promised=True,
        )
    )
    now = bulk.stamp()
    bulk.rows_insert(
        Interaction,
        INTERACTION_COLUMNS,
        [
            (owner.pk, now, now, row.contact.pk, row.kind, bulk.day(row.occurred_on),
             row.notes, row.promised)
            for row in rows
        ],
    )  # fmt: skip
    contact_touches_refresh(owner=owner, contact_ids=None)
    return len(rows)


def _touches(
    owner: Any,
    contact: Contact,
    career: Career,
    cast: Cast,
    rng: random.Random,
    *,
    key: bool,
) -> list[Interaction]:
    met_on = contact.met_on or career.start
    if contact.met_how == MetHow.EVENT and met_on > career.today - timedelta(days=7):
        return []  # just met: the follow-up is still owed
    until = cast.until[contact.pk]
    count = contact.strength * (4 if key else 2) + rng.randint(0, 3)
    touches = [_touch(owner, contact, met_on, rng, kind=InteractionKind.MET)]
    for _ in range(count):
        if until <= met_on:
            break
        touches.append(
            _touch(owner, contact, career.active_day(met_on, until, rng), rng)
        )
    return touches


def _touch(
    owner: Any,
    contact: Contact,
    day: date,
    rng: random.Random,
    *,
    kind: str | None = None,
) -> Interaction:
    return Interaction(
        owner=owner,
        contact=contact,
        kind=kind or rng.choices(TOUCH_KINDS, TOUCH_WEIGHTS)[0],
        occurred_on=day,
        notes=rng.choice(words.INTERACTION_NOTES) if rng.random() < 0.6 else "",
    )
