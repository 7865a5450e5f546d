"""The log over JSON: entries with filters and cursors, samples, the NEAR coach."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from headway.coach.near import NearInput, near_score
from headway.core.auth import request_owner
from headway.core.text import field_error
from headway.journal import selectors, services
from headway.journal.models import NEAR_MAX, EntryKind

router = Router()
coach_router = Router()

KNOWN_PARAMETERS = {
    "q", "kind", "tag", "goal", "skill", "from", "to", "starred", "limit", "cursor",
}  # fmt: skip


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
    details: dict[str, Any] = Field(
        default_factory=dict,
        description="The kind's own fields, e.g. a talk's audience_size; "
        "unknown keys are refused.",
    )
    goal_ids: list[int] = Field(default_factory=list)
    contact_ids: list[int] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    links: list[str] = Field(
        default_factory=list, description="Work-sample links (http or https)."
    )


class EntryPatch(Schema):
    title: str | None = None
    kind: str | None = None
    body: str | None = None
    occurred_on: str | None = None
    tags: list[str] | None = None
    numbers: str | None = None
    example: str | None = None
    achievement: str | None = None
    result: str | None = None
    starred: bool | None = None
    details: dict[str, Any] | None = None
    links: list[str] = Field(default_factory=list)


class SampleOut(Schema):
    id: int
    kind: str
    name: str
    url: str
    size: int
    sha256: str
    content_type: str


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
    details: dict[str, Any]
    samples: list[SampleOut]
    created: datetime
    updated: datetime


class EntryPage(Schema):
    items: list[EntryOut]
    next_cursor: str | None = Field(
        None, description="Pass as `cursor` for the next page; null on the last."
    )


class EntryQuery(Schema):
    q: str = Field("", description="Words to find in titles, bodies, NEAR, tags.")
    kind: str = ""
    tag: list[str] = Field(default_factory=list, description="All must match.")
    goal: int | None = None
    skill: str = ""
    date_from: str = Field("", alias="from", description="'last march', 2026-01-01")
    date_to: str = Field("", alias="to", description="'today', 2026-06-30")
    starred: bool = False
    limit: int = Field(50, ge=1, le=500)
    cursor: str = ""


class Detail(Schema):
    detail: Any


class NearIn(Schema):
    text: str = Field("", description="The accomplishment in your own words.")
    numbers: str = ""
    example: str = ""
    achievement: str = ""
    result: str = ""


class NearPartOut(Schema):
    verdict: str
    reason: str
    question: str


class NearOut(Schema):
    numbers: NearPartOut
    example: NearPartOut
    achievement: NearPartOut
    result: NearPartOut
    weak_opening: str | None
    bullet: str


@router.post("", response={201: EntryOut, 422: Detail}, summary="Log an entry")
def entry_create(request: HttpRequest, payload: EntryIn) -> Status[Any]:
    entry = services.entry_create(owner=request_owner(request), **payload.dict())
    return Status(201, selectors.entry_as_dict(entry))


@router.get(
    "",
    response={200: EntryPage, 422: Detail},
    summary="Search and filter entries, newest first, a page at a time",
)
def entry_list(request: HttpRequest, query: Query[EntryQuery]) -> dict[str, Any]:
    unknown = sorted(set(request.GET) - KNOWN_PARAMETERS)
    if unknown:
        known = ", ".join(sorted(KNOWN_PARAMETERS))
        raise field_error(
            unknown[0], f"Unknown filter {unknown[0]!r}; use: {known}.", "filter"
        )
    filters = selectors.entry_filters_parse(
        query=query.q,
        kind=query.kind,
        tags=query.tag,
        goal=query.goal,
        skill=query.skill,
        date_from=query.date_from,
        date_to=query.date_to,
        starred=query.starred,
    )
    entries, next_cursor = selectors.search_entries(
        owner=request_owner(request),
        filters=filters,
        limit=query.limit,
        cursor=query.cursor,
    )
    return {
        "items": [selectors.entry_as_dict(entry) for entry in entries],
        "next_cursor": next_cursor,
    }


@router.get("/{entry_id}", response={200: EntryOut, 404: Detail}, summary="One entry")
def entry_detail(request: HttpRequest, entry_id: int) -> dict[str, Any]:
    return selectors.entry_as_dict(
        selectors.entry_get(owner=request_owner(request), pk=entry_id)
    )


@router.patch(
    "/{entry_id}",
    response={200: EntryOut, 404: Detail, 422: Detail},
    summary="Change an entry's fields (those sent)",
)
def entry_update(
    request: HttpRequest, entry_id: int, payload: EntryPatch
) -> dict[str, Any]:
    owner = request_owner(request)
    services.entry_update(owner=owner, pk=entry_id, **payload.dict())
    return selectors.entry_as_dict(selectors.entry_get(owner=owner, pk=entry_id))


@router.delete(
    "/{entry_id}", response={204: None, 404: Detail}, summary="Delete an entry"
)
def entry_delete(request: HttpRequest, entry_id: int) -> Status[None]:
    services.entry_delete(owner=request_owner(request), pk=entry_id)
    return Status(204, None)


@router.post(
    "/{entry_id}/samples",
    response={201: EntryOut, 404: Detail, 422: Detail},
    summary="Attach work-sample files (multipart, up to 25 MB each)",
)
def entry_samples_add(
    request: HttpRequest, entry_id: int, files: File[list[UploadedFile]]
) -> Status[Any]:
    owner = request_owner(request)
    services.entry_attach(owner=owner, pk=entry_id, attachments=files)
    return Status(
        201, selectors.entry_as_dict(selectors.entry_get(owner=owner, pk=entry_id))
    )


@coach_router.post("", response=NearOut, summary="Score an accomplishment on NEAR")
def near_coach(request: HttpRequest, payload: NearIn) -> dict[str, Any]:
    return near_score(NearInput(**payload.dict())).as_dict()
