"""Acting on a gap: the catalog's actions, the drafted goal, and who can help.

Contacts live in `network`, above growth and goals, so "who can help" is
composed here, in the top layer: contacts tagged with the skill (or one of
its aliases) or with the role, and those who gave help on it before (a
"help received" touch linked to an entry that shows the skill or to a goal
on the gap), strongest ties first, then the most recently touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone

from headway.coach.gaps import Action, Gap, skill_key
from headway.goals.models import Goal
from headway.goals.selectors import progress_of
from headway.goals.services import goal_draft_for_gap
from headway.growth.models import RoleNeed
from headway.growth.selectors import actions_for, gaps_for
from headway.growth.services import need_find, need_get
from headway.network.models import Contact, ContactTag, Interaction

HELPERS_MAX = 5


@dataclass(frozen=True)
class Helper:
    contact_id: int
    name: str
    strength: int
    last_touch: date | None
    why: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.contact_id,
            "name": self.name,
            "strength": self.strength,
            "last_touch": self.last_touch.isoformat() if self.last_touch else None,
            "why": list(self.why),
        }


@dataclass(frozen=True)
class GapPlan:
    """A gap, the actions that fit it, who can help, and the goal already on it."""

    need: RoleNeed
    gap: Gap
    actions: list[Action]
    helpers: list[Helper]
    goal: Goal | None
    goal_progress: float | None

    def as_dict(self) -> dict[str, Any]:
        """What `headway gap actions --json` and GET /api/v1/gaps/actions give."""
        return {
            "gap": self.gap.as_dict(),
            "actions": [{"key": a.key, "name": a.name} for a in self.actions],
            "helpers": [helper.as_dict() for helper in self.helpers],
        }


def _need_keys(need: RoleNeed) -> set[str]:
    keys = {skill_key(need.role.name), skill_key(need.text)}
    if need.skill is not None:
        keys.add(need.skill.key or skill_key(need.skill.name))
        keys |= {alias.key for alias in need.skill.aliases.all()}
    return {key for key in keys if key}


def who_can_help(
    *, owner: Any, need: RoleNeed, limit: int = HELPERS_MAX
) -> list[Helper]:
    """Contacts who can help with this need, strongest ties first."""
    keys = _need_keys(need)
    tag_ids = [
        tag.pk
        for tag in ContactTag.objects.for_owner(owner)
        if skill_key(tag.name) in keys
    ]
    # Three plain queries: one OR across three many-to-many joins multiplies
    # the rows it walks.
    help_received = Interaction.objects.for_owner(owner).filter(kind="help_received")
    ways = [Q(entries__needs=need), Q(goals__need=need)]
    if need.skill_id is not None:
        ways.append(Q(entries__skills=need.skill_id))
    helped: set[int] = set()
    for way in ways:
        helped |= set(help_received.filter(way).values_list("contact_id", flat=True))
    contacts = (
        Contact.objects.for_owner(owner)
        .filter(Q(tags__in=tag_ids) | Q(pk__in=helped))
        .prefetch_related("tags")
        .distinct()
    )
    found = []
    for contact in contacts:
        why = [f"tagged {tag.name}" for tag in contact.tags.all() if tag.pk in tag_ids]
        if contact.pk in helped:
            why.append("helped you on it before")
        found.append(
            Helper(
                contact_id=contact.pk,
                name=contact.name,
                strength=contact.strength,
                last_touch=contact.last_interaction_on,
                why=tuple(why),
            )
        )
    found.sort(
        key=lambda h: (
            -h.strength,
            -(h.last_touch or date.min).toordinal(),
            h.name.casefold(),
        )
    )
    return found[:limit]


def gap_plan(*, owner: Any, need_id: int, today: date | None = None) -> GapPlan:
    """Everything the gap page shows; another owner's need is a 404."""
    today = today or timezone.localdate()
    need = need_get(owner=owner, need_id=need_id)
    gap = next((g for g in gaps_for(owner, today) if g.need_id == need.pk), None)
    if gap is None:
        from django.http import Http404

        raise Http404("That need belongs to a role that is not active.")
    goal = (
        Goal.objects.for_owner(owner)
        .filter(pk=gap.goal_id)
        .prefetch_related("checkins")
        .first()
        if gap.goal_id
        else None
    )
    progress = progress_of(goal, today=today).fraction if goal else None
    return GapPlan(
        need=need,
        gap=gap,
        actions=actions_for(owner=owner, gap=gap.gap) if gap.gap else [],
        helpers=who_can_help(owner=owner, need=need),
        goal=goal,
        goal_progress=progress,
    )


@dataclass(frozen=True)
class Acted:
    goal: Goal
    gap: Gap
    helpers: list[Helper]

    def as_dict(self) -> dict[str, Any]:
        return {
            "goal_id": self.goal.pk,
            "statement": self.goal.statement,
            "due": self.goal.due.isoformat() if self.goal.due else None,
            "priority": self.goal.priority.name if self.goal.priority else None,
            "gap": self.gap.as_dict(),
            "helpers": [helper.as_dict() for helper in self.helpers],
        }


def gap_act(
    *,
    owner: Any,
    need_id: int | None = None,
    need_text: str = "",
    action_key: str = "",
    today: date | None = None,
) -> Acted:
    """Draft a goal for the gap from the chosen action (the first that fits
    when none is named), and say who can help."""
    today = today or timezone.localdate()
    need = (
        need_get(owner=owner, need_id=need_id)
        if need_id is not None
        else need_find(owner=owner, text=need_text)
    )
    if not action_key:
        gap = next((g for g in gaps_for(owner, today) if g.need_id == need.pk), None)
        fitting = actions_for(owner=owner, gap=gap.gap) if gap and gap.gap else []
        action_key = fitting[0].key if fitting else "training"
    goal = goal_draft_for_gap(
        owner=owner, need_id=need.pk, action_key=action_key, today=today
    )
    gap = next(g for g in gaps_for(owner, today) if g.need_id == need.pk)
    return Acted(goal=goal, gap=gap, helpers=who_can_help(owner=owner, need=need))
