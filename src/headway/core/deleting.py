"""The web's manners around a delete: ask first, then say what happened and
offer to undo it (core.trash keeps what was removed)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from headway.core.errors import Conflict
from headway.core.models import Trash
from headway.core.trash import trash_restore


def delete_confirm(
    request: HttpRequest, *, kind: str, name: str, dependents: str, cancel: str
) -> HttpResponse:
    """The page that asks before a delete, naming what goes with the object."""
    return render(
        request,
        "core/delete_confirm.html",
        {
            "kind": kind,
            "name": name,
            "dependents": dependents,
            "cancel": cancel,
            "undo_hours": _hours(settings.TRASH_KEEP_HOURS),
        },
    )


def deleted(request: HttpRequest, trash: Trash) -> None:
    """The message after a delete; the page shows it with an Undo button."""
    text = f"Deleted “{trash.label}”{_with(trash)}."
    messages.success(request, text, extra_tags=f"trash-{trash.pk}")


@login_required
@require_POST
def trash_undo(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo a delete; another user's id is a 404, as if it did not exist."""
    try:
        trash = trash_restore(owner=request.user, trash_id=pk)
    except Conflict as problem:
        messages.error(request, problem.message)
    else:
        messages.success(request, f"Restored “{trash.label}”{_with(trash)}.")
    return redirect(_next(request))


def _with(trash: Trash) -> str:
    return f" with {trash.summary}" if trash.summary else ""


def _hours(hours: float) -> str:
    if hours and hours % 24 == 0:
        days = int(hours // 24)
        return f"{days} day{'s' if days != 1 else ''}"
    whole = int(hours) if hours == int(hours) else hours
    return f"{whole} hour{'s' if whole != 1 else ''}"


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and safe else "/"
