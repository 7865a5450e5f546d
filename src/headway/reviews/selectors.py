"""Reads of the rhythm: the cadences with their last and next dates, and the
agenda gathered from every area as plain facts for `coach.agenda`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from headway.coach import agenda as coach
from headway.goals.models import GoalStatus
from headway.goals.selectors import goals_list, progress_of
from headway.journal.models import Entry, EntryKind
from headway.network.selectors import DueRow, due_list
from headway.network.services import preferences_get
from headway.opportunities.selectors import follow_up_items
from headway.reviews.models import (
    DEFAULT_EVERY_DAYS,
    AgendaMark,
    Cadence,
    CadenceKind,
)

# A promised adjustment older than this is no longer asked about.
ADJUSTMENT_WINDOW_DAYS = 120
# Which contact tag a meeting entry must carry to keep a cadence.
MEETING_TAGS = {CadenceKind.MANAGER: "manager", CadenceKind.MENTOR: "mentor"}


@dataclass(frozen=True)
class CadenceRow:
    kind: str
    label: str
    every_days: int | None
    last_done: date | None
    next_due: date | None


def cadences_list(*, owner: Any) -> list[CadenceRow]:
    """Every rhythm, with its default where the owner changed nothing."""
    return [
        CadenceRow(
            facts.kind,
            CadenceKind(facts.kind).label,
            facts.every_days,
            facts.last_done,
            coach.cadence_next_due(facts),
        )
        for facts in _cadence_facts(owner=owner)
    ]


def _cadence_facts(*, owner: Any) -> list[coach.CadenceFacts]:
    rows = {row.kind: row for row in Cadence.objects.for_owner(owner)}
    meetings = _last_meetings(owner=owner)
    mentor_days = preferences_get(owner=owner).mentor_update_days
    joined = timezone.localdate(owner.date_joined)
    facts = []
    for kind in CadenceKind:
        row = rows.get(kind)
        if kind == CadenceKind.MENTOR:
            every = None if row is not None and row.every_days is None else mentor_days
        else:
            every = row.every_days if row is not None else DEFAULT_EVERY_DAYS[kind]
        last = _latest(row.last_done if row else None, meetings.get(kind))
        started = row.started_on if row is not None else joined
        facts.append(coach.CadenceFacts(kind.value, every, last, started))
    return facts


def _last_meetings(*, owner: Any) -> dict[str, date | None]:
    """The last `meeting` entry with a manager, and with a mentor."""
    meetings = Entry.objects.for_owner(owner).filter(kind=EntryKind.MEETING)
    return {
        kind: meetings.filter(contacts__tags__name=tag).aggregate(
            last=Max("occurred_on")
        )["last"]
        for kind, tag in MEETING_TAGS.items()
    }


def _latest(first: date | None, second: date | None) -> date | None:
    return max((day for day in (first, second) if day is not None), default=None)


@dataclass(frozen=True)
class AgendaRow:
    due: date
    kind: str
    title: str
    link: str
    key: str  # "adjustment:12": what `agenda_mark` settles or puts off
    cadence: str = ""  # a cadence's kind: what `cadence_done` records
    reason: str = ""  # a contact's: "follow-up · 5 days late · met at KubeCon"


def agenda(
    *,
    owner: Any,
    today: date | None = None,
    days: int = coach.DEFAULT_DAYS,
    due_rows: list[DueRow] | None = None,
    goals: list[Any] | None = None,
) -> list[AgendaRow]:
    """One list of what is due by `today + days`, overdue first. A caller that
    already has the network's due list (`due_rows`) or the active goals with
    their check-ins (`goals`, from `goals_list`) hands them in."""
    today = today or timezone.localdate()
    if due_rows is None:
        due_rows = due_list(owner=owner, today=today)
    cadences = _cadence_facts(owner=owner)
    marks = _marks(owner=owner)
    mentor_on = any(
        facts.kind == CadenceKind.MENTOR and facts.every_days for facts in cadences
    )
    items = [
        *coach.cadence_items(tuple(cadences)),
        *coach.goal_items(_goal_facts(owner=owner, today=today, goals=goals), today),
        *coach.contact_items(_contacts_due(due_rows, mentor=mentor_on), today),
        *coach.expiry_items(_expiring(owner=owner, marks=marks), today),
        *coach.adjustment_items(_adjustments(owner=owner, today=today, marks=marks)),
        *follow_up_items(owner=owner),
    ]
    reasons = {row.item.contact_id: row.reason for row in due_rows}
    return [
        _row(item, reasons=reasons)
        for item in coach.agenda_build(items, today=today, days=days)
    ]


def _goal_facts(
    *, owner: Any, today: date, goals: list[Any] | None = None
) -> tuple[coach.GoalFacts, ...]:
    """Active goals; for a recurring target, what this period counts and asks
    (pro-rated in a goal's first period), as the goal pages show it."""
    facts = []
    if goals is None:
        goals = list(goals_list(owner=owner, status=GoalStatus.ACTIVE))
    for goal in goals:
        progress = progress_of(goal, today=today) if goal.recurrence else None
        facts.append(
            coach.GoalFacts(
                id=goal.pk,
                statement=goal.statement,
                due=goal.due,
                recurrence=goal.recurrence,
                target=progress.target if progress else goal.target,
                unit=goal.unit,
                done_this_period=progress.done if progress else 0.0,
            )
        )
    return tuple(facts)


def _contacts_due(
    due_rows: list[DueRow], *, mentor: bool
) -> tuple[coach.ContactDue, ...]:
    mentor_states = {"mentor-update", "thank-you"}
    items = (row.item for row in due_rows)
    return tuple(
        coach.ContactDue(item.contact_id, item.name, item.state, item.due_on)
        for item in items
        if mentor or item.state not in mentor_states
    )


def _marks(*, owner: Any) -> dict[str, AgendaMark]:
    return {mark.key: mark for mark in AgendaMark.objects.for_owner(owner)}


def _settled(key: str, marks: dict[str, AgendaMark]) -> bool:
    mark = marks.get(key)
    return mark is not None and mark.done_on is not None


def _expiring(
    *, owner: Any, marks: dict[str, AgendaMark]
) -> tuple[coach.Expiring, ...]:
    rows = (
        Entry.objects.for_owner(owner)
        .filter(kind=EntryKind.LEARNING, details__has_key="expires_on")
        .values_list("id", "title", "details__expires_on")
    )
    found = []
    for entry_id, title, expires in rows:
        expires_on = _iso_date(expires)
        if expires_on and not _settled(f"certification:{entry_id}", marks):
            found.append(coach.Expiring(entry_id, title, expires_on))
    return tuple(found)


def _adjustments(
    *, owner: Any, today: date, marks: dict[str, AgendaMark]
) -> tuple[coach.Adjustment, ...]:
    since = today - timedelta(days=ADJUSTMENT_WINDOW_DAYS)
    rows = (
        Entry.objects.for_owner(owner)
        .filter(
            kind=EntryKind.FEEDBACK,
            occurred_on__gte=since,
            details__has_key="adjustment",
        )
        .values_list("id", "title", "occurred_on", "details__adjustment")
    )
    found = []
    for entry_id, title, given_on, adjustment in rows:
        key = f"adjustment:{entry_id}"
        if not isinstance(adjustment, str) or not adjustment.strip():
            continue
        if _settled(key, marks):
            continue
        mark = marks.get(key)
        snoozed = mark.snoozed_until if mark is not None else None
        found.append(
            coach.Adjustment(entry_id, title, adjustment.strip(), given_on, snoozed)
        )
    return tuple(found)


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


LINKS = {
    "goal": "goals:goal-detail",
    "contact": "network:contact-detail",
    "entry": "journal:entry-detail",
    "opening": "opportunities:opening-detail",
    "mentor-ask": "opportunities:candidate-detail",
}


def _row(item: coach.AgendaItem, *, reasons: dict[int, str]) -> AgendaRow:
    """The agenda item with its page; what settles it there: a key for
    `agenda_mark`, or the cadence `cadence_done` records."""
    target, ident = item.target
    if target == "network":
        return AgendaRow(item.due, item.kind, item.title, reverse("network:home"), "")
    if target == "cadence":
        # The 1:1 is acted on where its agenda is prepared.
        page = "network:manager" if ident == CadenceKind.MANAGER else "reviews:rhythm"
        return AgendaRow(
            item.due, item.kind, item.title, reverse(page), "", cadence=str(ident)
        )
    settles = item.kind in ("adjustment", "certification")
    key = f"{item.kind}:{ident}" if settles else ""
    link = reverse(LINKS[target], args=[ident])
    reason = reasons.get(int(ident), "") if target == "contact" else ""
    return AgendaRow(item.due, item.kind, item.title, link, key, reason=reason)


def agenda_as_dict(row: AgendaRow) -> dict[str, Any]:
    return {
        "due": row.due.isoformat(),
        "kind": row.kind,
        "title": row.title,
        "link": row.link,
        "key": row.key,
    }


def cadence_as_dict(row: CadenceRow) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "label": row.label,
        "every_days": row.every_days,
        "on": row.every_days is not None,
        "last_done": row.last_done.isoformat() if row.last_done else None,
        "next_due": row.next_due.isoformat() if row.next_due else None,
    }
