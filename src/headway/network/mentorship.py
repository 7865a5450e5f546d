"""Mentorship: questions kept for a mentor, meeting prep, and the meeting record.

The agenda reads the log through the models every area shares: entries since
the last meeting with the mentor (accomplishments, setbacks, feedback) and the
goals those entries are linked to (`statement` and `status` only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.core.errors import HeadwayError
from headway.core.text import clean_text
from headway.journal.models import Entry, EntryKind
from headway.journal.services import entry_create
from headway.network.cleaning import date_clean
from headway.network.models import QUESTION_MAX, Contact, MentorQuestion
from headway.network.services import preferences_get

NOTES_MAX = 20_000


def mentor_required(contact: Contact) -> None:
    if "mentor" not in contact.tag_names:
        raise HeadwayError(
            f"{contact.name} is not tagged mentor; add the tag on their page "
            "(or `headway contact add … --tag mentor`)."
        )


def mentor_question_add(*, owner: Any, contact: Contact, text: str) -> MentorQuestion:
    """Keep a question for the next meeting with this mentor."""
    if contact.owner_id != owner.pk:
        raise HeadwayError("No such contact among yours.")
    mentor_required(contact)
    question = MentorQuestion(
        owner=owner,
        contact=contact,
        text=clean_text(text, field="text", max_length=QUESTION_MAX, required=True),
    )
    question.full_clean()
    with transaction.atomic():
        question.save()
    return question


def last_meeting(*, owner: Any, contact: Contact) -> Entry | None:
    found: Entry | None = (
        Entry.objects.for_owner(owner)
        .filter(kind=EntryKind.MEETING, contacts=contact)
        .order_by("-occurred_on", "-id")
        .first()
    )
    return found


@dataclass(frozen=True)
class MentorAgenda:
    markdown: str
    since: date
    last_meeting: Entry | None
    questions: list[MentorQuestion]


def _bullets(entries: list[Entry]) -> list[str]:
    return [f"- {entry.occurred_on.isoformat()} — {entry.title}" for entry in entries]


def _feedback_line(entry: Entry) -> str:
    details = entry.details or {}
    direction = details.get("direction", "")
    person = details.get("person", "")
    who = f" ({direction} {'from' if direction == 'received' else 'to'} {person})"
    tone = f" [{details['tone']}]" if details.get("tone") else ""
    return (
        f"- {entry.occurred_on.isoformat()} — {entry.title}"
        + (who if person else "")
        + tone
    )


def _goal_lines(entries: list[Entry]) -> list[str]:
    goals: dict[int, tuple[str, str, list[str]]] = {}
    for entry in entries:
        for goal in entry.goals.all():
            _, _, titles = goals.setdefault(goal.pk, (goal.statement, goal.status, []))
            titles.append(entry.title)
    return [
        f"- {statement} ({status}): " + "; ".join(titles)
        for statement, status, titles in goals.values()
    ]


def mentor_agenda(
    *, owner: Any, contact: Contact, today: date | None = None
) -> MentorAgenda:
    """Questions, then what happened since the last meeting, as Markdown."""
    mentor_required(contact)
    today = today or timezone.localdate()
    meeting = last_meeting(owner=owner, contact=contact)
    window = preferences_get(owner=owner).mentor_update_days
    since = meeting.occurred_on if meeting else today - timedelta(days=window)
    questions = list(
        MentorQuestion.objects.for_owner(owner).filter(
            contact=contact, asked_on__isnull=True
        )
    )
    entries = list(
        Entry.objects.for_owner(owner)
        .filter(occurred_on__gt=since, occurred_on__lte=today)
        .exclude(pk=meeting.pk if meeting else None)
        .prefetch_related("goals")
        .order_by("occurred_on", "id")
    )
    by_kind = {
        kind: [entry for entry in entries if entry.kind == kind]
        for kind in (EntryKind.ACCOMPLISHMENT, EntryKind.SETBACK, EntryKind.FEEDBACK)
    }
    heading = "our last meeting" if meeting else f"the last {window} days"
    sections: list[tuple[str, list[str]]] = [
        ("My questions", [f"- {q.text}" for q in questions]),
        ("Goal progress", _goal_lines(entries)),
        ("Accomplishments", _bullets(by_kind[EntryKind.ACCOMPLISHMENT])),
        ("Setbacks", _bullets(by_kind[EntryKind.SETBACK])),
        ("Feedback", [_feedback_line(e) for e in by_kind[EntryKind.FEEDBACK]]),
    ]
    if meeting and (meeting.details or {}).get("follow_ups"):
        sections.append(
            ("Follow-ups I promised last time", [meeting.details["follow_ups"]])
        )
    lines = [
        f"# Meeting with {contact.name} — {today.isoformat()}",
        "",
        f"Covering {heading} (since {since.isoformat()}).",
    ]
    for title, items in sections:
        lines += ["", f"## {title}", "", *(items or ["- Nothing yet."])]
    return MentorAgenda("\n".join(lines) + "\n", since, meeting, questions)


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
    """A `meeting` entry linked to the mentor; the open questions count as asked."""
    mentor_required(contact)
    today = today or timezone.localdate()
    when = date_clean(occurred_on, field="occurred_on", today=today, required=True)
    when = when or today
    if agenda is None:
        agenda = mentor_agenda(owner=owner, contact=contact, today=today).markdown
    details = {
        "with_role": "mentor",
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
            title=f"Mentor meeting with {contact.name}",
            kind=EntryKind.MEETING,
            occurred_on=when,
            details=details,
            contact_ids=[contact.pk],
        )
        MentorQuestion.objects.for_owner(owner).filter(
            contact=contact, asked_on__isnull=True
        ).update(asked_on=when)
    return entry
