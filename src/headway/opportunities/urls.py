from __future__ import annotations

from django.urls import path

from headway.opportunities import views

app_name = "opportunities"
urlpatterns = [
    path("", views.home, name="home"),
    path("companies/new/", views.company_create, name="company-create"),
    path("companies/<int:pk>/", views.company_detail, name="company-detail"),
    path("companies/<int:pk>/edit/", views.company_edit, name="company-edit"),
    path("openings/", views.board, name="board"),
    path("openings/list/", views.opening_list, name="opening-list"),
    path("openings/new/", views.opening_create, name="opening-create"),
    path("openings/<int:pk>/", views.opening_detail, name="opening-detail"),
    path("openings/<int:pk>/move/", views.opening_move, name="opening-move"),
    path(
        "openings/<int:pk>/follow-up/",
        views.opening_follow_up,
        name="opening-follow-up",
    ),
    path("openings/<int:pk>/role/", views.opening_role, name="opening-role"),
    path("openings/<int:pk>/setback/", views.opening_setback, name="opening-setback"),
    path("mentors/new/", views.candidate_create, name="candidate-create"),
    path("mentors/<int:pk>/", views.candidate_detail, name="candidate-detail"),
    path("mentors/<int:pk>/move/", views.candidate_move, name="candidate-move"),
]
