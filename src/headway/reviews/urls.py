from __future__ import annotations

from django.urls import path

from headway.reviews import onboarding, views
from headway.reviews.outputs import views as output_views

app_name = "reviews"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("capture/", views.capture, name="capture"),
    path("rhythm/", views.rhythm, name="rhythm"),
    path("rhythm/<slug:kind>/done/", views.cadence_done, name="cadence-done"),
    path("agenda/mark/", views.agenda_mark, name="agenda-mark"),
    path(
        "calendar/<str:secret>.ics",
        output_views.calendar_feed,
        name="calendar-feed",
    ),
    path("start/", onboarding.start, name="start"),
    path("start/finish/", onboarding.start_finish, name="start-finish"),
    path("start/<slug:step>/", onboarding.start_step, name="start-step"),
]
