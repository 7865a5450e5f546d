"""Network pages: the due list and contacts, a contact's page, imports, mentors."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from headway.core.deleting import delete_confirm, deleted
from headway.core.errors import NotFound
from headway.core.forms import add_service_error
from headway.core.rendering import HtmxHttpRequest, render_page
from headway.exchange import vcard
from headway.goals.models import Goal, GoalStatus
from headway.network import previews, selectors, services
from headway.network.charts import growth_chart
from headway.network.forms import (
    CadenceForm,
    ContactForm,
    ImportForm,
    QuickTouchForm,
    TouchForm,
)
from headway.network.importing import (
    ImportRejected,
)
from headway.network.models import STANDARD_TAGS, ContactTag
from headway.network.owed import owed_list

LIST_LIMIT = 200


def _list_context(request: HttpRequest) -> dict[str, Any]:
    query = request.GET.get("q", "").strip()
    tag = request.GET.get("tag", "").strip()
    strength = request.GET.get("strength", "")
    strength_min = int(strength) if strength.isdigit() else None
    found = selectors.contacts_filtered(
        owner=request.user, tag=tag, query=query, strength_min=strength_min
    )
    contacts = list(found[:LIST_LIMIT])
    total = found.count() if len(contacts) == LIST_LIMIT else len(contacts)
    touches = selectors.last_touches(owner=request.user, contacts=contacts)
    return {
        "contacts": contacts,
        "rows": [(contact, touches[contact.pk]) for contact in contacts],
        "total": total,
        "limited": total > len(contacts),
        "q": query,
        "tag": tag,
        "strength": strength_min,
    }


def network_home(request: HtmxHttpRequest) -> HttpResponse:
    context = _list_context(request)
    if request.htmx and request.htmx.target == "contact-results":
        return render_page(
            request, "network/network_home.html", context, partial="contact-results"
        )
    own_tags = ContactTag.objects.for_owner(request.user).values_list("name", flat=True)
    context |= {
        "due": selectors.due_list(owner=request.user),
        "owed": owed_list(owner=request.user, today=timezone.localdate()),
        "tag_choices": sorted(set(STANDARD_TAGS) | set(own_tags)),
        "touch_form": QuickTouchForm(),
        "stats": selectors.network_stats(owner=request.user),
    }
    context["growth_chart"] = growth_chart(context["stats"].growth)
    return render_page(request, "network/network_home.html", context)


def contact_create(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_create(
                owner=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("network:contact-detail", pk=contact.pk)
    return render_page(
        request, "network/contact_form.html", {"form": form, "contact": None}
    )


def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = selectors.contact_get(owner=request.user, pk=pk)
    initial = {
        "name": contact.name,
        "organisation": contact.organisation,
        "role": contact.role,
        "strength": contact.strength,
        "tags": ", ".join(contact.tag_names),
        "met_how": contact.met_how,
        "met_where": contact.met_where,
        "met_on": contact.met_on.isoformat() if contact.met_on else "",
        "emails": ", ".join(contact.emails),
        "phones": ", ".join(contact.phones),
        "profile_url": contact.profile_url,
        "links": ", ".join(contact.links),
        "cadence_ideal_days": contact.cadence_ideal_days,
        "cadence_max_days": contact.cadence_max_days,
        "notes": contact.notes,
    }
    form = ContactForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        changes = form.service_arguments()
        changes["cadence"] = (
            changes.pop("cadence_ideal_days"),
            changes.pop("cadence_max_days"),
        )
        try:
            services.contact_update(owner=request.user, contact=contact, **changes)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("network:contact-detail", pk=contact.pk)
    return render_page(
        request, "network/contact_form.html", {"form": form, "contact": contact}
    )


def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact = selectors.contact_get(owner=request.user, pk=pk)
    return render_page(
        request,
        "network/contact_detail.html",
        _detail_context(request, contact, TouchForm(goals=_goal_choices(request))),
    )


def _detail_context(
    request: HttpRequest, contact: Any, form: TouchForm
) -> dict[str, Any]:
    owner = request.user
    return {
        "contact": contact,
        "form": form,
        "timeline": selectors.contact_timeline(owner=owner, contact=contact),
        "reciprocity": selectors.reciprocity_of(owner=owner, contact=contact),
        "state": selectors.contact_state(
            owner=owner, contact=contact, today=timezone.localdate()
        ),
        "last_touch": selectors.last_touches(owner=owner, contacts=[contact])[
            contact.pk
        ],
        "is_mentor": "mentor" in contact.tag_names,
        "is_manager": "manager" in contact.tag_names,
    }


@require_POST
def contact_touch(request: HttpRequest, pk: int) -> HttpResponse:
    """Log a touch from the contact page, or a quick one from the due list."""
    contact = selectors.contact_get(owner=request.user, pk=pk)
    form = TouchForm(request.POST, goals=_goal_choices(request))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.interaction_log(
                owner=request.user,
                contact=contact,
                kind=data["kind"],
                occurred_on=data["occurred_on"] or None,
                notes=data["notes"],
                promised=data["promised"],
                follow_up_by=data["follow_up_by"] or None,
                goal_ids=data.get("goal_ids", []),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect(_next(request) or contact_url(contact.pk))
    return render_page(
        request, "network/contact_detail.html", _detail_context(request, contact, form)
    )


def _goal_choices(request: HttpRequest) -> list[tuple[int, str]]:
    goals = Goal.objects.for_owner(request.user).filter(status=GoalStatus.ACTIVE)
    return [
        (pk, statement[:80]) for pk, statement in goals.values_list("id", "statement")
    ]


def contact_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("network:contact-detail", args=[pk])


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and safe else ""


@require_http_methods(["GET", "POST"])
def contact_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first (naming the touches that go too), then delete."""
    contact = selectors.contact_get(owner=request.user, pk=pk)
    if request.method == "POST":
        deleted(request, services.contact_delete(owner=request.user, contact=contact))
        return redirect("network:home")
    return delete_confirm(
        request,
        kind="contact",
        name=contact.name,
        dependents=services.contact_delete_preview(owner=request.user, contact=contact),
        cancel=contact_url(contact.pk),
    )


