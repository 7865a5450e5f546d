"""The Portfolio page and work-sample downloads, mounted at the site root."""

from __future__ import annotations

from django.urls import path

from headway.journal import views

app_name = "portfolio"
urlpatterns = [
    path("portfolio/", views.portfolio, name="portfolio"),
    path("samples/<int:pk>/download/", views.sample_download, name="sample-download"),
]
