"""Finding a mentor: a contact identified, asked, met, and (perhaps) agreed.

"Agreed" tags the contact `mentor`, which is what starts the network's
mentorship rhythm (updates and thank-yous on the due list, the mentor cadence).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.coach import opportunities as coach
from headway.core.errors import Conflict
from headway.core.text import clean_text, date_clean, field_error
from headway.goals.models import Goal, GoalStatus
from headway.growth.models import TargetRole
from headway.growth.services import current_ranking
from headway.network.models import Contact
from headway.network.services import contact_update
from headway.opportunities.models import (
    MESSAGE_MAX,
    WHY_MAX,
    MentorCandidate,
    MentorStage,
)

TOP_GOALS = 3


def candidate_add(
    *,
    owner: Any,
    contact: Contact,
    why: str = "",
    hope_to_learn: str = "",
    today: date | None = None,
) -> MentorCandidate:
    """Name a contact as a possible mentor, and why this person."""
    if contact.owner_id != owner.pk:
        raise field_error("contact", "No such contact among yours.", "unknown")
    found = MentorCandidate.objects.for_owner(owner).filter(contact=contact).first()
    if found is not None:
        raise Conflict(f"{contact.name} is on your mentor list already.")
    candidate = MentorCandidate(
        owner=owner,
        contact=contact,
        stage=MentorStage.IDENTIFIED,
        stage_on=today or timezone.localdate(),
        why=clean_text(why, field="why", max_length=WHY_MAX, required=False),
        hope_to_learn=clean_text(
            hope_to_learn, field="hope_to_learn", max_length=WHY_MAX, required=False
        ),
    )
    candidate.full_clean()
    with transaction.atomic():
        candidate.save()
    return candidate


def candidate_update(
    *,
    owner: Any,
    candidate: MentorCandidate,
    why: str | None = None,
    hope_to_learn: str | None = None,
    message: str | None = None,
) -> MentorCandidate:
    if candidate.owner_id != owner.pk:
        raise field_error("candidate", "No such mentor candidate.", "unknown")
    if why is not None:
        candidate.why = clean_text(why, field="why", max_length=WHY_MAX, required=False)
    if hope_to_learn is not None:
        candidate.hope_to_learn = clean_text(
            hope_to_learn, field="hope_to_learn", max_length=WHY_MAX, required=False
        )
    if message is not None:
        candidate.message = clean_text(
            message, field="message", max_length=MESSAGE_MAX, required=False
        )
    candidate.full_clean()
    with transaction.atomic():
        candidate.save()
    return candidate


def top_goals(*, owner: Any) -> list[str]:
    """Active goals, those serving the highest-ranked priorities first."""
    rank = {p.pk: place for place, p in enumerate(current_ranking(owner=owner))}
    goals = list(Goal.objects.for_owner(owner).filter(status=GoalStatus.ACTIVE))
    goals.sort(key=lambda goal: (rank.get(goal.priority_id or 0, len(rank)), -goal.pk))
    return [goal.statement for goal in goals[:TOP_GOALS]]


def candidate_draft(*, owner: Any, candidate: MentorCandidate) -> str:
    """The ask, drafted from the owner's top goals, target role and hopes."""
    target = TargetRole.objects.for_owner(owner).first()
    return coach.mentor_ask_draft(
        name=candidate.contact.name,
        goals=top_goals(owner=owner),
        target_role=target.name if target else "",
        hope_to_learn=candidate.hope_to_learn,
        why=candidate.why,
    )


def candidate_move(
    *,
    owner: Any,
    candidate: MentorCandidate,
    stage: str,
    on: str | date | None = None,
    message: str | None = None,
    today: date | None = None,
) -> MentorCandidate:
    """Record how the ask went; *asked* keeps the message sent, *agreed* tags
    the contact `mentor`."""
    if candidate.owner_id != owner.pk:
        raise field_error("candidate", "No such mentor candidate.", "unknown")
    stage = stage.strip().lower().replace(" ", "_")  # "Not now" is not_now
    if stage not in MentorStage.values:
        raise field_error(
            "stage",
            f"{stage!r} is not a stage; use {', '.join(MentorStage.values)}.",
            "stage",
        )
    if stage == candidate.stage:
        raise Conflict(f"{candidate.contact.name} is at {stage} already.")
    today = today or timezone.localdate()
    day = date_clean(on, field="on", today=today) or today
    if day > today + timedelta(days=1):
        raise field_error("on", "A step cannot be dated in the future.", "future")
    candidate.stage, candidate.stage_on = stage, day
    if stage == MentorStage.ASKED:
        candidate.asked_on = day
        if message is not None:
            candidate.message = clean_text(
                message, field="message", max_length=MESSAGE_MAX, required=False
            )
        elif not candidate.message:
            candidate.message = candidate_draft(owner=owner, candidate=candidate)
    candidate.full_clean()
    with transaction.atomic():
        candidate.save()
        contact = candidate.contact
        if stage == MentorStage.AGREED and "mentor" not in contact.tag_names:
            contact_update(
                owner=owner, contact=contact, tags=[*contact.tag_names, "mentor"]
            )
    return candidate
