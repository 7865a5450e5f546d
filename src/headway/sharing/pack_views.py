"""/reviews/pack/: the owner picks goals and downloads or shares the pack."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from headway.core.forms import add_service_error
from headway.core.links import public_base, reaches_only_this_computer
from headway.core.rendering import render_page
from headway.goals.selectors import goals_list
from headway.sharing import shares
from headway.sharing.forms import PackForm
from headway.sharing.pack import pack_build, pack_render, pack_share

CONTENT_TYPES = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


@never_cache
@require_http_methods(["GET", "POST"])
def pack_page(request: HttpRequest) -> HttpResponse:
    goals = list(goals_list(owner=request.user))
    form = PackForm(request.POST or None, goals=goals)
    link = ""
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("action") == "share":
                link = _share(request, form.cleaned_data)
                form = PackForm(goals=goals)
            else:
                return _download(request, form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
    return render_page(
        request,
        "sharing/pack_page.html",
        {
            "form": form,
            "link": link,
            "has_goals": bool(goals),
            "local_only": reaches_only_this_computer(),
        },
    )


def _download(request: HttpRequest, data: dict[str, Any]) -> HttpResponse:
    today = timezone.localdate()
    pack = pack_build(
        owner=request.user, goal_ids=data["goals"], today=today, since=data["since"]
    )
    format = data["format"]
    response = HttpResponse(
        pack_render(pack, format=format), content_type=CONTENT_TYPES[format]
    )
    name = f"review-pack-{today.isoformat()}.{format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _share(request: HttpRequest, data: dict[str, Any]) -> str:
    share, token = pack_share(
        owner=request.user,
        goal_ids=data["goals"],
        today=timezone.localdate(),
        since=data["since"],
        days=data["days"],
        recipient=data.get("recipient", ""),
    )
    return shares.share_url(share, token, base=public_base(request))
