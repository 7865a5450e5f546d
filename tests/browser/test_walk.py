"""The browser walk (issue 14): every page of a rich owner, at 1280 px and 390
px, in light and dark (each database pass of `make test` takes one scheme
per size, the other pass the other: COMBINATIONS). On each page: no console
error and no CSP violation, nothing scrolls sideways, axe finds no WCAG A/AA
violation, the <title> is plain text, every aria-describedby resolves, and
on the phone every tap target is at least 44 px (the rule:
tests/browser/walking.py). A screenshot of each lands in the artifacts
folder.

The page list comes from the URL resolver (walking.py): a new route fails
the walk, named, until it is walked or excluded there.

Fast by design: one browser, one context and one page per size and scheme,
the owner built once, everything checked in one pass; a failure lists every
offending URL with what is wrong there.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect

from headway.accounts.models import Profile, Share
from headway.accounts.services import owner_ensure
from headway.coach.periods import period_containing
from headway.growth.models import RoleNeed, Skill
from headway.journal.models import Entry
from headway.journal.services import entry_attach
from headway.network.models import Contact
from headway.opportunities import services as opportunities
from headway.reviews.demo import DemoSize, demo_build
from headway.reviews.flows_services import review_complete
from headway.reviews.onboarding import STEPS
from headway.sharing.shares import share_create
from tests.browser.accessibility import AXE, WCAG_TAGS
from tests.browser.signing_in import sign_in
from tests.browser.walking import (
    CSP_LISTENER,
    PAGE_REPORT,
    Candidate,
    World,
    probe,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": 1280, "phone": 390}
SCHEMES = ("light", "dark")
# `make test` runs the suite on SQLite and then on PostgreSQL: each pass walks
# every page at both sizes, in one scheme per size, and between them every
# size meets every scheme once (what is checked does not depend on the
# database; the pages' data does, and each database serves all of them).
COMBINATIONS = {
    "sqlite": (("desktop", "light"), ("phone", "dark")),
    "postgresql": (("desktop", "dark"), ("phone", "light")),
}
# axe: every WCAG A/AA rule in the first scheme; in the other only the rules
# about colour, since a theme changes nothing but colours (half the time).
ALL_WCAG = {"type": "tag", "values": WCAG_TAGS}
COLOUR_ONLY = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}
# Pages walked signed out too: what a visitor without an account sees.
MISSING = "/goals/987654321/"


def rich_owner(owner: Any, media: Path) -> World:
    """The demo career (every kind of entry, goals with check-ins, contacts
    with touches, mentors, managers, priorities, strengths, a target role),
    plus a work sample and a share link."""
    today = timezone.localdate()
    demo_build(
        owner=owner, today=today, size=DemoSize(years=2, entries=90, contacts=24)
    )
    entry = Entry.objects.for_owner(owner).filter(kind="accomplishment").first()
    talk = Entry.objects.for_owner(owner).filter(kind="talk").first() or entry
    assert entry is not None
    assert talk is not None
    slides = SimpleUploadedFile(
        "slides.pdf", b"%PDF-1.4\n% slides\n", "application/pdf"
    )
    entry_attach(owner=owner, pk=talk.pk, attachments=[slides])
    goal = owner_goal(owner)
    _share, token = share_create(owner=owner, goal_ids=[goal], include_entries=True)
    contacts = Contact.objects.for_owner(owner)
    mentor = contacts.filter(tags__name="mentor").first()
    manager = contacts.filter(tags__name="manager").first()
    assert mentor is not None
    assert manager is not None
    assert token is not None
    share = Share.objects.filter(owner=owner).latest("pk")
    periods = [period_containing(kind, today) for kind in ("week", "quarter", "year")]
    review = review_complete(owner=owner, period=periods[0], reflection="A good week")
    need = RoleNeed.objects.for_owner(owner).first()
    skill = Skill.objects.for_owner(owner).first()
    assert need is not None
    assert skill is not None
    company = opportunities.company_create(
        owner=owner, name="Initech", why="Kind people", target_role="Staff engineer"
    )
    opening = opportunities.opening_create(
        owner=owner, company=company, role="Staff engineer", source="referral",
        referrer=mentor,
    )  # fmt: skip
    candidate = opportunities.candidate_add(owner=owner, contact=mentor, why="Leads")
    return World(
        entry=entry.pk,
        entry_with_sample=talk.pk,
        goal=goal,
        contact=contacts.exclude(pk__in=[mentor.pk, manager.pk]).first().pk,  # type: ignore[union-attr]
        mentor=mentor.pk,
        manager=manager.pk,
        share_token=token,
        steps=tuple(step.value for step in STEPS),
        share=share.pk,
        review=review.pk,
        periods=tuple((period.kind, period.label) for period in periods),
        need=need.pk,
        skill=skill.pk,
        company=company.pk,
        opening=opening.pk,
        candidate=candidate.pk,
    )


def owner_goal(owner: Any) -> int:
    from headway.goals.models import Goal

    goal = (
        Goal.objects.for_owner(owner)
        .filter(status="active", target__isnull=False)
        .first()
        or Goal.objects.for_owner(owner).first()
    )
    assert goal is not None
    return int(goal.pk)


class Walker:
    """One page of one context, its console and errors recorded per visit."""

    def __init__(self, context: BrowserContext) -> None:
        self.page: Page = context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on(
            "pageerror", lambda error: self.errors.append(f"page error: {error}")
        )

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def visit(
        self,
        url: str,
        *,
        phone: bool,
        axe_rules: dict[str, Any],
        expect_status: int = 200,
    ) -> dict[str, Any]:
        self.errors = []
        response = self.page.goto(url, wait_until="load")
        assert response is not None
        status = response.status
        report: dict[str, Any] = self.page.evaluate(PAGE_REPORT, phone)
        if status == expect_status != 200:
            # The browser itself logs the error status of the page it opened.
            self.errors = [e for e in self.errors if f"status of {status}" not in e]
        report["status"] = status
        report["errors"] = list(self.errors)
        report["axe"] = self.page.evaluate(
            """only => axe.run(document, {runOnly: only, resultTypes: ['violations']})
                .then(r => r.violations.map(v => v.id + ' ' +
                    v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))""",
            axe_rules,
        )
        return report


def problems_of(report: dict[str, Any], *, expect_status: int = 200) -> list[str]:
    found = []
    if report["status"] != expect_status:
        found.append(f"status {report['status']}")
    if report["errors"]:
        found.append(f"errors {report['errors'][:3]}")
    if report["csp"]:
        found.append(f"CSP violations {report['csp'][:3]}")
    if report["overflow"] > 0:
        found.append(f"scrolls sideways by {report['overflow']} px")
    if "<" in report["title"] or report["titles"] != 1 or not report["title"].strip():
        found.append(f"title not plain text: {report['title'][:80]!r}")
    if report["describedby"]:
        found.append(f"aria-describedby points nowhere: {report['describedby'][:3]}")
    if report["small"]:
        found.append(f"tap targets under 44 px: {report['small']}")
    if report["axe"]:
        found.append(f"axe: {report['axe']}")
    return found


def new_context(
    browser: Browser, *, width: int, scheme: str, state: Any = None
) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        color_scheme=scheme,  # type: ignore[arg-type]
        storage_state=state,
    )
    # Init scripts run before the page's own, outside its CSP: the CSP stays
    # enforced on the walk (bypass_csp would hide violations).
    context.add_init_script(CSP_LISTENER)
    context.add_init_script(path=str(AXE))
    return context


def slug(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"


def test_every_page_passes_at_both_sizes(
    live_server: Any, browser: Browser, artifacts: Path, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    signing = browser.new_context()
    owner = sign_in(signing.new_page(), live_server)
    state = signing.storage_state()
    signing.close()
    world = rich_owner(owner, tmp_path)
    client = Client()
    client.force_login(owner)
    pages, unknown = probe(client, world)
    assert not unknown, "Routes the walk cannot place:\n" + "\n".join(unknown)
    assert len(pages) >= 30, [page.url for page in pages]
    visitor_pages = [
        Candidate("share:by-link", f"/share/{world.share_token}"),
        Candidate("accounts:login", "/login/"),
    ]

    failures: list[str] = []
    for size, scheme in COMBINATIONS[connection.vendor]:
        width = SIZES[size]
        shots = artifacts / "walk" / f"{size}-{scheme}"
        shots.mkdir(parents=True, exist_ok=True)
        phone = size == "phone"
        combination = f"{width} px {scheme}"
        axe_rules = ALL_WCAG if scheme == SCHEMES[0] else COLOUR_ONLY
        signed_in = new_context(browser, width=width, scheme=scheme, state=state)
        visitor = new_context(browser, width=width, scheme=scheme)
        for walker, walk, missing_ok in (
            (Walker(signed_in), pages, True),
            (Walker(visitor), visitor_pages, False),
        ):
            for candidate in [*walk, Candidate("404", MISSING)] if missing_ok else walk:
                expect = 404 if candidate.route == "404" else 200
                url = live_server.url + candidate.url
                report = walker.visit(
                    url, phone=phone, axe_rules=axe_rules, expect_status=expect
                )
                problems = problems_of(report, expect_status=expect)
                if problems:
                    failures.append(
                        f"[{combination}] {candidate.url}: " + "; ".join(problems)
                    )
                walker.page.screenshot(
                    path=str(shots / f"{slug(urlsplit(url).path)}.jpeg"),
                    full_page=True,
                    type="jpeg",
                    quality=70,
                )
        signed_in.close()
        visitor.close()
    assert not failures, f"{len(failures)} page visits failed:\n" + "\n".join(failures)


def test_the_owners_theme_is_on_the_page_before_any_script(
    live_server: Any, browser: Browser
) -> None:
    # The server writes data-theme: a dark choice is dark from the first paint,
    # even on a light system and with scripts off.
    Profile.objects.create(owner=owner_ensure(), theme="dark")
    context = browser.new_context(color_scheme="light", java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server)
    page.goto(live_server.url + "/goals/")
    theme = page.locator("html").get_attribute("data-theme")
    paper = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    context.close()
    assert theme == "dark"
    assert paper == "rgb(18, 22, 28)", paper


def test_the_theme_toggle_steps_through_system_light_and_dark(
    live_server: Any, page: Page
) -> None:
    sign_in(page, live_server)
    page.goto(live_server.url + "/goals/")
    seen = []
    for _ in range(3):
        page.get_by_role("button", name=re.compile("Colour theme")).click()
        page.wait_for_load_state()
        seen.append(page.locator("html").get_attribute("data-theme"))
        assert page.url.endswith("/goals/")
    assert seen == ["light", "dark", "system"]


def test_typing_into_every_live_coach_logs_no_console_error(
    live_server: Any, browser: Browser
) -> None:
    context = new_context(browser, width=390, scheme="dark")
    walker = Walker(context)
    owner = sign_in(walker.page, live_server)
    assert owner is not None
    page = walker.page
    walker.errors = []

    # SMART coach on the goal form.
    page.goto(live_server.url + "/goals/new/")
    statement = page.locator("#id_statement")
    with page.expect_response(re.compile("/goals/coach/")):
        statement.press_sequentially("Ship search to 5 teams by 31 March", delay=5)
    page.locator("#smart-coach").wait_for()
    # The loading indicator is there, and hidden once the coach has answered.
    expect(page.locator("#goal-form .htmx-indicator")).to_have_css("opacity", "0")

    # NEAR coach on the Log form (an accomplishment shows the NEAR fields).
    page.goto(live_server.url + "/log/?new=accomplishment#entry-form")
    with page.expect_response(re.compile("/log/near/")):
        page.get_by_label("Result").press_sequentially("Cut build time by 60%", delay=5)
    page.locator("#near-coach").wait_for()

    # Quick capture: Enter saves, the kind is read from the line.
    page.goto(live_server.url + "/log/")
    capture = page.locator(".quick-capture input:not([type=hidden])").first
    capture.press_sequentially("Gave a talk on typing at PyCon", delay=5)
    with page.expect_response(re.compile("/log/capture/")):
        capture.press("Enter")
    page.locator(".quick-capture .saved").wait_for()

    # Search: the loading indicator comes and goes, results arrive.
    search = page.locator("[role=search] input[name=q]")
    with page.expect_response(re.compile(r"/log/\?")):
        search.press_sequentially("typing", delay=5)
    page.locator("#results .entry").first.wait_for()
    expect(page.locator("[role=search] .htmx-indicator")).to_have_css("opacity", "0")
    csp = page.evaluate("window.__cspViolations")
    context.close()
    assert walker.errors == []
    assert csp == []
