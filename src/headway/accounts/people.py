"""Server-mode accounts: invitations, the account list, disabling, sessions.

An account admin (`is_staff`) manages accounts through these services and
nothing else: no selector here returns anyone's career data, and every
career page and API route filters by the signed-in owner, admins included.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from headway.accounts.models import Invitation, token_digest
from headway.core.errors import HeadwayError, NotFound
from headway.core.text import clean_text, field_error


class InvitationClosed(HeadwayError):
    """The link was used already, expired, or never existed."""

    status = 410


def invitation_create(
    *, email: str, invited_by: Any = None, as_admin: bool = False
) -> tuple[Invitation, str]:
    """Invite someone by e-mail; the clear token is returned only here."""
    if settings.LOCAL_MODE:
        raise HeadwayError(
            "Invitations are for server mode (HEADWAY_MODE=server); "
            "local mode has one owner."
        )
    email = clean_text(email, field="email", max_length=254, required=True)
    try:
        validate_email(email)
    except ValidationError:
        raise field_error(
            "email", f"{email!r} is not an e-mail address.", "invalid"
        ) from None
    if get_user_model().objects.filter(email__iexact=email, is_active=True).exists():
        raise field_error("email", f"{email} has an account already.", "exists")
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email,
            digest=token_digest(token),
            as_admin=as_admin,
            invited_by=invited_by,
            expires_at=timezone.now() + timedelta(days=settings.INVITATION_DAYS),
        )
    return invitation, token


def invitation_url(token: str) -> str:
    return f"{settings.BASE_URL.rstrip('/')}/invite/{token}"


def invitation_open(*, token: str) -> Invitation:
    """The invitation a link opens, if it still may be used."""
    invitation: Invitation | None = Invitation.objects.filter(
        digest=token_digest(token)
    ).first()
    if invitation is None or invitation.used_at is not None:
        raise InvitationClosed(
            "This invitation link was used already or is not valid; ask for a new one."
        )
    if invitation.expires_at <= timezone.now():
        raise InvitationClosed(
            "This invitation has expired; ask whoever invited you for a new one."
        )
    return invitation


def invitation_accept(*, token: str, username: str, password: str) -> Any:
    """Create the account the invitation is for; the link works only once.

    The password must pass Django's validators (AUTH_PASSWORD_VALIDATORS).
    """
    invitation = invitation_open(token=token)
    user_model = get_user_model()
    username = clean_text(username, field="username", max_length=150, required=True)
    user = user_model(
        username=username, email=invitation.email, is_staff=invitation.as_admin
    )
    user.full_clean(exclude=["password"])  # user name rules and uniqueness
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    with transaction.atomic():
        now = timezone.now()
        spent = Invitation.objects.filter(
            pk=invitation.pk, used_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if not spent:
            raise InvitationClosed("This invitation link was used already.")
        user.set_password(password)
        user.save()
        Invitation.objects.filter(pk=invitation.pk).update(user=user)
    return user


def users_list() -> list[dict[str, Any]]:
    """Every account, for an account admin: names and state, no career data."""
    users = get_user_model().objects.order_by("username")
    return [
        {
            "id": user.pk,
            "username": user.get_username(),
            "email": user.email,
            "active": user.is_active,
            "admin": user.is_staff,
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        }
        for user in users
    ]


def user_by_name(username: str) -> Any:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFound(f"No user named {username!r}; `headway user list` shows them.")
    return user


def user_disable(*, username: str, by: Any = None) -> Any:
    """Close an account: no sign-in, no API token, every session ended.

    Nothing of theirs is deleted; `user_enable` opens the account again.
    """
    user = user_by_name(username)
    if by is not None and by.pk == user.pk:
        raise HeadwayError("You cannot disable your own account.")
    # Their API tokens stay as they are but open nothing while the account is
    # disabled (accounts.services.api_token_authenticate checks is_active).
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
    sessions_end(user=user)
    return user


def user_enable(*, username: str) -> Any:
    user = user_by_name(username)
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def sessions_end(*, user: Any, keep: str | None = None) -> int:
    """End every session of `user` (but `keep`, the one asking); return how many.

    Sessions live in the database (one row each, signed and encoded), so this
    reads the unexpired ones once: a rare act, linear in open sessions.
    """
    from django.contrib.sessions.models import Session

    wanted = str(user.pk)
    doomed = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.session_key != keep
        and session.get_decoded().get("_auth_user_id") == wanted
    ]
    Session.objects.filter(session_key__in=doomed).delete()
    return len(doomed)
