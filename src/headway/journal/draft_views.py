"""/log/drafts/: drafted entries (from a git history) kept or discarded."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from headway.core.forms import add_service_error
from headway.core.rendering import render_page
from headway.journal.drafts import (
    draft_discard,
    draft_keep,
    draft_pending,
    drafts_pending,
)
from headway.journal.forms import DraftKeepForm


@require_GET
def draft_list(request: HttpRequest) -> HttpResponse:
    drafts = list(drafts_pending(owner=request.user))
    return render_page(
        request,
        "journal/draft_list.html",
        {"forms": [(draft, DraftKeepForm.for_draft(draft)) for draft in drafts]},
    )


@require_POST
def draft_keep_view(request: HttpRequest, pk: int) -> HttpResponse:
    draft = draft_pending(owner=request.user, draft_id=pk)
    form = DraftKeepForm.for_draft(draft, request.POST)
    if form.is_valid():
        try:
            entry = draft_keep(owner=request.user, draft_id=pk, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"Kept “{entry.title}” in your log.")
            return redirect("journal:draft-list")
    others = drafts_pending(owner=request.user).exclude(pk=pk)
    return render_page(
        request,
        "journal/draft_list.html",
        {
            "forms": [(draft, form)]
            + [(other, DraftKeepForm.for_draft(other)) for other in others]
        },
    )


@require_POST
def draft_discard_view(request: HttpRequest, pk: int) -> HttpResponse:
    draft = draft_discard(owner=request.user, draft_id=pk)
    messages.success(request, f"Discarded the draft for {draft.period}.")
    return redirect("journal:draft-list")
