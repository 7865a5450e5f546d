from __future__ import annotations

from django.urls import path

from headway.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.entry_list, name="entry-list"),
    path("<int:pk>/", views.entry_detail, name="entry-detail"),
]
