"""The owner's profile: the name, e-mail, headline, place and links that
shares, reports and exports show for them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from headway.accounts.models import (
    PROFILE_HEADLINE_MAX,
    PROFILE_LINKS_MAX,
    PROFILE_NAME_MAX,
    THEMES,
    Profile,
)
from headway.core.text import clean_text, field_error

URL_MAX = 500


def profile_get(*, owner: Any) -> Profile:
    """The owner's profile; an unsaved empty one until they fill it in."""
    found: Profile | None = Profile.objects.for_owner(owner).first()
    return found or Profile(owner=owner)


def display_name(owner: Any) -> str:
    """What to call the owner: the profile's name, else the account's."""
    name = profile_get(owner=owner).name
    full = owner.get_full_name() if hasattr(owner, "get_full_name") else ""
    return name or full or owner.get_username()


def profile_update(
    *,
    owner: Any,
    name: str | None = None,
    email: str | None = None,
    headline: str | None = None,
    location: str | None = None,
    links: Iterable[str] | None = None,
) -> Profile:
    """Change the fields given (None leaves a field as it is)."""
    profile = profile_get(owner=owner)
    if name is not None:
        profile.name = clean_text(
            name, field="name", max_length=PROFILE_NAME_MAX, required=False
        )
    if email is not None:
        profile.email = _email(email)
    if headline is not None:
        profile.headline = clean_text(
            headline, field="headline", max_length=PROFILE_HEADLINE_MAX, required=False
        )
    if location is not None:
        profile.location = clean_text(
            location, field="location", max_length=PROFILE_NAME_MAX, required=False
        )
    if links is not None:
        profile.links = _links(links)
    with transaction.atomic():
        profile.full_clean()
        profile.save()
    return profile


def profile_set_theme(*, owner: Any, theme: str) -> Profile:
    """Keep the owner's colour theme for the web pages: system, light or dark."""
    choices = [value for value, _label in THEMES]
    if theme not in choices:
        raise ValidationError(
            {"theme": f"Unknown theme {theme!r}: choose {', '.join(choices)}."}
        )
    profile = profile_get(owner=owner)
    profile.theme = theme
    with transaction.atomic():
        profile.full_clean()
        profile.save()
    return profile


def _email(value: str) -> str:
    email = clean_text(value, field="email", max_length=254, required=False)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise field_error(
                "email", f"{email!r} is not an e-mail address.", "invalid"
            ) from None
    return email


def _links(values: Iterable[str]) -> list[str]:
    links: list[str] = []
    check = URLValidator(schemes=["http", "https"])
    for raw in values:
        link = clean_text(raw, field="links", max_length=URL_MAX, required=False)
        if not link or link in links:
            continue
        try:
            check(link)
        except ValidationError:
            raise field_error(
                "links",
                f"{link!r} is not a web address (http:// or https://).",
                "invalid",
            ) from None
        links.append(link)
    if len(links) > PROFILE_LINKS_MAX:
        raise field_error(
            "links", f"Keep at most {PROFILE_LINKS_MAX} links.", "too_many"
        )
    return links


def profile_as_dict(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "email": profile.email,
        "headline": profile.headline,
        "location": profile.location,
        "links": list(profile.links),
    }
