"""Writes for accounts: the local owner, login links, API tokens, server users."""

from __future__ import annotations

import getpass
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from headway.accounts.models import ApiToken, LoginToken, token_digest
from headway.core.errors import HeadwayError, NotInitialised
from headway.core.text import clean_text

API_TOKEN_PREFIX = "hw_"


def local_owner_name() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = ""
    return "".join(ch for ch in name if ch.isalnum() or ch in "._-")[:150] or "owner"


def owner_ensure() -> Any:
    """Return the local owner, creating it on the first run.

    Every CLI command asks, so the usual answer is one read: no write
    transaction (and no SQLite write lock) unless the owner is missing.
    """
    user_model = get_user_model()
    owner = user_model.objects.order_by("pk").first()
    if owner is not None:
        return owner
    with transaction.atomic():
        owner = user_model.objects.order_by("pk").first()
        if owner is None:
            owner = user_model.objects.create_user(username=local_owner_name())
            owner.set_unusable_password()
            owner.save(update_fields=["password"])
    return owner


def local_owner() -> Any:
    owner = get_user_model().objects.order_by("pk").first()
    if owner is None:
        raise NotInitialised("Headway has no owner yet; run `headway init`.")
    return owner


def login_token_issue(*, user: Any) -> str:
    """Create a one-time login token and return it in clear, once."""
    token = secrets.token_urlsafe(32)
    LoginToken.objects.create(
        user=user,
        digest=token_digest(token),
        expires_at=timezone.now() + timedelta(seconds=settings.LOGIN_TOKEN_TTL_SECONDS),
    )
    return token


def login_token_consume(*, token: str) -> Any | None:
    """Spend a login token; None when it is unknown, used or expired."""
    now = timezone.now()
    with transaction.atomic():
        spent = LoginToken.objects.filter(
            digest=token_digest(token), used_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if not spent:
            return None
        LoginToken.objects.filter(expires_at__lte=now).delete()
        return (
            LoginToken.objects.select_related("user")
            .get(digest=token_digest(token))
            .user
        )


def api_token_create(*, owner: Any, name: str = "") -> tuple[ApiToken, str]:
    """Create a personal API token; the clear token is returned only here."""
    name = clean_text(name, field="token name", max_length=100, required=False)
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = ApiToken(
        owner=owner, name=name, digest=token_digest(token), prefix=token[:10]
    )
    record.full_clean()
    record.save()
    return record, token


def api_token_authenticate(*, token: str) -> Any | None:
    """The user a bearer token belongs to, or None."""
    record = (
        ApiToken.objects.select_related("owner")
        .filter(digest=token_digest(token), revoked_at__isnull=True)
        .first()
    )
    if record is None or not record.owner.is_active:
        return None
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
    return record.owner


def api_tokens_list(*, owner: Any) -> list[ApiToken]:
    """The owner's tokens, newest first, revoked ones included (marked)."""
    return list(ApiToken.objects.for_owner(owner).order_by("-created", "-pk"))


def api_token_revoke(*, owner: Any, token_id: int) -> ApiToken:
    """Revoke one of the owner's tokens: it opens nothing from now on."""
    record: ApiToken | None = (
        ApiToken.objects.for_owner(owner).filter(pk=token_id).first()
    )
    if record is None:
        raise Http404(f"No token {token_id} among yours; `headway token list`.")
    if record.revoked_at is None:
        record.revoked_at = timezone.now()
        with transaction.atomic():
            record.save(update_fields=["revoked_at", "updated"])
    return record


def user_add(
    *, username: str, password: str, email: str = "", admin: bool = False
) -> Any:
    """Create a server-mode account with a password (`admin`: an account
    administrator, who manages accounts and sees no career data)."""
    user_model = get_user_model()
    username = clean_text(username, field="user name", max_length=150, required=True)
    if user_model.objects.filter(username__iexact=username).exists():
        raise HeadwayError(f"A user named {username!r} exists already.")
    user = user_model(username=username, email=email, is_staff=admin)
    user.full_clean(exclude=["password"])
    validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save()
    return user
