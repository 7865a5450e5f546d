"""Meeting prep pages: the next mentor meeting or manager 1:1 with one contact."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from headway.core.errors import HeadwayError
from headway.core.forms import add_service_error
from headway.core.rendering import render_page
from headway.network import mentorship, selectors
from headway.network.agenda_html import agenda_html
from headway.network.forms import MeetingForm, QuestionForm
from headway.network.models import Contact


def mentor_prep(request: HttpRequest, pk: int) -> HttpResponse:
    return _prep_page(request, pk, role="mentor")


def manager_prep(request: HttpRequest, pk: int) -> HttpResponse:
    return _prep_page(request, pk, role="manager")


def manager_home(request: HttpRequest) -> HttpResponse:
    """The only manager's prep page, or a choice among several, or how to tag one."""
    managers = list(
        Contact.objects.for_owner(request.user)
        .filter(tags__name="manager")
        .order_by("name", "id")
    )
    if len(managers) == 1:
        return redirect("network:manager-prep", pk=managers[0].pk)
    return render_page(request, "network/manager_home.html", {"managers": managers})


def _prep_page(request: HttpRequest, pk: int, *, role: str) -> HttpResponse:
    contact = selectors.contact_get(owner=request.user, pk=pk)
    posted = request.POST.get("action") if request.method == "POST" else None
    question_form = QuestionForm(request.POST if posted == "ask" else None)
    meeting_form = MeetingForm(request.POST if posted == "record" else None)
    context: dict[str, Any] = {"contact": contact, "role": role}
    try:
        if posted and _post(request, contact, role, question_form, meeting_form):
            return redirect(f"network:{role}-prep", pk=contact.pk)
        agenda = mentorship.meeting_agenda(
            owner=request.user, contact=contact, role=role
        )
    except HeadwayError as error:
        context["not_tagged"] = error.message
        return render_page(request, "network/mentor_prep.html", context)
    context |= {
        "agenda": agenda,
        "agenda_html": agenda_html(agenda.markdown),
        "question_form": question_form,
        "meeting_form": meeting_form,
    }
    return render_page(request, "network/mentor_prep.html", context)


def _post(
    request: HttpRequest,
    contact: Contact,
    role: str,
    question_form: QuestionForm,
    meeting_form: MeetingForm,
) -> bool:
    action = request.POST.get("action")
    form: QuestionForm | MeetingForm = (
        question_form if action == "ask" else meeting_form
    )
    if action not in {"ask", "record"} or not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        if action == "ask":
            mentorship.question_add(
                owner=request.user, contact=contact, text=data["text"], role=role
            )
        else:
            mentorship.meeting_record(
                owner=request.user,
                contact=contact,
                role=role,
                notes=data["notes"],
                follow_ups=data["follow_ups"],
                occurred_on=data["occurred_on"] or None,
            )
    except ValidationError as error:
        add_service_error(form, error)
        return False
    return True
