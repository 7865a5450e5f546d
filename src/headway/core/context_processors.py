"""Values every template may use."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

# The theme toggle in the header steps through these, in this order.
NEXT_THEME = {"system": "light", "light": "dark", "dark": "system"}
THEME_SESSION_KEY = "headway_theme"


def headway(request: HttpRequest) -> dict[str, Any]:
    from headway.core.navigation import navigation_links

    theme = owner_theme(request)
    return {
        "headway_mode": settings.MODE,
        "htmx_available": settings.HTMX_DIST.is_dir(),
        "navigation": navigation_links(request.path),
        "theme": theme,
        "next_theme": NEXT_THEME[theme],
    }


def owner_theme(request: HttpRequest) -> str:
    """The signed-in owner's colour theme, kept in their session when they
    signed in (accounts) and by the header's toggle; "system" otherwise.
    No query: every page shows it."""
    session = getattr(request, "session", None)
    kept = session.get(THEME_SESSION_KEY) if session is not None else None
    return str(kept) if kept in NEXT_THEME else "system"
