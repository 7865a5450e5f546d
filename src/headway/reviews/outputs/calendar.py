"""The owner's calendar feed: goal due dates, recurring check-ins, cadences
(reviews, the 1:1, mentor updates), contact follow-ups and certification
expiries, as events for `exchange.ical`.

Each UID names the item, never its date, so the same goal or cadence keeps
its UID from one export to the next and a calendar app updates it in place.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.urls import reverse

from headway.coach.progress import period_bounds
from headway.exchange.ical import (
    CalendarEvent,
    Repeat,
    calendar_bytes,
    repeat_every_days,
)
from headway.goals.models import Goal, GoalStatus
from headway.journal.models import Entry, EntryKind
from headway.network.selectors import due_list
from headway.reviews.models import CadenceKind
from headway.reviews.selectors import cadences_list

CHECKIN_REPEAT = {
    "week": Repeat("WEEKLY"),
    "month": Repeat("MONTHLY"),
    "quarter": Repeat("MONTHLY", 3),
    "year": Repeat("YEARLY"),
}
CONTACT_SUMMARY = {
    "follow-up": "Follow up with {name}",
    "mentor-update": "Send {name} a progress update",
    "thank-you": "Thank {name}",
    "help-promised": "Help {name} as promised",
}


def feed_bytes(*, owner: Any, today: date, now: datetime, base: str = "") -> bytes:
    """The whole feed; `base` ("https://host") turns paths into links."""
    return calendar_bytes(
        calendar_events(owner=owner, today=today, base=base),
        name="Headway",
        stamp=now,
    )


def calendar_events(*, owner: Any, today: date, base: str = "") -> list[CalendarEvent]:
    def uid(what: str) -> str:
        return f"{what}.{owner.pk}@headway"

    def link(name: str, *args: Any) -> str:
        return base.rstrip("/") + reverse(name, args=args) if base else ""

    return [
        *_goal_events(owner, today, uid, link),
        *_cadence_events(owner, uid, link),
        *_contact_events(owner, today, uid, link),
        *_expiry_events(owner, uid, link),
    ]


def _goal_events(owner: Any, today: date, uid: Any, link: Any) -> list[CalendarEvent]:
    events = []
    goals = Goal.objects.for_owner(owner).filter(status=GoalStatus.ACTIVE)
    for goal in goals.order_by("pk"):
        page = link("goals:goal-detail", goal.pk)
        if goal.due is not None:
            events.append(
                CalendarEvent(
                    uid(f"goal-due-{goal.pk}"),
                    f"Goal due: {goal.statement}",
                    goal.due,
                    url=page,
                    categories=("goal",),
                )
            )
        if goal.recurrence in CHECKIN_REPEAT:
            start, _ = period_bounds(today, goal.recurrence)
            target = (
                f" (target {goal.target:g} {goal.unit})".rstrip() if goal.target else ""
            )
            events.append(
                CalendarEvent(
                    uid(f"goal-checkin-{goal.pk}"),
                    f"Check in: {goal.statement}",
                    start,
                    description=f"Log this {goal.recurrence}'s progress{target}.",
                    url=page,
                    categories=("check-in",),
                    repeat=CHECKIN_REPEAT[goal.recurrence],
                )
            )
    return events


def _cadence_events(owner: Any, uid: Any, link: Any) -> list[CalendarEvent]:
    events = []
    for row in cadences_list(owner=owner):
        if row.every_days is None or row.next_due is None:
            continue
        page = (
            "network:manager" if row.kind == CadenceKind.MANAGER else "reviews:rhythm"
        )
        events.append(
            CalendarEvent(
                uid(f"cadence-{row.kind}"),
                row.label,
                row.next_due,
                description=f"Every {row.every_days} days.",
                url=link(page),
                categories=("cadence",),
                repeat=repeat_every_days(row.every_days),
            )
        )
    return events


def _contact_events(
    owner: Any, today: date, uid: Any, link: Any
) -> list[CalendarEvent]:
    events = []
    # One event per contact (its most pressing state), so the UID holds
    # while the state moves from due to overdue.
    for row in due_list(owner=owner, today=today):
        item = row.item
        summary = CONTACT_SUMMARY.get(item.state, "Get in touch with {name}")
        events.append(
            CalendarEvent(
                uid(f"contact-{item.contact_id}"),
                summary.format(name=item.name),
                item.due_on,
                description="; ".join(item.reasons),
                url=link("network:contact-detail", item.contact_id),
                categories=("contact",),
            )
        )
    return events


def _expiry_events(owner: Any, uid: Any, link: Any) -> list[CalendarEvent]:
    rows = (
        Entry.objects.for_owner(owner)
        .filter(kind=EntryKind.LEARNING, details__has_key="expires_on")
        .values_list("id", "title", "details__expires_on")
        .order_by("id")
    )
    events = []
    for entry_id, title, expires in rows:
        try:
            day = date.fromisoformat(str(expires)[:10])
        except ValueError:
            continue
        events.append(
            CalendarEvent(
                uid(f"certification-{entry_id}"),
                f"Certification expires: {title}",
                day,
                url=link("journal:entry-detail", entry_id),
                categories=("certification",),
            )
        )
    return events
