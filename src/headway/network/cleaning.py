"""Checks on contact input shared by the services and the importers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from headway.coach.numbers import plural
from headway.core import text
from headway.core.text import field_error
from headway.network.models import (
    STRENGTH_MAX,
    STRENGTH_MIN,
    TAG_MAX,
    URL_MAX,
    InteractionKind,
    MetHow,
)

_PHONE = re.compile(r"^[+\d][\d\s().\-/]{2,40}$")


def strength_clean(value: int | str | None) -> int:
    try:
        strength = int(value if value not in (None, "") else 3)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        strength = 0
    if not STRENGTH_MIN <= strength <= STRENGTH_MAX:
        raise field_error(
            "strength",
            f"Strength {value} is out of range; use 1 (acquaintance) to 5 "
            "(closest ties).",
            "strength",
        )
    return strength


_MET_HOW = frozenset(MetHow.values)
_KINDS = frozenset(InteractionKind.values)


def met_how_clean(value: str) -> str:
    key = value.strip().lower()
    if key and key not in _MET_HOW:
        known = ", ".join(MetHow.values)
        raise field_error(
            "met_how", f"Unknown way of meeting {value!r}; use one of: {known}.", "met"
        )
    return key


def kind_clean(value: str) -> str:
    """'help given', 'help-given' and 'Help_Given' all name the same kind."""
    key = "_".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    if key not in _KINDS:
        known = ", ".join(label.lower() for label in InteractionKind.labels)
        raise field_error(
            "kind", f"Unknown kind of touch {value!r}; use one of: {known}.", "kind"
        )
    return key


def date_clean(
    value: str | date | None, *, field: str, today: date, required: bool = False
) -> date | None:
    found = text.date_clean(value, field=field, today=today)
    return today if found is None and required else found


def tag_names_clean(names: Iterable[str]) -> list[str]:
    return text.tag_names_clean(names, max_length=TAG_MAX)


def emails_clean(values: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in values:
        email = raw.strip()
        if not email:
            continue
        try:
            validate_email(email)
        except ValidationError:
            raise field_error(
                "emails", f"{email!r} is not an email address.", "email"
            ) from None
        if email.lower() not in {known.lower() for known in cleaned}:
            cleaned.append(email)
    return cleaned


def phones_clean(values: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in values:
        phone = " ".join(raw.split())
        if not phone:
            continue
        if not _PHONE.match(phone):
            raise field_error(
                "phones", f"{phone!r} does not look like a phone number.", "phone"
            )
        if phone not in cleaned:
            cleaned.append(phone)
    return cleaned


def url_clean(value: str, *, field: str = "links") -> str:
    """A web address with https, lower case and no trailing slash, query or anchor.

    Profile URLs are compared in this form, so `http://LinkedIn.com/in/ada/`
    and `https://linkedin.com/in/ada` are the same person.
    """
    text = value.strip()
    if not text:
        return ""
    if "://" not in text:
        text = f"https://{text}"
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed "[" read as an IPv6 host
        raise field_error(field, f"{value!r} is not a web address.", "url") from None
    if parts.scheme not in {"http", "https"} or "." not in parts.netloc:
        raise field_error(field, f"{value!r} is not a web address.", "url")
    host = parts.netloc.lower()
    path = parts.path.rstrip("/")
    url = f"https://{host}{path}".lower() if "linkedin." in host else ""
    if not url:
        query = f"?{parts.query}" if parts.query else ""
        url = f"https://{host}{path}{query}"
    if len(url) > URL_MAX:
        raise field_error(field, f"The address is over {URL_MAX} characters.", "url")
    return url


def links_clean(values: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in values:
        url = url_clean(raw)
        if url and url not in cleaned:
            cleaned.append(url)
    return cleaned


def cadence_clean(
    ideal: int | None, maximum: int | None, *, field: str = "cadence"
) -> tuple[int | None, int | None]:
    """Both empty (no cadence), or 1 ≤ ideal ≤ maximum ≤ 3650 days."""
    if ideal is None:
        if maximum is not None:
            raise field_error(field, "Give the ideal interval too.", "cadence")
        return None, None
    if maximum is None:
        maximum = ideal + (ideal + 1) // 2
    if not 1 <= ideal <= 3650 or not 1 <= maximum <= 3650:
        raise field_error(field, "Use between 1 and 3650 days.", "cadence")
    if maximum < ideal:
        raise field_error(
            field,
            f"The maximum ({plural(maximum, 'day')}) is shorter than the ideal "
            f"({plural(ideal, 'day')}).",
            "cadence",
        )
    return ideal, maximum


def profile_url_clean(value: str) -> str:
    return url_clean(value, field="profile_url")
