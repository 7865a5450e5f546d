from __future__ import annotations

from django.contrib.auth.views import LogoutView
from django.urls import path

from headway.accounts import profile_views, views

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
    path("tokens/<int:pk>/revoke", views.token_revoke, name="token-revoke"),
]
