"""/profile/: the owner's name, headline, links and role history, as others
will see them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from headway.accounts.feeds import feed_path, feed_secret_revoke, feed_secret_rotate
from headway.accounts.forms import ProfileForm, RoleForm
from headway.accounts.models import CalendarFeed
from headway.accounts.profile import profile_get, profile_set_theme, profile_update
from headway.accounts.roles import role_create, role_delete, roles_list
from headway.core.context_processors import THEME_SESSION_KEY
from headway.core.errors import NotFound
from headway.core.forms import add_service_error
from headway.core.links import public_base
from headway.core.rendering import render_page


def profile_page(request: HttpRequest) -> HttpResponse:
    form = ProfileForm.for_profile(
        profile_get(owner=request.user), request.POST or None
    )
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            profile_update(owner=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            saved = True
    return _render(request, form=form, saved=saved, role_form=RoleForm())


@require_POST
def role_add(request: HttpRequest) -> HttpResponse:
    role_form = RoleForm(request.POST)
    if role_form.is_valid():
        try:
            role_create(owner=request.user, **role_form.cleaned_data)
        except ValidationError as error:
            add_service_error(role_form, error)
        else:
            return redirect("accounts:profile")
    profile_form = ProfileForm.for_profile(profile_get(owner=request.user))
    return _render(request, form=profile_form, saved=False, role_form=role_form)


@require_POST
def role_remove(request: HttpRequest, role_id: int) -> HttpResponse:
    try:
        role_delete(owner=request.user, role_id=role_id)
    except NotFound:
        raise Http404 from None
    return redirect("accounts:profile")


@require_POST
def calendar_rotate(request: HttpRequest) -> HttpResponse:
    """A new secret address for the calendar feed, shown on this page once."""
    token = feed_secret_rotate(owner=request.user)
    profile_form = ProfileForm.for_profile(profile_get(owner=request.user))
    return _render(
        request,
        form=profile_form,
        saved=False,
        role_form=RoleForm(),
        feed_url=public_base(request) + feed_path(token),
    )


@require_POST
def calendar_revoke(request: HttpRequest) -> HttpResponse:
    feed_secret_revoke(owner=request.user)
    return redirect("accounts:profile")


def _render(request: HttpRequest, **context: Any) -> HttpResponse:
    context["roles"] = roles_list(owner=request.user)
    context["feed_on"] = CalendarFeed.objects.for_owner(request.user).exists()
    return render_page(request, "accounts/profile.html", context)


@require_POST
def theme_set(request: HttpRequest) -> HttpResponse:
    """The header's theme toggle: keep the choice, then back to the page."""
    try:
        profile = profile_set_theme(
            owner=request.user, theme=request.POST.get("theme", "")
        )
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400)
    request.session[THEME_SESSION_KEY] = profile.theme
    back = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(back if safe and back.startswith("/") else "accounts:profile")
