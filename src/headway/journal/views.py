"""The Log page: the form to log an entry and the timeline under it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from headway.core.forms import add_service_error
from headway.core.rendering import HtmxHttpRequest, render_page
from headway.journal import selectors, services
from headway.journal.forms import EntryForm

TEMPLATE = "journal/entry_list.html"


def entry_list(request: HtmxHttpRequest) -> HttpResponse:
    form = EntryForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_create(
                owner=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if not request.htmx:
                return redirect("journal:entry-list")
            return render_page(
                request,
                TEMPLATE,
                {"form": EntryForm(), "entry": entry, "created": True},
                partial="entry-form",
            )
    entries = selectors.entries_recent(owner=request.user)
    return render_page(
        request, TEMPLATE, {"form": form, "entries": entries}, partial="entry-form"
    )


def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_get(owner=request.user, pk=pk)
    return render_page(request, "journal/entry_detail.html", {"entry": entry})
