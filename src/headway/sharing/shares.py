"""Sharing goals with a manager or mentor: secret links or named users, comments.

A link's token is shown once and stored only as its SHA-256 digest; an
expired or revoked share is looked up exactly like an unknown one (404).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from headway.accounts.models import (
    COMMENT_MAX,
    SHARE_NAME_MAX,
    Share,
    ShareComment,
    token_digest,
)
from headway.core.errors import HeadwayError
from headway.core.models import Trash, owned_rows
from headway.core.text import clean_text, field_error
from headway.core.trash import trash_delete, trash_dependents

SHARE_DAYS_DEFAULT = 30
SHARE_DAYS_MAX = 365
COMMENTS_PER_HOUR = 20
TOKEN_BYTES = 32  # 256 bits of randomness


class TooManyComments(HeadwayError):
    status = 429


def share_create(
    *,
    owner: Any,
    goal_ids: Iterable[int],
    entry_ids: Iterable[int] = (),
    include_entries: bool = False,
    days: int = SHARE_DAYS_DEFAULT,
    recipient: str = "",
    label: str = "",
    pack: bool = False,
) -> tuple[Share, str | None]:
    """Share goals; returns the share and its secret token (None for a named user)."""
    from headway.goals.models import Goal
    from headway.journal.models import Entry

    goals = owned_rows(owner=owner, model=Goal, ids=goal_ids, field="goals")
    if not goals:
        raise field_error("goals", "Pick at least one goal to share.", "empty")
    if not 1 <= days <= SHARE_DAYS_MAX:
        raise field_error("days", f"A share lasts 1 to {SHARE_DAYS_MAX} days.", "days")
    entries = owned_rows(owner=owner, model=Entry, ids=entry_ids, field="entries")
    linked = Entry.objects.for_owner(owner).filter(goals__in=goals).distinct()
    if any(entry not in set(linked) for entry in entries):
        raise field_error(
            "entries", "Only entries linked to the shared goals can be shared.", "link"
        )
    if include_entries:
        entries = list(dict.fromkeys([*entries, *linked]))
    share = Share(
        owner=owner,
        label=clean_text(
            label, field="label", max_length=SHARE_NAME_MAX, required=False
        ),
        expires_at=timezone.now() + timedelta(days=days),
        recipient=_recipient(owner, recipient),
        pack=pack,
    )
    token = None if share.recipient else secrets.token_urlsafe(TOKEN_BYTES)
    share.digest = token_digest(token) if token else None
    with transaction.atomic():
        share.save()
        share.goals.set(goals)
        share.entries.set(entries)
    return share, token


def _recipient(owner: Any, name: str) -> Any | None:
    name = name.strip()
    if not name:
        return None
    if settings.LOCAL_MODE:
        raise field_error(
            "recipient",
            "Sharing with a named user needs server mode; share a link instead.",
            "mode",
        )
    user = get_user_model().objects.filter(username=name, is_active=True).first()
    if user is None or user.pk == owner.pk:
        raise field_error("recipient", f"No other user named {name!r}.", "unknown")
    return user


def share_revoke(*, owner: Any, share_id: int) -> Share:
    share = _owned_share(owner=owner, share_id=share_id)
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        with transaction.atomic():
            share.save(update_fields=["revoked_at", "updated"])
    return share


SHARE_DEPENDENTS = {"accounts.sharecomment": ("comment", "comments")}


def share_delete(*, owner: Any, share_id: int) -> Trash:
    """Delete a share and its comments, kept for an undo; the feedback entries
    the comments made stay in the log."""
    share = _owned_share(owner=owner, share_id=share_id)
    return trash_delete(
        owner=owner, instance=share, label=share_name(share), names=SHARE_DEPENDENTS
    )


def share_delete_preview(*, owner: Any, share_id: int) -> tuple[Share, str]:
    """The share and what deleting it takes with it ("2 comments")."""
    share = _owned_share(owner=owner, share_id=share_id)
    return share, trash_dependents(share, names=SHARE_DEPENDENTS)


def share_name(share: Share) -> str:
    if share.label:
        return share.label
    if share.recipient_id:
        return f"share with {share.recipient}"
    return f"share link {share.pk}"


def _owned_share(*, owner: Any, share_id: int) -> Share:
    share: Share | None = Share.objects.for_owner(owner).filter(pk=share_id).first()
    if share is None:
        raise Http404(f"No share {share_id} among yours; `headway share list`.")
    return share


def share_by_token(*, token: str) -> Share:
    """The active share this secret opens; unknown, expired and revoked are 404."""
    share: Share | None = (
        Share.objects.active(timezone.now())
        .select_related("owner")
        .filter(digest=token_digest(token))
        .first()
    )
    if share is None:
        raise Http404("No such share.")
    return share


def share_for_recipient(*, user: Any, share_id: int) -> Share:
    share: Share | None = (
        Share.objects.active(timezone.now())
        .filter(pk=share_id, recipient=user)
        .select_related("owner")
        .first()
    )
    if share is None:
        raise Http404("No such share.")
    return share


def shares_with(*, user: Any) -> list[Share]:
    """Active shares other people made with this user, newest first."""
    return list(
        Share.objects.active(timezone.now())
        .filter(recipient=user)
        .select_related("owner")
    )


def shares_list(*, owner: Any) -> list[Share]:
    return list(
        Share.objects.for_owner(owner)
        .select_related("recipient")
        .prefetch_related("goals", "entries")
    )


def share_contents(share: Share) -> list[tuple[Any, list[Any]]]:
    """The shared goals, each with only the shared entries linked to it."""
    entries = list(
        share.entries.prefetch_related("goals", "samples").order_by(
            "-occurred_on", "-pk"
        )
    )
    goals = list(
        share.goals.all().select_related("priority").prefetch_related("checkins")
    )
    return [
        (
            goal,
            [e for e in entries if goal.pk in {g.pk for g in e.goals.all()}],
        )
        for goal in goals
    ]


def share_comments_by_goal(share: Share) -> dict[int, list[ShareComment]]:
    """This share's comments, oldest first, under the goal each is about."""
    found: dict[int, list[ShareComment]] = {}
    for comment in share.comments.order_by("created", "pk"):
        found.setdefault(comment.goal_id, []).append(comment)
    return found


