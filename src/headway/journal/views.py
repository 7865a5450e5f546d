"""The Log page (capture, search, timeline), an entry's page, and the Portfolio."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from headway.coach.capture import capture_message
from headway.coach.near import NearInput, near_score
from headway.core.deleting import delete_confirm, deleted
from headway.core.forms import add_service_error
from headway.core.rendering import HtmxHttpRequest, render_page
from headway.core.templatetags.outbound import is_outbound_safe
from headway.goals.models import Goal
from headway.journal import selectors, services
from headway.journal.drafts import drafts_pending
from headway.journal.forms import EntryForm, QuickCaptureForm, SampleForm, SearchForm
from headway.journal.kinds import kind_fields
from headway.journal.markdown import markdown_html
from headway.journal.models import EntryKind, WorkSample

TEMPLATE = "journal/entry_list.html"
PAGE_SIZE = 50


def _goals(user: Any) -> list[Goal]:
    return list(Goal.objects.for_owner(user).order_by("statement"))


def entry_list(request: HtmxHttpRequest) -> HttpResponse:
    goals = _goals(request.user)
    if request.method == "POST":
        return _entry_create(request, goals)
    search = SearchForm(request.GET or None, goals=goals)
    context = {
        "form": EntryForm(goals=goals, kind=request.GET.get("new", "")),
        "capture_form": QuickCaptureForm(),
        "kinds": EntryKind.choices,
        "drafts_waiting": drafts_pending(owner=request.user).count(),
    }
    context |= _results(request, search)
    partial = "results" if "q" in request.GET else None
    return render_page(request, TEMPLATE, context, partial=partial)


def _results(request: HttpRequest, search: SearchForm) -> dict[str, Any]:
    entries: list[Any] = []
    next_cursor = None
    filters = selectors.EntryFilters()
    if not search.is_bound or search.is_valid():
        try:
            if search.is_bound:
                filters = selectors.entry_filters_parse(**search.filter_arguments())
            entries, next_cursor = selectors.search_entries(
                owner=request.user,
                filters=filters,
                limit=PAGE_SIZE,
                cursor=request.GET.get("cursor", ""),
            )
        except ValidationError as error:
            add_service_error(search, error)
    return {
        "search": search,
        "entries": entries,
        "filters": filters,
        "next_cursor": next_cursor,
        "query_string": _without_cursor(request),
    }


def _without_cursor(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("cursor", None)
    return query.urlencode()


def _entry_create(request: HtmxHttpRequest, goals: list[Goal]) -> HttpResponse:
    form = EntryForm(request.POST, request.FILES, goals=goals)
    if form.is_valid():
        try:
            entry = services.entry_create(
                owner=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if not request.htmx:
                return redirect("journal:entry-list")
            fresh = EntryForm(goals=goals, kind=entry.kind)
            context = {"form": fresh, "entry": entry, "created": True}
            return render_page(request, TEMPLATE, context, partial="entry-form")
    context = {"form": form} | _results(request, SearchForm(goals=goals))
    return render_page(request, TEMPLATE, context, partial="entry-form")


@require_POST
def entry_capture(request: HtmxHttpRequest) -> HttpResponse:
    """One line in, an entry of the kind read from it out, and a word on why."""
    form = QuickCaptureForm(request.POST)
    context: dict[str, Any] = {"capture_form": form}
    if form.is_valid():
        title, body = form.title_and_body()
        reading = selectors.entry_capture_read(
            owner=request.user, text=f"{title} {body}"
        )
        try:
            entry = services.entry_create(
                owner=request.user,
                title=title,
                body=body,
                kind=reading.capture.kind,
                details=reading.details,
                contact_ids=[reading.contact_id] if reading.contact_id else [],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if not request.htmx:
                detail = reverse("journal:entry-detail", args=[entry.pk])
                return redirect(f"{detail}?captured=1")
            message = capture_message(reading.capture)
            context = {
                "capture_form": QuickCaptureForm(),
                "entry": entry,
                "captured": message.split(" Not right?")[0],
            }
    if not request.htmx:
        goals = _goals(request.user)
        page = {"form": EntryForm(goals=goals), "kinds": EntryKind.choices}
        page |= context | _results(request, SearchForm(goals=goals))
        return render_page(request, TEMPLATE, page)
    return render_page(request, TEMPLATE, context, partial="quick-capture")


def entry_form(request: HtmxHttpRequest) -> HttpResponse:
    """The fields of another kind, swapped in when the kind changes.

    Only the kind's own section is replaced, so what was typed elsewhere
    stays; the same kind again answers 204 and htmx leaves the form alone.
    """
    kind = request.GET.get("kind", "")
    if not request.htmx:
        return redirect(f"{reverse('journal:entry-list')}?new={kind}#entry-form")
    if kind == request.GET.get("shown_kind"):
        return HttpResponse(status=204)
    form = EntryForm(initial=request.GET.dict(), goals=_goals(request.user), kind=kind)
    return render_page(request, "journal/_kind_section.html", {"form": form})


@require_POST
def near_coach(request: HttpRequest) -> HttpResponse:
    """The live NEAR coach beside the form."""
    data = request.POST
    report = near_score(
        NearInput(
            text=" ".join([data.get("title", ""), data.get("body", "")[:2000]]),
            numbers=data.get("numbers", ""),
            example=data.get("example", ""),
            achievement=data.get("achievement", ""),
            result=data.get("result", ""),
        )
    )
    return render_page(
        request, "journal/_near_coach.html", {"near": report, "live": True}
    )


def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_get(owner=request.user, pk=pk)
    context = _detail_context(entry, captured="captured" in request.GET)
    return render_page(request, "journal/entry_detail.html", context)


def _detail_context(entry: Any, **extra: Any) -> dict[str, Any]:
    details = [
        (field.label, entry.details[field.name], field.shape == "url")
        for field in kind_fields(entry.kind)
        if field.name in entry.details
    ]
    near = None
    if entry.kind == "accomplishment":
        near = near_score(
            NearInput(
                text=entry.title,
                numbers=entry.numbers,
                example=entry.example,
                achievement=entry.achievement,
                result=entry.result,
            )
        )
    return {
        "entry": entry,
        "body_html": markdown_html(entry.body),
        "details": details,
        "near": near,
        "sample_form": extra.pop("sample_form", SampleForm()),
        **extra,
    }


def entry_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_get(owner=request.user, pk=pk)
    goals = _goals(request.user)
    if request.method != "POST":
        form = EntryForm(initial=_initial(entry), goals=goals, kind=entry.kind)
        return render_page(
            request, "journal/entry_edit.html", {"form": form, "entry": entry}
        )
    form = EntryForm(request.POST, request.FILES, goals=goals)
    if form.is_valid():
        arguments = form.service_arguments()
        arguments.pop("skills")
        arguments.pop("goal_ids", None)
        try:
            services.entry_update(owner=request.user, pk=entry.pk, **arguments)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("journal:entry-detail", pk=entry.pk)
    return render_page(
        request, "journal/entry_edit.html", {"form": form, "entry": entry}
    )


def _initial(entry: Any) -> dict[str, Any]:
    initial = {
        "title": entry.title,
        "kind": entry.kind,
        "occurred_on": entry.occurred_on.isoformat(),
        "tags": " ".join(entry.tag_names),
        "body": entry.body,
        "starred": entry.starred,
        "numbers": entry.numbers,
        "example": entry.example,
        "achievement": entry.achievement,
        "result": entry.result,
    }
    return initial | {f"d_{key}": value for key, value in entry.details.items()}


@require_http_methods(["GET", "POST"])
def entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first (naming the work samples that go too), then delete."""
    if request.method == "POST":
        deleted(request, services.entry_delete(owner=request.user, pk=pk))
        return redirect("journal:entry-list")
    entry = selectors.entry_get(owner=request.user, pk=pk)
    return delete_confirm(
        request,
        kind="entry",
        name=entry.title,
        dependents=services.entry_delete_preview(owner=request.user, pk=pk),
        cancel=reverse("journal:entry-detail", args=[pk]),
    )


