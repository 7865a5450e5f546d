"""An iCalendar (RFC 5545) feed of all-day events, through `icalendar`.

Plain data in, bytes out. Each event carries the UID its caller derives from
the item it stands for (a goal, a contact, a cadence), so a calendar app that
reads the feed again updates the event instead of adding a second one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from icalendar import (  # type: ignore[import-untyped]  # no stubs in 6.x
    Calendar,
    Event,
    vRecur,
)

PRODUCT_ID = "-//Headway//Career calendar//EN"
# RRULE frequencies Headway emits; the interval counts these units.
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")


@dataclass(frozen=True)
class Repeat:
    """How an event recurs: every `interval` units of `frequency`."""

    frequency: str
    interval: int = 1

    def __post_init__(self) -> None:
        if self.frequency not in FREQUENCIES or self.interval < 1:
            raise ValueError(f"unsupported repeat: {self.frequency}/{self.interval}")


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    day: date
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = field(default_factory=tuple)
    repeat: Repeat | None = None


def repeat_every_days(days: int) -> Repeat:
    """The plainest rule for an interval in days: weeks and years when exact."""
    if days % 365 == 0:
        return Repeat("YEARLY", days // 365)
    if days % 7 == 0:
        return Repeat("WEEKLY", days // 7)
    return Repeat("DAILY", days)


def calendar_bytes(
    events: Iterable[CalendarEvent], *, name: str, stamp: datetime
) -> bytes:
    """The whole feed. `stamp` is DTSTAMP for every event: the moment of export."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in sorted(events, key=lambda item: (item.day, item.uid)):
        calendar.add_component(_vevent(event, stamp.astimezone(UTC)))
    body: bytes = calendar.to_ical()
    return body


def _vevent(event: CalendarEvent, stamp: datetime) -> Event:
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("summary", event.summary)
    # All-day: DTSTART as a DATE, DTEND the next day (exclusive, RFC 5545 3.6.1).
    vevent.add("dtstart", event.day)
    vevent.add("dtend", event.day + timedelta(days=1))
    vevent.add("transp", "TRANSPARENT")
    if event.description:
        vevent.add("description", event.description)
    if event.url:
        vevent.add("url", event.url)
    if event.categories:
        vevent.add("categories", list(event.categories))
    if event.repeat is not None:
        rule = {"freq": event.repeat.frequency}
        if event.repeat.interval > 1:
            rule["interval"] = str(event.repeat.interval)
        vevent.add("rrule", vRecur(rule))
    return vevent
