"""Opportunity pages: companies and who the owner knows there, the openings
board and list, an opening's page, and the people asked to mentor."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from headway.coach.opportunities import next_stage
from headway.core.errors import HeadwayError, error_text
from headway.core.forms import add_service_error
from headway.core.rendering import render_page
from headway.growth.selectors import target_role
from headway.growth.services import current_ranking
from headway.network.models import Contact
from headway.network.selectors import contact_get
from headway.opportunities import selectors, services
from headway.opportunities.forms import (
    CandidateForm,
    CandidateMoveForm,
    CompanyForm,
    MoveForm,
    OpeningForm,
)
from headway.opportunities.models import Stage
from headway.opportunities.services.openings import application_goals

CONTACTS_MAX = 2_000


def _contacts(request: HttpRequest) -> list[tuple[int, str]]:
    rows = Contact.objects.for_owner(request.user).values_list(
        "id", "name", "organisation"
    )
    return [
        (pk, f"{name} ({organisation})" if organisation else name)
        for pk, name, organisation in rows[:CONTACTS_MAX]
    ]


def _company_form(request: HttpRequest, **kwargs: Any) -> CompanyForm:
    data = request.POST if request.method == "POST" else None
    return CompanyForm(data, priorities=current_ranking(owner=request.user), **kwargs)


def home(request: HttpRequest) -> HttpResponse:
    owner = request.user
    today = timezone.localdate()
    context = {
        "companies": selectors.companies_list(owner=owner),
        "company_form": _company_form(request),
        "candidates": selectors.candidates_list(owner=owner),
        "candidate_form": CandidateForm(contacts=_contacts(request)),
        "follow_ups": selectors.follow_ups_due(owner=owner, today=today),
    }
    return render_page(request, "opportunities/opportunities_home.html", context)


def company_create(request: HttpRequest) -> HttpResponse:
    form = _company_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            company = services.company_create(
                owner=request.user,
                name=form.cleaned_data["name"],
                why=form.cleaned_data["why"],
                target_role=form.cleaned_data["target_role"],
                fits=form.fits(),
            )
        except (ValidationError, HeadwayError) as error:
            add_service_error(form, error)
        else:
            return redirect("opportunities:company-detail", pk=company.pk)
    return render_page(
        request, "opportunities/company_form.html", {"form": form, "company": None}
    )


def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    company = selectors.company_get(owner=request.user, pk=pk)
    initial = {
        "name": company.name,
        "why": company.why,
        "target_role": company.target_role,
    }
    initial |= {f"fit_{fit.priority_id}": fit.fit for fit in company.fits.all()}
    form = _company_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_update(
                owner=request.user,
                company=company,
                name=form.cleaned_data["name"],
                why=form.cleaned_data["why"],
                target_role=form.cleaned_data["target_role"],
                fits=form.fits(),
            )
        except (ValidationError, HeadwayError) as error:
            add_service_error(form, error)
        else:
            return redirect("opportunities:company-detail", pk=company.pk)
    return render_page(
        request, "opportunities/company_form.html", {"form": form, "company": company}
    )


def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    owner = request.user
    company = selectors.company_get(owner=owner, pk=pk)
    opening_form = OpeningForm(
        initial={"company": company.pk},
        companies=[(company.pk, company.name)],
        contacts=_contacts(request),
    )
    context = {
        "company": company,
        "fits": selectors.company_fits(owner=owner, company=company),
        "who": selectors.who_i_know(owner=owner, company=company),
        "openings": selectors.openings_list(owner=owner, company=company),
        "opening_form": opening_form,
    }
    return render_page(request, "opportunities/company_detail.html", context)


def opening_create(request: HttpRequest) -> HttpResponse:
    owner = request.user
    companies = list(selectors.companies_list(owner=owner).values_list("id", "name"))
    form = OpeningForm(
        request.POST if request.method == "POST" else None,
        initial={"company": request.GET.get("company")},
        companies=companies,
        contacts=_contacts(request),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.opening_create(
                owner=owner,
                company=selectors.company_get(owner=owner, pk=data["company"]),
                role=data["role"],
                source=data["source"],
                link=data["link"],
                referrer=contact_get(owner=owner, pk=data["referrer"])
                if data["referrer"]
                else None,
                notes=data["notes"],
            )
        except (ValidationError, HeadwayError) as error:
            add_service_error(form, error)
        else:
            return redirect("opportunities:board")
    return render_page(request, "opportunities/opening_form.html", {"form": form})


def _board_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    return {
        "columns": selectors.board(owner=request.user),
        "stages": Stage.choices,
        "question": None,
        "moved": None,
    } | extra


def board(request: HttpRequest) -> HttpResponse:
    return render_page(
        request, "opportunities/opening_board.html", _board_context(request)
    )


def opening_list(request: HttpRequest) -> HttpResponse:
    stage = request.GET.get("stage", "")
    stage = stage if stage in Stage.values else ""
    context = {
        "openings": selectors.openings_list(owner=request.user, stage=stage),
        "stage": stage,
        "stages": Stage.choices,
    }
    return render_page(request, "opportunities/opening_list.html", context)


def _detail_context(request: HttpRequest, opening: Any, **extra: Any) -> dict[str, Any]:
    return {
        "opening": opening,
        "moves": opening.moves.select_related("checkin"),
        "move_form": MoveForm(initial={"stage": _next_stage(opening)}),
        "stages": Stage.choices,
        "question": None,
        "outcome_error": "",
    } | extra


def _next_stage(opening: Any) -> str:
    return next_stage(opening.stage) or str(opening.stage)


def opening_detail(request: HttpRequest, pk: int) -> HttpResponse:
    opening = selectors.opening_get(owner=request.user, pk=pk)
    return render_page(
        request, "opportunities/opening_detail.html", _detail_context(request, opening)
    )


@require_POST
def opening_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move from the board or the opening's page; a skip asks to confirm, and
    several applications goals ask which one counts."""
    owner = request.user
    opening = selectors.opening_get(owner=owner, pk=pk)
    form = MoveForm(request.POST)
    on_board = request.POST.get("from") == "board"
    question: dict[str, Any] | None = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.opening_move(
                owner=owner,
                opening=opening,
                stage=data["stage"],
                on=data["on"] or None,
                notes=data["notes"],
                force=data["force"],
                goal_id=data["goal"],
                lesson=data["lesson"],
                role_started_on=data["role_started_on"] or None,
            )
        except services.StageSkipped as error:
            question = {"kind": "confirm", "text": error.message, "data": data}
        except services.GoalChoiceNeeded as error:
            question = {"kind": "goal", "text": error.message, "data": data}
            question["goals"] = application_goals(owner=owner)
        except (ValidationError, HeadwayError) as error:
            opening.refresh_from_db()
            add_service_error(form, error)
            question = {"kind": "error", "text": error_text(error)}
    if on_board:
        if question is not None:
            question["opening_id"] = opening.pk
        context = _board_context(request, question=question, moved=opening.pk)
        return render_page(
            request, "opportunities/opening_board.html", context, partial="board"
        )
    if question is None and form.is_valid():
        return redirect("opportunities:opening-detail", pk=opening.pk)
    context = _detail_context(request, opening, question=question, move_form=form)
    return render_page(request, "opportunities/opening_detail.html", context)


