"""The Reviews pages: the index, each flow completed through the page, a past
review readable, and a report of any period downloaded."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from django.test import Client

from headway.goals.models import Goal, GoalStatus
from headway.goals.services import goal_create
from headway.journal.models import Entry
from headway.journal.services import entry_create
from headway.reviews.models import Cadence, Review


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-25 10:00:00Z", tick=False)


def test_the_reviews_tab_opens_the_index_with_starts_and_past_reviews(
    alice: Any, alice_client: Client
) -> None:
    page = alice_client.get("/reviews/").content.decode()
    assert re.search(r'<a href="/reviews/" aria-current="page">.*?Reviews</a>', page)
    assert 'href="/reviews/week/2026-W48/"' in page
    assert 'href="/reviews/quarter/2026Q4/"' in page
    assert 'href="/reviews/year/2025/"' in page  # the year before, to look back
    assert "No review completed yet" in page


def test_a_review_without_a_period_goes_to_the_current_one(
    alice_client: Client,
) -> None:
    response = alice_client.get("/reviews/quarter/")
    assert response.status_code == 302
    assert response["Location"] == "/reviews/quarter/2026Q4/"


@pytest.mark.parametrize(
    "path",
    ["/reviews/quarter/2026Q5/", "/reviews/month/2026-11/", "/reviews/year/2031/"],
)
def test_a_bad_period_or_kind_is_not_found(alice_client: Client, path: str) -> None:
    assert alice_client.get(path).status_code == 404


def test_the_weekly_review_is_drafted_then_completed_and_readable_later(
    alice: Any, alice_client: Client
) -> None:
    entry_create(
        owner=alice, kind="note", title="Planning <b>day</b>", occurred_on="2026-11-24"
    )
    page = alice_client.get("/reviews/week/2026-W48/").content.decode()
    assert "Planning &lt;b&gt;day&lt;/b&gt;" in page
    assert "No accomplishment logged this week" in page
    done = alice_client.post("/reviews/week/2026-W48/", {"reflection": "Calm week."})
    review = Review.objects.get()
    assert done["Location"] == f"/reviews/{review.pk}/"
    assert Cadence.objects.get(kind="weekly").last_done == dt.date(2026, 11, 25)
    past = alice_client.get(f"/reviews/{review.pk}/").content.decode()
    assert "Calm week." in past
    assert "Biggest accomplishments" in past
    assert (
        f'href="/reviews/{review.pk}/"'
        in alice_client.get("/reviews/").content.decode()
    )


def test_the_quarterly_review_page_completes_best_project_and_goals(
    alice: Any, alice_client: Client
) -> None:
    best = entry_create(
        owner=alice,
        kind="accomplishment",
        title="Cut deploys",
        occurred_on="2026-10-14",
    )
    keep = goal_create(owner=alice, statement="Speak at a meetup")
    drop = goal_create(owner=alice, statement="Learn Go")
    page = alice_client.get(f"/reviews/quarter/2026Q4/?best={best.pk}").content.decode()
    assert 'hx-post="/log/near/"' in page  # the Log page's live NEAR coach
    assert "Refresh your public profiles" in page
    form = {
        "best_id": best.pk,
        "title": "Cut deploys",
        "numbers": "from 20 to 8 minutes",
        "example": "the payments service",
        "achievement": "Rebuilt the pipeline",
        "result": "three teams ship daily",
        "links": "https://example.org/slides",
        f"goal_{keep.pk}": "keep",
        f"statement_{keep.pk}": keep.statement,
        f"goal_{drop.pk}": "drop",
        f"statement_{drop.pk}": drop.statement,
        f"reason_{drop.pk}": "",
        "reflection": "Rust next.",
    }
    refused = alice_client.post("/reviews/quarter/2026Q4/", form)
    assert refused.status_code == 200
    assert "Say why you drop" in refused.content.decode()
    assert Goal.objects.get(pk=drop.pk).status == GoalStatus.ACTIVE
    assert Entry.objects.get(pk=best.pk).numbers == ""
    done = alice_client.post(
        "/reviews/quarter/2026Q4/", form | {f"reason_{drop.pk}": "Rust serves better"}
    )
    assert done.status_code == 302
    assert Goal.objects.get(pk=drop.pk).drop_reason == "Rust serves better"
    assert Entry.objects.get(pk=best.pk).starred
    past = alice_client.get(done["Location"]).content.decode()
    assert "Dropped “Learn Go”: Rust serves better" in past
    assert "Best project of the quarter" in past


def test_the_yearly_review_page_answers_then_keeps_the_reflection(
    alice: Any, alice_client: Client
) -> None:
    entry_create(owner=alice, kind="talk", title="Meetup", occurred_on="2026-06-01")
    page = alice_client.get("/reviews/year/2026/").content.decode()
    assert "Industries and trends followed" in page
    assert "1 talk" in page
    alice_client.post("/reviews/year/2026/", {"reflection": "A year of talks."})
    assert Review.objects.get(kind="year").reflection == "A year of talks."
    assert Cadence.objects.get(kind="yearly").last_done == dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("query", "content_type", "start"),
    [
        ("period=2026Q3&format=md", "text/markdown", b"# Quarterly review: Q3 2026"),
        ("period=2026-W48&format=html", "text/html", b"<!doctype html>"),
        ("period=2026&format=pdf", "application/pdf", b"%PDF"),
        ("from=2026-03-01&to=2026-03-31&format=json", "application/json", b"{"),
    ],
)
def test_a_report_of_any_period_downloads_in_each_format(
    alice: Any, alice_client: Client, query: str, content_type: str, start: bytes
) -> None:
    response = alice_client.get(f"/reviews/report/?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response.content.startswith(start)
    assert "private" in response["Cache-Control"]
    if content_type == "application/json":
        assert json.loads(response.content)["kind"] == "range"


@pytest.mark.parametrize(
    "query",
    [
        "period=2026Q5",
        "format=docx",
        "from=2026-03-01",
        "from=2026-04-01&to=2026-03-01",
    ],
)
def test_a_bad_report_request_says_why(alice_client: Client, query: str) -> None:
    response = alice_client.get(f"/reviews/report/?{query}")
    assert response.status_code == 400
    assert response.content


def test_another_owners_review_is_not_found(
    alice: Any, bob_client: Client, alice_client: Client
) -> None:
    alice_client.post("/reviews/week/2026-W48/", {"reflection": "Mine."})
    review = Review.objects.get()
    assert bob_client.get(f"/reviews/{review.pk}/").status_code == 404
    assert "Mine." not in bob_client.get("/reviews/week/2026-W48/").content.decode()
