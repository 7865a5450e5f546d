"""The owner's role history (title, organisation, start, end): the jobs a
resume lists and the spans log entries fall under by their date."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from headway.accounts.models import ROLE_ORGANISATION_MAX, ROLE_TITLE_MAX, Role
from headway.core.errors import NotFound
from headway.core.text import clean_text, date_clean, field_error


def roles_list(*, owner: Any) -> list[Role]:
    """Newest role first."""
    return list(Role.objects.for_owner(owner))


def role_create(
    *,
    owner: Any,
    title: str,
    organisation: str,
    started_on: str | date,
    ended_on: str | date | None = None,
) -> Role:
    """Add a role; a missing end means the owner holds it still."""
    today = timezone.localdate()
    start = date_clean(started_on, field="started_on", today=today)
    if start is None:
        raise field_error("started_on", "A role needs the date it started.", "required")
    end = date_clean(ended_on, field="ended_on", today=today)
    if end is not None and end < start:
        raise field_error(
            "ended_on",
            f"The role ends ({end}) before it starts ({start}).",
            "order",
        )
    role = Role(
        owner=owner,
        title=clean_text(
            title, field="title", max_length=ROLE_TITLE_MAX, required=True
        ),
        organisation=clean_text(
            organisation,
            field="organisation",
            max_length=ROLE_ORGANISATION_MAX,
            required=True,
        ),
        started_on=start,
        ended_on=end,
    )
    with transaction.atomic():
        role.full_clean()
        role.save()
    return role


def role_delete(*, owner: Any, role_id: int) -> None:
    """Remove one of the owner's roles; another owner's id is unknown."""
    with transaction.atomic():
        deleted, _ = Role.objects.for_owner(owner).filter(pk=role_id).delete()
    if not deleted:
        raise NotFound(f"No role {role_id} — `headway profile role list` shows yours.")


def role_for_day(roles: list[Role], day: date) -> Role | None:
    """The role held on `day`: the latest-started one that covers it."""
    covering = [
        role
        for role in roles
        if role.started_on <= day and (role.ended_on is None or day <= role.ended_on)
    ]
    return max(covering, key=lambda role: (role.started_on, role.pk), default=None)


def role_as_dict(role: Role) -> dict[str, Any]:
    return {
        "id": role.pk,
        "title": role.title,
        "organisation": role.organisation,
        "started_on": role.started_on.isoformat(),
        "ended_on": role.ended_on.isoformat() if role.ended_on else None,
    }
