"""Checks on text that comes from users, shared by every service."""

from __future__ import annotations

from django.core.exceptions import ValidationError


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
