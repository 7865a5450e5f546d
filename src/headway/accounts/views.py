"""Sign-in pages (one-time links locally, passwords on a server) and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from headway.accounts import services
from headway.accounts.forms import TokenForm
from headway.core.forms import add_service_error
from headway.core.rendering import render_page


@login_not_required
def login_page(request: HttpRequest) -> HttpResponseBase:
    if settings.LOCAL_MODE:
        return render(request, "accounts/login_local.html")
    return LoginView.as_view(template_name="accounts/login_server.html")(request)


@login_not_required
@require_GET
def login_with_token(request: HttpRequest, token: str) -> HttpResponse:
    user = services.login_token_consume(token=token)
    if user is None:
        return render(request, "accounts/login_local.html", {"spent": True}, status=403)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(settings.LOGIN_REDIRECT_URL)


def token_list(request: HttpRequest) -> HttpResponse:
    """The owner's API tokens: create one (shown once), see last use, revoke."""
    form = TokenForm(request.POST or None)
    token = ""
    if request.method == "POST" and form.is_valid():
        try:
            _, token = services.api_token_create(
                owner=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            form = TokenForm()
    return render_page(
        request,
        "accounts/token_list.html",
        {
            "form": form,
            "token": token,
            "tokens": services.api_tokens_list(owner=request.user),
        },
    )


@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    services.api_token_revoke(owner=request.user, token_id=pk)
    return redirect("accounts:token-list")