@require_POST
def opening_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    opening = selectors.opening_get(owner=request.user, pk=pk)
    services.opening_follow_up_record(owner=request.user, opening=opening)
    return redirect("opportunities:opening-detail", pk=opening.pk)


@require_POST
def opening_role(request: HttpRequest, pk: int) -> HttpResponse:
    """The accepted offer's proposed role, added to the profile."""
    opening = selectors.opening_get(owner=request.user, pk=pk)
    try:
        services.opening_role_record(
            owner=request.user,
            opening=opening,
            started_on=request.POST.get("started_on", ""),
        )
    except (ValidationError, HeadwayError) as error:
        context = _detail_context(request, opening, outcome_error=error_text(error))
        return render_page(request, "opportunities/opening_detail.html", context)
    return redirect("accounts:profile")


@require_POST
def opening_setback(request: HttpRequest, pk: int) -> HttpResponse:
    """A declined or rejected opening logged as a setback, with its lesson."""
    opening = selectors.opening_get(owner=request.user, pk=pk)
    try:
        entry = services.opening_setback_log(
            owner=request.user,
            opening=opening,
            lesson=request.POST.get("lesson", ""),
            what_went_wrong=request.POST.get("what_went_wrong", ""),
            do_differently=request.POST.get("do_differently", ""),
        )
    except (ValidationError, HeadwayError) as error:
        context = _detail_context(request, opening, outcome_error=error_text(error))
        return render_page(request, "opportunities/opening_detail.html", context)
    return redirect("journal:entry-detail", pk=entry.pk)


def candidate_create(request: HttpRequest) -> HttpResponse:
    form = CandidateForm(
        request.POST if request.method == "POST" else None, contacts=_contacts(request)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            candidate = services.candidate_add(
                owner=request.user,
                contact=contact_get(owner=request.user, pk=data["contact"]),
                why=data["why"],
                hope_to_learn=data["hope_to_learn"],
            )
        except (ValidationError, HeadwayError) as error:
            add_service_error(form, error)
        else:
            return redirect("opportunities:candidate-detail", pk=candidate.pk)
    return render_page(request, "opportunities/candidate_form.html", {"form": form})


def _candidate_context(request: HttpRequest, candidate: Any, form: Any = None) -> Any:
    message = candidate.message or services.candidate_draft(
        owner=request.user, candidate=candidate
    )
    if form is None:
        form = CandidateMoveForm(initial={"stage": "", "message": message})
    target = target_role(owner=request.user)
    return {"candidate": candidate, "form": form, "target": target}


def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = selectors.candidate_get(owner=request.user, pk=pk)
    context = _candidate_context(request, candidate)
    return render_page(request, "opportunities/candidate_detail.html", context)


@require_POST
def candidate_move(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = selectors.candidate_get(owner=request.user, pk=pk)
    form = CandidateMoveForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.candidate_move(
                owner=request.user,
                candidate=candidate,
                stage=data["stage"],
                on=data["on"] or None,
                message=data["message"] if data["stage"] == "asked" else None,
            )
        except (ValidationError, HeadwayError) as error:
            add_service_error(form, error)
        else:
            return redirect("opportunities:candidate-detail", pk=candidate.pk)
    context = _candidate_context(request, candidate, form)
    return render_page(request, "opportunities/candidate_detail.html", context)
