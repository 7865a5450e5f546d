from __future__ import annotations

from django.urls import path

from headway.reviews import views

app_name = "reviews"
urlpatterns = [
    path("momentum/", views.momentum_page, name="momentum"),
]
