"""The three front doors' web routes: pages, the JSON API, and the health check."""

from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.urls import include, path

from headway.api import api
from headway.core.views import healthz

# A data command builds Django without the web-only apps (settings.WEB_APPS)
# and may still reverse a URL (the agenda's links): no admin there.
WITH_ADMIN = apps.is_installed("django.contrib.admin")
if WITH_ADMIN:
    admin.autodiscover()

urlpatterns = [
    path("reviews/pack/", include("headway.sharing.pack_urls")),
    path("", include("headway.reviews.urls")),
    path("", include("headway.core.urls")),
    path("", include("headway.accounts.urls")),
    path("log/", include("headway.journal.urls")),
    path("", include("headway.journal.portfolio_urls")),
    path("goals/shares/", include("headway.sharing.owner_urls")),
    path("goals/", include("headway.goals.urls")),
    path("growth/", include("headway.growth.urls")),
    path("share/", include("headway.sharing.urls")),
    path("network/", include("headway.network.urls")),
    path("opportunities/", include("headway.opportunities.urls")),
    path("api/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
    *([path("admin/", admin.site.urls)] if WITH_ADMIN else []),
]

handler500 = "headway.core.failures.server_error"
