"""Shares over JSON: create (the link is returned once), list, revoke."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.params.functions import Path

from headway.accounts.models import Share
from headway.core.auth import request_owner
from headway.core.links import public_base
from headway.sharing import shares
from headway.sharing.pack import pack_share

router = Router()
ID_MAX = 2**31 - 1


class Detail(Schema):
    detail: Any


class ShareIn(Schema):
    goal_ids: list[int] = Field(..., description="The goals to share.", max_length=100)
    entry_ids: list[int] = Field(
        default_factory=list,
        description="Log entries linked to those goals to show too.",
        max_length=500,
    )
    include_entries: bool = Field(
        False, description="Show every entry linked to the goals."
    )
    days: int = Field(30, description="How long the share lasts, 1 to 365 days.")
    recipient: str = Field(
        "", description="A user name (server mode) instead of a link."
    )
    pack: bool = Field(
        False,
        description="Share a review pack: the goals with their NEAR evidence and "
        "the feedback received on them (entry_ids and include_entries are ignored).",
    )


class ShareOut(Schema):
    id: int
    goal_ids: list[int]
    entry_ids: list[int]
    recipient: str | None
    expires_at: str
    revoked: bool
    pack: bool = Field(False, description="A review pack rather than plain goals.")
    url: str | None = Field(None, description="The secret link; returned only once.")


def share_as_dict(share: Share, url: str | None = None) -> dict[str, Any]:
    return {
        "id": share.pk,
        "goal_ids": sorted(g.pk for g in share.goals.all()),
        "entry_ids": sorted(e.pk for e in share.entries.all()),
        "recipient": share.recipient.get_username() if share.recipient else None,
        "expires_at": share.expires_at.isoformat(),
        "revoked": share.revoked_at is not None,
        "pack": share.pack,
        "url": url,
    }


def _ids(values: list[int]) -> list[int]:
    return [v for v in values if 1 <= v <= ID_MAX] + [
        0 for v in values if not 1 <= v <= ID_MAX
    ]


@router.post(
    "", response={201: ShareOut, 404: Detail, 422: Detail}, summary="Share goals"
)
def share_create(request: HttpRequest, payload: ShareIn) -> Status[Any]:
    if payload.pack:
        share, token = pack_share(
            owner=request_owner(request),
            goal_ids=_ids(payload.goal_ids),
            today=timezone.localdate(),
            days=payload.days,
            recipient=payload.recipient,
        )
    else:
        share, token = shares.share_create(
            owner=request_owner(request),
            goal_ids=_ids(payload.goal_ids),
            entry_ids=_ids(payload.entry_ids),
            include_entries=payload.include_entries,
            days=payload.days,
            recipient=payload.recipient,
        )
    url = shares.share_url(share, token, base=public_base(request))
    return Status(201, share_as_dict(share, url))


@router.get("", response=list[ShareOut], summary="Your shares, newest first")
def share_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        share_as_dict(share)
        for share in shares.shares_list(owner=request_owner(request))
    ]


@router.post(
    "/{share_id}/revoke",
    response={200: ShareOut, 404: Detail, 422: Detail},
    summary="Revoke a share: its link answers 404 from now on",
)
def share_revoke(
    request: HttpRequest, share_id: int = Path(..., ge=1, le=ID_MAX)
) -> dict[str, Any]:
    share = shares.share_revoke(owner=request_owner(request), share_id=share_id)
    return share_as_dict(share)
