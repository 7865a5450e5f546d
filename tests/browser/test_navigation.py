"""The main navigation keeps five areas in view and the other five behind
"More": one row at 1280 px, six tabs at 390 px, nothing scrolled sideways."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.accessibility import axe_violations
from tests.browser.signing_in import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # axe is injected into the page: its CSP forbids inline scripts
    pytest.mark.browser_context_args(bypass_csp=True),
]


BEHIND_MORE = ("Opportunities", "Portfolio", "Rhythm", "Reviews", "Profile")


@pytest.mark.parametrize("width", [1280, 390, 320])
def test_more_opens_by_keyboard_closes_on_escape_and_marks_the_current_area(
    live_server: Any, page: Page, width: int, artifacts: Path
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server)
    navigation = page.get_by_role("navigation", name="Main")
    more = navigation.locator("summary")
    tops = {
        round(box["y"])
        for item in navigation.locator(":scope > ul > li").all()
        if (box := item.bounding_box()) is not None
    }
    assert len(tops) == 1, f"the navigation wraps at {width} px: rows at {tops}"
    crowded = page.evaluate(
        """() => [...document.querySelectorAll(
                '.site-nav > ul > li, .site-nav > ul > li > a, .nav-more summary')]
            .filter(item => item.scrollWidth > item.clientWidth + 1)
            .map(item => item.textContent.trim())"""
    )
    assert crowded == [], f"labels spill out of their tabs at {width} px"
    for area in BEHIND_MORE:
        expect(navigation.get_by_role("link", name=area)).to_be_hidden()

    more.focus()
    page.keyboard.press("Enter")
    reviews = navigation.get_by_role("link", name="Reviews")
    expect(reviews).to_be_visible()
    box = navigation.locator(".nav-more-list").bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= 800
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / f"navigation-more-{width}.png"))
    page.keyboard.press("Escape")
    expect(reviews).to_be_hidden()
    expect(more).to_be_focused()

    more.click()
    expect(reviews).to_be_visible()
    page.mouse.click(5, 400)  # a click elsewhere closes it
    expect(reviews).to_be_hidden()

    more.click()
    reviews.click()
    expect(page.get_by_role("heading", name="Reviews", exact=True)).to_be_visible()
    expect(navigation.locator("summary.current")).to_have_text(
        "More (the current page is here)"
    )
    navigation.locator("summary").click()
    expect(navigation.get_by_role("link", name="Reviews")).to_have_attribute(
        "aria-current", "page"
    )
