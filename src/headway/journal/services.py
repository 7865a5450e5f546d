"""Every write to the log goes through these functions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.coach.dates import parse_date
from headway.core.text import clean_text, field_error
from headway.goals.models import Goal
from headway.growth.models import SKILL_NAME_MAX, Skill
from headway.journal.models import (
    BODY_MAX,
    NEAR_MAX,
    TAG_MAX,
    TITLE_MAX,
    Entry,
    EntryKind,
    Tag,
)
from headway.network.models import Contact

_TAG_CHARS = re.compile(r"[^\w\-./+]+")


def occurred_on_parse(value: str | date | None, *, today: date | None = None) -> date:
    """Read a date the user wrote ("last friday", "2026-03-01"); today if empty."""
    today = today or timezone.localdate()
    if value is None or value == "":
        return today
    if isinstance(value, date):
        return value
    found = parse_date(value, today=today, prefer="past")
    if found is None:
        raise field_error(
            "occurred_on",
            f"Cannot read {value!r} as a date; try 2026-03-14, 'yesterday' "
            "or 'last friday'.",
            "date",
        )
    return found


def kind_validate(kind: str) -> str:
    if kind not in EntryKind.values:
        known = ", ".join(EntryKind.values)
        raise field_error(
            "kind", f"Unknown kind {kind!r}; use one of: {known}.", "kind"
        )
    return kind


def tag_names_clean(names: Iterable[str]) -> list[str]:
    """Lower-case, strip #/@, drop blanks and duplicates, keep the order."""
    cleaned: list[str] = []
    for raw in names:
        text = clean_text(raw, field="tags", max_length=TAG_MAX * 2, required=False)
        name = _TAG_CHARS.sub("-", text.lstrip("#@").lower()).strip("-")
        if len(name) > TAG_MAX:
            raise field_error(
                "tags",
                f"The tag {name[:20]!r}… is longer than {TAG_MAX} characters.",
                "tag",
            )
        if name and name not in cleaned:
            cleaned.append(name)
    return cleaned


def tags_resolve(*, owner: Any, names: list[str]) -> list[Tag]:
    existing = {
        tag.name: tag for tag in Tag.objects.for_owner(owner).filter(name__in=names)
    }
    missing = [Tag(owner=owner, name=name) for name in names if name not in existing]
    if missing:
        Tag.objects.bulk_create(missing)
        existing |= {
            tag.name: tag
            for tag in Tag.objects.for_owner(owner).filter(
                name__in=[t.name for t in missing]
            )
        }
    return [existing[name] for name in names]


def entry_create(
    *,
    owner: Any,
    title: str,
    kind: str = EntryKind.NOTE,
    body: str = "",
    occurred_on: str | date | None = None,
    tags: Iterable[str] = (),
    numbers: str = "",
    example: str = "",
    achievement: str = "",
    result: str = "",
    starred: bool = False,
    details: dict[str, Any] | None = None,
    goal_ids: Iterable[int] = (),
    contact_ids: Iterable[int] = (),
    skills: Iterable[str] = (),
) -> Entry:
    """Log one entry; nothing is saved unless all of it is valid.

    Goals and contacts are named by id and resolved through the owner, so an
    id of someone else's goal is refused as if it did not exist.
    """
    entry = Entry(
        owner=owner,
        kind=kind_validate(kind),
        title=clean_text(title, field="title", max_length=TITLE_MAX, required=True),
        body=clean_text(body, field="body", max_length=BODY_MAX, required=False),
        occurred_on=occurred_on_parse(occurred_on),
        numbers=clean_text(
            numbers, field="numbers", max_length=NEAR_MAX, required=False
        ),
        example=clean_text(
            example, field="example", max_length=NEAR_MAX, required=False
        ),
        achievement=clean_text(
            achievement, field="achievement", max_length=NEAR_MAX, required=False
        ),
        result=clean_text(result, field="result", max_length=NEAR_MAX, required=False),
        starred=starred,
        details=details or {},
    )
    tag_names = tag_names_clean(tags)
    skill_names = skill_names_clean(skills)
    goals = owned_rows(owner=owner, model=Goal, ids=goal_ids, field="goals")
    contacts = owned_rows(owner=owner, model=Contact, ids=contact_ids, field="contacts")
    entry.full_clean()
    with transaction.atomic():
        entry.save()
        if tag_names:
            entry.tags.set(tags_resolve(owner=owner, names=tag_names))
        if skill_names:
            entry.skills.set(skills_resolve(owner=owner, names=skill_names))
        entry.goals.set(goals)
        entry.contacts.set(contacts)
    return entry


def owned_rows(
    *, owner: Any, model: type[Goal] | type[Contact], ids: Iterable[int], field: str
) -> list[Any]:
    """The owner's rows with these ids; any id that is not theirs is an error."""
    wanted = list(dict.fromkeys(ids))
    found = list(model.objects.for_owner(owner).filter(pk__in=wanted))
    missing = sorted(set(wanted) - {row.pk for row in found})
    if missing:
        label = model._meta.verbose_name
        raise field_error(field, f"No {label} {missing[0]} among yours.", "unknown")
    return found


def skill_names_clean(names: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in names:
        name = " ".join(
            clean_text(
                raw, field="skills", max_length=SKILL_NAME_MAX, required=False
            ).split()
        )
        if name and name.casefold() not in {n.casefold() for n in cleaned}:
            cleaned.append(name)
    return cleaned


def skills_resolve(*, owner: Any, names: list[str]) -> list[Skill]:
    """Find the owner's skills by name (any case), creating the missing ones."""
    known = {skill.name.casefold(): skill for skill in Skill.objects.for_owner(owner)}
    resolved = []
    for name in names:
        skill = known.get(name.casefold())
        if skill is None:
            skill = Skill.objects.create(owner=owner, name=name)
            known[name.casefold()] = skill
        resolved.append(skill)
    return resolved
