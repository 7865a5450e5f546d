"""Meeting prep: what happened since the last meeting with a mentor or a manager.

One builder for both: `agenda_build` reads the period (from the last meeting
with this person, or the role's cadence window when there was none) and returns
plain data, an `Agenda` of sections; `agenda_markdown` renders it. The web
page, the CLI and the API all show that one rendering. The role only chooses
which sections are shown and what they are called.

Everything listed is what the owner wrote: check-ins and their notes, log
entries, goals closed with their reason, contacts met. Nothing is inferred.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.apps import apps
from django.db.models import Prefetch, Q
from django.utils import timezone

from headway.goals.models import Goal, GoalStatus
from headway.journal.models import Entry, EntryKind
from headway.network import prep_lines as lines
from headway.network.models import Contact, MentorQuestion
from headway.network.prep_lines import AgendaItem
from headway.network.services import preferences_get

# Contacts this strong (1 to 5) count as strong ties, as in the network stats.
STRONG_TIE = 4
# The manager 1:1's default rhythm (DOMAIN.md §6): every two weeks.
MANAGER_ONE_ON_ONE_DAYS = 14


@dataclass(frozen=True)
class Role:
    """What a meeting with someone holding this tag covers."""

    tag: str
    meeting: str  # how the meeting is named in headings and log titles
    sections: tuple[tuple[str, str], ...]  # (section key, title) in order


ROLES: dict[str, Role] = {
    "mentor": Role(
        tag="mentor",
        meeting="Mentor meeting",
        sections=(
            ("questions", "My questions"),
            ("follow_ups", "Follow-ups I promised last time"),
            ("goals", "Goal progress"),
            ("accomplishments", "Accomplishments"),
            ("learning", "Learning"),
            ("talks", "Talks and content"),
            ("initiatives", "Initiatives"),
            ("setbacks", "Setbacks"),
            ("feedback", "Feedback received"),
            ("ties", "New strong ties"),
        ),
    ),
    "manager": Role(
        tag="manager",
        meeting="1:1",
        sections=(
            ("questions", "My questions"),
            ("follow_ups", "Follow-ups I promised last time"),
            ("goals", "Goal progress"),
            ("accomplishments", "Accomplishments"),
            ("setbacks", "Blockers and setbacks"),
            ("feedback", "Feedback received and what I will adjust"),
        ),
    ),
}
# Active goals first, then the ones closed in the period.
STATUS_ORDER = {GoalStatus.ACTIVE: 0, GoalStatus.ACHIEVED: 1, GoalStatus.DROPPED: 2}
# Sections the owner brings, as opposed to what happened in the period.
OWN_SECTIONS = {"questions", "follow_ups"}
EVIDENCE_KINDS = {
    "accomplishments": (EntryKind.ACCOMPLISHMENT,),
    "learning": (EntryKind.LEARNING,),
    "talks": (EntryKind.TALK, EntryKind.CONTENT),
    "initiatives": (EntryKind.INITIATIVE,),
    "setbacks": (EntryKind.SETBACK,),
    "feedback": (EntryKind.FEEDBACK,),
}


@dataclass(frozen=True)
class AgendaSection:
    key: str
    title: str
    items: tuple[AgendaItem, ...]


@dataclass(frozen=True)
class Agenda:
    role: str
    contact_id: int
    contact_name: str
    today: date
    since: date
    last_meeting_on: date | None
    window_days: int
    questions: tuple[str, ...]
    sections: tuple[AgendaSection, ...] = field(default=())

    @property
    def has_news(self) -> bool:
        """Anything logged in the period, beyond what the owner brings to ask."""
        return any(s.key not in OWN_SECTIONS for s in self.sections)

    @property
    def markdown(self) -> str:
        return agenda_markdown(self)


def last_meeting(*, owner: Any, contact: Contact) -> Entry | None:
    found: Entry | None = (
        Entry.objects.for_owner(owner)
        .filter(kind=EntryKind.MEETING, contacts=contact)
        .order_by("-occurred_on", "-id")
        .first()
    )
    return found


def window_days(*, owner: Any, role: str) -> int:
    """How far back an agenda looks when no meeting was recorded: the 1:1's
    cadence (kept by the rhythm above this app, named by string) or the
    mentor update interval."""
    if role == "manager":
        cadence = apps.get_model("reviews", "Cadence")
        every = (
            cadence.objects.filter(owner=owner, kind="manager")
            .values_list("every_days", flat=True)
            .first()
        )
        return every or MANAGER_ONE_ON_ONE_DAYS
    return preferences_get(owner=owner).mentor_update_days


def agenda_build(
    *, owner: Any, contact: Contact, role: str, today: date | None = None
) -> Agenda:
    """The agenda for the next meeting with `contact` in `role`, as plain data."""
    today = today or timezone.localdate()
    meeting = last_meeting(owner=owner, contact=contact)
    days = window_days(owner=owner, role=role)
    since = meeting.occurred_on if meeting else today - timedelta(days=days)
    questions = tuple(
        MentorQuestion.objects.for_owner(owner)
        .filter(contact=contact, asked_on__isnull=True)
        .values_list("text", flat=True)
    )
    period = _Period(since, today)
    entries = _entries(owner=owner, period=period)
    found = {
        "questions": tuple(AgendaItem(lines.one_line(q)) for q in questions),
        "follow_ups": _follow_ups(meeting),
        "goals": _goal_items(owner=owner, period=period, entries=entries),
        **{
            key: tuple(lines.entry_item(e) for e in entries if _belongs(key, e))
            for key in EVIDENCE_KINDS
        },
        "ties": _tie_items(owner=owner, period=period, contact=contact),
    }
    sections = tuple(
        AgendaSection(key, title, found[key])
        for key, title in ROLES[role].sections
        if found[key]
    )
    return Agenda(
        role=role,
        contact_id=contact.pk,
        contact_name=contact.name,
        today=today,
        since=since,
        last_meeting_on=meeting.occurred_on if meeting else None,
        window_days=days,
        questions=questions,
        sections=sections,
    )


@dataclass(frozen=True)
class _Period:
    """After `since` (the last meeting's day), up to and including `today`."""

    since: date
    today: date

    def holds(self, field: str) -> Q:
        return Q(**{f"{field}__gt": self.since, f"{field}__lte": self.today})


def _entries(*, owner: Any, period: _Period) -> list[Entry]:
    entries = (
        Entry.objects.for_owner(owner)
        .filter(period.holds("occurred_on"))
        .exclude(kind__in=[EntryKind.MEETING, EntryKind.NOTE, EntryKind.READING])
        .defer("search_text")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.only("id")))
        .order_by("occurred_on", "id")
    )
    return list(entries)


