"""The three front doors' web routes: pages, the JSON API, and the health check."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from headway.api import api
from headway.core.views import healthz

admin.autodiscover()

urlpatterns = [
    path("", include("headway.core.urls")),
    path("", include("headway.accounts.urls")),
    path("log/", include("headway.journal.urls")),
    path("", include("headway.journal.portfolio_urls")),
    path("goals/", include("headway.goals.urls")),
    path("growth/", include("headway.growth.urls")),
    path("share/", include("headway.accounts.share_urls")),
    path("network/", include("headway.network.urls")),
    path("", include("headway.reviews.urls")),
    path("api/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
