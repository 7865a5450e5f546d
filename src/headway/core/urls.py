from __future__ import annotations

from django.urls import path

from headway.core import views

app_name = "core"
urlpatterns = [
    path("section/<slug:name>/", views.section, name="section"),
]
