"""The owner's profile over JSON."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from headway.accounts.profile import profile_as_dict, profile_get, profile_update
from headway.core.auth import request_owner

profile_router = Router()


class Detail(Schema):
    detail: Any


class ProfileOut(Schema):
    name: str
    email: str
    headline: str
    location: str
    links: list[str]


class ProfileIn(Schema):
    name: str | None = None
    email: str | None = None
    headline: str | None = None
    location: str | None = None
    links: list[str] | None = Field(None, max_length=20)


@profile_router.get("", response=ProfileOut, summary="Your profile")
def profile_show(request: HttpRequest) -> dict[str, Any]:
    return profile_as_dict(profile_get(owner=request_owner(request)))


@profile_router.patch(
    "", response={200: ProfileOut, 422: Detail}, summary="Change the fields sent"
)
def profile_change(request: HttpRequest, payload: ProfileIn) -> Any:
    profile = profile_update(
        owner=request_owner(request), **payload.dict(exclude_unset=True)
    )
    return profile_as_dict(profile)
