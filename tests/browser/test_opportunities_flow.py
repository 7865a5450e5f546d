"""A person adds a company, sees who they know there, adds an opening by
referral, moves it across the board with the keyboard, and sees their
applications goal move. Every page passes axe; the board fits a phone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from headway.goals.services import goal_create
from headway.network.services import contact_create, interaction_log
from headway.opportunities.models import Opening
from tests.browser.accessibility import axe_violations
from tests.browser.navigating import go_to
from tests.browser.signing_in import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # axe is injected into the page: its CSP forbids inline scripts
    pytest.mark.browser_context_args(bypass_csp=True),
]


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_a_referral_moves_across_the_board_and_the_applications_goal_moves(
    live_server: Any, page: Page, artifacts: Path
) -> None:
    owner = sign_in(page, live_server)
    goal = goal_create(
        owner=owner, statement="Send 5 applications this quarter", target=5,
        unit="applications",
    )  # fmt: skip
    sue = contact_create(
        owner=owner, name="Sue Strong", organisation="ACME", strength=5
    )
    interaction_log(
        owner=owner,
        contact=sue,
        kind="coffee",
        occurred_on=timezone.localdate() - dt.timedelta(days=3),
    )

    go_to(page, "Opportunities")
    expect(page.get_by_role("heading", level=1)).to_have_text("Opportunities")
    assert axe_violations(page) == []
    page.get_by_label("Name").fill("Acme Inc.")
    page.get_by_label("Why this company").fill("They build tools I use daily")
    page.get_by_role("button", name="Add company").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Acme Inc.")
    people = page.locator("#people-there")
    expect(people).to_contain_text("Sue Strong")
    expect(people).to_contain_text("strength 5")
    assert axe_violations(page) == []

    page.get_by_text("Add an opening here").click()
    page.get_by_label("Role").fill("Product Manager")
    page.get_by_label("Source").select_option("referral")
    page.get_by_label("Referred by").select_option(label="Sue Strong (ACME)")
    page.get_by_role("button", name="Add opening").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Openings board")
    interested = page.locator("#cards-interested")
    expect(interested).to_contain_text("Product Manager")
    expect(interested).to_contain_text("referred by Sue Strong")
    assert axe_violations(page) == []

    # The keyboard alone: focus the card's step button, press Enter; the board
    # is swapped in place and the focus lands on the moved card's next step.
    interested.get_by_role("button", name="Move to Applied").focus()
    page.keyboard.press("Enter")
    applied = page.locator("#cards-applied")
    expect(applied).to_contain_text("Product Manager")
    expect(interested).not_to_contain_text("Product Manager")
    next_step = applied.get_by_role("button", name="Move to Interviewing")
    expect(next_step).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#cards-interviewing")).to_contain_text("Product Manager")
    assert Opening.objects.get().stage == "interviewing"

    # And by pointer: drag the card onto the Offer column.
    card = page.locator("#cards-interviewing .opp-card").first
    card.drag_to(page.locator('section[data-stage="offer"]'))
    expect(page.locator("#cards-offer")).to_contain_text("Product Manager")
    assert Opening.objects.get().stage == "offer"
    page.screenshot(path=str(artifacts / "opportunities-board.png"), full_page=True)

    page.goto(f"{live_server.url}/goals/{goal.pk}/")
    expect(page.locator("#goal-progress progress")).to_have_attribute("value", "20")
    expect(page.locator(".checkin-list")).to_contain_text(
        "Applied: Product Manager at Acme Inc."
    )

    page.goto(f"{live_server.url}/opportunities/openings/{Opening.objects.get().pk}/")
    expect(page.locator(".checkin-list")).to_contain_text("goal checked in")
    assert axe_violations(page) == []


def test_the_board_list_and_mentor_pages_fit_a_phone_and_pass_axe(
    live_server: Any, page: Page, artifacts: Path
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    owner = sign_in(page, live_server)
    ada = contact_create(owner=owner, name="Ada Lovelace", organisation="Analytical")
    from headway.opportunities import services

    company = services.company_create(owner=owner, name="Analytical Engines Ltd")
    services.opening_create(
        owner=owner, company=company, role="Engineering Manager", source="posting",
        link="https://example.org/jobs/1",
    )  # fmt: skip
    outcomes = []
    for stage in ("accepted", "rejected"):
        opening = services.opening_create(
            owner=owner, company=company, role=f"Role {stage}", source="inbound"
        )
        services.opening_move(owner=owner, opening=opening, stage=stage, force=True)
        outcomes.append(f"/opportunities/openings/{opening.pk}/")
    candidate = services.candidate_add(owner=owner, contact=ada, hope_to_learn="Hiring")
    for url in (
        "/opportunities/",
        "/opportunities/openings/",
        "/opportunities/openings/list/",
        f"/opportunities/companies/{company.pk}/",
        f"/opportunities/mentors/{candidate.pk}/",
        "/opportunities/openings/new/",
        "/opportunities/companies/new/",
        "/opportunities/mentors/new/",
        *outcomes,
    ):
        page.goto(f"{live_server.url}{url}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        no_sideways_scroll(page)
        assert axe_violations(page) == [], url
    page.screenshot(
        path=str(artifacts / "opportunities-mentor-390.png"), full_page=True
    )
