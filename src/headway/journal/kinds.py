"""What each kind of entry records beyond its title: the keys of `Entry.details`.

Each kind declares its fields once; the service validates against this table,
the form builds its inputs from it, and the CLI turns it into an editor
template, so a new field is added in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils import timezone

from headway.coach.dates import parse_date
from headway.coach.numbers import parse_number

DETAIL_TEXT_MAX = 5_000
DETAIL_LINE_MAX = 300
URL_MAX = 2_000


@dataclass(frozen=True)
class DetailField:
    name: str
    label: str
    shape: str = "line"  # line, text, choice, int, number, date, url
    choices: tuple[str, ...] = ()
    help: str = ""

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


def _choice(name: str, label: str, *choices: str, help: str = "") -> DetailField:
    return DetailField(name, label, "choice", choices, help)


KIND_FIELDS: dict[str, tuple[DetailField, ...]] = {
    "accomplishment": (),
    "learning": (
        _choice(
            "subtype", "Type", "course", "exam", "certification", "book", "workshop"
        ),
        DetailField("provider", "Provider", help="Who ran it or published it."),
        DetailField("hours", "Hours", "number", help="Time spent, e.g. 12.5."),
        DetailField("outcome", "Outcome", help="completed, passed, a score…"),
        DetailField(
            "expires_on", "Expires on", "date", help="For certifications that lapse."
        ),
    ),
    "content": (
        _choice("subtype", "Type", "blog_post", "article", "video", "open_source"),
        DetailField("published_where", "Published where"),
        DetailField("url", "Link", "url"),
    ),
    "talk": (
        _choice(
            "venue_kind", "Venue kind", "user_group", "meetup", "conference", "internal"
        ),
        DetailField("venue", "Venue"),
        DetailField("audience_size", "Audience size", "int"),
        DetailField("slides_url", "Slides link", "url"),
    ),
    "feedback": (
        _choice("direction", "Direction", "received", "given"),
        DetailField("person", "From or to whom"),
        _choice("tone", "Tone", "positive", "constructive", "critical"),
        DetailField("adjustment", "What I will adjust", "text"),
    ),
    "reading": (
        DetailField("publication", "Publication or article"),
        DetailField("trend", "Industry or trend"),
        DetailField("point_of_view", "My point of view", "text"),
        DetailField(
            "shared_where", "Shared where", help="Empty if you kept it to yourself."
        ),
    ),
    "initiative": (
        _choice(
            "subtype",
            "Type",
            "raised_hand",
            "responsibility",
            "volunteered",
            "led_project",
            "spoke_up",
        ),
    ),
    "meeting": (
        _choice("with_role", "With", "manager", "mentor"),
        DetailField("agenda", "Agenda", "text"),
        DetailField("notes", "Notes", "text"),
        DetailField("follow_ups", "Follow-ups", "text"),
    ),
    "setback": (
        DetailField("what_went_wrong", "What went wrong", "text"),
        DetailField("do_differently", "What I would do differently", "text"),
        DetailField("lesson", "What I take forward", "text"),
    ),
    "note": (),
}


def kind_fields(kind: str) -> tuple[DetailField, ...]:
    return KIND_FIELDS.get(kind, ())


def details_clean(kind: str, details: dict[str, Any] | None) -> dict[str, Any]:
    """Check every key and value against the kind's fields; drop empty values.

    Unknown keys are refused so a typo ("audiance_size") is not silently lost.
    """
    if not details:
        return {}
    if not isinstance(details, dict):
        raise _error("details", "The details must be an object of field names.")
    fields = {field.name: field for field in kind_fields(kind)}
    cleaned: dict[str, Any] = {}
    for key, raw in details.items():
        field = fields.get(key)
        if field is None:
            known = ", ".join(fields) or "none"
            raise _error(
                key, f"A {kind} has no field {key!r}; its fields are: {known}."
            )
        value = detail_value(field, raw)
        if value not in ("", None):
            cleaned[key] = value
    return cleaned


def detail_value(field: DetailField, raw: Any) -> Any:
    if raw is None:
        return None
    if field.shape in {"int", "number"}:
        return _number(field, raw)
    text = raw.isoformat() if isinstance(raw, date) else str(raw)
    text = " ".join(text.split()) if field.shape != "text" else text.strip()
    if not text:
        return ""
    limit = DETAIL_TEXT_MAX if field.shape == "text" else DETAIL_LINE_MAX
    if field.shape == "url":
        return _url(field, text)
    if len(text) > limit:
        raise _error(
            field.name,
            f"The {field.label.lower()} has {len(text):,} characters; "
            f"the limit is {limit:,}.",
        )
    if field.shape == "choice":
        return _choice_value(field, text)
    if field.shape == "date":
        return _date(field, text)
    return text


def _choice_value(field: DetailField, text: str) -> str:
    value = text.lower().replace(" ", "_").replace("-", "_")
    if value not in field.choices:
        allowed = ", ".join(field.choices)
        raise _error(field.name, f"{field.label} {text!r} is not one of: {allowed}.")
    return value


def _number(field: DetailField, raw: Any) -> int | float | None:
    if isinstance(raw, bool):
        raise _error(field.name, f"{field.label} must be a number.")
    if isinstance(raw, int | float):
        value: float | None = float(raw)
    else:
        text = str(raw).strip()
        if not text:
            return None
        value = parse_number(text)
    if value is None or value < 0 or value != value or value > 10**9:
        raise _error(
            field.name, f"{field.label} must be a number of zero or more, like 40."
        )
    if field.shape == "int":
        if value != int(value):
            raise _error(field.name, f"{field.label} must be a whole number.")
        return int(value)
    return round(value, 2)


def _date(field: DetailField, text: str) -> str:
    found = parse_date(text, today=timezone.localdate(), prefer="future")
    if found is None:
        raise _error(
            field.name,
            f"Cannot read {text!r} as a date; try 2029-03-14 or 'in 3 years'.",
        )
    return found.isoformat()


def _url(field: DetailField, text: str) -> str:
    if not url_is_web(text):
        raise _error(
            field.name, f"{text[:60]!r} is not a web link; it must start with https://."
        )
    if len(text) > URL_MAX:
        raise _error(field.name, f"The link is longer than {URL_MAX:,} characters.")
    return text


def url_is_web(text: str) -> bool:
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed "[" read as an IPv6 host
        return False
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def _error(field: str, message: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code="invalid")})
