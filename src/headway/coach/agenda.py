"""The agenda: what is due today and in the coming days, from every area.

The services gather plain facts (cadences, goals, contacts due, learning that
expires, feedback with an adjustment promised); this module decides what is
due, when, and in which order. It never invents an item: each one comes from
a fact the owner recorded, and says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from headway.coach.progress import period_bounds

DEFAULT_DAYS = 14
# A certificate is worth renewing well before it lapses.
EXPIRY_HORIZON_DAYS = 90
# A promised adjustment comes back after a month: done, or still to do?
ADJUSTMENT_FOLLOW_UP_DAYS = 30

# The order of kinds due on the same day: what costs the owner most if missed first.
KIND_ORDER = (
    "goal-due",
    "check-in",
    "manager",
    "follow-up",
    "mentor-update",
    "contact",
    "certification",
    "adjustment",
    "weekly",
    "quarterly",
    "yearly",
)

# The network's states that only mean "a while since you were in touch".
CADENCE_STATES = frozenset({"overdue", "due"})
# How many of those the agenda names; the due list has them all.
CONTACTS_KEPT = 5

CADENCE_TITLES = {
    "weekly": "Weekly check-in: log what happened this week",
    "manager": "1:1 with your manager",
    "quarterly": "Quarterly review: best project, work samples, goals",
    "yearly": "Yearly review: look back on the year",
}


@dataclass(frozen=True)
class CadenceFacts:
    kind: str
    every_days: int | None  # None: switched off
    last_done: date | None
    started_on: date


@dataclass(frozen=True)
class GoalFacts:
    id: int
    statement: str
    due: date | None
    recurrence: str = ""
    target: float | None = None
    unit: str = ""
    done_this_period: float = 0.0


@dataclass(frozen=True)
class ContactDue:
    id: int
    name: str
    state: str  # the network coach's due state
    due_on: date


@dataclass(frozen=True)
class Expiring:
    entry_id: int
    title: str
    expires_on: date


@dataclass(frozen=True)
class Adjustment:
    entry_id: int
    title: str
    adjustment: str
    given_on: date
    snoozed_until: date | None = None


@dataclass(frozen=True)
class AgendaItem:
    due: date
    kind: str
    title: str
    target: tuple[str, int | str]  # what the door links to: ("goal", 3), …


def cadence_next_due(facts: CadenceFacts) -> date | None:
    """When a rhythm is next due: its interval after it was last done (or
    after it was set up, for one never done); None when it is switched off."""
    if not facts.every_days:
        return None
    return (facts.last_done or facts.started_on) + timedelta(days=facts.every_days)


def cadence_items(cadences: tuple[CadenceFacts, ...]) -> list[AgendaItem]:
    items = []
    for facts in cadences:
        due = cadence_next_due(facts)
        if due is not None and facts.kind in CADENCE_TITLES:
            title = CADENCE_TITLES[facts.kind]
            items.append(AgendaItem(due, facts.kind, title, ("cadence", facts.kind)))
    return items


def goal_items(goals: tuple[GoalFacts, ...], today: date) -> list[AgendaItem]:
    """A goal's due date, and for a recurring target the check-in owed by the
    end of the current period while it is short of the target."""
    items = []
    for goal in goals:
        if goal.due is not None:
            title = f"Goal due: {goal.statement}"
            items.append(AgendaItem(goal.due, "goal-due", title, ("goal", goal.id)))
        owed = _check_in_owed(goal, today)
        if owed is not None:
            items.append(owed)
    return items


def _check_in_owed(goal: GoalFacts, today: date) -> AgendaItem | None:
    if not goal.recurrence or not goal.target or goal.done_this_period >= goal.target:
        return None
    _, period_end = period_bounds(today, goal.recurrence)
    left = goal.target - goal.done_this_period
    unit = f" {goal.unit}" if goal.unit else ""
    title = (
        f"Check in: {_figure(left)}{unit} to go this {goal.recurrence} "
        f"({_figure(goal.done_this_period)} of {_figure(goal.target)}) "
        f"— {goal.statement}"
    )
    return AgendaItem(period_end, "check-in", title, ("goal", goal.id))


def contact_items(
    contacts: tuple[ContactDue, ...], today: date, *, keep: int = CONTACTS_KEPT
) -> list[AgendaItem]:
    """Every promise to a person (a follow-up, help, a thank-you, an update),
    and the first `keep` ties whose cadence has run out, in the due list's
    order (strong dormant ties first); the rest are one line to the due list.
    """
    items, lapsed = [], 0
    for contact in contacts:
        if contact.state in CADENCE_STATES:
            lapsed += 1
            if lapsed > keep:
                continue
        kind, title = _contact_wording(contact)
        items.append(AgendaItem(contact.due_on, kind, title, ("contact", contact.id)))
    if lapsed > keep:
        more = lapsed - keep
        title = f"{more} more {'person is' if more == 1 else 'people are'} due a touch"
        items.append(AgendaItem(today, "contact", title, ("network", 0)))
    return items


def _contact_wording(contact: ContactDue) -> tuple[str, str]:
    if contact.state == "mentor-update":
        return "mentor-update", f"Send {contact.name} a progress update"
    if contact.state == "thank-you":
        return "mentor-update", f"Thank {contact.name} for the meeting"
    if contact.state == "follow-up":
        return "follow-up", f"Follow up with {contact.name}"
    if contact.state == "help-promised":
        return "follow-up", f"Give {contact.name} the help you promised"
    return "contact", f"Get in touch with {contact.name} ({contact.state})"


def expiry_items(expiring: tuple[Expiring, ...], today: date) -> list[AgendaItem]:
    """Certifications that lapse within the horizon (or already have, lately).

    The same certification logged again (renewed) replaces the earlier one:
    only the latest expiry of each title counts.
    """
    horizon = today + timedelta(days=EXPIRY_HORIZON_DAYS)
    latest: dict[str, Expiring] = {}
    for item in expiring:
        name = " ".join(item.title.casefold().split())
        if name not in latest or item.expires_on > latest[name].expires_on:
            latest[name] = item
    return [
        AgendaItem(
            item.expires_on,
            "certification",
            f"Renew before it expires: {item.title}",
            ("entry", item.entry_id),
        )
        for item in latest.values()
        if today - timedelta(days=EXPIRY_HORIZON_DAYS) <= item.expires_on <= horizon
    ]


def adjustment_items(adjustments: tuple[Adjustment, ...]) -> list[AgendaItem]:
    """A feedback's promised adjustment comes back a month later (or when the
    owner's "still to do" snooze ends)."""
    items = []
    for item in adjustments:
        due = item.snoozed_until or item.given_on + timedelta(
            days=ADJUSTMENT_FOLLOW_UP_DAYS
        )
        title = f"Did you adjust? “{item.adjustment}” (feedback: {item.title})"
        items.append(AgendaItem(due, "adjustment", title, ("entry", item.entry_id)))
    return items


def agenda_build(
    items: list[AgendaItem], *, today: date, days: int = DEFAULT_DAYS
) -> list[AgendaItem]:
    """What is due by `today + days`, overdue first, then by date and weight.

    Expiring certifications keep their own, longer horizon: they are listed
    from the moment they come within it.
    """
    until = today + timedelta(days=max(days, 0))
    due = [item for item in items if item.due <= until or item.kind == "certification"]
    rank = {kind: place for place, kind in enumerate(KIND_ORDER)}
    return sorted(
        due, key=lambda item: (item.due, rank.get(item.kind, len(rank)), item.title)
    )


def _figure(value: float) -> str:
    return f"{value:g}"
