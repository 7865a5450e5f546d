"""Contacts and touches through the services: validation, the clock, the due list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from headway.core.errors import HeadwayError, NotFound
from headway.journal.services import entry_create
from headway.network import selectors, services
from headway.network.models import Contact, Interaction
from tests.network.factories import ContactFactory, InteractionFactory

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def due_states(owner: Any) -> list[tuple[str, str]]:
    return [(row.item.name, row.item.state) for row in selectors.due_list(owner=owner)]


def test_a_contact_keeps_every_field_it_was_given(alice: Any) -> None:
    contact = services.contact_create(
        owner=alice,
        name="  Zoë   O'Neil ",
        organisation="Nordic Labs",
        role="VP Engineering",
        emails=["zoe@example.com", "ZOE@example.com", "z@example.org"],
        phones=["+44 20 7946 0958"],
        links=["github.com/zoe/"],
        profile_url="http://LinkedIn.com/in/Zoe-ONeil/",
        met_how="association",
        met_where="IEEE local chapter",
        met_on="2025-05-04",
        strength=4,
        tags=["Mentor", "#peer", "mentor"],
        notes="Knows everyone in platform teams",
        cadence_ideal_days=20,
    )
    contact.refresh_from_db()
    assert contact.name == "Zoë O'Neil"
    assert contact.emails == ["zoe@example.com", "z@example.org"]
    assert contact.links == ["https://github.com/zoe"]
    assert contact.profile_url == "https://linkedin.com/in/zoe-oneil"
    assert contact.met_on == dt.date(2025, 5, 4)
    assert sorted(contact.tag_names) == ["mentor", "peer"]
    assert (contact.cadence_ideal_days, contact.cadence_max_days) == (20, 30)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("strength", 7, "Strength 7 is out of range"),
        ("strength", 0, "out of range"),
        ("name", "   ", "name is empty"),
        ("emails", ["not-an-email"], "is not an email address"),
        ("met_how", "at the pub", "Unknown way of meeting"),
        ("met_on", "the day after never", "Cannot read"),
        ("phones", ["call me maybe"], "does not look like a phone"),
        ("profile_url", "javascript:alert(1)", "is not a web address"),
    ],
)
def test_bad_contact_input_is_refused_and_saves_nothing(
    alice: Any, field: str, value: Any, message: str
) -> None:
    arguments: dict[str, Any] = {"owner": alice, "name": "Ada", field: value}
    with pytest.raises(ValidationError, match=message):
        services.contact_create(**arguments)
    assert Contact.objects.count() == 0


def test_the_database_refuses_a_strength_outside_one_to_five(alice: Any) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(owner=alice, name="Too strong", strength=7)


def test_a_contact_met_at_an_event_is_due_a_follow_up_within_three_days(
    alice: Any,
) -> None:
    contact = services.contact_create(
        owner=alice, name="Priya", met_how="event", met_where="DevOpsDays"
    )
    assert (contact.follow_up_since, contact.follow_up_by) == (
        TODAY,
        TODAY + dt.timedelta(days=3),
    )
    assert due_states(alice) == [("Priya", "follow-up")]
    services.interaction_log(owner=alice, contact=contact, kind="message")
    assert due_states(alice) == []


def test_any_touch_resets_the_clock_of_a_strong_tie(alice: Any) -> None:
    contact = ContactFactory(owner=alice, name="Old friend", strength=5)
    InteractionFactory(contact=contact, occurred_on=dt.date(2026, 6, 1))
    assert due_states(alice) == [("Old friend", "overdue")]
    services.interaction_log(owner=alice, contact=contact, kind="call")
    assert due_states(alice) == []


def test_a_log_entry_that_names_the_contact_also_resets_the_clock(
    alice: Any,
) -> None:
    contact = ContactFactory(owner=alice, name="Manager Mo", strength=5)
    InteractionFactory(contact=contact, occurred_on=dt.date(2026, 6, 1))
    entry_create(
        owner=alice,
        title="Feedback from Mo on the launch",
        kind="feedback",
        occurred_on=dt.date(2026, 11, 20),
        contact_ids=[contact.pk],
    )
    assert due_states(alice) == []
    assert selectors.last_touches(owner=alice, contacts=[contact]) == {
        contact.pk: dt.date(2026, 11, 20)
    }


def test_an_owner_can_change_the_cadence_of_a_tier(alice: Any) -> None:
    contact = ContactFactory(owner=alice, name="Sam", strength=2)
    InteractionFactory(contact=contact, occurred_on=dt.date(2026, 9, 1))
    assert due_states(alice) == []
    services.cadence_tier_set(owner=alice, strength=2, ideal_days=30, max_days=120)
    assert due_states(alice) == [("Sam", "due")]
    services.cadence_tier_set(owner=alice, strength=2, ideal_days=30, max_days=60)
    assert due_states(alice) == [("Sam", "overdue")]


def test_a_cadence_maximum_shorter_than_the_ideal_is_refused(alice: Any) -> None:
    with pytest.raises(ValidationError, match="shorter than the ideal"):
        services.cadence_tier_set(owner=alice, strength=5, ideal_days=30, max_days=10)


def test_a_contacts_own_cadence_overrides_its_tier(alice: Any) -> None:
    contact = ContactFactory(owner=alice, name="Weekly", strength=1)
    InteractionFactory(contact=contact, occurred_on=dt.date(2026, 11, 10))
    services.contact_update(owner=alice, contact=contact, cadence=(7, 30))
    assert due_states(alice) == [("Weekly", "due")]


def test_help_promised_stays_due_until_the_help_is_given(alice: Any) -> None:
    contact = ContactFactory(owner=alice, name="Junior dev", strength=2)
    services.interaction_log(
        owner=alice, contact=contact, kind="help given", promised=True
    )
    assert due_states(alice) == [("Junior dev", "help-promised")]
    services.interaction_log(owner=alice, contact=contact, kind="help-given")
    assert due_states(alice) == []


def test_only_help_given_can_be_promised(alice: Any) -> None:
    contact = ContactFactory(owner=alice)
    with pytest.raises(ValidationError, match="Only help given"):
        services.interaction_log(
            owner=alice, contact=contact, kind="coffee", promised=True
        )


def test_a_touch_of_an_unknown_kind_or_in_the_future_is_refused(alice: Any) -> None:
    contact = ContactFactory(owner=alice)
    with pytest.raises(ValidationError, match="Unknown kind of touch"):
        services.interaction_log(owner=alice, contact=contact, kind="telepathy")
    with pytest.raises(ValidationError, match="future"):
        services.interaction_log(
            owner=alice, contact=contact, kind="call", occurred_on="2027-01-01"
        )
    assert Interaction.objects.count() == 0


def test_a_touch_can_link_only_the_owners_entries(alice: Any, bob: Any) -> None:
    contact = ContactFactory(owner=alice)
    bobs = entry_create(owner=bob, title="Bob's private note")
    with pytest.raises(ValidationError, match="among yours"):
        services.interaction_log(
            owner=alice, contact=contact, kind="call", entry_ids=[bobs.pk]
        )
    mine = entry_create(owner=alice, title="Intro to the platform team")
    touch = services.interaction_log(
        owner=alice, contact=contact, kind="introduction", entry_ids=[mine.pk]
    )
    assert list(touch.entries.all()) == [mine]


def test_nobody_can_touch_another_owners_contact(alice: Any, bob: Any) -> None:
    contact = ContactFactory(owner=alice)
    with pytest.raises(ValidationError):
        services.interaction_log(owner=bob, contact=contact, kind="call")


def test_the_due_list_orders_overdue_due_follow_ups_and_promises(
    alice: Any, bob: Any
) -> None:
    overdue = ContactFactory(owner=alice, name="Overdue strong", strength=5)
    InteractionFactory(contact=overdue, occurred_on=dt.date(2026, 8, 1))
    overdue_weak = ContactFactory(owner=alice, name="Overdue weaker", strength=3)
    InteractionFactory(contact=overdue_weak, occurred_on=dt.date(2025, 1, 1))
    due = ContactFactory(owner=alice, name="Due", strength=5)
    InteractionFactory(contact=due, occurred_on=dt.date(2026, 10, 15))
    services.contact_create(owner=alice, name="New at event", met_how="event")
    promised = ContactFactory(owner=alice, name="Promised", strength=1)
    InteractionFactory(contact=promised, kind="help_given", promised=True)
    ContactFactory(owner=alice, name="Fresh", strength=5, met_on=dt.date(2026, 11, 1))
    ContactFactory(owner=bob, name="Bob's", strength=5, met_on=dt.date(2020, 1, 1))
    assert due_states(alice) == [
        ("Overdue strong", "overdue"),
        ("Overdue weaker", "overdue"),
        ("Due", "due"),
        ("New at event", "follow-up"),
        ("Promised", "help-promised"),
    ]


def test_the_due_list_takes_the_same_queries_for_ten_or_a_hundred_contacts(
    alice: Any,
) -> None:
    for _ in range(10):
        InteractionFactory(
            contact=ContactFactory(owner=alice, strength=5), occurred_on=TODAY
        )
    with CaptureQueriesContext(connection) as few:
        selectors.due_list(owner=alice)
    for _ in range(90):
        InteractionFactory(
            contact=ContactFactory(owner=alice, strength=5),
            occurred_on=dt.date(2026, 6, 1),
        )
    with CaptureQueriesContext(connection) as many:
        rows = selectors.due_list(owner=alice)
    assert len(rows) == 90
    assert len(many) == len(few) <= 6


def test_names_resolve_forgivingly_and_ambiguity_lists_the_candidates(
    alice: Any, bob: Any
) -> None:
    zoe = ContactFactory(owner=alice, name="Zoë O'Neil")
    ContactFactory(owner=alice, name="Ada Lovelace")
    ContactFactory(owner=alice, name="Ada Byron")
    ContactFactory(owner=bob, name="Zoe Bob-only")
    assert selectors.contact_find(owner=alice, name_or_id="ZOE").pk == zoe.pk
    assert selectors.contact_find(owner=alice, name_or_id=str(zoe.pk)).pk == zoe.pk
    with pytest.raises(HeadwayError, match=r"matches 2 contacts: Ada Byron.*Ada Love"):
        selectors.contact_find(owner=alice, name_or_id="ada")
    with pytest.raises(NotFound):
        selectors.contact_find(owner=bob, name_or_id="Ada")


def test_reciprocity_counts_help_given_and_received_per_contact_and_overall(
    alice: Any,
) -> None:
    first = ContactFactory(owner=alice, name="First")
    second = ContactFactory(owner=alice, name="Second")
    for kind in ["help_given", "help_given", "help_received"]:
        InteractionFactory(contact=first, kind=kind)
    InteractionFactory(contact=second, kind="help_received")
    InteractionFactory(contact=second, kind="help_given", promised=True)
    mine = selectors.reciprocity_of(owner=alice, contact=first)
    assert (mine.given, mine.received) == (2, 1)
    stats = selectors.network_stats(owner=alice)
    assert (stats.reciprocity.given, stats.reciprocity.received) == (2, 2)


def test_stats_count_size_strong_ties_and_new_contacts_per_year(
    alice: Any, bob: Any
) -> None:
    ContactFactory(owner=alice, strength=5, met_on=dt.date(2024, 2, 1))
    ContactFactory(owner=alice, strength=4, met_on=dt.date(2026, 2, 1))
    ContactFactory(owner=alice, strength=2, met_on=dt.date(2026, 3, 1))
    ContactFactory(owner=bob, strength=5)
    stats = selectors.network_stats(owner=alice)
    assert (stats.size, stats.strong_ties) == (3, 2)
    assert [(y.year, y.added, y.total) for y in stats.growth] == [
        (2024, 1, 1),
        (2026, 2, 3),
    ]
