from __future__ import annotations

from django.urls import path

from headway.journal import draft_views, views

app_name = "journal"
urlpatterns = [
    path("", views.entry_list, name="entry-list"),
    path("form/", views.entry_form, name="entry-form"),
    path("capture/", views.entry_capture, name="entry-capture"),
    path("near/", views.near_coach, name="near-coach"),
    path("drafts/", draft_views.draft_list, name="draft-list"),
    path("drafts/<int:pk>/keep/", draft_views.draft_keep_view, name="draft-keep"),
    path(
        "drafts/<int:pk>/discard/",
        draft_views.draft_discard_view,
        name="draft-discard",
    ),
    path("<int:pk>/", views.entry_detail, name="entry-detail"),
    path("<int:pk>/edit/", views.entry_edit, name="entry-edit"),
    path("<int:pk>/delete/", views.entry_delete, name="entry-delete"),
    path("<int:pk>/samples/", views.entry_samples_add, name="entry-samples"),
]
