"""The guided start: a new owner's first steps, each skippable and resumable,
each saved through the service of the area it belongs to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from headway.accounts.forms import ProfileForm
from headway.accounts.profile import profile_get, profile_update
from headway.core.errors import HeadwayError
from headway.core.forms import add_service_error
from headway.core.rendering import render_page
from headway.goals.forms import GoalForm
from headway.goals.models import Goal
from headway.goals.services import goal_create
from headway.growth import services as growth
from headway.growth.forms import StrengthsForm, TargetRoleForm
from headway.journal.models import Entry, EntryKind
from headway.journal.services import entry_create
from headway.reviews import selectors, services
from headway.reviews.forms import (
    AccomplishmentForm,
    CadencesForm,
    RankForm,
)
from headway.reviews.models import Onboarding, OnboardingStep

STEPS = list(OnboardingStep)
INTRO = {
    "profile": "How shares, reports and your resume will name you.",
    "priorities": "What career growth means to you right now. You can rank "
    "them all, and change them, on the Growth page.",
    "strengths": "Three questions worth a few honest lines: they point your "
    "goals at what gives you energy.",
    "target": "Optional: a role you are aiming for, and what it takes.",
    "goal": "One goal you could check: what will be true, how you will know, "
    "by when. The SMART coach reads along.",
    "accomplishment": "Something you did lately that you are glad of. The "
    "NEAR coach asks for the numbers, the example, your part and the result.",
    "cadences": "How often Headway reminds you to look back. The defaults "
    "suit most people.",
}


@dataclass(frozen=True)
class StartProgress:
    done: int
    total: int
    next_step: str | None
    finished: bool


def progress(*, owner: Any, state: Onboarding | None = None) -> StartProgress:
    """How far the guided start has come (`state`: the row, when read already)."""
    if state is None:
        state = services.onboarding_get(owner=owner)
    behind = set(state.done) | set(state.skipped)
    pending = [step.value for step in STEPS if step.value not in behind]
    return StartProgress(
        done=len(STEPS) - len(pending),
        total=len(STEPS),
        next_step=pending[0] if pending else None,
        finished=state.finished_on is not None or not pending,
    )


def should_start(*, owner: Any, state: Onboarding | None = None) -> bool:
    """A new owner, with nothing logged and no goal, begins with the guided
    start; once they finish or leave it, never again."""
    if state is None:
        state = services.onboarding_get(owner=owner)
    if state.finished_on is not None or state.done or state.skipped:
        return False
    has_data = (
        Entry.objects.for_owner(owner).exists()
        or Goal.objects.for_owner(owner).exists()
    )
    return not has_data


def start(request: HttpRequest) -> HttpResponse:
    shown = progress(owner=request.user)
    if shown.finished or shown.next_step is None:
        return redirect("reviews:dashboard")
    return redirect("reviews:start-step", shown.next_step)


def start_step(request: HttpRequest, step: str) -> HttpResponse:
    if step not in OnboardingStep.values:
        raise Http404
    owner = request.user
    form = _form(step, owner, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if "skip" in request.POST:
            services.onboarding_step(owner=owner, step=step, skipped=True)
            return start(request)
        if form.is_valid():
            try:
                SAVERS[step](owner, form)
            except (ValidationError, HeadwayError) as error:
                add_service_error(form, error)
            else:
                services.onboarding_step(owner=owner, step=step)
                return start(request)
    shown = progress(owner=owner)
    return render_page(
        request,
        "reviews/start.html",
        {
            "step": step,
            "label": OnboardingStep(step).label,
            "intro": INTRO[step],
            "form": form,
            "steps": _steps(owner),
            "position": [s.value for s in STEPS].index(step) + 1,
            "progress": shown,
        },
    )


@require_POST
def start_finish(request: HttpRequest) -> HttpResponse:
    services.onboarding_finish(owner=request.user)
    return redirect("reviews:dashboard")


def _steps(owner: Any) -> list[tuple[str, str, str]]:
    """Each step with its state: "done", "skipped" or "" (still ahead)."""
    state = services.onboarding_get(owner=owner)
    marks = dict.fromkeys(state.skipped, "skipped") | dict.fromkeys(state.done, "done")
    return [(step.value, step.label, marks.get(step.value, "")) for step in STEPS]


def _form(step: str, owner: Any, data: Any) -> forms.Form:
    if step == "profile":
        return ProfileForm.for_profile(profile_get(owner=owner), data)
    if step == "priorities":
        return RankForm(data, priorities=growth.priorities_ensure(owner=owner))
    if step == "strengths":
        return StrengthsForm(data)
    if step == "target":
        return TargetRoleForm(data)
    if step == "goal":
        return GoalForm(data, owner=owner)
    if step == "accomplishment":
        return AccomplishmentForm(data)
    current = {row.kind: row.every_days for row in selectors.cadences_list(owner=owner)}
    return CadencesForm(data, current=current)


def _save_profile(owner: Any, form: forms.Form) -> None:
    assert isinstance(form, ProfileForm)
    profile_update(owner=owner, **form.service_arguments())


def _save_priorities(owner: Any, form: forms.Form) -> None:
    assert isinstance(form, RankForm)
    chosen = {p.pk: p for p in growth.priorities_ensure(owner=owner)}
    growth.priorities_rank(
        owner=owner, priorities=[chosen[pk] for pk in form.chosen() if pk in chosen]
    )


def _save_strengths(owner: Any, form: forms.Form) -> None:
    growth.strengths_save(owner=owner, **form.cleaned_data)


def _save_target(owner: Any, form: forms.Form) -> None:
    data = form.cleaned_data
    growth.target_role_set(
        owner=owner, name=data["name"], needs=data["needs"].splitlines()
    )


def _save_goal(owner: Any, form: forms.Form) -> None:
    assert isinstance(form, GoalForm)
    arguments = form.service_arguments()
    if not arguments["due"] and form.data.get("use_parsed_due"):
        # The coach offered a date read from the statement and it was kept.
        arguments["due"] = form.data["use_parsed_due"]
    goal_create(owner=owner, **arguments)


def _save_accomplishment(owner: Any, form: forms.Form) -> None:
    entry_create(owner=owner, kind=EntryKind.ACCOMPLISHMENT, **form.cleaned_data)


def _save_cadences(owner: Any, form: forms.Form) -> None:
    services.cadences_set(owner=owner, every_days=form.cleaned_data)


SAVERS: dict[str, Callable[[Any, forms.Form], None]] = {
    "profile": _save_profile,
    "priorities": _save_priorities,
    "strengths": _save_strengths,
    "target": _save_target,
    "goal": _save_goal,
    "accomplishment": _save_accomplishment,
    "cadences": _save_cadences,
}
