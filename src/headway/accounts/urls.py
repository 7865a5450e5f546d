from __future__ import annotations

from django.contrib.auth.views import LogoutView
from django.urls import path

from headway.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_page, name="login"),
    path("login/<str:token>", views.login_with_token, name="login-token"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("tokens/", views.token_list, name="token-list"),
    path("tokens/<int:pk>/revoke", views.token_revoke, name="token-revoke"),
]
