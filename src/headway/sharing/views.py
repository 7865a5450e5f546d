"""Share pages: the owner's list of shares, and the read-only view a link opens."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from headway.accounts.models import Share
from headway.accounts.profile import display_name
from headway.core.deleting import delete_confirm, deleted
from headway.core.errors import HeadwayError
from headway.core.forms import add_service_error
from headway.core.links import public_base, reaches_only_this_computer
from headway.core.rendering import render_page
from headway.goals.forms import CommentForm, ShareForm
from headway.goals.models import GoalStatus
from headway.goals.selectors import goals_list, progress_of
from headway.journal.selectors import sample_in_share
from headway.journal.views import sample_response
from headway.sharing import shares
from headway.sharing.pack import pack_from_share


def share_list(request: HttpRequest) -> HttpResponse:
    goals = list(goals_list(owner=request.user).exclude(status=GoalStatus.DROPPED))
    form = ShareForm(request.POST or None, goals=goals)
    link = ""
    if request.method == "POST" and form.is_valid():
        try:
            share, token = shares.share_create(
                owner=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            link = shares.share_url(share, token, base=public_base(request))
            form = ShareForm(goals=goals)
    return render_page(
        request,
        "sharing/share_list.html",
        {
            "form": form,
            "link": link,
            "shares": shares.shares_list(owner=request.user),
            "now": timezone.now(),
            "local_only": reaches_only_this_computer(),
        },
    )


@require_POST
def share_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    shares.share_revoke(owner=request.user, share_id=pk)
    return redirect("shares:share-list")


@require_http_methods(["GET", "POST"])
def share_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first (naming the comments that go too), then delete."""
    if request.method == "POST":
        deleted(request, shares.share_delete(owner=request.user, share_id=pk))
        return redirect("shares:share-list")
    share, dependents = shares.share_delete_preview(owner=request.user, share_id=pk)
    return delete_confirm(
        request,
        kind="share",
        name=shares.share_name(share),
        dependents=dependents,
        cancel=reverse("shares:share-list"),
    )


def share_by_link(request: HttpRequest, token: str) -> HttpResponse:
    return _share_page(request, shares.share_by_token(token=token), token=token)


@login_required
def share_for_user(request: HttpRequest, pk: int) -> HttpResponse:
    return _share_page(
        request, shares.share_for_recipient(user=request.user, share_id=pk)
    )


@login_required
def shared_with_me(request: HttpRequest) -> HttpResponse:
    return render_page(
        request,
        "sharing/share_with_me.html",
        {"shares": shares.shares_with(user=request.user)},
    )


def _share_page(request: HttpRequest, share: Share, *, token: str = "") -> HttpResponse:
    form = CommentForm(request.POST if request.method == "POST" else None)
    status, thanks, error, sent = 200, "", "", ""
    if request.method == "POST" and form.is_valid():
        try:
            shares.share_comment(share=share, **form.cleaned_data)
        except ValidationError as problem:
            add_service_error(form, problem)
        except HeadwayError as problem:
            status, error = problem.status, problem.message
        else:
            thanks, sent = form.cleaned_data["author"], form.cleaned_data["text"]
            form = CommentForm()
    contents: dict[str, Any] = (
        {"pack": pack_from_share(share, today=timezone.localdate())}
        if share.pack
        else {"items": _items(share)}
    )
    response = render_page(
        request,
        "sharing/pack_share.html" if share.pack else "sharing/share_view.html",
        {
            **contents,
            "share": share,
            "owner_name": display_name(share.owner),
            "token": token,
            "form": form,
            "thanks": thanks,
            "sent": sent,
            "comment_error": error,
        },
        status=status,
    )
    # The link is the secret: never send it to another site, never cache it.
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


def _items(share: Share) -> list[dict[str, Any]]:
    today = timezone.localdate()
    comments = shares.share_comments_by_goal(share)
    return [
        {
            "goal": goal,
            "progress": progress_of(goal, today=today),
            "entries": entries,
            "comments": comments.get(goal.pk, []),
        }
        for goal, entries in shares.share_contents(share)
    ]


@login_required
def sample_download_for_user(
    request: HttpRequest, share_pk: int, pk: int
) -> HttpResponseBase:
    """A user a share names downloads the samples of the entries it includes;
    anyone else gets the same 404 as a wrong id."""
    share = shares.share_for_recipient(user=request.user, share_id=share_pk)
    return sample_response(sample_in_share(share=share, pk=pk), request=request)


@login_not_required
def sample_download_by_link(
    request: HttpRequest, token: str, pk: int
) -> HttpResponseBase:
    """A viewer of a secret share link downloads the samples of shared entries."""
    share = shares.share_by_token(token=token)
    response = sample_response(sample_in_share(share=share, pk=pk), request=request)
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response
