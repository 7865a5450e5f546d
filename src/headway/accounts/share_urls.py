"""/share/…: what an owner shared, for the people they shared it with."""

from __future__ import annotations

from django.urls import path

from headway.accounts import share_views
from headway.journal.views import sample_download_by_link

app_name = "share"
urlpatterns = [
    path("with-me/", share_views.shared_with_me, name="with-me"),
    path("with-me/<int:pk>/", share_views.share_for_user, name="for-user"),
    path("<str:token>", share_views.share_by_link, name="by-link"),
    path(
        "<str:token>/samples/<int:pk>", sample_download_by_link, name="sample-by-link"
    ),
]
