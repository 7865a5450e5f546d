"""Checks on text that comes from users, shared by every service."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError

from headway.coach.dates import Prefer, parse_date

_TAG_CHARS = re.compile(r"[^\w\-./+]+")


def field_error(field: str, message: str, code: str) -> ValidationError:
    """A ValidationError keyed by field: forms place it, the other doors print it."""
    return ValidationError({field: ValidationError(message, code=code)})


def clean_text(value: str, *, field: str, max_length: int, required: bool) -> str:
    """Strip, reject text that is not valid Unicode, and enforce the length."""
    label = field.replace("_", " ")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates: a command-line argument that was not UTF-8, or a
        # JSON string with a broken escape.
        raise field_error(
            field, f"The {label} is not valid UTF-8 text.", "encoding"
        ) from None
    value = value.replace("\x00", "").strip()
    if required and not value:
        raise field_error(field, f"The {label} is empty; write a few words.", "empty")
    if len(value) > max_length:
        raise field_error(
            field,
            f"The {label} has {len(value):,} characters; the limit is {max_length:,}.",
            "too_long",
        )
    return value


def filter_text(value: str | None) -> str:
    """A search or filter word as typed, minus what no database column holds.

    PostgreSQL refuses NUL in text, even in a WHERE clause; no stored text has
    one (clean_text strips it), so dropping it changes no match.
    """
    return (value or "").replace("\x00", "").strip()


def tag_names_clean(names: Iterable[str], *, max_length: int) -> list[str]:
    """Lower-case, strip #/@, drop blanks and duplicates, keep the order."""
    cleaned: list[str] = []
    for raw in names:
        text = clean_text(raw, field="tags", max_length=max_length * 2, required=False)
        name = _TAG_CHARS.sub("-", text.lstrip("#@").lower()).strip("-")
        if len(name) > max_length:
            raise field_error(
                "tags",
                f"The tag {name[:20]!r}… is longer than {max_length} characters.",
                "tag",
            )
        if name and name not in cleaned:
            cleaned.append(name)
    return cleaned


def date_clean(
    value: str | date | None, *, field: str, today: date, prefer: Prefer = "past"
) -> date | None:
    """A date the user wrote ("last friday", "2026-03-14"); None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    found = parse_date(value, today=today, prefer=prefer)
    if found is None:
        raise field_error(
            field,
            f"Cannot read {value!r} as a date; try 2026-03-14, 'yesterday' "
            "or 'last friday'.",
            "date",
        )
    return found
