"""Resume bullets and the JSON Resume document, gathered from the owner's
profile, role history and log (the layout is `exchange.jsonresume`'s)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from headway.accounts.models import Role
from headway.accounts.profile import profile_get
from headway.accounts.roles import role_for_day, roles_list
from headway.exchange import jsonresume as layout
from headway.growth.models import Skill
from headway.journal.models import Entry, EntryKind
from headway.reviews.outputs.accomplishments import (
    Accomplishment,
    accomplishments,
    best_first,
)

HIGHLIGHTS_PER_ROLE = 6
KEYWORDS_PER_SKILL = 5
# How many entries of evidence make a skill's level: the log is the measure.
SKILL_LEVELS = ((10, "Advanced"), (4, "Intermediate"), (1, "Beginner"))


@dataclass(frozen=True)
class BulletRow:
    entry_id: int
    occurred_on: date
    title: str
    bullet: str
    starred: bool
    score: int


def resume_bullets(*, owner: Any, year: int | None = None) -> list[BulletRow]:
    """One bullet per NEAR-complete accomplishment, best first."""
    start = date(year, 1, 1) if year else None
    end = date(year, 12, 31) if year else None
    found = [
        item
        for item in accomplishments(owner=owner, start=start, end=end)
        if item.complete
    ]
    return [_bullet_row(item) for item in best_first(found)]


def _bullet_row(item: Accomplishment) -> BulletRow:
    return BulletRow(
        item.id,
        item.occurred_on,
        item.title,
        item.bullet,
        item.starred,
        item.report.score,
    )


def bullet_as_dict(row: BulletRow) -> dict[str, Any]:
    return {
        "entry": row.entry_id,
        "occurred_on": row.occurred_on.isoformat(),
        "title": row.title,
        "bullet": row.bullet,
        "starred": row.starred,
        "near_score": row.score,
    }


def resume_document(*, owner: Any, today: date) -> dict[str, Any]:
    """The JSON Resume document of everything the owner has logged."""
    roles = roles_list(owner=owner)
    entries = list(
        Entry.objects.for_owner(owner)
        .filter(
            kind__in=[
                EntryKind.LEARNING,
                EntryKind.CONTENT,
                EntryKind.TALK,
                EntryKind.INITIATIVE,
            ]
        )
        .order_by("-occurred_on", "-id")
    )
    resume = layout.Resume(
        basics=_basics(owner),
        work=tuple(_work(owner=owner, roles=roles)),
        certificates=tuple(_certificates(entries)),
        publications=tuple(_publications(entries)),
        awards=tuple(_awards(entries)),
        volunteer=tuple(_volunteer(entries)),
        skills=tuple(_skills(owner)),
        modified=today,
    )
    return layout.resume_document(resume)


def _basics(owner: Any) -> layout.Basics:
    profile = profile_get(owner=owner)
    full = owner.get_full_name() if hasattr(owner, "get_full_name") else ""
    return layout.Basics(
        name=profile.name or full,
        label=profile.headline,
        email=profile.email or getattr(owner, "email", ""),
        location=profile.location,
        links=tuple(profile.links),
    )


def _work(*, owner: Any, roles: list[Role]) -> list[layout.Work]:
    by_role: dict[int, list[Accomplishment]] = {role.pk: [] for role in roles}
    for item in accomplishments(owner=owner):
        role = role_for_day(roles, item.occurred_on)
        if role is not None and item.complete:
            by_role[role.pk].append(item)
    return [
        layout.Work(
            position=role.title,
            organisation=role.organisation,
            start=role.started_on,
            end=role.ended_on,
            highlights=tuple(
                item.bullet
                for item in best_first(by_role[role.pk])[:HIGHLIGHTS_PER_ROLE]
            ),
        )
        for role in roles
    ]


def _detail(entry: Entry, key: str) -> str:
    value = entry.details.get(key, "")
    return str(value) if value not in (None, "") else ""


def _certificates(entries: list[Entry]) -> list[layout.Certificate]:
    return [
        layout.Certificate(
            name=entry.title, day=entry.occurred_on, issuer=_detail(entry, "provider")
        )
        for entry in entries
        if entry.kind == EntryKind.LEARNING
        and _detail(entry, "subtype") == "certification"
    ]


def _publications(entries: list[Entry]) -> list[layout.Publication]:
    return [
        layout.Publication(
            name=entry.title,
            day=entry.occurred_on,
            publisher=_detail(entry, "published_where"),
            url=_detail(entry, "url"),
        )
        for entry in entries
        if entry.kind == EntryKind.CONTENT
    ]


def _awards(entries: list[Entry]) -> list[layout.Award]:
    """Talks: the owner was chosen to speak; the venue gave them the stage."""
    return [
        layout.Award(
            title=entry.title,
            day=entry.occurred_on,
            awarder=_detail(entry, "venue"),
            summary=_talk_summary(entry),
        )
        for entry in entries
        if entry.kind == EntryKind.TALK
    ]


def _talk_summary(entry: Entry) -> str:
    kind = _detail(entry, "venue_kind").replace("_", " ")
    audience = entry.details.get("audience_size")
    said = f"Talk ({kind})" if kind else "Talk"
    return f"{said}; audience of {audience}." if audience else f"{said}."


def _volunteer(entries: list[Entry]) -> list[layout.Volunteer]:
    """Initiatives the owner volunteered for; the employer is not assumed."""
    return [
        layout.Volunteer(
            position=entry.title,
            day=entry.occurred_on,
            summary=" ".join(entry.body.split())[:500],
        )
        for entry in entries
        if entry.kind == EntryKind.INITIATIVE
        and _detail(entry, "subtype") == "volunteered"
    ]


def _skills(owner: Any) -> list[layout.Skill]:
    skills = Skill.objects.for_owner(owner).prefetch_related("entries__tags")
    found = []
    for skill in skills:
        evidence = [
            entry for entry in skill.entries.all() if entry.owner_id == owner.pk
        ]
        tags = Counter(tag.name for entry in evidence for tag in entry.tags.all())
        found.append(
            layout.Skill(
                name=skill.name,
                level=skill_level(len(evidence)),
                keywords=tuple(
                    name for name, _ in tags.most_common(KEYWORDS_PER_SKILL)
                ),
            )
        )
    return found


def skill_level(evidence: int) -> str:
    """The level the log shows: how many entries are evidence of the skill."""
    for least, level in SKILL_LEVELS:
        if evidence >= least:
            return level
    return ""
