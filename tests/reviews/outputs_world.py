"""A year of alice's career, and bob's marked data beside it, for output tests."""

from __future__ import annotations

from typing import Any

from headway.accounts.profile import profile_update
from headway.accounts.roles import role_create
from headway.goals.services import goal_create
from headway.journal.services import entry_create
from headway.network.services import contact_create

BOB_MARKER = "Bobsecretmarker"

# Accomplishments written as owners write them, all four NEAR parts filled.
ACCOMPLISHMENTS = (
    {
        "title": "Payments API on Kubernetes",
        "occurred_on": "2026-02-10",
        "numbers": "3 services, 12 engineers",
        "example": "the payments API",
        "achievement": "Migrated the payments API to Kubernetes",
        "result": "deploy time went from 40 to 8 minutes for 12 engineers",
        "starred": True,
    },
    {
        "title": "Onboarding guide",
        "occurred_on": "2026-05-04",
        "numbers": "9 new hires",
        "example": "the team's onboarding guide",
        "achievement": "Wrote the onboarding guide for new hires",
        "result": "new hires shipped their first change in 3 days instead of 10",
    },
    {
        "title": "Flaky tests",
        "occurred_on": "2026-08-20",
        "numbers": "140 flaky tests",
        "example": "the checkout test suite",
        "achievement": "I fixed 140 flaky tests in the checkout suite",
        "result": "failed builds fell by 70% for the whole mobile team",
    },
)


def alices_year(alice: Any) -> dict[str, Any]:
    profile_update(
        owner=alice,
        name="Alice <Ada> Lovelace",
        email="alice@example.com",
        headline="Staff engineer, payments",
        location="Berlin",
        links=["https://github.com/alice-l", "https://alice.example.com"],
    )
    old = role_create(
        owner=alice,
        title="Engineer",
        organisation="Acme",
        started_on="2020-01-01",
        ended_on="2025-12-31",
    )
    now = role_create(
        owner=alice,
        title="Staff engineer",
        organisation="Globex",
        started_on="2026-01-01",
    )
    goal = goal_create(
        owner=alice,
        statement="Speak at two conferences by 2026-12-31",
        due="2026-12-31",
    )
    made = [
        entry_create(
            owner=alice,
            kind="accomplishment",
            goal_ids=[goal.pk] if index == 0 else [],
            skills=["Kubernetes"] if index == 0 else ["Testing"],
            tags=["platform"],
            **fields,
        )
        for index, fields in enumerate(ACCOMPLISHMENTS)
    ]
    entry_create(
        owner=alice,
        kind="accomplishment",
        title="Worked on the roadmap",
        occurred_on="2026-03-01",
    )
    entry_create(
        owner=alice,
        kind="learning",
        title="Certified Kubernetes Administrator",
        occurred_on="2026-04-01",
        details={
            "subtype": "certification",
            "provider": "CNCF",
            "outcome": "passed",
            "expires_on": "2029-04-01",
        },
    )
    entry_create(
        owner=alice,
        kind="content",
        title="How we cut deploys to 8 minutes",
        occurred_on="2026-06-01",
        details={
            "subtype": "blog_post",
            "published_where": "Globex blog",
            "url": "https://blog.example.com/deploys",
        },
    )
    entry_create(
        owner=alice,
        kind="talk",
        title="Kubernetes for payments",
        occurred_on="2026-09-15",
        details={"venue_kind": "conference", "venue": "KubeCon", "audience_size": 300},
    )
    entry_create(
        owner=alice,
        kind="feedback",
        title="Praise from Sam",
        body=(
            "Your <script>alert(1)</script> migration plan\n"
            "was the clearest I have read."
        ),
        occurred_on="2026-10-01",
        details={"direction": "received", "person": "Sam", "tone": "positive"},
    )
    entry_create(
        owner=alice,
        kind="initiative",
        title="Mentored at Code Club",
        body="Taught 10 children to code.",
        occurred_on="2026-07-01",
        details={"subtype": "volunteered"},
    )
    contact = contact_create(
        owner=alice, name="Rita Rivera", met_how="event", met_on="2026-11-20"
    )
    return {
        "roles": (old, now),
        "goal": goal,
        "accomplishments": made,
        "contact": contact,
    }


def bobs_things(bob: Any) -> None:
    goal_create(owner=bob, statement=f"{BOB_MARKER} goal", due="2026-12-20")
    entry_create(
        owner=bob,
        kind="accomplishment",
        title=f"{BOB_MARKER} win",
        occurred_on="2026-04-01",
        numbers="5 teams",
        example="the billing service",
        achievement=f"Rebuilt the billing service {BOB_MARKER}",
        result="errors fell from 50 to 5 a day for 5 teams",
    )
    contact_create(owner=bob, name=f"{BOB_MARKER} Contact", met_how="event")
