"""Values every template may use."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def headway(request: HttpRequest) -> dict[str, Any]:
    from headway.core.navigation import NAVIGATION

    return {
        "headway_mode": settings.MODE,
        "htmx_available": settings.HTMX_DIST.is_dir(),
        "navigation": [
            (item.label, item.url, item.is_current(request.path)) for item in NAVIGATION
        ],
    }
