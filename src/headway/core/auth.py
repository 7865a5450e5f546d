"""Who a request acts for: what every app's API router needs without a door."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def request_owner(request: HttpRequest) -> Any:
    """The authenticated user; ninja sets `auth` on the request, untyped."""
    return request.auth  # type: ignore[attr-defined]
