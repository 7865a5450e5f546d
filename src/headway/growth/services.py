"""Writes for direction: priorities and their dated rankings, strengths answers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from headway.coach.gaps import (
    LEVEL_MAX,
    LEVEL_MIN,
    NeedError,
    ParsedNeed,
    need_text,
    parse_need,
    skill_key,
)
from headway.core.text import clean_text, field_error
from headway.growth.models import (
    GAP_ACTION_NAME_MAX,
    PRIORITY_NAME_MAX,
    SKILL_NAME_MAX,
    STRENGTH_ANSWER_MAX,
    TARGET_NEED_MAX,
    TARGET_NEEDS_MAX,
    TARGET_ROLE_MAX,
    GapAction,
    Priority,
    PriorityRanking,
    RankedPriority,
    RoleNeed,
    Skill,
    SkillAlias,
    SkillCategory,
    SkillRating,
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


def target_role_set(
    *, owner: Any, name: str, needs: Iterable[str] | None = None
) -> TargetRole:
    """Aim for a role (kept among the others) and make it the active one.

    `needs` replaces the role's needs when given; None keeps them. An empty
    name clears the active role (the roles stay, none is active).
    """
    name = " ".join(
        clean_text(
            name, field="name", max_length=TARGET_ROLE_MAX, required=False
        ).split()
    )
    parsed = None if needs is None else needs_parse(needs)
    if not name:
        if parsed:
            raise field_error("name", "Name the role these needs belong to.", "empty")
        with transaction.atomic():
            TargetRole.objects.for_owner(owner).filter(active=True).update(active=False)
        return TargetRole(owner=owner, name="", needs=[], active=False)
    with transaction.atomic():
        role = _role_named(owner=owner, name=name)
        TargetRole.objects.for_owner(owner).filter(active=True).exclude(
            pk=role.pk if role else None
        ).update(active=False)
        if role is None:
            role = TargetRole.objects.create(owner=owner, name=name, active=True)
        else:
            role.name, role.active = name, True
            role.save(update_fields=["name", "active", "updated"])
        if parsed is not None:
            role_needs_replace(owner=owner, role=role, needs=parsed)
    return role


def _role_named(*, owner: Any, name: str) -> TargetRole | None:
    wanted = skill_key(name)
    roles: list[TargetRole] = list(TargetRole.objects.for_owner(owner))
    for role in roles:
        if skill_key(role.name) == wanted:
            return role
    return None


def target_role_find(*, owner: Any, name: str) -> TargetRole:
    role = _role_named(owner=owner, name=name)
    if role is None:
        names = "; ".join(r.name for r in TargetRole.objects.for_owner(owner))
        raise Http404(
            f"No target role named {name!r}."
            + (f" Yours: {names}." if names else " Set one with `headway target set`.")
        )
    return role


def target_role_activate(*, owner: Any, name: str) -> TargetRole:
    role = target_role_find(owner=owner, name=name)
    return target_role_set(owner=owner, name=role.name)


def target_role_delete(*, owner: Any, name: str) -> None:
    role = target_role_find(owner=owner, name=name)
    with transaction.atomic():
        role.delete()


def needs_parse(needs: Iterable[str]) -> list[ParsedNeed]:
    """Read the needs as written; one that cannot be read stops all of them."""
    parsed: list[ParsedNeed] = []
    seen: set[tuple[str, str]] = set()
    for need in needs:
        text = " ".join(
            clean_text(
                need, field="needs", max_length=TARGET_NEED_MAX, required=False
            ).split()
        )
        if not text:
            continue
        try:
            found = parse_need(text)
        except NeedError as error:
            raise field_error("needs", str(error), "invalid") from error
        mark = (found.kind, skill_key(found.text))
        if mark not in seen:
            seen.add(mark)
            parsed.append(found)
    if len(parsed) > TARGET_NEEDS_MAX:
        raise field_error(
            "needs", f"List at most {TARGET_NEEDS_MAX} needs.", "too_many"
        )
    return parsed


def role_needs_replace(
    *, owner: Any, role: TargetRole, needs: list[ParsedNeed]
) -> None:
    """Keep the rows of needs still listed (their evidence and goals stay)."""
    existing = {
        (row.kind, skill_key(row.text)): row
        for row in RoleNeed.objects.for_owner(owner).filter(role=role)
    }
    kept: list[int] = []
    for position, need in enumerate(needs):
        row = existing.get((need.kind, skill_key(need.text)))
        skill = (
            skill_resolve(owner=owner, name=need.text) if need.kind == "skill" else None
        )
        if row is None:
            row = RoleNeed(owner=owner, role=role, kind=need.kind)
        row.position, row.text, row.level, row.skill = (
            position,
            skill.name if skill else need.text,
            need.level,
            skill,
        )
        row.save()
        kept.append(row.pk)
    RoleNeed.objects.for_owner(owner).filter(role=role).exclude(pk__in=kept).delete()
    role.needs = [
        need_text(ParsedNeed(row.kind, row.text, row.level))
        for row in RoleNeed.objects.for_owner(owner).filter(role=role)
    ]
    role.save(update_fields=["needs", "updated"])


def need_get(*, owner: Any, need_id: int) -> RoleNeed:
    row: RoleNeed | None = (
        RoleNeed.objects.for_owner(owner)
        .select_related("role", "skill")
        .filter(pk=need_id)
        .first()
    )
    if row is None:
        raise Http404(f"No need {need_id} among your target roles.")
    return row


def need_find(*, owner: Any, text: str) -> RoleNeed:
    """A need of the active role named by its skill (or an alias) or its text."""
    wanted = skill_key(text.split(":")[0] if ":" in text else text)
    rows: list[RoleNeed] = list(
        RoleNeed.objects.for_owner(owner)
        .filter(role__active=True)
        .select_related("skill", "role")
    )
    if not rows:
        raise field_error(
            "need",
            "Your active target role has no needs. Add some: "
            'headway target set "ROLE" --need "hiring:3".',
            "empty",
        )
    skill = skill_lookup(owner=owner, name=text.split(":")[0]) if wanted else None
    for row in rows:
        if skill_key(row.text) == wanted or (skill and row.skill_id == skill.pk):
            return row
    partial = [row for row in rows if wanted and wanted in skill_key(row.text)]
    if len(partial) == 1:
        return partial[0]
    names = "; ".join(str(row) for row in rows)
    raise field_error("need", f"No need matches {text!r}. Yours: {names}.", "unknown")


def need_link_entry(
    *, owner: Any, need_id: int, entry_id: int, linked: bool = True
) -> RoleNeed:
    """Link (or unlink) one of the owner's entries as evidence of an experience."""
    from django.apps import apps

    row = need_get(owner=owner, need_id=need_id)
    entry_model = apps.get_model("journal", "Entry")
    entry = entry_model.objects.filter(owner=owner, pk=entry_id).first()
    if entry is None:
        raise Http404(f"No entry {entry_id} among yours.")
    if row.kind != "experience":
        raise field_error(
            "need",
            f"“{row}” is a skill: link the entry to the skill {row.text!r} instead.",
            "not_experience",
        )
    with transaction.atomic():
        if linked:
            row.entries.add(entry)
        else:
            row.entries.remove(entry)
    return row


