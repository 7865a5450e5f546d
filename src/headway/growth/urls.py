from __future__ import annotations

from django.urls import path

from headway.growth import views

app_name = "growth"
urlpatterns = [
    path("", views.growth_index, name="index"),
    path("priorities/", views.priority_list, name="priority-list"),
    path("priorities/move/", views.priority_move, name="priority-move"),
    path("priorities/add/", views.priority_add, name="priority-add"),
    path("strengths/", views.strengths, name="strengths"),
    path("roles/use/", views.role_use, name="role-use"),
    path("skills/<int:pk>/", views.skill_detail, name="skill-detail"),
]
