"""The main navigation: one line per area; an area without pages yet uses `section`.

Each item names an icon from the sprite in `base.html` (`#i-<icon>`); on a
phone the list becomes a bottom tab bar of icon and label.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    icon: str
    args: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return reverse(self.url_name, args=self.args)

    def is_current(self, path: str) -> bool:
        url = self.url
        return path == url if url == "/" else path.startswith(url)


@dataclass(frozen=True)
class NavLink:
    """One rendered line of the navigation."""

    label: str
    url: str
    icon: str
    current: bool


NAVIGATION = (
    NavItem("Dashboard", "reviews:dashboard", "home"),
    NavItem("Log", "journal:entry-list", "log"),
    NavItem("Goals", "goals:goal-list", "goal"),
    NavItem("Network", "network:home", "network"),
    NavItem("Opportunities", "opportunities:home", "opportunity"),
    NavItem("Growth", "growth:index", "growth"),
    NavItem("Portfolio", "portfolio:portfolio", "portfolio"),
    NavItem("Rhythm", "reviews:rhythm", "rhythm"),
    NavItem("Reviews", "reviews:reviews", "review"),
    NavItem("Profile", "accounts:profile", "profile"),
)


def navigation_links(path: str) -> list[NavLink]:
    """The navigation for a page at `path`, the current area marked."""
    links = []
    for item in NAVIGATION:
        url = item.url
        current = path == url if url == "/" else path.startswith(url)
        links.append(NavLink(item.label, url, item.icon, current))
    return links
