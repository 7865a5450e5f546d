"""The main navigation: one line per area; an area without pages yet uses `section`."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    args: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return reverse(self.url_name, args=self.args)

    def is_current(self, path: str) -> bool:
        url = self.url
        return path == url if url == "/" else path.startswith(url)


NAVIGATION = (
    NavItem("Dashboard", "reviews:dashboard"),
    NavItem("Log", "journal:entry-list"),
    NavItem("Goals", "goals:goal-list"),
    NavItem("Network", "network:home"),
    NavItem("Opportunities", "opportunities:home"),
    NavItem("Growth", "growth:index"),
    NavItem("Rhythm", "reviews:rhythm"),
    NavItem("Reviews", "reviews:reviews"),
    NavItem("Profile", "accounts:profile"),
)
