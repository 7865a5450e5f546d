"""The owner's profile and role history over JSON."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from headway.accounts.profile import profile_as_dict, profile_get, profile_update
from headway.accounts.roles import role_as_dict, role_create, role_delete, roles_list
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


class RoleOut(Schema):
    id: int
    title: str
    organisation: str
    started_on: str
    ended_on: str | None


class RoleIn(Schema):
    title: str
    organisation: str
    started_on: str
    ended_on: str | None = None


@profile_router.get("/roles", response=list[RoleOut], summary="Your roles")
def roles_show(request: HttpRequest) -> list[dict[str, Any]]:
    return [role_as_dict(role) for role in roles_list(owner=request_owner(request))]


@profile_router.post(
    "/roles", response={201: RoleOut, 422: Detail}, summary="Add a role"
)
def role_add(request: HttpRequest, payload: RoleIn) -> Any:
    role = role_create(owner=request_owner(request), **payload.dict())
    return Status(201, role_as_dict(role))


@profile_router.delete(
    "/roles/{role_id}", response={204: None, 404: Detail}, summary="Remove a role"
)
def role_remove(request: HttpRequest, role_id: int) -> Any:
    role_delete(owner=request_owner(request), role_id=role_id)
    return Status(204, None)
