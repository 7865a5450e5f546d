"""The log over JSON: create, list and read entries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from headway.api.auth import request_owner
from headway.journal import selectors, services
from headway.journal.models import NEAR_MAX, EntryKind

router = Router()


class EntryIn(Schema):
    title: str = Field(
        ..., description="What happened, in one line (1 to 300 characters)."
    )
    kind: str = Field(
        EntryKind.NOTE, description=f"One of: {', '.join(EntryKind.values)}."
    )
    body: str = Field("", description="Notes in Markdown, up to 100,000 characters.")
    occurred_on: str | None = Field(
        None,
        description="A date: 2026-03-14, 'yesterday', 'last friday'. Default today.",
    )
    tags: list[str] = Field(default_factory=list)
    numbers: str = Field("", max_length=NEAR_MAX)
    example: str = Field("", max_length=NEAR_MAX)
    achievement: str = Field("", max_length=NEAR_MAX)
    result: str = Field("", max_length=NEAR_MAX)
    starred: bool = False


class EntryOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    occurred_on: date
    tags: list[str]
    numbers: str
    example: str
    achievement: str
    result: str
    starred: bool
    created: datetime
    updated: datetime


class Detail(Schema):
    detail: Any


@router.post("", response={201: EntryOut, 422: Detail}, summary="Log an entry")
def entry_create(request: HttpRequest, payload: EntryIn) -> Status[Any]:
    entry = services.entry_create(owner=request_owner(request), **payload.dict())
    return Status(201, selectors.entry_as_dict(entry))


@router.get("", response=list[EntryOut], summary="The newest entries first")
def entry_list(request: HttpRequest, limit: int = 50) -> list[dict[str, Any]]:
    limit = max(1, min(limit, 500))
    return [
        selectors.entry_as_dict(entry)
        for entry in selectors.entries_recent(owner=request_owner(request), limit=limit)
    ]


@router.get("/{entry_id}", response={200: EntryOut, 404: Detail}, summary="One entry")
def entry_detail(request: HttpRequest, entry_id: int) -> dict[str, Any]:
    return selectors.entry_as_dict(
        selectors.entry_get(owner=request_owner(request), pk=entry_id)
    )
