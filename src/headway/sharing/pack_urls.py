"""/reviews/pack/: the review pack for a performance review."""

from __future__ import annotations

from django.urls import path

from headway.sharing import pack_views

app_name = "pack"
urlpatterns = [path("", pack_views.pack_page, name="pack")]
