"""The secret address of the owner's calendar feed.

Like a share link, the secret is shown once and stored only as its SHA-256
digest; rotating it makes a new one and the old address answers 404.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.http import Http404

from headway.accounts.models import CalendarFeed, token_digest
from headway.core.errors import Conflict

FEED_TOKEN_BYTES = 32  # 256 bits of randomness
FEED_SECRET_MAX = 100  # longer than any secret we hand out


def feed_secret_create(*, owner: Any) -> str:
    """The first secret; refuses when one exists (it cannot be shown again)."""
    if CalendarFeed.objects.for_owner(owner).exists():
        raise Conflict(
            "Your calendar address was shown when it was made and is not stored; "
            "`headway calendar rotate` makes a new one (the old one stops working)."
        )
    return feed_secret_rotate(owner=owner)


def feed_secret_rotate(*, owner: Any) -> str:
    """A new secret; the previous address stops working at once."""
    token = secrets.token_urlsafe(FEED_TOKEN_BYTES)
    with transaction.atomic():
        CalendarFeed.objects.for_owner(owner).delete()
        CalendarFeed.objects.create(owner=owner, digest=token_digest(token))
    return token


def feed_secret_revoke(*, owner: Any) -> bool:
    """Turn the feed off; True when there was one."""
    with transaction.atomic():
        deleted, _ = CalendarFeed.objects.for_owner(owner).delete()
    return bool(deleted)


def feed_owner(*, secret: str) -> Any:
    """Whose feed this secret opens; unknown and rotated secrets are a 404."""
    if not secret or len(secret) > FEED_SECRET_MAX:
        raise Http404
    feed = (
        CalendarFeed.objects.select_related("owner")
        .filter(digest=token_digest(secret), owner__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404
    return feed.owner


def feed_path(secret: str) -> str:
    return f"/calendar/{secret}.ics"
