"""A review's sections from plain facts: every question answered, lists kept
short, and the weekly prompts asking only about what is missing."""

from __future__ import annotations

import datetime as dt

from headway.coach.review_report import (
    SECTION_ROWS,
    PeriodFacts,
    review_sections,
    week_prompts,
)
from headway.coach.yearly import Accomplishment


def facts(**changes: object) -> PeriodFacts:
    base: dict[str, object] = {
        "accomplishments": [
            Accomplishment(
                1, "Cut deploys", dt.date(2026, 5, 4), True, 4, "Cut deploys 60%"
            )
        ],
        "accomplishment_count": 1,
        "skills_learned": ["Kubernetes"],
        "learning": {"course": 2, "other": 1},
        "talks": 1,
        "posts": 0,
        "new_contacts": 3,
        "strong_ties": {"event": 1},
        "trends": [("AI tooling", 2)],
        "goals_achieved": ["Pass the CKA"],
        "goals_dropped": [("Learn Go", "Rust serves better")],
        "goals_open": [f"Goal {n}" for n in range(25)],
        "setbacks": [("Lost the bid", "Price the support")],
        "quiet_months": [dt.date(2026, 10, 1)],
        "entries_by_kind": {"Accomplishment": 1},
        "checkins": 4,
        "touches": 1,
    }
    return PeriodFacts(**(base | changes))  # type: ignore[arg-type]


def test_every_yearly_question_has_a_section_in_order() -> None:
    titles = [section.title for section in review_sections(facts())]
    assert titles == [
        "Biggest accomplishments",
        "Skills learned",
        "Courses, exams, talks and posts",
        "Network",
        "Industries and trends followed",
        "Goals",
        "Setbacks and lessons",
        "Months of drift",
        "Everything logged",
    ]


def test_answers_are_counted_in_words_and_long_lists_are_cut() -> None:
    by_key = {section.key: section for section in review_sections(facts())}
    assert by_key["accomplishments"].lines == ("Cut deploys 60% (4 May 2026)",)
    assert by_key["learning"].lines == (
        "2 courses",
        "1 other learning entry",
        "1 talk",
        "0 posts and articles",
    )
    assert by_key["network"].lines[1] == "1 strong tie added (1 by event)"
    goals = by_key["goals"]
    assert len(goals.lines) == SECTION_ROWS
    assert goals.lines[0] == "4 check-ins logged"
    # one line each for the check-ins, the achieved and the dropped goal, 25 open
    assert goals.more == 1 + 1 + 1 + 25 - SECTION_ROWS
    assert goals.more_text.startswith("…and ")
    assert by_key["drift"].lines == ("October 2026",)


def test_an_empty_period_says_so_and_a_week_has_no_drift_section() -> None:
    empty = facts(
        accomplishments=[],
        skills_learned=[],
        goals_open=[],
        goals_achieved=[],
        goals_dropped=[],
        checkins=0,
        setbacks=[],
        trends=[],
        entries_by_kind={},
    )
    sections = review_sections(empty, drift=False)
    assert "drift" not in [s.key for s in sections]
    by_key = {s.key: s for s in sections}
    assert by_key["accomplishments"].lines == ()
    assert by_key["accomplishments"].empty == "No accomplishment logged in this period."
    assert by_key["goals"].empty == "No goal in this period."


def test_the_weekly_prompts_ask_only_for_what_is_missing() -> None:
    assert week_prompts(accomplishments=2, entries=5, goals_without_progress=[]) == []
    asked = week_prompts(
        accomplishments=0, entries=0, goals_without_progress=["Ship X"]
    )
    assert asked[0].startswith("Nothing logged this week")
    assert asked[1].startswith("No accomplishment logged this week")
    assert "“Ship X”" in asked[2]
