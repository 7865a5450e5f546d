"""The design system's template filters, built into every template
(settings.TEMPLATES "builtins"): one way to show a date, an entry kind's
icon, a week's heading and a strength scale."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()

# Within this many days a date reads "3 days ago" / "in 3 days".
RELATIVE_DAYS = 6
DATE_FORMAT = "j M Y"  # the one absolute format: 3 Dec 2026
LONG_FORMAT = "l j F Y"  # its tooltip: Thursday 3 December 2026

KIND_ICONS = {
    "accomplishment": "star",
    "learning": "book",
    "content": "pen",
    "talk": "mic",
    "feedback": "chat",
    "reading": "book",
    "initiative": "flag",
    "meeting": "users",
    "setback": "setback",
    "note": "note",
}


def _day(value: date | datetime) -> date:
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def relative_day(day: date, today: date) -> str:
    """ "today", "yesterday", "3 days ago", "in 2 days" or "3 Dec 2026"."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == -1:
        return "yesterday"
    if delta == 1:
        return "tomorrow"
    if -RELATIVE_DAYS <= delta < 0:
        return f"{-delta} days ago"
    if 0 < delta <= RELATIVE_DAYS:
        return f"in {delta} days"
    return date_format(day, DATE_FORMAT)


@register.filter
def when(value: date | datetime | None, today: date | None = None) -> SafeString | str:
    """A <time> element: relative for recent days, else `DATE_FORMAT`; the
    full date in its title and its machine form in `datetime`."""
    if not value:
        return ""
    day = _day(value)
    shown = relative_day(day, today or timezone.localdate())
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        day.isoformat(),
        date_format(day, LONG_FORMAT),
        shown,
    )


@register.filter
def day(value: date | datetime | None) -> str:
    """The absolute date in the one format, for text that is not a <time>."""
    return date_format(_day(value), DATE_FORMAT) if value else ""


@register.filter
def week_of(value: date | datetime) -> date:
    """The Monday of the week the date falls in (timeline groups)."""
    day_value = _day(value)
    return day_value - timedelta(days=day_value.weekday())


@register.filter
def week_label(monday: date, today: date | None = None) -> str:
    """ "This week", "Last week" or "Week of 23 Nov 2026"."""
    this_monday = week_of(today or timezone.localdate())
    if monday == this_monday:
        return "This week"
    if monday == this_monday - timedelta(days=7):
        return "Last week"
    return f"Week of {date_format(monday, DATE_FORMAT)}"


@register.filter
def kind_icon(kind: str) -> SafeString:
    """The entry kind's icon from the sprite in base.html, hidden from
    assistive technology (the kind is written next to it)."""
    return format_html(
        '<span class="kind-icon kind-{}" aria-hidden="true">'
        '<svg class="icon"><use href="#i-{}"></use></svg></span>',
        kind,
        KIND_ICONS.get(kind, "note"),
    )


@register.filter
def meter(value: Any, steps: int = 5) -> SafeString:
    """A row of `steps` cells, the first `value` filled: a visual scale whose
    number is written beside it (the cells are decoration)."""
    try:
        filled = max(0, min(int(value), steps))
    except (TypeError, ValueError):
        filled = 0
    cells = format_html_join(
        "",
        '<span class="{}"></span>',
        (("on" if index < filled else "",) for index in range(steps)),
    )
    return format_html('<span class="meter" aria-hidden="true">{}</span>', cells)