@require_POST
def entry_samples_add(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_get(owner=request.user, pk=pk)
    form = SampleForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.entry_attach(
                owner=request.user,
                pk=entry.pk,
                attachments=form.cleaned_data["attachments"],
                links=form.cleaned_data["links"].split(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("journal:entry-detail", pk=entry.pk)
    entry = selectors.entry_get(owner=request.user, pk=pk)
    return render_page(
        request, "journal/entry_detail.html", _detail_context(entry, sample_form=form)
    )


def portfolio(request: HttpRequest) -> HttpResponse:
    samples = selectors.samples_list(owner=request.user)
    return render_page(request, "journal/portfolio.html", {"samples": samples})


def sample_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The owner downloads a work sample; anyone else gets a 404."""
    sample = selectors.sample_get(owner=request.user, pk=pk)
    return sample_response(sample, request=request, viewer=False)


def sample_response(
    sample: WorkSample, *, request: HttpRequest, viewer: bool = True
) -> HttpResponseBase:
    """The file, or for a link its owner's redirect; a share's viewer sees
    where the link leads before going there, so a share cannot be used to
    bounce people to any site under our name. An address that is not a web
    address (arrived by an import or the API) is shown, never followed."""
    if sample.kind != "file":
        if not viewer and is_outbound_safe(sample.url):
            return HttpResponseRedirect(sample.url)
        return render_page(request, "journal/sample_leaving.html", {"sample": sample})
    if not default_storage.exists(sample.blob_name):
        raise Http404("The stored file is missing.")
    response = FileResponse(
        default_storage.open(sample.blob_name, "rb"),
        as_attachment=True,
        filename=sample.name,
        content_type=sample.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
