"""Direction pages: ranking priorities with the keyboard, strengths and passions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from headway.core.forms import add_service_error
from headway.core.rendering import HtmxHttpRequest, render_page
from headway.growth import selectors, services
from headway.growth.forms import (
    PriorityForm,
    SkillAliasForm,
    SkillForm,
    StrengthsForm,
    TargetRoleForm,
)

PRIORITIES = "growth/priority_list.html"


def growth_index(request: HttpRequest) -> HttpResponse:
    """The overview, and the target role form (it posts here)."""
    role = selectors.target_role(owner=request.user)
    initial = {"name": role.name, "needs": "\n".join(role.needs)} if role else None
    form = TargetRoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.target_role_set(
                owner=request.user,
                name=form.cleaned_data["name"],
                needs=form.cleaned_data["needs"].splitlines(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("growth:index")
    ranked, _, _ = selectors.priority_board(owner=request.user)
    today = timezone.localdate()
    return render_page(
        request,
        "growth/growth_index.html",
        {
            "ranked": ranked,
            "strengths": selectors.strengths_latest(owner=request.user),
            "role": role,
            "roles": selectors.target_roles(owner=request.user),
            "role_form": form,
            "gaps": selectors.gaps_for(request.user, today),
            "skills": selectors.skills_overview(owner=request.user, today=today),
        },
    )


@require_POST
def role_use(request: HttpRequest) -> HttpResponse:
    """Make another kept role the active one."""
    role_id = _int(request.POST.get("role"))
    role = next(
        (r for r in selectors.target_roles(owner=request.user) if r.pk == role_id),
        None,
    )
    if role is not None:
        services.target_role_set(owner=request.user, name=role.name)
    return redirect("growth:index")


def skill_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One skill: level and category, aliases, and its evidence timeline."""
    skill = services.skill_get(owner=request.user, skill_id=pk)
    posted = request.method == "POST"
    which = request.POST.get("form", "") if posted else ""
    form = SkillForm(
        request.POST if which == "skill" else None,
        initial={"category": skill.category, "level": skill.level or ""},
    )
    alias_form = SkillAliasForm(request.POST if which == "alias" else None)
    if which == "skill" and form.is_valid():
        try:
            services.skill_update(
                owner=request.user,
                skill_id=skill.pk,
                category=form.cleaned_data["category"],
                level=form.cleaned_data["level"] or None,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("growth:skill-detail", pk=skill.pk)
    if which == "alias" and alias_form.is_valid():
        try:
            services.skill_alias(
                owner=request.user,
                alias=alias_form.cleaned_data["alias"],
                name=skill.name,
            )
        except ValidationError as error:
            add_service_error(alias_form, error)
        else:
            return redirect("growth:skill-detail", pk=skill.pk)
    return render_page(
        request,
        "growth/skill_detail.html",
        {
            "skill": skill,
            "summary": selectors.skill_summary(owner=request.user, skill=skill),
            "entries": selectors.skill_evidence(owner=request.user, skill=skill),
            "ratings": selectors.skill_ratings(owner=request.user, skill=skill),
            "aliases": list(skill.aliases.all()),
            "form": form,
            "alias_form": alias_form,
        },
    )


def priority_list(
    request: HtmxHttpRequest, form: PriorityForm | None = None
) -> HttpResponse:
    ranked, unranked, history = selectors.priority_board(owner=request.user)
    return render_page(
        request,
        PRIORITIES,
        {
            "ranked": ranked,
            "unranked": unranked,
            "history": history[1:],
            "form": form or PriorityForm(),
            "moved": request.POST.get("priority", "")
            if request.method == "POST"
            else "",
        },
        partial="ranking",
    )


@require_POST
def priority_move(request: HtmxHttpRequest) -> HttpResponse:
    """Up, down, add to or remove from today's ranking: one button each."""
    action = request.POST.get("action", "")
    priority_id = _int(request.POST.get("priority"))
    if priority_id is not None and action in {"up", "down", "add"}:
        step = {"up": -1, "down": 1, "add": 0}[action]
        services.priority_move(owner=request.user, priority_id=priority_id, step=step)
    elif priority_id is not None and action == "remove":
        services.priority_unrank(owner=request.user, priority_id=priority_id)
    if not request.htmx:
        return redirect("growth:priority-list")
    return priority_list(request)


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


@require_POST
def priority_add(request: HtmxHttpRequest) -> HttpResponse:
    form = PriorityForm(request.POST)
    if form.is_valid():
        try:
            priority = services.priority_add(
                owner=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            services.priority_move(owner=request.user, priority_id=priority.pk, step=0)
            return redirect("growth:priority-list")
    ranked, unranked, history = selectors.priority_board(owner=request.user)
    return render_page(
        request,
        PRIORITIES,
        {"ranked": ranked, "unranked": unranked, "history": history[1:], "form": form},
    )


def strengths(request: HttpRequest) -> HttpResponse:
    latest = selectors.strengths_latest(owner=request.user)
    initial = selectors.strengths_as_dict(latest) if latest else None
    form = StrengthsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.strengths_save(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("growth:strengths")
    return render_page(
        request,
        "growth/strengths.html",
        {"form": form, "history": selectors.strengths_history(owner=request.user)},
    )
