"""Writes for direction: priorities and their dated rankings, strengths answers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from headway.core.text import clean_text, field_error
from headway.growth.models import (
    PRIORITY_NAME_MAX,
    STRENGTH_ANSWER_MAX,
    TARGET_NEED_MAX,
    TARGET_NEEDS_MAX,
    TARGET_ROLE_MAX,
    Priority,
    PriorityRanking,
    RankedPriority,
    StrengthsAnswer,
    TargetRole,
)

# The catalog every owner starts with: (key, name). Keys stay stable for tools.
PRIORITY_CATALOG = (
    ("promotion", "Promotion to a more senior role"),
    ("new-role", "A brand-new role"),
    ("autonomy", "More autonomy in my current role"),
    ("new-skill", "A new skill or competency"),
    ("mastery", "Mastery of a skill I already have"),
    ("travel", "Travel and other cultures"),
    ("balance", "Work-life balance"),
    ("pay", "Higher pay"),
)
STRENGTH_PROMPTS = (
    ("energy", "Which tasks give me energy?"),
    ("excel", "Which skills do I excel at?"),
    ("enjoyed_roles", "Which past roles did I enjoy, and why?"),
)


def priorities_ensure(*, owner: Any) -> list[Priority]:
    """The owner's priorities, with the catalog added the first time."""
    known = list(Priority.objects.for_owner(owner))
    have = {p.catalog_key for p in known}
    missing = [
        Priority(owner=owner, catalog_key=key, name=name)
        for key, name in PRIORITY_CATALOG
        if key not in have
    ]
    if missing:
        with transaction.atomic():
            Priority.objects.bulk_create(missing, ignore_conflicts=True)
        known = list(Priority.objects.for_owner(owner))
    return known


def priority_add(*, owner: Any, name: str) -> Priority:
    """Add a priority of the owner's own; an existing one by that name is reused."""
    name = " ".join(
        clean_text(
            name, field="name", max_length=PRIORITY_NAME_MAX, required=True
        ).split()
    )
    priorities_ensure(owner=owner)
    existing: Priority | None = (
        Priority.objects.for_owner(owner).filter(name__iexact=name).first()
    )
    if existing is not None:
        return existing
    priority = Priority(owner=owner, name=name)
    priority.full_clean()
    with transaction.atomic():
        priority.save()
    return priority


def priority_find(*, owner: Any, text: str) -> Priority:
    """The owner's priority named by `text`: its key, its name, or a part of it."""
    wanted = _plain(text)
    if not wanted:
        raise field_error("priority", "Name a priority.", "empty")
    known = priorities_ensure(owner=owner)
    for priority in known:
        if wanted in {_plain(priority.name), _plain(priority.catalog_key)}:
            return priority
    partial = [p for p in known if wanted in _plain(p.name)]
    if len(partial) == 1:
        return partial[0]
    names = "; ".join(p.name for p in known)
    raise field_error(
        "priority",
        f"No priority matches {text!r}. Yours: {names}. "
        "Add your own with `headway priorities add NAME`.",
        "unknown",
    )


def _plain(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def priorities_rank(
    *, owner: Any, priorities: Sequence[Priority], ranked_on: date | None = None
) -> PriorityRanking:
    """Record the order of priorities for a day; a re-rank that day replaces it."""
    ranked_on = ranked_on or timezone.localdate()
    ordered = list(dict.fromkeys(priorities))
    if any(p.owner_id != owner.pk for p in ordered):
        raise Http404("No such priority among yours.")
    with transaction.atomic():
        ranking, _ = PriorityRanking.objects.get_or_create(
            owner=owner, ranked_on=ranked_on
        )
        ranking.places.all().delete()
        RankedPriority.objects.bulk_create(
            RankedPriority(ranking=ranking, priority=priority, position=index)
            for index, priority in enumerate(ordered, start=1)
        )
    return ranking


def priorities_rank_names(
    *, owner: Any, names: Iterable[str], ranked_on: date | None = None
) -> PriorityRanking:
    found = [priority_find(owner=owner, text=name) for name in names]
    if not found:
        raise field_error("priorities", "Name at least one priority.", "empty")
    return priorities_rank(owner=owner, priorities=found, ranked_on=ranked_on)


def current_ranking(*, owner: Any) -> list[Priority]:
    ranking = PriorityRanking.objects.for_owner(owner).first()
    if ranking is None:
        return []
    return [place.priority for place in ranking.places.select_related("priority")]


def priority_move(*, owner: Any, priority_id: int, step: int) -> PriorityRanking:
    """Move a priority up (-1) or down (+1); an unranked one joins at the end."""
    priority = _owned_priority(owner=owner, priority_id=priority_id)
    order = current_ranking(owner=owner)
    if priority not in order:
        order.append(priority)
    else:
        index = order.index(priority)
        target = max(0, min(index + step, len(order) - 1))
        order.insert(target, order.pop(index))
    return priorities_rank(owner=owner, priorities=order)


def priority_unrank(*, owner: Any, priority_id: int) -> PriorityRanking:
    priority = _owned_priority(owner=owner, priority_id=priority_id)
    order = [p for p in current_ranking(owner=owner) if p != priority]
    return priorities_rank(owner=owner, priorities=order)


def _owned_priority(*, owner: Any, priority_id: int) -> Priority:
    priority: Priority | None = (
        Priority.objects.for_owner(owner).filter(pk=priority_id).first()
    )
    if priority is None:
        raise Http404(f"No priority {priority_id} among yours.")
    return priority


def strengths_save(
    *,
    owner: Any,
    energy: str = "",
    excel: str = "",
    enjoyed_roles: str = "",
    answered_on: date | None = None,
) -> StrengthsAnswer:
    """Keep today's answers; answers from earlier days stay as history."""
    answers = {
        name: clean_text(
            value, field=name, max_length=STRENGTH_ANSWER_MAX, required=False
        )
        for name, value in (
            ("energy", energy),
            ("excel", excel),
            ("enjoyed_roles", enjoyed_roles),
        )
    }
    if not any(answers.values()):
        raise field_error(
            "energy", "All three answers are empty; answer at least one.", "empty"
        )
    answered_on = answered_on or timezone.localdate()
    with transaction.atomic():
        record, _ = StrengthsAnswer.objects.update_or_create(
            owner=owner, answered_on=answered_on, defaults=answers
        )
    return record


def target_role_set(*, owner: Any, name: str, needs: Iterable[str] = ()) -> TargetRole:
    """Name the role aimed for and what it needs; an empty name clears it."""
    name = " ".join(
        clean_text(
            name, field="name", max_length=TARGET_ROLE_MAX, required=False
        ).split()
    )
    cleaned: list[str] = []
    for need in needs:
        text = " ".join(
            clean_text(
                need, field="needs", max_length=TARGET_NEED_MAX, required=False
            ).split()
        )
        if text and text.casefold() not in {n.casefold() for n in cleaned}:
            cleaned.append(text)
    if len(cleaned) > TARGET_NEEDS_MAX:
        raise field_error(
            "needs", f"List at most {TARGET_NEEDS_MAX} needs.", "too_many"
        )
    if not name and cleaned:
        raise field_error("name", "Name the role these needs belong to.", "empty")
    with transaction.atomic():
        TargetRole.objects.for_owner(owner).delete()
        if not name:
            return TargetRole(owner=owner, name="", needs=[])
        return TargetRole.objects.create(owner=owner, name=name, needs=cleaned)
