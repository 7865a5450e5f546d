"""/goals/shares/…: the owner's own shares, listed, revoked and deleted."""

from __future__ import annotations

from django.urls import path

from headway.sharing import views

app_name = "shares"
urlpatterns = [
    path("", views.share_list, name="share-list"),
    path("<int:pk>/revoke/", views.share_revoke, name="share-revoke"),
    path("<int:pk>/delete/", views.share_delete, name="share-delete"),
]
