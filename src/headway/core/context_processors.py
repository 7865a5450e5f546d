"""Values every template may use."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def headway(request: HttpRequest) -> dict[str, Any]:
    from headway.core.views import SECTIONS

    return {
        "headway_mode": settings.MODE,
        "htmx_available": settings.HTMX_DIST.is_dir(),
        "sections": [(name, label) for name, (label, _) in SECTIONS.items()],
    }
