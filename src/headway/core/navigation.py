"""The main navigation: one line per area.

Each item names an icon from the sprite in `base.html` (`#i-<icon>`). The
five areas used most are always in view (on a phone, a bottom tab bar of
icon and label); the others sit behind "More", a disclosure that works
without script, so ten areas never wrap the header or scroll the tab bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    icon: str
    more: bool = False  # behind "More"

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class NavLink:
    """One rendered line of the navigation."""

    label: str
    url: str
    icon: str
    current: bool


@dataclass(frozen=True)
class Navigation:
    """What `base.html` draws: the areas in view, and those behind "More"."""

    main: list[NavLink]
    more: list[NavLink]

    @property
    def more_current(self) -> bool:
        """The page belongs to an area behind "More": the button says so."""
        return any(link.current for link in self.more)


NAVIGATION = (
    NavItem("Dashboard", "reviews:dashboard", "home"),
    NavItem("Log", "journal:entry-list", "log"),
    NavItem("Goals", "goals:goal-list", "goal"),
    NavItem("Network", "network:home", "network"),
    NavItem("Growth", "growth:index", "growth"),
    NavItem("Opportunities", "opportunities:home", "opportunity", more=True),
    NavItem("Portfolio", "portfolio:portfolio", "portfolio", more=True),
    NavItem("Rhythm", "reviews:rhythm", "rhythm", more=True),
    NavItem("Reviews", "reviews:reviews", "review", more=True),
    NavItem("Profile", "accounts:profile", "profile", more=True),
)


def navigation_links(path: str) -> Navigation:
    """The navigation for a page at `path`, the current area marked."""
    main: list[NavLink] = []
    more: list[NavLink] = []
    for item in NAVIGATION:
        url = item.url
        current = path == url if url == "/" else path.startswith(url)
        (more if item.more else main).append(
            NavLink(item.label, url, item.icon, current)
        )
    return Navigation(main, more)