# --- skills -------------------------------------------------------------------


def skill_name_clean(name: str, *, field: str = "name") -> str:
    text = " ".join(
        clean_text(name, field=field, max_length=SKILL_NAME_MAX, required=True).split()
    )
    if not skill_key(text):
        raise field_error(field, "Name the skill.", "empty")
    return text


def skill_lookup(*, owner: Any, name: str) -> Skill | None:
    """The owner's skill called `name`, forgivingly, or through an alias."""
    wanted = skill_key(name)
    if not wanted:
        return None
    found: Skill | None = (
        Skill.objects.for_owner(owner).filter(key=wanted).order_by("pk").first()
    )
    if found is None:
        alias = (
            SkillAlias.objects.for_owner(owner)
            .filter(key=wanted)
            .select_related("skill")
            .first()
        )
        found = alias.skill if alias else None
    if found is None:
        # Rows written without save() (a restored older archive): key them now.
        for unkeyed in Skill.objects.for_owner(owner).filter(key=""):
            unkeyed.save(update_fields=["key"])
            if unkeyed.key == wanted and found is None:
                found = unkeyed
    return found


def skill_resolve(*, owner: Any, name: str) -> Skill:
    """The owner's skill by that name (or alias), created when there is none."""
    name = skill_name_clean(name)
    found = skill_lookup(owner=owner, name=name)
    if found is not None:
        return found
    with transaction.atomic():
        return Skill.objects.create(owner=owner, name=name, key=skill_key(name))


def skills_resolve(*, owner: Any, names: Iterable[str]) -> list[Skill]:
    resolved: list[Skill] = []
    for name in names:
        skill = skill_resolve(owner=owner, name=name)
        if skill not in resolved:
            resolved.append(skill)
    return resolved


def skill_find(*, owner: Any, name: str) -> Skill:
    found = skill_lookup(owner=owner, name=name)
    if found is None:
        raise Http404(f"No skill matches {name!r}; `headway skill list` shows yours.")
    return found


def skill_get(*, owner: Any, skill_id: int) -> Skill:
    found: Skill | None = Skill.objects.for_owner(owner).filter(pk=skill_id).first()
    if found is None:
        raise Http404(f"No skill {skill_id} among yours.")
    return found


def level_clean(level: Any) -> int:
    try:
        value = int(str(level).strip())
    except (TypeError, ValueError):
        value = 0
    if not LEVEL_MIN <= value <= LEVEL_MAX or str(level).strip() != str(value):
        raise field_error(
            "level",
            f"A level is a whole number from {LEVEL_MIN} (beginner) to "
            f"{LEVEL_MAX} (expert); {level!r} is not.",
            "invalid",
        )
    return value


