"""Server-mode account pages: invitations, password change and reset, signing
out everywhere, and the account admin's list (accounts only, no career data)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from headway.accounts import people
from headway.core.errors import HeadwayError
from headway.core.forms import add_service_error
from headway.core.rendering import render_page


class InviteAcceptForm(forms.Form):
    username = forms.CharField(label="User name", max_length=150)
    password = forms.CharField(
        label="Password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters; not a common password, not all digits.",
    )
    again = forms.CharField(
        label="Password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("again"):
            self.add_error("again", "The two passwords differ.")
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(label="E-mail of the person to invite")
    as_admin = forms.BooleanField(
        label="Account administrator (manages accounts; sees no career data)",
        required=False,
    )


@login_not_required
def invite_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invitation link: choose a user name and password, once."""
    try:
        invitation = people.invitation_open(token=token)
    except people.InvitationClosed as error:
        return render(
            request,
            "accounts/invite_accept.html",
            {"closed": error.message},
            status=error.status,
        )
    form = InviteAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = people.invitation_accept(
                token=token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
        except people.InvitationClosed as error:
            context = {"closed": error.message}
            return render(
                request, "accounts/invite_accept.html", context, status=error.status
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(settings.LOGIN_REDIRECT_URL)
    return render(
        request,
        "accounts/invite_accept.html",
        {"form": form, "invitation": invitation},
    )


def _admin_only(request: HttpRequest) -> None:
    # Unknown to everyone else, as another user's object is.
    if not (request.user.is_active and request.user.is_staff):
        raise Http404


def people_page(request: HttpRequest) -> HttpResponse:
    """Accounts for an account admin: invite, list, disable."""
    _admin_only(request)
    form = InviteForm(request.POST or None)
    context: dict[str, Any] = {"days": settings.INVITATION_DAYS}
    if request.method == "POST" and form.is_valid():
        try:
            invitation, token = people.invitation_create(
                email=form.cleaned_data["email"],
                invited_by=request.user,
                as_admin=form.cleaned_data["as_admin"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        except HeadwayError as error:
            form.add_error(None, error.message)
        else:
            base = request.build_absolute_uri("/").rstrip("/")
            context |= {"link": f"{base}/invite/{token}", "invited": invitation.email}
            form = InviteForm()
    context |= {"form": form, "people": people.users_list()}
    return render_page(request, "accounts/people.html", context)


@require_POST
def people_disable(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    try:
        people.user_disable(username=request.POST.get("username", ""), by=request.user)
    except HeadwayError as error:
        if error.status == 404:
            raise Http404 from None
        return HttpResponse(error.message, status=error.status)
    return redirect("accounts:people")


def security_page(request: HttpRequest) -> HttpResponse:
    return render_page(request, "accounts/security.html", {"ended": None})


@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    """End every other session of the signed-in user; this one stays."""
    ended = people.sessions_end(user=request.user, keep=request.session.session_key)
    return render_page(request, "accounts/security.html", {"ended": ended})


password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change_form.html",
    success_url=reverse_lazy("accounts:password-change-done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_done.html",
    extra_context={
        "heading": "Password changed",
        "message": "Your password is changed; every other session was signed out.",
    },
)
password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset_form.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password-reset-done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_done.html",
    extra_context={
        "heading": "Check your e-mail",
        "message": "If an account has that address, a link to reset its password "
        "is on its way.",
    },
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password-reset-complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_done.html",
    extra_context={
        "heading": "Password reset",
        "message": "Your new password is set; sign in with it.",
    },
)
