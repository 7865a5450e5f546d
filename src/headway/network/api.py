"""The network over JSON: contacts, touches, the due list, stats, cadences, imports."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.params.functions import File, Form, Path, Query

from headway.core.auth import request_owner
from headway.core.errors import HeadwayError
from headway.exchange import linkedin, vcard
from headway.exchange.contact_records import MAX_IMPORT_BYTES
from headway.network import mentorship, selectors, services
from headway.network.importing import contacts_import, contacts_import_preview
from headway.network.models import InteractionKind
from headway.network.prep import agenda_as_dict
from headway.network.previews import STREAM_PARSERS

contacts_router = Router()
network_router = Router()
ID_MAX = 2**31 - 1
ContactId = Path(..., ge=1, le=ID_MAX)
UPLOAD = File(...)
CONFIRM = Form(False)
IdList = list[Annotated[int, Field(ge=1, le=ID_MAX)]]


class Detail(Schema):
    detail: Any


ERRORS = {400: Detail, 404: Detail, 422: Detail}


class ContactIn(Schema):
    name: str = Field(..., description="Their name, 1 to 200 characters.")
    organisation: str = ""
    role: str = ""
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    profile_url: str = Field("", description="LinkedIn or other profile URL.")
    met_how: str = Field(
        "", description="event, association, online, work, introduction or other."
    )
    met_where: str = ""
    met_on: str | None = Field(None, description="2025-05-04, 'last friday'…")
    strength: int = Field(3, description="1 (weak) to 5 (closest).")
    tags: list[str] = Field(default_factory=list)
    notes: str = ""
    cadence_ideal_days: int | None = Field(None, description="Touch every N days.")
    cadence_max_days: int | None = Field(None, description="Overdue after N days.")


class ContactPatch(Schema):
    name: str | None = None
    organisation: str | None = None
    role: str | None = None
    emails: list[str] | None = None
    phones: list[str] | None = None
    links: list[str] | None = None
    profile_url: str | None = None
    met_how: str | None = None
    met_where: str | None = None
    met_on: str | None = None
    strength: int | None = None
    tags: list[str] | None = None
    notes: str | None = None


class ContactOut(Schema):
    id: int
    name: str
    organisation: str
    role: str
    strength: int
    tags: list[str]
    last_touch: date | None
    emails: list[str]
    phones: list[str]
    links: list[str]
    profile_url: str
    met_how: str
    met_where: str
    met_on: date | None
    notes: str
    cadence_ideal_days: int | None
    cadence_max_days: int | None


class InteractionIn(Schema):
    kind: str = Field(..., description=f"One of: {', '.join(InteractionKind.values)}.")
    occurred_on: str | None = Field(None, description="Default today.")
    notes: str = ""
    promised: bool = Field(False, description="Help given that is still owed.")
    follow_up_by: str | None = None
    goal_ids: IdList = Field(default_factory=list)
    entry_ids: IdList = Field(default_factory=list)


class InteractionOut(Schema):
    id: int
    contact_id: int
    kind: str
    occurred_on: date
    notes: str
    promised: bool


class DueOut(Schema):
    id: int
    name: str
    organisation: str
    strength: int
    tags: list[str]
    last_touch: date | None
    state: str
    due_on: date
    days_late: int
    reasons: list[str]


class GrowthOut(Schema):
    year: int
    added: int
    strong_added: int
    total: int
    strong_total: int


class ExchangeOut(Schema):
    name: str
    given: int
    received: int


class StatsOut(Schema):
    size: int
    strong_ties: int
    by_strength: dict[str, int]
    help_given: int
    help_received: int
    reciprocity: str
    growth: list[GrowthOut]
    exchanges: list[ExchangeOut]


class TierOut(Schema):
    strength: int
    ideal_days: int | None
    max_days: int | None


class TierIn(Schema):
    ideal_days: int | None = Field(None, ge=1, le=3650)
    max_days: int | None = Field(None, ge=1, le=3650)


class AgendaItemOut(Schema):
    text: str
    notes: list[str]


class AgendaSectionOut(Schema):
    key: str
    title: str
    items: list[AgendaItemOut]


class AgendaOut(Schema):
    role: str
    contact_id: int
    since: date
    last_meeting_on: date | None
    open_questions: list[str]
    sections: list[AgendaSectionOut]
    markdown: str


class QuestionIn(Schema):
    text: str
    role: str = Field("", description="mentor or manager; default: by the tags.")


class MeetingIn(Schema):
    role: str = Field("", description="mentor or manager; default: by the tags.")
    notes: str = ""
    follow_ups: str = ""
    occurred_on: str | None = Field(None, description="When; default today.")


class MeetingOut(Schema):
    id: int
    title: str
    occurred_on: date


class ImportOut(Schema):
    created: int
    matched: int
    skipped: int
    errors: list[str]
    confirmed: bool


def _contact_out(owner: Any, contact: Any) -> dict[str, Any]:
    touches = selectors.last_touches(owner=owner, contacts=[contact])
    return selectors.contact_as_dict(contact, last_touch=touches[contact.pk])


def _interaction_out(touch: Any) -> dict[str, Any]:
    return {
        "id": touch.pk,
        "contact_id": touch.contact_id,
        "kind": touch.kind,
        "occurred_on": touch.occurred_on,
        "notes": touch.notes,
        "promised": touch.promised,
    }


@contacts_router.get("", response={200: list[ContactOut]}, summary="Your contacts")
def contact_list(
    request: HttpRequest,
    tag: str = "",
    q: str = "",
    min_strength: int | None = Query(None, ge=1, le=5),
) -> list[dict[str, Any]]:
    owner = request_owner(request)
    contacts = list(
        selectors.contacts_filtered(
            owner=owner, tag=tag, query=q, strength_min=min_strength
        )
    )
    touches = selectors.last_touches(owner=owner, contacts=contacts)
    return [selectors.contact_as_dict(c, last_touch=touches[c.pk]) for c in contacts]


@contacts_router.post("", response={201: ContactOut, **ERRORS}, summary="Add one")
def contact_create(request: HttpRequest, payload: ContactIn) -> Status[Any]:
    owner = request_owner(request)
    contact = services.contact_create(owner=owner, **payload.dict())
    return Status(201, _contact_out(owner, contact))


@contacts_router.get(
    "/{contact_id}", response={200: ContactOut, **ERRORS}, summary="One contact"
)
def contact_detail(request: HttpRequest, contact_id: int = ContactId) -> Any:
    owner = request_owner(request)
    return _contact_out(owner, selectors.contact_get(owner=owner, pk=contact_id))


@contacts_router.patch(
    "/{contact_id}", response={200: ContactOut, **ERRORS}, summary="Change fields"
)
def contact_update(
    request: HttpRequest, payload: ContactPatch, contact_id: int = ContactId
) -> Any:
    owner = request_owner(request)
    contact = selectors.contact_get(owner=owner, pk=contact_id)
    changes = {k: v for k, v in payload.dict().items() if v is not None}
    services.contact_update(owner=owner, contact=contact, **changes)
    return _contact_out(owner, selectors.contact_get(owner=owner, pk=contact_id))


@contacts_router.delete(
    "/{contact_id}", response={204: None, **ERRORS}, summary="Delete a contact"
)
def contact_delete(request: HttpRequest, contact_id: int = ContactId) -> Status[None]:
    owner = request_owner(request)
    contact = selectors.contact_get(owner=owner, pk=contact_id)
    services.contact_delete(owner=owner, contact=contact)
    return Status(204, None)


@contacts_router.get(
    "/{contact_id}/interactions",
    response={200: list[InteractionOut], **ERRORS},
    summary="A contact's touches, newest first",
)
def interaction_list(request: HttpRequest, contact_id: int = ContactId) -> Any:
    owner = request_owner(request)
    contact = selectors.contact_get(owner=owner, pk=contact_id)
    return [_interaction_out(t) for t in contact.interactions.all()]


@contacts_router.post(
    "/{contact_id}/interactions",
    response={201: InteractionOut, **ERRORS},
    summary="Log a touch (resets the contact's clock)",
)
def interaction_create(
    request: HttpRequest, payload: InteractionIn, contact_id: int = ContactId
) -> Status[Any]:
    owner = request_owner(request)
    contact = selectors.contact_get(owner=owner, pk=contact_id)
    touch = services.interaction_log(owner=owner, contact=contact, **payload.dict())
    return Status(201, _interaction_out(touch))


@contacts_router.get(
    "/{contact_id}/mentor-prep",
    response={200: AgendaOut, **ERRORS},
    summary="The agenda for the next mentor meeting, as sections and Markdown",
)
def mentor_prep(request: HttpRequest, contact_id: int = ContactId) -> Any:
    owner = request_owner(request)
    contact = selectors.contact_get(owner=owner, pk=contact_id)
    return agenda_as_dict(mentorship.mentor_agenda(owner=owner, contact=contact))


@contacts_router.get(
    "/{contact_id}/prep",
    response={200: AgendaOut, **ERRORS},
    summary="The next mentor meeting or manager 1:1 with this contact",
)
def meeting_prep(
    request: HttpRequest, contact_id: int = ContactId, role: str = ""
) -> Any:
    owner = request_owner(request)
    contact = selectors.contact_get(owner=owner, pk=contact_id)
    agenda = mentorship.meeting_agenda(
        owner=owner, contact=contact, role=mentorship.role_of(contact, role)
    )
    return agenda_as_dict(agenda)


@contacts_router.post(
    "/{contact_id}/questions",
    response={201: Detail, **ERRORS},
    summary="Keep a question for the next meeting with a mentor or manager",
)
def mentor_question(
    request: HttpRequest, payload: QuestionIn, contact_id: int = ContactId
) -> Status[Any]:
    owner = request_owner(request)
    contact = selectors.contact_get(owner=owner, pk=contact_id)
    question = mentorship.question_add(
        owner=owner,
        contact=contact,
        text=payload.text,
        role=mentorship.role_of(contact, payload.role),
    )
    return Status(201, {"detail": question.text})


@contacts_router.post(
    "/{contact_id}/meetings",
    response={201: MeetingOut, **ERRORS},
    summary="Record a mentor meeting or manager 1:1 as a meeting entry",
)
def meeting_create(
    request: HttpRequest, payload: MeetingIn, contact_id: int = ContactId
) -> Status[Any]:
    owner = request_owner(request)
    contact = selectors.contact_get(owner=owner, pk=contact_id)
    entry = mentorship.meeting_record(
        owner=owner,
        contact=contact,
        role=mentorship.role_of(contact, payload.role),
        notes=payload.notes,
        follow_ups=payload.follow_ups,
        occurred_on=payload.occurred_on or None,
    )
    return Status(
        201, {"id": entry.pk, "title": entry.title, "occurred_on": entry.occurred_on}
    )


@network_router.get(
    "/manager-prep",
    response={200: AgendaOut, **ERRORS},
    summary="The next manager 1:1; `name` picks one when you have several",
)
def manager_prep(request: HttpRequest, name: str = "") -> Any:
    owner = request_owner(request)
    contact = mentorship.manager_find(owner=owner, name=name)
    agenda = mentorship.meeting_agenda(owner=owner, contact=contact, role="manager")
    return agenda_as_dict(agenda)


@network_router.get("/due", response={200: list[DueOut]}, summary="Who is due a touch")
def due(request: HttpRequest) -> list[dict[str, Any]]:
    rows = selectors.due_list(owner=request_owner(request))
    return [selectors.due_as_dict(row) for row in rows]


@network_router.get("/stats", response={200: StatsOut}, summary="Network stats")
def stats(request: HttpRequest) -> dict[str, Any]:
    return selectors.stats_as_dict(
        selectors.network_stats(owner=request_owner(request))
    )


@network_router.get(
    "/cadences", response={200: list[TierOut]}, summary="Cadence per strength"
)
def cadence_list(request: HttpRequest) -> list[dict[str, Any]]:
    tiers = selectors.tiers_for(owner=request_owner(request))
    return [
        {"strength": s, "ideal_days": c.ideal_days, "max_days": c.max_days}
        for s, c in sorted(tiers.items(), reverse=True)
    ]


@network_router.put(
    "/cadences/{strength}",
    response={200: TierOut, **ERRORS},
    summary="Change the cadence of one strength (both null: none)",
)
def cadence_set(
    request: HttpRequest, payload: TierIn, strength: int = Path(..., ge=1, le=5)
) -> dict[str, Any]:
    tier = services.cadence_tier_set(
        owner=request_owner(request),
        strength=strength,
        ideal_days=payload.ideal_days,
        max_days=payload.max_days,
    )
    return {
        "strength": tier.strength,
        "ideal_days": tier.ideal_days,
        "max_days": tier.max_days,
    }


@network_router.post(
    "/import/{source}",
    response={200: ImportOut, **ERRORS},
    summary="Import linkedin or vcard; confirm=false only previews",
)
def import_file(
    request: HttpRequest,
    source: str,
    file: UploadedFile = UPLOAD,
    confirm: bool = CONFIRM,
) -> dict[str, Any]:
    parsers = {"linkedin": linkedin.parse, "vcard": vcard.parse}
    if source not in parsers:
        raise HeadwayError("Import source is linkedin or vcard.")
    if (file.size or 0) > MAX_IMPORT_BYTES:
        raise HeadwayError("The file is over 50 MB; nothing imported.")
    owner = request_owner(request)
    if not confirm:
        # A preview reads the upload as a stream: memory does not grow with it.
        streamed = STREAM_PARSERS[source](file)
        report = contacts_import_preview(owner=owner, parsed=streamed)
        return report.as_dict() | {"confirmed": False}
    parsed = parsers[source](file.read())
    if not parsed.errors:
        report = contacts_import(owner=owner, parsed=parsed)
    else:
        report = contacts_import_preview(owner=owner, parsed=parsed)
    return report.as_dict() | {"confirmed": not report.errors}
