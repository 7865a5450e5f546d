"""The JSON API at /api/v1/: one router per app, errors mapped once to {"detail": …}."""

from __future__ import annotations

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    ValidationError,
)
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI

from headway.accounts.api import profile_router
from headway.accounts.tokens_api import router as tokens_router
from headway.api.auth import API_AUTH
from headway.core.errors import HeadwayError, error_text
from headway.goals.api import coach_router as smart_router
from headway.goals.api import router as goals_router
from headway.growth.api import gaps_router, skills_router
from headway.growth.api import router as growth_router
from headway.journal.api import coach_router as near_router
from headway.journal.api import router as journal_router
from headway.network.api import contacts_router, network_router
from headway.opportunities.api import (
    companies_router,
    mentors_router,
    openings_router,
)
from headway.reviews.api import (
    agenda_router,
    archive_router,
    cadences_router,
    gap_plan_router,
    momentum_router,
    next_router,
)
from headway.sharing.api import router as shares_router

api = NinjaAPI(
    title="Headway API",
    version="1",
    description="Your career log, goals and network, as JSON. "
    "Authenticate with `Authorization: Bearer <token>` (`headway token create`).",
    auth=API_AUTH,
    urls_namespace="api",
)
api.add_router("/entries", journal_router, tags=["log"])
api.add_router("/coach/near", near_router, tags=["log"])
api.add_router("/goals", goals_router, tags=["goals"])
api.add_router("/coach/smart", smart_router, tags=["goals"])
api.add_router("/priorities", growth_router, tags=["growth"])
api.add_router("/skills", skills_router, tags=["growth"])
api.add_router("/gaps", gaps_router, tags=["growth"])
api.add_router("/gaps", gap_plan_router, tags=["growth"])
api.add_router("/shares", shares_router, tags=["shares"])
api.add_router("/tokens", tokens_router, tags=["tokens"])
api.add_router("/contacts", contacts_router, tags=["network"])
api.add_router("/network", network_router, tags=["network"])
api.add_router("/agenda", agenda_router, tags=["rhythm"])
api.add_router("/cadences", cadences_router, tags=["rhythm"])
api.add_router("/profile", profile_router, tags=["profile"])
api.add_router("/momentum", momentum_router, tags=["rhythm"])
api.add_router("/next", next_router, tags=["rhythm"])
api.add_router("/archive", archive_router, tags=["archive"])
api.add_router("/companies", companies_router, tags=["opportunities"])
api.add_router("/openings", openings_router, tags=["opportunities"])
api.add_router("/mentor-candidates", mentors_router, tags=["opportunities"])


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": error_text(error)}, status=422)


@api.exception_handler(HeadwayError)
def on_headway_error(request: HttpRequest, error: HeadwayError) -> HttpResponse:
    return api.create_response(request, {"detail": error.message}, status=error.status)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "Not allowed."}, status=403)


@api.exception_handler(RequestDataTooBig)
def on_too_big(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
    detail = "The request body is over the limit; send less at a time."
    return api.create_response(request, {"detail": detail}, status=413)
