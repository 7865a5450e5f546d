"""Every page needs a signed-in user, except the login pages, health, the API
and what a secret in the address opens (shares, the calendar feed); and no
request body over its cap is read.

The API authenticates each request itself (session or bearer token) and
answers 401 as JSON rather than redirecting to a login page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.middleware import (
    LoginRequiredMiddleware as DjangoLoginRequiredMiddleware,
)
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse

OPEN_PREFIXES = ("/api/", "/static/", "/share/", "/calendar/")


class LoginRequiredMiddleware(DjangoLoginRequiredMiddleware):
    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if request.path.startswith(OPEN_PREFIXES):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class SessionIdleMiddleware:
    """Keep a signed-in session alive while it is used: two weeks after the
    last visit (SESSION_COOKIE_AGE), renewed once a day at most."""

    KEY = "headway_seen_on"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            from django.utils import timezone

            today = timezone.now().date().isoformat()
            if session.get(self.KEY) != today:
                session[self.KEY] = today  # saved, with a new expiry, after
        return self.get_response(request)


MEGABYTE = 1024 * 1024


class BodyLimitMiddleware:
    """Refuse a request whose declared body is over its cap, before it is read.

    Django would otherwise parse it, and spool any file part to disk, before
    a view (or CSRF) refused it. Anonymous requests (sign-in, a comment on a
    share) get a small cap; signed-in ones a large one (work samples and
    imports); JSON for the API Django's in-memory cap. Runs after the session
    is loaded and before any view, so nothing has touched the body yet.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        size = declared_size(request)
        if size > settings.BODY_MAX_ANONYMOUS:
            limit = body_limit(request)
            if size > limit:
                return too_large(request, size=size, limit=limit)
        return self.get_response(request)


def declared_size(request: HttpRequest) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0  # Django reads no body it cannot size


def body_limit(request: HttpRequest) -> int:
    if not _signed_in(request):
        return int(settings.BODY_MAX_ANONYMOUS)
    if request.content_type == "application/json":
        return int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    return int(settings.BODY_MAX)


def _signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if not request.path.startswith("/api/") or scheme.lower() != "bearer":
        return False
    from headway.accounts.services import api_token_authenticate

    return api_token_authenticate(token=token.strip()) is not None


def too_large(request: HttpRequest, *, size: int, limit: int) -> HttpResponse:
    detail = (
        f"The request is {_megabytes(size)}; at most {_megabytes(limit)} is "
        "accepted here. Send less at a time (a file over the limit can be split)."
    )
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": detail}, status=413)
    else:
        response = HttpResponse(detail, status=413, content_type="text/plain")
    if request.META.get("SERVER_SOFTWARE", "").startswith("gunicorn"):
        # Otherwise gunicorn reads (and discards) the rest to keep the
        # connection alive; WSGI allows this one hop-by-hop header there.
        response["Connection"] = "close"
    return response


def _megabytes(size: int) -> str:
    if size < MEGABYTE:
        return f"{size / 1024:.0f} KB"
    return f"{size / MEGABYTE:.1f} MB"
