"""Every page needs a signed-in user, except the login pages, health, the API
and what a secret in the address opens (shares, the calendar feed).

The API authenticates each request itself (session or bearer token) and
answers 401 as JSON rather than redirecting to a login page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.middleware import (
    LoginRequiredMiddleware as DjangoLoginRequiredMiddleware,
)
from django.http import HttpRequest, HttpResponseBase

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
