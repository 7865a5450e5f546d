"""/share/…: what an owner shared, for the people they shared it with."""

from __future__ import annotations

from django.urls import path

from headway.sharing import views

app_name = "share"
urlpatterns = [
    path("with-me/", views.shared_with_me, name="with-me"),
    path("with-me/<int:pk>/", views.share_for_user, name="for-user"),
    path(
        "with-me/<int:share_pk>/samples/<int:pk>",
        views.sample_download_for_user,
        name="sample-for-user",
    ),
    path("<str:token>", views.share_by_link, name="by-link"),
    path(
        "<str:token>/samples/<int:pk>",
        views.sample_download_by_link,
        name="sample-by-link",
    ),
]
