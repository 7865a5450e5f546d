"""The sections still to come, and the health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

# The areas of DOMAIN.md that have a place in the navigation but no pages yet.
SECTIONS = {
    "reviews": (
        "Reviews",
        "Weekly, quarterly and yearly reviews written from your log.",
    ),
}


def section(request: HttpRequest, name: str) -> HttpResponse:
    if name not in SECTIONS:
        raise Http404
    label, purpose = SECTIONS[name]
    return render(request, "core/section.html", {"label": label, "purpose": purpose})


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
