"""Going to an area through the main navigation, as a person does: the five
areas used most are in view, the others behind "More"."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def go_to(page: Page, area: str) -> None:
    """Click the area's link in the main navigation, opening "More" first
    when the link is behind it."""
    navigation = page.get_by_role("navigation", name="Main")
    link = navigation.get_by_role("link", name=area, exact=True)
    if not link.is_visible():
        navigation.locator("summary").click()
        expect(link).to_be_visible()
    link.click()
