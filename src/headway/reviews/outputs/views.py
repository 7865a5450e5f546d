"""/calendar/<secret>.ics: the owner's feed, opened by its secret alone."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from headway.accounts.feeds import feed_owner
from headway.reviews.outputs.calendar import feed_bytes


@require_GET
def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    owner = feed_owner(secret=secret)
    body = feed_bytes(
        owner=owner,
        today=timezone.localdate(),
        now=timezone.now(),
        base=request.build_absolute_uri("/"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    # The address is the key: no cache may keep the feed, no page may leak it.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
