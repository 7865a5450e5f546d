"""The dashboard, the sections still to come, and the health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from headway.journal.models import Entry
from headway.journal.selectors import entries_recent

# The areas of DOMAIN.md that have a place in the navigation but no pages yet.
SECTIONS = {
    "goals": ("Goals", "Goals you can check, with progress and the SMART coach."),
    "network": ("Network", "Your contacts, who is due a touch, and your mentors."),
    "growth": (
        "Growth",
        "What matters to you, your strengths, your target role and gaps.",
    ),
    "reviews": (
        "Reviews",
        "Weekly, quarterly and yearly reviews written from your log.",
    ),
}


def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    entries = Entry.objects.for_owner(request.user)
    context = {
        "recent": entries_recent(owner=request.user, limit=5),
        "month_count": entries.filter(
            occurred_on__year=today.year, occurred_on__month=today.month
        ).count(),
        "total_count": entries.count(),
    }
    return render(request, "core/dashboard.html", context)


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
