"""Sign-in pages: one-time links in local mode, passwords in server mode."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from headway.accounts import services


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