def share_comment(
    *, share: Share, goal_id: int, author: str, text: str
) -> ShareComment:
    """A viewer's comment; it arrives in the owner's log as received feedback."""
    from headway.journal.services import entry_create

    author = clean_text(
        author, field="author", max_length=SHARE_NAME_MAX, required=True
    )
    text = clean_text(text, field="text", max_length=COMMENT_MAX, required=True)
    goal = share.goals.filter(pk=goal_id).first()
    if goal is None:
        raise Http404("No such goal in this share.")
    hour_ago = timezone.now() - timedelta(hours=1)
    with transaction.atomic():
        # Lock the share row so parallel comments count each other.
        Share.objects.select_for_update().filter(pk=share.pk).first()
        if share.comments.filter(created__gte=hour_ago).count() >= COMMENTS_PER_HOUR:
            raise TooManyComments(
                "This link has had many comments in the last hour; try again later."
            )
        entry = entry_create(
            owner=share.owner,
            title=f"Comment from {author} on “{goal.statement[:200]}”",
            kind="feedback",
            body=text,
            details={"direction": "received", "person": author},
            goal_ids=[goal.pk],
        )
        comment = ShareComment.objects.create(
            share=share, goal=goal, author=author, text=text, entry=entry
        )
    return comment


def share_url(share: Share, token: str | None, *, base: str) -> str:
    path = f"/share/{token}" if token else f"/share/with-me/{share.pk}"
    return base.rstrip("/") + path