def skill_rate(
    *, owner: Any, skill: Skill, level: Any, rated_on: date | None = None
) -> SkillRating:
    """Rate a skill 1 to 5 today; every rating is kept as its history."""
    value = level_clean(level)
    if skill.owner_id != owner.pk:
        raise Http404("No such skill among yours.")
    with transaction.atomic():
        rating = SkillRating.objects.create(
            owner=owner,
            skill=skill,
            level=value,
            rated_on=rated_on or timezone.localdate(),
        )
        skill.level = value
        skill.save(update_fields=["level", "updated"])
    return rating


def skill_rate_named(*, owner: Any, name: str, level: Any) -> Skill:
    value = level_clean(level)  # before creating anything
    skill = skill_resolve(owner=owner, name=name)
    skill_rate(owner=owner, skill=skill, level=value)
    return skill


def category_clean(category: str) -> str:
    value = category.strip().lower()
    if value not in SkillCategory.values:
        raise field_error(
            "category",
            f"{category!r} is not a category; pick one of "
            + ", ".join(SkillCategory.values)
            + ".",
            "invalid",
        )
    return value


def skill_update(
    *,
    owner: Any,
    skill_id: int,
    name: str | None = None,
    category: str | None = None,
    level: Any = None,
) -> Skill:
    """Rename, recategorise or rate a skill; all checked before anything changes."""
    skill = skill_get(owner=owner, skill_id=skill_id)
    new_name = skill_name_clean(name) if name is not None else None
    new_category = category_clean(category) if category is not None else None
    new_level = level_clean(level) if level is not None else None
    if new_name is not None:
        other = skill_lookup(owner=owner, name=new_name)
        if other is not None and other.pk != skill.pk:
            raise field_error(
                "name",
                f"{new_name!r} already names the skill {other.name!r}; "
                "make it an alias instead.",
                "taken",
            )
    with transaction.atomic():
        if new_name is not None:
            skill.name, skill.key = new_name, skill_key(new_name)
        if new_category is not None:
            skill.category = new_category
        skill.save()
        if new_level is not None and new_level != skill.level:
            skill_rate(owner=owner, skill=skill, level=new_level)
    return skill


def skill_alias(*, owner: Any, alias: str, name: str) -> Skill:
    """Let `alias` stand for the skill `name`: "k8s" = "Kubernetes".

    A skill already called `alias` is folded into `name` when at most one of
    the two has evidence; when both have, nothing changes and the owner is
    told (a silent merge would mix two histories).
    """
    alias = skill_name_clean(alias, field="alias")
    name = skill_name_clean(name)
    key = skill_key(alias)
    target = skill_lookup(owner=owner, name=name)
    existing = skill_lookup(owner=owner, name=alias)
    if existing is not None and target is not None and existing.pk == target.pk:
        if existing.key != key:
            return target  # the alias is already there
        raise field_error(
            "alias",
            f"{alias!r} and {name!r} already name the same skill "
            f"({target.name}); an alias of itself would be a cycle.",
            "cycle",
        )
    if existing is not None and existing.key != key:
        raise field_error(
            "alias",
            f"{alias!r} already stands for {existing.name!r}; choose another "
            "alias or rename that skill.",
            "taken",
        )
    if (
        existing is not None
        and target is not None
        and existing.entries.filter(owner=owner).exists()
        and target.entries.filter(owner=owner).exists()
    ):
        raise field_error(
            "alias",
            f"Both {existing.name!r} and {target.name!r} have entries as "
            "evidence; an alias would merge them into one. Move the entries "
            "first, or keep both skills.",
            "merge",
        )
    with transaction.atomic():
        if target is None:
            target = Skill.objects.create(owner=owner, name=name, key=skill_key(name))
        if existing is not None:
            _skill_fold(owner=owner, source=existing, into=target)
        SkillAlias.objects.create(owner=owner, name=alias, key=key, skill=target)
    return target


def _skill_fold(*, owner: Any, source: Skill, into: Skill) -> None:
    """Move everything of `source` to `into` and delete it (the caller checked)."""
    for entry in source.entries.filter(owner=owner):
        entry.skills.add(into)
    source.ratings.update(skill=into)
    source.aliases.update(skill=into)
    source.role_needs.update(skill=into)
    if into.level is None and source.level is not None:
        into.level = source.level
    if into.category == SkillCategory.OTHER:
        into.category = source.category
    into.save()
    source.delete()


def gap_action_add(*, owner: Any, gap: str, name: str) -> GapAction:
    """An action of the owner's own for skill or opportunity gaps."""
    if gap not in {"skill", "opportunity"}:
        raise field_error(
            "gap", "An action is for a 'skill' or an 'opportunity' gap.", "invalid"
        )
    name = " ".join(
        clean_text(
            name, field="name", max_length=GAP_ACTION_NAME_MAX, required=True
        ).split()
    )
    with transaction.atomic():
        action, _ = GapAction.objects.get_or_create(owner=owner, gap=gap, name=name)
    return action
