"""Values every template may use."""

from __future__ import annotations

from typing import Any

from django.apps import apps
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
    """The signed-in owner's colour theme; "system" for everyone else.

    Kept in the session after the first page so pages cost no extra query;
    the toggle (accounts' theme view) writes both. Read through the app
    registry: accounts sits above core in the layers.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "system"
    session = getattr(request, "session", None)
    kept = session.get(THEME_SESSION_KEY) if session is not None else None
    if kept in NEXT_THEME:
        return str(kept)
    profile = apps.get_model("accounts", "Profile")
    theme = profile.objects.filter(owner=user).values_list("theme", flat=True).first()
    theme = theme if theme in NEXT_THEME else "system"
    if session is not None:
        session[THEME_SESSION_KEY] = theme
    return theme
