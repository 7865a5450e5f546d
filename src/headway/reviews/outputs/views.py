"""/calendar/<secret>.ics: the owner's feed, opened by its secret alone; and
/profile/brag/: the brag document downloaded from the web."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from headway.accounts.feeds import feed_owner
from headway.core.links import public_base
from headway.core.rendering import render_page
from headway.reviews.outputs.brag import brag_document, brag_render
from headway.reviews.outputs.calendar import feed_bytes


@require_GET
def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    owner = feed_owner(secret=secret)
    body = feed_bytes(
        owner=owner,
        today=timezone.localdate(),
        now=timezone.now(),
        base=public_base(request),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    # The address is the key: no cache may keep the feed, no page may leak it.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


class BragForm(forms.Form):
    year = forms.IntegerField(label="Year", min_value=1900, max_value=2999)
    format = forms.ChoiceField(
        label="Format",
        choices=[("pdf", "PDF"), ("html", "HTML page"), ("md", "Markdown")],
        initial="pdf",
    )


BRAG_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}


@require_GET
@never_cache
def brag_download(request: HttpRequest) -> HttpResponse:
    """The brag document of a year as a file; the form again if the year or
    format is wrong (or not given yet)."""
    form = BragForm(request.GET or None, initial={"year": timezone.localdate().year})
    if not form.is_valid():
        return render_page(request, "reviews/brag_download.html", {"form": form})
    year, format = form.cleaned_data["year"], form.cleaned_data["format"]
    document = brag_document(owner=request.user, year=year)
    response = HttpResponse(
        brag_render(document, format=format), content_type=BRAG_TYPES[format]
    )
    name = f"brag-document-{year}.{format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
