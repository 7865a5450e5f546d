from __future__ import annotations

from django.urls import path

from headway.core import deleting, views

app_name = "core"
urlpatterns = [
    path("section/<slug:name>/", views.section, name="section"),
    path("undo/<int:pk>/", deleting.trash_undo, name="trash-undo"),
]
