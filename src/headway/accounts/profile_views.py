"""/profile/: the owner's name, headline and links, as others will see them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

from headway.accounts.forms import ProfileForm
from headway.accounts.profile import profile_get, profile_update
from headway.core.forms import add_service_error
from headway.core.rendering import render_page


def profile_page(request: HttpRequest) -> HttpResponse:
    profile = profile_get(owner=request.user)
    initial = {
        "name": profile.name,
        "headline": profile.headline,
        "email": profile.email,
        "location": profile.location,
        "links": "\n".join(profile.links),
    }
    form = ProfileForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            profile_update(owner=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            saved = True
    return render_page(request, "accounts/profile.html", {"form": form, "saved": saved})
