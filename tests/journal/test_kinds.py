"""Each kind's own fields: what is accepted, cleaned and refused."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError

from headway.journal.models import Entry
from headway.journal.services import entry_create, entry_update


@time_machine.travel("2026-11-23 10:00:00Z", tick=False)
def test_a_learning_entry_keeps_its_subtype_provider_hours_outcome_and_expiry(
    alice: Any,
) -> None:
    entry = entry_create(
        owner=alice,
        title="Passed the CKA exam",
        kind="learning",
        details={
            "subtype": "Certification",
            "provider": "  Linux Foundation ",
            "hours": "forty",
            "outcome": "passed",
            "expires_on": "in 3 years",
        },
    )
    entry.refresh_from_db()
    assert entry.details == {
        "subtype": "certification",
        "provider": "Linux Foundation",
        "hours": 40,
        "outcome": "passed",
        "expires_on": "2029-11-23",
    }


def test_a_talk_keeps_venue_kind_audience_size_and_slides(alice: Any) -> None:
    entry = entry_create(
        owner=alice,
        title="Spoke about typing",
        kind="talk",
        details={
            "venue_kind": "user group",
            "venue": "Python Leipzig",
            "audience_size": "45",
            "slides_url": "https://example.org/slides",
        },
    )
    assert entry.details["venue_kind"] == "user_group"
    assert entry.details["audience_size"] == 45


def test_feedback_accepts_exactly_the_keys_the_other_areas_rely_on(alice: Any) -> None:
    details = {
        "direction": "received",
        "person": "Dana",
        "tone": "constructive",
        "adjustment": "Send the agenda a day earlier.",
    }
    entry = entry_create(
        owner=alice, title="Dana on my 1:1s", kind="feedback", details=details
    )
    assert entry.details == details


def test_feedback_tone_may_be_left_empty(alice: Any) -> None:
    entry = entry_create(
        owner=alice,
        title="Note from Sam",
        kind="feedback",
        details={"direction": "given", "person": "Sam", "tone": "", "adjustment": ""},
    )
    assert entry.details == {"direction": "given", "person": "Sam"}


def test_a_meeting_accepts_the_contract_keys(alice: Any) -> None:
    details = {
        "with_role": "mentor",
        "agenda": "career ladder",
        "notes": "Talked about staff roles.",
        "follow_ups": "Read the ladder doc",
    }
    entry = entry_create(
        owner=alice, title="1:1 with Ana", kind="meeting", details=details
    )
    assert entry.details == details


def test_reading_and_setback_and_content_keep_their_fields(alice: Any) -> None:
    reading = entry_create(
        owner=alice,
        title="State of DevOps report",
        kind="reading",
        details={
            "trend": "platform engineering",
            "point_of_view": "Overhyped.",
            "shared_where": "team chat",
        },
    )
    setback = entry_create(
        owner=alice,
        title="Missed the launch date",
        kind="setback",
        details={
            "what_went_wrong": "Scope grew",
            "do_differently": "Cut scope early",
            "lesson": "Say no sooner",
        },
    )
    content = entry_create(
        owner=alice,
        title="Blog post on caching",
        kind="content",
        details={
            "subtype": "blog post",
            "published_where": "dev.to",
            "url": "https://dev.to/x",
        },
    )
    assert reading.details["shared_where"] == "team chat"
    assert setback.details["lesson"] == "Say no sooner"
    assert content.details["subtype"] == "blog_post"


@pytest.mark.parametrize(
    ("kind", "details", "message"),
    [
        ("talk", {"audiance_size": 40}, "A talk has no field 'audiance_size'"),
        ("talk", {"audience_size": "lots"}, "Audience size must be a number"),
        ("talk", {"audience_size": 12.5}, "whole number"),
        ("talk", {"audience_size": -3}, "zero or more"),
        ("talk", {"venue_kind": "podcast"}, "not one of: user_group, meetup"),
        ("talk", {"slides_url": "javascript:alert(1)"}, "not a web link"),
        ("content", {"url": "ftp://files.example.org/x"}, "not a web link"),
        ("feedback", {"tone": "angry"}, "not one of: positive, constructive, critical"),
        ("learning", {"expires_on": "someday maybe"}, "Cannot read 'someday maybe'"),
        ("learning", {"hours": True}, "must be a number"),
        ("note", {"venue": "x"}, "its fields are: none"),
        ("meeting", {"agenda": "a" * 5_001}, "the limit is 5,000"),
    ],
)
def test_bad_details_are_refused_and_nothing_is_saved(
    alice: Any, kind: str, details: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        entry_create(owner=alice, title="Something", kind=kind, details=details)
    assert message in " ".join(error.value.messages)
    assert Entry.objects.count() == 0


def test_changing_the_kind_checks_the_details_against_the_new_kind(alice: Any) -> None:
    entry = entry_create(
        owner=alice, title="Talk", kind="talk", details={"audience_size": 30}
    )
    with pytest.raises(ValidationError):
        entry_update(owner=alice, pk=entry.pk, kind="note")
    updated = entry_update(owner=alice, pk=entry.pk, kind="note", details={})
    assert updated.details == {}


def test_an_initiative_keeps_what_kind_of_step_it_was(alice: Any) -> None:
    entry = entry_create(
        owner=alice,
        title="Volunteered to run the incident reviews",
        kind="initiative",
        details={"subtype": "Led project"},
    )
    assert entry.details == {"subtype": "led_project"}
    with pytest.raises(ValidationError, match="not one of: raised_hand"):
        entry_create(
            owner=alice, title="x", kind="initiative", details={"subtype": "napped"}
        )


def test_accomplishments_and_notes_have_no_detail_fields(alice: Any) -> None:
    for kind in ("accomplishment", "note"):
        with pytest.raises(ValidationError, match="its fields are: none"):
            entry_create(owner=alice, title="x", kind=kind, details={"venue": "x"})
