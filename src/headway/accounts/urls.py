from __future__ import annotations

from django.contrib.auth.views import LogoutView
from django.urls import path

from headway.accounts import account_views, profile_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_page, name="login"),
    path("login/<str:token>", views.login_with_token, name="login-token"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("profile/", profile_views.profile_page, name="profile"),
    path("profile/roles/", profile_views.role_add, name="role-add"),
    path("profile/theme/", profile_views.theme_set, name="theme"),
    path(
        "profile/calendar/rotate/",
        profile_views.calendar_rotate,
        name="calendar-rotate",
    ),
    path(
        "profile/calendar/revoke/",
        profile_views.calendar_revoke,
        name="calendar-revoke",
    ),
    path(
        "profile/roles/<int:role_id>/remove/",
        profile_views.role_remove,
        name="role-remove",
    ),
    path("tokens/", views.token_list, name="token-list"),
    path("invite/<str:token>", account_views.invite_accept, name="invite"),
    path("account/", account_views.security_page, name="security"),
    path(
        "account/sign-out-everywhere/",
        account_views.sign_out_everywhere,
        name="sign-out-everywhere",
    ),
    path("account/people/", account_views.people_page, name="people"),
    path(
        "account/people/disable/", account_views.people_disable, name="people-disable"
    ),
    path("account/password/", account_views.password_change, name="password-change"),
    path(
        "account/password/done/",
        account_views.password_change_done,
        name="password-change-done",
    ),
    path("password-reset/", account_views.password_reset, name="password-reset"),
    path(
        "password-reset/sent/",
        account_views.password_reset_done,
        name="password-reset-done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        account_views.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path(
        "password-reset/done/",
        account_views.password_reset_complete,
        name="password-reset-complete",
    ),
    path("tokens/<int:pk>/revoke", views.token_revoke, name="token-revoke"),
]
