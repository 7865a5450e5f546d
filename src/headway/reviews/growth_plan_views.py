"""The page of one gap: the actions that fit it, who can help, its goal."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from headway.core.errors import error_text
from headway.core.rendering import render_page
from headway.goals.services import goal_draft_for_gap
from headway.growth.services import gap_action_add, need_link_entry
from headway.journal.selectors import entries_to_pick
from headway.reviews.growth_plan import gap_plan

RECENT_ENTRIES = 30


def gap_page(request: HttpRequest, need_id: int) -> HttpResponse:
    """GET shows the gap; POST drafts a goal (then opens it for editing), links
    an entry to an experience, or adds an action of the owner's own."""
    owner = request.user
    error = ""
    plan = gap_plan(owner=owner, need_id=need_id)  # another owner's gap: 404
    if request.method == "POST":
        which = request.POST.get("form", "")
        try:
            if which == "act":
                goal = goal_draft_for_gap(
                    owner=owner,
                    need_id=need_id,
                    action_key=request.POST.get("action", ""),
                )
                return redirect("goals:goal-edit", pk=goal.pk)
            if which == "link":
                need_link_entry(
                    owner=owner,
                    need_id=need_id,
                    entry_id=_int(request.POST.get("entry")),
                )
            elif which == "own":
                gap_action_add(
                    owner=owner,
                    gap=plan.gap.gap or "",
                    name=request.POST.get("name", ""),
                )
        except ValidationError as failure:
            error = error_text(failure)
        else:
            return redirect("reviews:gap", need_id=need_id)
    plan = gap_plan(owner=owner, need_id=need_id)
    entries = (
        entries_to_pick(owner=owner, limit=RECENT_ENTRIES)
        if plan.gap.kind == "experience"
        else []
    )
    return render_page(
        request,
        "reviews/gap.html",
        {
            "plan": plan,
            "gap": plan.gap,
            "entries": entries,
            "error": error,
            "progress_percent": None
            if plan.goal_progress is None
            else round(plan.goal_progress * 100),
        },
    )


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return 0