def _belongs(key: str, entry: Entry) -> bool:
    if entry.kind not in EVIDENCE_KINDS[key]:
        return False
    if key == "feedback":
        return (entry.details or {}).get("direction") != "given"
    return True


def _follow_ups(meeting: Entry | None) -> tuple[AgendaItem, ...]:
    promised = str((meeting.details or {}).get("follow_ups", "")) if meeting else ""
    return tuple(
        AgendaItem(lines.one_line(line.strip().lstrip("-*").strip()))
        for line in promised.splitlines()
        if line.strip().lstrip("-*").strip()
    )


def _goal_items(
    *, owner: Any, period: _Period, entries: Iterable[Entry]
) -> tuple[AgendaItem, ...]:
    """Goals with a check-in, a linked entry or a status change in the period."""
    linked: dict[int, list[Entry]] = {}
    for entry in entries:
        for goal in entry.goals.all():
            linked.setdefault(goal.pk, []).append(entry)
    moved = (
        period.holds("checkins__checked_on")
        | period.holds("closed_on")
        | period.holds("started_on")
        | Q(pk__in=list(linked))
    )
    goals = sorted(
        Goal.objects.for_owner(owner)
        .filter(moved)
        .filter(Q(status=GoalStatus.ACTIVE) | period.holds("closed_on"))
        .distinct()
        .prefetch_related("checkins"),
        key=lambda goal: (STATUS_ORDER[goal.status], goal.started_on, goal.pk),
    )
    return tuple(
        lines.goal_item(
            goal,
            since=period.since,
            today=period.today,
            entries=linked.get(goal.pk, []),
        )
        for goal in goals
    )


def _tie_items(
    *, owner: Any, period: _Period, contact: Contact
) -> tuple[AgendaItem, ...]:
    """Strong ties met in the period (or added then, when no meeting day is set)."""
    met_in_period = period.holds("met_on")
    added_in_period = Q(met_on__isnull=True) & period.holds("created__date")
    ties = (
        Contact.objects.for_owner(owner)
        .filter(strength__gte=STRONG_TIE)
        .filter(met_in_period | added_in_period)
        .exclude(pk=contact.pk)
        .order_by("met_on", "name", "id")
    )
    return tuple(lines.tie_item(tie) for tie in ties)


def agenda_markdown(agenda: Agenda) -> str:
    """The agenda as Markdown that reads well pasted into an email."""
    role = ROLES[agenda.role]
    heading = "Meeting" if agenda.role == "mentor" else role.meeting
    covering = (
        f"Since our last meeting on {agenda.last_meeting_on.isoformat()}."
        if agenda.last_meeting_on
        else f"The last {agenda.window_days} days, since {agenda.since.isoformat()}"
        " (no meeting recorded yet)."
    )
    out = [
        f"# {heading} with {agenda.contact_name} — {agenda.today.isoformat()}",
        "",
        covering,
    ]
    if not agenda.has_news:
        out += ["", "Nothing logged in that time: no goal progress and no new entries."]
    for section in agenda.sections:
        out += ["", f"## {section.title}", ""]
        for item in section.items:
            out.append(f"- {item.text}")
            out += [f"    - {note}" for note in item.notes]
    return "\n".join(out) + "\n"


def agenda_as_dict(agenda: Agenda) -> dict[str, Any]:
    """The shape the API and `--json` print: the sections and their Markdown."""
    return {
        "role": agenda.role,
        "contact_id": agenda.contact_id,
        "since": agenda.since.isoformat(),
        "last_meeting_on": (
            agenda.last_meeting_on.isoformat() if agenda.last_meeting_on else None
        ),
        "open_questions": list(agenda.questions),
        "sections": [
            {
                "key": section.key,
                "title": section.title,
                "items": [
                    {"text": item.text, "notes": list(item.notes)}
                    for item in section.items
                ],
            }
            for section in agenda.sections
        ],
        "markdown": agenda.markdown,
    }
