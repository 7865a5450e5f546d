"""Logging an entry: what is saved, and what bad input leaves untouched."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError

from headway.journal.models import Entry, Tag
from headway.journal.services import entry_create

FRIDAY_BEFORE = date(2026, 11, 20)


@time_machine.travel("2026-11-23 10:00:00Z", tick=False)
def test_an_accomplishment_is_saved_with_its_near_fields_tags_and_parsed_date(
    alice: Any,
) -> None:
    entry = entry_create(
        owner=alice,
        title="Cut build time from 20 to 8 minutes",
        kind="accomplishment",
        occurred_on="last friday",
        tags=["CI", "#speed", "ci"],
        numbers="20 → 8 minutes",
        result="Forty engineers wait less",
    )
    entry.refresh_from_db()
    assert entry.owner == alice
    assert entry.occurred_on == FRIDAY_BEFORE
    assert entry.tag_names == ["ci", "speed"]
    assert entry.numbers == "20 → 8 minutes"
    assert entry.result == "Forty engineers wait less"


@time_machine.travel("2026-11-23 10:00:00Z", tick=False)
def test_an_entry_without_a_date_happened_today(alice: Any) -> None:
    assert entry_create(owner=alice, title="Read a paper").occurred_on == date(
        2026, 11, 23
    )


def test_tags_are_per_owner(alice: Any, bob: Any) -> None:
    entry_create(owner=alice, title="One", tags=["ci"])
    entry_create(owner=bob, title="Two", tags=["ci"])
    assert Tag.objects.filter(name="ci").count() == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"title": ""}, "title is empty"),
        ({"title": "   "}, "title is empty"),
        ({"title": "x" * 301}, "limit is 300"),
        ({"title": "Fine", "kind": "brag"}, "Unknown kind 'brag'"),
        ({"title": "Fine", "occurred_on": "the twelfth of never"}, "Cannot read"),
        ({"title": "Fine", "body": "b" * 100_001}, "limit is 100,000"),
        ({"title": "bad \udcff bytes"}, "not valid UTF-8"),
        ({"title": "Fine", "tags": ["t" * 51]}, "longer than 50"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_saves_nothing(
    alice: Any, arguments: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        entry_create(owner=alice, **arguments)
    assert message in " ".join(caught.value.messages)
    assert Entry.objects.count() == 0
    assert Tag.objects.count() == 0


def test_a_title_of_exactly_300_characters_is_accepted(alice: Any) -> None:
    assert len(entry_create(owner=alice, title="x" * 300).title) == 300
