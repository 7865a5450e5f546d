"""Meeting prep: each section lists what happened after the last meeting, not before."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from headway.core.errors import HeadwayError, NotFound
from headway.goals.services import checkin_create, goal_achieve, goal_create, goal_drop
from headway.journal.services import entry_create
from headway.network import mentorship
from headway.network.prep import Agenda
from headway.network.services import contact_create, preferences_get

TODAY = dt.date(2026, 11, 23)
BEFORE = dt.date(2026, 11, 5)
MEETING = dt.date(2026, 11, 10)
AFTER = dt.date(2026, 11, 15)
START = dt.date(2026, 10, 1)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


@pytest.fixture
def alex(alice: Any) -> Any:
    """A mentor met last on MEETING, with a follow-up promised then."""
    mentor = contact_create(owner=alice, name="Alex Mentor", tags=["mentor"])
    mentorship.meeting_record(
        owner=alice,
        contact=mentor,
        role="mentor",
        notes="Talked about speaking",
        follow_ups="Send the talk abstract\n- Read Staff Engineer",
        occurred_on=MEETING,
    )
    return mentor


@pytest.fixture
def morgan(alice: Any) -> Any:
    return contact_create(owner=alice, name="Morgan Boss", tags=["manager"])


def prep(owner: Any, contact: Any, role: str = "mentor") -> Agenda:
    return mentorship.meeting_agenda(owner=owner, contact=contact, role=role)


def section(agenda: Agenda, key: str) -> list[str]:
    """Each item of a section as one string: its line, then its sub-lines."""
    found = [s for s in agenda.sections if s.key == key]
    if not found:
        return []
    return [" | ".join((item.text, *item.notes)) for item in found[0].items]


def log(owner: Any, kind: str, title: str, on: dt.date, **fields: Any) -> Any:
    return entry_create(owner=owner, kind=kind, title=title, occurred_on=on, **fields)


def test_goal_progress_shows_then_and_now_with_pace_and_the_new_check_in_notes(
    alice: Any, alex: Any
) -> None:
    goal = goal_create(
        owner=alice,
        statement="Speak at 3 meetups by March",
        target=3,
        unit="talks",
        due=dt.date(2027, 3, 31),
        started_on=dt.date(2026, 10, 1),
    )
    checkin_create(owner=alice, goal_id=goal.pk, value=1, checked_on=BEFORE, note="cfp")
    checkin_create(
        owner=alice, goal_id=goal.pk, value=1, checked_on=AFTER, note="first talk done"
    )
    assert section(prep(alice, alex), "goals") == [
        "Speak at 3 meetups by March: 1 → 2 of 3 talks, ahead of pace"
        " | 2026-11-15: check-in +1 — first talk done"
    ]


def test_a_goal_that_moved_only_before_the_meeting_is_left_out(
    alice: Any, alex: Any
) -> None:
    goal = goal_create(
        owner=alice, statement="Read 12 books", target=12, started_on=START
    )
    checkin_create(owner=alice, goal_id=goal.pk, value=1, checked_on=BEFORE)
    log(alice, "learning", "Old book", BEFORE, goal_ids=[goal.pk])
    assert section(prep(alice, alex), "goals") == []


def test_a_goal_with_an_entry_linked_since_the_meeting_lists_the_entry(
    alice: Any, alex: Any
) -> None:
    goal = goal_create(owner=alice, statement="Lead a team project", started_on=START)
    log(
        alice,
        "initiative",
        "Volunteered to lead the migration",
        AFTER,
        goal_ids=[goal.pk],
    )
    assert section(prep(alice, alex), "goals") == [
        "Lead a team project | 2026-11-15: initiative — "
        "Volunteered to lead the migration"
    ]


def test_a_goal_set_since_the_meeting_is_listed_as_new(alice: Any, alex: Any) -> None:
    goal_create(owner=alice, statement="Old goal", started_on=BEFORE)
    goal_create(owner=alice, statement="Mentor a junior", started_on=AFTER)
    assert section(prep(alice, alex), "goals") == [
        "Mentor a junior: new, set on 2026-11-15"
    ]


def test_a_goal_achieved_since_the_meeting_says_so(alice: Any, alex: Any) -> None:
    old = goal_create(owner=alice, statement="Pass the AWS exam")
    new = goal_create(
        owner=alice, statement="Publish a blog post", target=1, started_on=START
    )
    goal_achieve(owner=alice, goal_id=old.pk, on=BEFORE)
    checkin_create(owner=alice, goal_id=new.pk, value=1, checked_on=AFTER)
    goal_achieve(owner=alice, goal_id=new.pk, on=AFTER)
    assert section(prep(alice, alex), "goals") == [
        "Publish a blog post: 0 → 1 of 1, achieved on 2026-11-15"
        " | 2026-11-15: check-in +1"
    ]


def test_a_goal_dropped_since_the_meeting_says_so_with_its_reason(
    alice: Any, alex: Any
) -> None:
    old = goal_create(owner=alice, statement="Learn Rust")
    new = goal_create(owner=alice, statement="Move to the Berlin office")
    goal_drop(owner=alice, goal_id=old.pk, reason="no time", on=BEFORE)
    goal_drop(owner=alice, goal_id=new.pk, reason="family first", on=AFTER)
    assert section(prep(alice, alex), "goals") == [
        "Move to the Berlin office: dropped on 2026-11-15 (reason: family first)"
    ]


def test_learning_since_the_meeting_is_listed_with_its_outcome(
    alice: Any, alex: Any
) -> None:
    log(alice, "learning", "SQL basics", BEFORE, details={"subtype": "course"})
    log(
        alice,
        "learning",
        "Kubernetes for developers",
        AFTER,
        details={"subtype": "course", "provider": "CNCF", "outcome": "completed"},
    )
    assert section(prep(alice, alex), "learning") == [
        "2026-11-15 — Kubernetes for developers (course, CNCF) — completed"
    ]


def test_talks_and_content_since_the_meeting_are_listed(alice: Any, alex: Any) -> None:
    log(alice, "talk", "Old talk", BEFORE)
    log(
        alice,
        "talk",
        "Testing without mocks",
        AFTER,
        details={"venue_kind": "meetup", "venue": "PyBerlin", "audience_size": 60},
    )
    log(
        alice,
        "content",
        "Why we left microservices",
        AFTER,
        details={"subtype": "blog_post", "url": "https://example.org/post"},
    )
    assert section(prep(alice, alex), "talks") == [
        "2026-11-15 — talk: Testing without mocks (meetup at PyBerlin, audience 60)",
        "2026-11-15 — blog post: Why we left microservices | https://example.org/post",
    ]


def test_an_accomplishment_complete_in_near_form_carries_its_resume_bullet(
    alice: Any, alex: Any
) -> None:
    log(alice, "accomplishment", "Fixed the build", BEFORE)
    log(
        alice,
        "accomplishment",
        "Rebuilt the deploy pipeline",
        AFTER,
        numbers="3 teams, 40 deploys a week",
        example="the billing service deploy pipeline",
        achievement="Rebuilt the deploy pipeline with parallel stages",
        result="Cut deploy time from 20 to 8 minutes for 3 teams",
    )
    log(alice, "accomplishment", "Helped onboarding", AFTER)
    assert section(prep(alice, alex), "accomplishments") == [
        "2026-11-15 — Rebuilt the deploy pipeline | Rebuilt the deploy pipeline with "
        "parallel stages, cut deploy time from 20 to 8 minutes (-60%) for 3 teams",
        "2026-11-15 — Helped onboarding",
    ]


def test_initiatives_and_setbacks_since_the_meeting_are_listed_with_the_lesson(
    alice: Any, alex: Any
) -> None:
    log(alice, "initiative", "Old hand raised", BEFORE)
    log(alice, "setback", "Old slip", BEFORE)
    log(
        alice,
        "initiative",
        "Ran the incident review",
        AFTER,
        details={"subtype": "led_project"},
    )
    log(
        alice,
        "setback",
        "Missed the launch date",
        AFTER,
        details={"lesson": "Say no earlier"},
    )
    agenda = prep(alice, alex)
    assert section(agenda, "initiatives") == [
        "2026-11-15 — Ran the incident review (led project)"
    ]
    assert section(agenda, "setbacks") == [
        "2026-11-15 — Missed the launch date | What I take forward: Say no earlier"
    ]


def test_feedback_received_since_the_meeting_carries_the_adjustment_promised(
    alice: Any, alex: Any
) -> None:
    received = {"direction": "received", "person": "Sam", "tone": "constructive"}
    log(alice, "feedback", "Old feedback", BEFORE, details=received)
    log(
        alice,
        "feedback",
        "Slides too dense",
        AFTER,
        details={**received, "adjustment": "One idea per slide"},
    )
    log(
        alice,
        "feedback",
        "Told Kim her demo rocked",
        AFTER,
        details={"direction": "given"},
    )
    assert section(prep(alice, alex), "feedback") == [
        "2026-11-15 — Slides too dense (from Sam, constructive)"
        " | I will adjust: One idea per slide"
    ]


def test_a_new_strong_tie_since_the_meeting_is_listed(alice: Any, alex: Any) -> None:
    contact_create(owner=alice, name="Old Friend", strength=5, met_on=BEFORE)
    contact_create(owner=alice, name="Weak Tie", strength=2, met_on=AFTER)
    contact_create(
        owner=alice,
        name="Priya Shah",
        role="CTO",
        organisation="Nimbus",
        strength=4,
        met_on=AFTER,
        met_where="PyBerlin",
    )
    assert section(prep(alice, alex), "ties") == [
        "2026-11-15 — Priya Shah (CTO, Nimbus), met at PyBerlin"
    ]


def test_the_follow_ups_promised_last_time_come_back_one_per_line(
    alice: Any, alex: Any
) -> None:
    assert section(prep(alice, alex), "follow_ups") == [
        "Send the talk abstract",
        "Read Staff Engineer",
    ]


def test_an_empty_period_says_so_once_and_prints_no_empty_section(alice: Any) -> None:
    mentor = contact_create(owner=alice, name="Quiet Mentor", tags=["mentor"])
    log(alice, "talk", "Long ago", dt.date(2025, 1, 1))
    agenda = prep(alice, mentor)
    assert agenda.sections == ()
    assert agenda.markdown.count("Nothing") == 1
    assert "Nothing yet" not in agenda.markdown
    assert "##" not in agenda.markdown


def test_questions_and_follow_ups_alone_still_say_nothing_was_logged(
    alice: Any, alex: Any
) -> None:
    mentorship.question_add(owner=alice, contact=alex, text="Next step?")
    agenda = prep(alice, alex)
    assert [s.key for s in agenda.sections] == ["questions", "follow_ups"]
    assert agenda.markdown.count("Nothing logged in that time") == 1


def test_without_a_meeting_the_period_is_the_mentor_update_window(
    alice: Any,
) -> None:
    mentor = contact_create(owner=alice, name="New Mentor", tags=["mentor"])
    days = preferences_get(owner=alice).mentor_update_days
    log(alice, "talk", "Inside the window", TODAY - dt.timedelta(days=days - 1))
    log(alice, "talk", "Outside the window", TODAY - dt.timedelta(days=days + 1))
    agenda = prep(alice, mentor)
    assert agenda.since == TODAY - dt.timedelta(days=days)
    assert [t.split(": ")[1] for t in section(agenda, "talks")] == ["Inside the window"]
    assert f"\nThe last {days} days, since 2026-10-12" in agenda.markdown


def test_the_markdown_lists_sections_with_their_sub_lines(
    alice: Any, alex: Any
) -> None:
    mentorship.question_add(owner=alice, contact=alex, text="How do I pick talks?")
    log(
        alice,
        "setback",
        "Missed the launch date",
        AFTER,
        details={"lesson": "Say no earlier"},
    )
    markdown = prep(alice, alex).markdown
    assert markdown.startswith("# Meeting with Alex Mentor — 2026-11-23\n")
    assert "\nSince our last meeting on 2026-11-10.\n" in markdown
    assert "## My questions\n\n- How do I pick talks?\n" in markdown
    assert (
        "## Setbacks\n\n- 2026-11-15 — Missed the launch date\n"
        "    - What I take forward: Say no earlier\n"
    ) in markdown


def test_the_agenda_reads_a_fixed_number_of_queries(
    alice: Any, alex: Any, django_assert_max_num_queries: Any
) -> None:
    for day in range(11, 23):
        goal = goal_create(
            owner=alice, statement=f"Goal {day}", target=3, started_on=START
        )
        checkin_create(
            owner=alice, goal_id=goal.pk, value=1, checked_on=dt.date(2026, 11, day)
        )
        log(alice, "talk", f"Talk {day}", dt.date(2026, 11, day), goal_ids=[goal.pk])
    alex.refresh_from_db()
    with django_assert_max_num_queries(10):
        agenda = prep(alice, alex)
    assert len(section(agenda, "goals")) == 12


def test_the_manager_agenda_keeps_its_own_sections_and_a_two_week_window(
    alice: Any, morgan: Any
) -> None:
    log(alice, "setback", "Release slipped", TODAY - dt.timedelta(days=3))
    log(alice, "learning", "A course", TODAY - dt.timedelta(days=3))
    log(alice, "talk", "Three weeks ago", TODAY - dt.timedelta(days=21))
    agenda = prep(alice, morgan, role="manager")
    assert agenda.since == TODAY - dt.timedelta(days=14)
    assert [s.title for s in agenda.sections] == ["Blockers and setbacks"]
    assert agenda.markdown.startswith("# 1:1 with Morgan Boss — 2026-11-23\n")


def test_a_recorded_one_on_one_starts_the_next_managers_period(
    alice: Any, morgan: Any
) -> None:
    mentorship.question_add(owner=alice, contact=morgan, text="Budget?", role="manager")
    entry = mentorship.meeting_record(
        owner=alice, contact=morgan, role="manager", occurred_on=MEETING
    )
    assert (entry.title, entry.details["with_role"]) == (
        "1:1 with Morgan Boss",
        "manager",
    )
    assert "- Budget?" in entry.details["agenda"]
    assert prep(alice, morgan, role="manager").since == MEETING


def test_a_contact_not_tagged_manager_gets_no_manager_agenda(
    alice: Any, alex: Any
) -> None:
    with pytest.raises(HeadwayError, match="not tagged manager"):
        prep(alice, alex, role="manager")


def test_without_a_manager_the_error_says_how_to_tag_one(alice: Any, alex: Any) -> None:
    with pytest.raises(NotFound, match="--tag manager"):
        mentorship.manager_find(owner=alice)


def test_the_only_manager_needs_no_name_and_several_are_told_apart_by_name(
    alice: Any, morgan: Any
) -> None:
    assert mentorship.manager_find(owner=alice) == morgan
    other = contact_create(owner=alice, name="Dana Skip", tags=["manager"])
    with pytest.raises(HeadwayError, match="2 managers"):
        mentorship.manager_find(owner=alice)
    assert mentorship.manager_find(owner=alice, name="dana") == other
    assert mentorship.manager_find(owner=alice, name="MORGAN b") == morgan
    with pytest.raises(NotFound, match="No manager matches 'alex'"):
        mentorship.manager_find(owner=alice, name="alex")


def test_another_owners_manager_is_never_found(alice: Any, bob: Any) -> None:
    contact_create(owner=alice, name="Morgan Boss", tags=["manager"])
    with pytest.raises(NotFound):
        mentorship.manager_find(owner=bob, name="morgan")


def test_a_recurring_goal_compares_only_within_the_same_period(
    alice: Any, alex: Any
) -> None:
    goal = goal_create(
        owner=alice,
        statement="Apply to 3 internal postings every quarter",
        target=3,
        unit="applications",
        recurrence="quarter",
        started_on=dt.date(2026, 9, 1),
    )
    checkin_create(
        owner=alice, goal_id=goal.pk, value=1, checked_on=dt.date(2026, 10, 2)
    )
    checkin_create(owner=alice, goal_id=goal.pk, value=1, checked_on=BEFORE)
    checkin_create(owner=alice, goal_id=goal.pk, value=1, checked_on=AFTER)
    assert section(prep(alice, alex), "goals")[0].startswith(
        "Apply to 3 internal postings every quarter: "
        "2 → 3 of 3 applications this quarter"
    )
    mentor = contact_create(owner=alice, name="Long Ago", tags=["mentor"])
    mentorship.meeting_record(
        owner=alice, contact=mentor, role="mentor", occurred_on=dt.date(2026, 9, 20)
    )
    assert section(prep(alice, mentor), "goals")[0].startswith(
        "Apply to 3 internal postings every quarter: 3 of 3 applications this quarter"
    )
