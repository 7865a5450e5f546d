"""Mentors and managers: questions kept for them, meeting prep, the meeting record.

A mentor is a contact tagged `mentor`, a manager one tagged `manager`; both get
the same prep (`network.prep`, sections chosen by the role), the same kept
questions and the same `meeting` entry after the meeting.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.coach import network as coach
from headway.core.errors import HeadwayError, NotFound
from headway.core.text import clean_text
from headway.journal.models import Entry, EntryKind
from headway.journal.services import entry_create
from headway.network.cleaning import date_clean
from headway.network.models import QUESTION_MAX, Contact, MentorQuestion
from headway.network.prep import ROLES, Agenda, agenda_build

NOTES_MAX = 20_000


def role_required(contact: Contact, role: str) -> None:
    if role not in ROLES:
        raise HeadwayError(f"No meeting prep for {role!r}; use mentor or manager.")
    if role not in contact.tag_names:
        raise HeadwayError(
            f"{contact.name} is not tagged {role}; add the tag on their page "
            f"(or `headway contact add … --tag {role}`)."
        )


def role_of(contact: Contact, wanted: str = "") -> str:
    """The role to prepare for: the one asked, else mentor or manager by tag."""
    if wanted:
        role_required(contact, wanted)
        return wanted
    for role in ROLES:
        if role in contact.tag_names:
            return role
    raise HeadwayError(
        f"{contact.name} is tagged neither mentor nor manager; add one of those "
        "tags on their page to prepare a meeting."
    )


def manager_find(*, owner: Any, name: str = "") -> Contact:
    """The owner's manager: the only one, or the one `name` picks among several."""
    managers: list[Contact] = list(
        Contact.objects.for_owner(owner)
        .filter(tags__name="manager")
        .prefetch_related("tags")
        .order_by("name", "id")
    )
    if not managers:
        raise NotFound(
            "No contact is tagged manager yet; tag yours on their contact page, or "
            "`headway contact add NAME --tag manager`."
        )
    if name.strip().isdigit():
        picked = [m for m in managers if m.pk == int(name.strip())]
    elif name.strip():
        ids = coach.match_name(name, [(m.pk, m.name) for m in managers])
        picked = [m for m in managers if m.pk in ids]
    else:
        picked = managers
    listed = "; ".join(f"{m.name} (id {m.pk})" for m in managers)
    if not picked:
        raise NotFound(f"No manager matches {name.strip()!r}; yours: {listed}.")
    if len(picked) > 1:
        raise HeadwayError(
            f"You have {len(picked)} managers that fit: "
            + "; ".join(f"{m.name} (id {m.pk})" for m in picked)
            + ". Name the one you meet."
        )
    return picked[0]


def question_add(
    *, owner: Any, contact: Contact, text: str, role: str = "mentor"
) -> MentorQuestion:
    """Keep a question for the next meeting with this mentor or manager."""
    if contact.owner_id != owner.pk:
        raise HeadwayError("No such contact among yours.")
    role_required(contact, role)
    question = MentorQuestion(
        owner=owner,
        contact=contact,
        text=clean_text(text, field="text", max_length=QUESTION_MAX, required=True),
    )
    question.full_clean()
    with transaction.atomic():
        question.save()
    return question


def mentor_question_add(*, owner: Any, contact: Contact, text: str) -> MentorQuestion:
    return question_add(owner=owner, contact=contact, text=text, role="mentor")


def meeting_agenda(
    *, owner: Any, contact: Contact, role: str, today: date | None = None
) -> Agenda:
    """Questions, then what happened since the last meeting with this person."""
    role_required(contact, role)
    return agenda_build(owner=owner, contact=contact, role=role, today=today)


def mentor_agenda(*, owner: Any, contact: Contact, today: date | None = None) -> Agenda:
    return meeting_agenda(owner=owner, contact=contact, role="mentor", today=today)


def meeting_record(
    *,
    owner: Any,
    contact: Contact,
    role: str = "mentor",
    notes: str = "",
    follow_ups: str = "",
    agenda: str | None = None,
    occurred_on: str | date | None = None,
    today: date | None = None,
) -> Entry:
    """A `meeting` entry linked to the person; the open questions count as asked."""
    role_required(contact, role)
    today = today or timezone.localdate()
    when = date_clean(occurred_on, field="occurred_on", today=today, required=True)
    when = when or today
    if agenda is None:
        agenda = meeting_agenda(
            owner=owner, contact=contact, role=role, today=today
        ).markdown
    details = {
        "with_role": role,
        "agenda": clean_text(
            agenda, field="agenda", max_length=NOTES_MAX, required=False
        ),
        "notes": clean_text(notes, field="notes", max_length=NOTES_MAX, required=False),
        "follow_ups": clean_text(
            follow_ups, field="follow_ups", max_length=NOTES_MAX, required=False
        ),
    }
    with transaction.atomic():
        entry = entry_create(
            owner=owner,
            title=f"{ROLES[role].meeting} with {contact.name}",
            kind=EntryKind.MEETING,
            occurred_on=when,
            details=details,
            contact_ids=[contact.pk],
        )
        MentorQuestion.objects.for_owner(owner).filter(
            contact=contact, asked_on__isnull=True
        ).update(asked_on=when)
    return entry


def mentor_meeting_record(
    *,
    owner: Any,
    contact: Contact,
    notes: str = "",
    follow_ups: str = "",
    agenda: str | None = None,
    occurred_on: str | date | None = None,
    today: date | None = None,
) -> Entry:
    return meeting_record(
        owner=owner,
        contact=contact,
        role="mentor",
        notes=notes,
        follow_ups=follow_ups,
        agenda=agenda,
        occurred_on=occurred_on,
        today=today,
    )
