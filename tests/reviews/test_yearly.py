"""The yearly review answers each question from the owner's data, and only theirs."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.goals.services import goal_achieve, goal_create, goal_drop
from headway.journal.services import entry_create
from headway.network.services import contact_create
from headway.reviews.yearly import year_markdown, year_review

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def log(owner: Any, kind: str, title: str, day: dt.date, **fields: Any) -> Any:
    return entry_create(owner=owner, kind=kind, title=title, occurred_on=day, **fields)


@pytest.fixture
def year_of(alice: Any) -> None:
    log(alice, "accomplishment", "Shipped the billing export", dt.date(2026, 3, 2))
    log(
        alice, "accomplishment", "Cut the deploy time", dt.date(2026, 5, 4),
        numbers="from 20 to 8 minutes", example="the payments service",
        achievement="Rebuilt the pipeline with parallel stages",
        result="three teams ship twice as often", starred=True,
    )  # fmt: skip
    log(alice, "accomplishment", "Old win", dt.date(2025, 6, 1))
    log(alice, "learning", "Kubernetes course", dt.date(2026, 2, 1),
        details={"subtype": "course"}, skills=["Kubernetes"])  # fmt: skip
    log(alice, "learning", "CKA", dt.date(2026, 4, 1),
        details={"subtype": "certification"}, skills=["kubernetes"])  # fmt: skip
    log(alice, "learning", "Rust book", dt.date(2025, 4, 1), skills=["Rust"])
    log(alice, "learning", "Rust again", dt.date(2026, 4, 1), skills=["Rust"])
    log(alice, "talk", "Meetup talk on queues", dt.date(2026, 6, 1))
    log(alice, "content", "Post on retries", dt.date(2026, 7, 1))
    log(alice, "reading", "Report on AI", dt.date(2026, 8, 1),
        details={"trend": "AI tooling"})  # fmt: skip
    log(alice, "reading", "Another on AI", dt.date(2026, 8, 9),
        details={"trend": "AI tooling"})  # fmt: skip
    log(alice, "setback", "Lost the vendor bid", dt.date(2026, 9, 1),
        details={"lesson": "Price the support, not only the licence"})  # fmt: skip
    contact_create(owner=alice, name="Ana", strength=5, met_how="event",
                   met_on=dt.date(2026, 3, 1))  # fmt: skip
    contact_create(owner=alice, name="Bo", strength=2, met_on=dt.date(2026, 4, 1))
    contact_create(owner=alice, name="Cy", strength=5, met_on=dt.date(2024, 4, 1))
    done = goal_create(owner=alice, statement="Pass the CKA", started_on="2026-01-01")
    goal_achieve(owner=alice, goal_id=done.pk, on=dt.date(2026, 4, 1))
    dropped = goal_create(owner=alice, statement="Learn Go", started_on="2026-01-01")
    goal_drop(owner=alice, goal_id=dropped.pk, reason="Rust serves better",
              on=dt.date(2026, 6, 1))  # fmt: skip
    goal_create(owner=alice, statement="Speak at a conference", started_on="2026-02-01")


@pytest.mark.usefixtures("year_of")
def test_each_question_is_answered_from_the_years_data(alice: Any) -> None:
    review = year_review(owner=alice, year=2026, today=TODAY)
    assert [a.title for a in review.accomplishments] == [
        "Cut the deploy time",
        "Shipped the billing export",
    ]
    assert review.accomplishments[0].bullet
    assert review.skills_learned == ["Kubernetes"]  # Rust was first shown in 2025
    assert review.learning == {"course": 1, "certification": 1, "other": 1}
    assert (review.talks, review.posts) == (1, 1)
    assert review.new_contacts == 2
    assert review.strong_ties == {"event": 1}
    assert review.trends == [("AI tooling", 2)]
    assert review.goals_achieved == ["Pass the CKA"]
    assert review.goals_dropped == [("Learn Go", "Rust serves better")]
    assert review.goals_open == ["Speak at a conference"]
    assert review.setbacks == [
        ("Lost the vendor bid", "Price the support, not only the licence")
    ]
    assert dt.date(2026, 10, 1) in review.quiet_months  # nothing logged in October
    assert dt.date(2026, 5, 1) not in review.quiet_months


@pytest.mark.usefixtures("year_of")
def test_the_markdown_has_every_section_and_an_empty_year_says_so(alice: Any) -> None:
    text = year_markdown(year_review(owner=alice, year=2026, today=TODAY))
    for heading in ["Biggest accomplishments", "Skills learned", "Network",
                    "Industries and trends followed", "Goals", "Setbacks and lessons",
                    "Months of drift"]:  # fmt: skip
        assert f"## {heading}" in text
    empty = year_markdown(year_review(owner=alice, year=2019, today=TODAY))
    assert "No accomplishment logged this year." in empty


@pytest.mark.usefixtures("year_of")
def test_another_owners_year_shows_none_of_it(alice: Any, bob: Any) -> None:
    text = year_markdown(year_review(owner=bob, year=2026, today=TODAY))
    assert "deploy" not in text
    assert "Ana" not in text


@pytest.mark.usefixtures("year_of")
def test_headway_review_year_prints_markdown_and_json(alice: Any) -> None:
    from headway.cli import app

    runner = CliRunner()
    printed = runner.invoke(app, ["review", "year", "2026"])
    assert printed.exit_code == 0, printed.output
    assert printed.stdout.startswith("# 2026 in review")
    data = json.loads(runner.invoke(app, ["review", "year", "--json"]).stdout)
    assert data["year"] == 2026
    assert data["goals"]["dropped"] == [
        {"statement": "Learn Go", "reason": "Rust serves better"}
    ]
    bad = runner.invoke(app, ["review", "year", "2026Q5"])
    assert bad.exit_code == 2  # a usage error, like any period that cannot be read
    assert "Cannot read '2026Q5' as a year" in bad.stderr