def import_contacts(request: HttpRequest) -> HttpResponse:
    """Upload, see what would happen, then confirm: nothing is written before."""
    form = ImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        source = form.cleaned_data["source"]
        report, preview = previews.preview_create(
            owner=request.user, source=source, upload=form.cleaned_data["file"]
        )
        context |= {"report": report, "source": source}
        if preview is not None:
            context["token"] = str(preview.token)
    return render_page(request, "network/import_form.html", context)


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    token = request.POST.get("token", "")
    try:
        report = previews.preview_confirm(owner=request.user, token=token)
    except NotFound:
        raise Http404 from None
    except previews.PreviewExpired as error:
        context = {"form": ImportForm(), "rejected_message": error.message}
        return render_page(
            request, "network/import_form.html", context, status=error.status
        )
    except ImportRejected as error:
        context = {"form": ImportForm(), "rejected": error.errors}
        return render_page(request, "network/import_form.html", context)
    return render_page(
        request,
        "network/import_form.html",
        {"form": ImportForm(), "done": report},
    )


@require_POST
def import_cancel(request: HttpRequest) -> HttpResponse:
    """Drop the previewed file without importing it."""
    try:
        previews.preview_cancel(owner=request.user, token=request.POST.get("token", ""))
    except NotFound:
        raise Http404 from None
    return redirect("network:import")


def export_vcard(request: HttpRequest) -> HttpResponse:
    """The filtered contacts (same filters as the list) as a .vcf download."""
    tag = request.GET.get("tag", "").strip()
    contacts = selectors.contacts_filtered(
        owner=request.user, tag=tag, query=request.GET.get("q", "").strip()
    )
    response = HttpResponse(
        vcard.export(contacts), content_type="text/vcard; charset=utf-8"
    )
    name = f"contacts-{tag}.vcf" if tag.isidentifier() else "contacts.vcf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def cadences(request: HttpRequest) -> HttpResponse:
    tiers = selectors.tiers_for(owner=request.user)
    preferences = services.preferences_get(owner=request.user)
    form = CadenceForm(
        request.POST if request.method == "POST" else None,
        tiers=tiers,
        preferences=preferences,
    )
    saved = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        tiers_wanted = {
            strength: (data[f"ideal_{strength}"], data[f"max_{strength}"])
            for strength in range(5, 0, -1)
        }
        try:
            services.network_rhythm_set(
                owner=request.user,
                tiers=tiers_wanted,
                mentor_update_days=data["mentor_update_days"],
                mentor_thanks_days=data["mentor_thanks_days"],
                event_follow_up_days=data["event_follow_up_days"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            saved = True
    tier_rows = [
        (strength, form[f"ideal_{strength}"], form[f"max_{strength}"])
        for strength in range(5, 0, -1)
    ]
    rhythm_fields = [
        form[name]
        for name in ("mentor_update_days", "mentor_thanks_days", "event_follow_up_days")
    ]
    return render_page(
        request,
        "network/cadence_form.html",
        {
            "form": form,
            "saved": saved,
            "tier_rows": tier_rows,
            "rhythm_fields": rhythm_fields,
        },
    )
