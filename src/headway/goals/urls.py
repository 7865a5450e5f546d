from __future__ import annotations

from django.urls import path

from headway.goals import views

app_name = "goals"
urlpatterns = [
    path("", views.goal_list, name="goal-list"),
    path("new/", views.goal_create, name="goal-create"),
    path("coach/", views.goal_coach, name="goal-coach"),
    path("<int:pk>/", views.goal_detail, name="goal-detail"),
    path("<int:pk>/edit/", views.goal_edit, name="goal-edit"),
    path("<int:pk>/check-in/", views.goal_checkin, name="goal-checkin"),
    path("<int:pk>/done/", views.goal_done, name="goal-done"),
    path("<int:pk>/drop/", views.goal_drop, name="goal-drop"),
    path("<int:pk>/delete/", views.goal_delete, name="goal-delete"),
]
