from __future__ import annotations

from django.urls import path

from headway.reviews import (
    archive_views,
    flows_views,
    growth_plan_views,
    onboarding,
    views,
)
from headway.reviews.outputs import views as output_views

app_name = "reviews"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rhythm/", views.rhythm, name="rhythm"),
    path("rhythm/<slug:kind>/done/", views.cadence_done, name="cadence-done"),
    path("agenda/mark/", views.agenda_mark, name="agenda-mark"),
    path("profile/archive/", archive_views.archive_download, name="archive"),
    path("profile/brag/", output_views.brag_download, name="brag"),
    path(
        "profile/archive/import/",
        archive_views.archive_upload,
        name="archive-import",
    ),
    path(
        "calendar/<str:secret>.ics",
        output_views.calendar_feed,
        name="calendar-feed",
    ),
    path("start/", onboarding.start, name="start"),
    path("start/finish/", onboarding.start_finish, name="start-finish"),
    path("start/<slug:step>/", onboarding.start_step, name="start-step"),
    path("momentum/", views.momentum_page, name="momentum"),
    path("reviews/", flows_views.reviews_index, name="reviews"),
    path("reviews/report/", flows_views.review_report, name="review-report"),
    path("reviews/<int:pk>/", flows_views.review_detail, name="review-detail"),
    path("reviews/<slug:kind>/", flows_views.review_flow, name="review-start"),
    path(
        "reviews/<slug:kind>/<str:period>/",
        flows_views.review_flow,
        name="review-flow",
    ),
    path("next/", views.next_page, name="next"),
    path("growth/gaps/<int:need_id>/", growth_plan_views.gap_page, name="gap"),
]
