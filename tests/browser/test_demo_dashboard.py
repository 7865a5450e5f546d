"""The dashboard of a demo owner with years of history: the agenda, the
momentum heat map and the drift status are there, and pass axe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from headway.reviews.demo import DemoSize, demo_build
from tests.browser.accessibility import axe_violations
from tests.browser.signing_in import sign_in

# What sticks out past the viewport (the heat map scrolls inside its own box).
WIDEST = """
() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.heatmap-scroll')) continue;
    const right = Math.round(el.getBoundingClientRect().right);
    if (right > width + 1) out.push(el.tagName + '.' + el.className + ' ' + right);
  }
  return out.slice(0, 15);
}
"""


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # axe is injected into the page: its CSP forbids inline scripts
    pytest.mark.browser_context_args(bypass_csp=True),
]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_demo_owners_dashboard_shows_agenda_heat_map_and_drift(
    live_server: Any, page: Page, artifacts: Path, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    owner = sign_in(page, live_server)
    demo_build(
        owner=owner,
        today=timezone.localdate(),
        size=DemoSize(years=3, entries=600, contacts=80, seed=3),
    )
    page.reload()
    agenda = page.get_by_role("region", name="Due now and in the next two weeks")
    expect(agenda.locator(".agenda-item").first).to_be_visible()
    heat_map = page.get_by_role("img", name="Momentum, one cell per week")
    expect(heat_map).to_be_visible()
    assert heat_map.locator("rect").count() >= 45  # a cell a week for a year
    drift = page.locator("section.drift")
    expect(drift.get_by_role("heading", level=2)).to_have_text(
        ["You are drifting"]
        if "drift-on" in (drift.get_attribute("class") or "")
        else ["Not drifting"]
    )
    # Nothing scrolls sideways on a phone.
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, page.evaluate(WIDEST)
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / f"demo-dashboard-{width}.png"), full_page=True)
