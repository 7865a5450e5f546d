"""Pages of the rhythm: momentum and drift (the dashboard embeds the same parts)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from headway.reviews.heatmap import drift_view, heat_map
from headway.reviews.momentum import momentum_report

KIND_LABELS = {
    "accomplishment": "accomplishments",
    "learning": "learning",
    "talk": "talks",
    "content": "content",
    "initiative": "initiatives",
    "strong_tie": "new strong ties",
    "goal_checkin": "goal check-ins",
    "reading": "reading",
}


def momentum_context(owner: Any, today: date | None = None) -> dict[str, Any]:
    """What `reviews/_heatmap.html` and `reviews/_drift.html` need, for any page."""
    report = momentum_report(owner=owner, today=today or timezone.localdate())
    months = [
        (row, [(KIND_LABELS[kind], row.activities[kind]) for kind in row.activities])
        for row in reversed(report.momentum.months)
    ]
    return {
        "momentum": report.momentum,
        "heatmap": heat_map(report.momentum),
        "month_rows": months,
        "drift": drift_view(report.drift),
    }


@require_GET
def momentum_page(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/momentum_page.html", momentum_context(request.user))
