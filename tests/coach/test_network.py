"""Cadences, the due list, reciprocity and name matching, on plain data."""

from __future__ import annotations

from datetime import date

import pytest

from headway.coach.network import (
    Cadence,
    ContactFacts,
    MentorRhythm,
    Reciprocity,
    cadence_for,
    contact_due,
    default_tiers,
    due_list,
    growth_by_year,
    match_name,
    name_key,
    reciprocity_total,
)

TODAY = date(2026, 11, 23)
MONTHLY = Cadence(30, 45)


def facts(pk: int = 1, **changes: object) -> ContactFacts:
    values: dict[str, object] = {
        "id": pk,
        "name": f"Person {pk}",
        "strength": 5,
        "cadence": MONTHLY,
        "started_on": date(2026, 1, 1),
    }
    values.update(changes)
    return ContactFacts(**values)  # type: ignore[arg-type]


def test_default_tiers_touch_the_closest_ties_monthly_and_the_weak_never() -> None:
    tiers = default_tiers()
    assert cadence_for(strength=5, tiers=tiers) == Cadence(30, 45)
    assert cadence_for(strength=4, tiers=tiers) == Cadence(60, 90)
    assert cadence_for(strength=3, tiers=tiers) == Cadence(90, 135)
    assert not cadence_for(strength=2, tiers=tiers).is_set
    assert not cadence_for(strength=1, tiers=tiers).is_set


def test_an_owners_tier_replaces_the_default() -> None:
    tiers = {**default_tiers(), 5: Cadence(14, 21)}
    assert cadence_for(strength=5, tiers=tiers) == Cadence(14, 21)


def test_a_contacts_own_cadence_beats_its_tier_and_gets_a_maximum() -> None:
    tiers = default_tiers()
    assert cadence_for(strength=1, tiers=tiers, ideal_override=10) == Cadence(10, 15)
    assert cadence_for(
        strength=5, tiers=tiers, ideal_override=7, max_override=8
    ) == Cadence(7, 8)


def test_a_contact_is_fresh_until_the_ideal_interval_passes() -> None:
    assert contact_due(facts(last_touch=date(2026, 11, 1)), TODAY) is None


def test_a_contact_is_due_after_the_ideal_and_overdue_after_the_maximum() -> None:
    due = contact_due(facts(last_touch=date(2026, 10, 13)), TODAY)
    overdue = contact_due(facts(last_touch=date(2026, 10, 1)), TODAY)
    assert due is not None
    assert due.state == "due"
    assert due.due_on == date(2026, 11, 12)
    assert overdue is not None
    assert overdue.state == "overdue"
    assert overdue.days_late == 8


def test_any_touch_resets_the_clock() -> None:
    dormant = facts(last_touch=date(2026, 6, 1))
    touched = facts(last_touch=date(2026, 11, 20))
    assert contact_due(dormant, TODAY) is not None
    assert contact_due(touched, TODAY) is None


def test_without_any_touch_the_clock_starts_when_we_met() -> None:
    assert contact_due(facts(started_on=date(2026, 11, 1)), TODAY) is None
    item = contact_due(facts(started_on=date(2026, 9, 1)), TODAY)
    assert item is not None
    assert item.state == "overdue"


def test_weak_ties_without_a_cadence_are_never_due() -> None:
    weak = facts(strength=1, cadence=Cadence(None, None), last_touch=date(2019, 1, 1))
    assert contact_due(weak, TODAY) is None


def test_someone_met_at_an_event_is_owed_a_follow_up_until_touched() -> None:
    met = facts(
        cadence=Cadence(None, None),
        started_on=date(2026, 11, 21),
        follow_up_since=date(2026, 11, 21),
        follow_up_by=date(2026, 11, 24),
    )
    item = contact_due(met, TODAY)
    assert item is not None
    assert item.state == "follow-up"
    assert item.due_on == date(2026, 11, 24)
    followed = met._replace(last_touch=date(2026, 11, 22))
    assert contact_due(followed, TODAY) is None


def test_help_promised_stays_on_the_list() -> None:
    item = contact_due(
        facts(
            cadence=Cadence(None, None),
            last_touch=date(2026, 11, 20),
            open_promise_on=date(2026, 11, 20),
        ),
        TODAY,
    )
    assert item is not None
    assert item.state == "help-promised"


def test_a_mentor_is_owed_thanks_after_a_meeting_and_an_update_every_six_weeks() -> (
    None
):
    mentor = facts(
        cadence=Cadence(None, None),
        tags=("mentor",),
        last_touch=date(2026, 11, 20),
        last_mentor_meeting=date(2026, 11, 20),
    )
    item = contact_due(mentor, TODAY)
    assert item is not None
    assert item.state == "thank-you"
    quiet = facts(
        cadence=Cadence(None, None), tags=("mentor",), last_touch=date(2026, 10, 1)
    )
    update = contact_due(quiet, TODAY, MentorRhythm(update_days=42))
    assert update is not None
    assert update.state == "mentor-update"
    assert contact_due(quiet, TODAY, MentorRhythm(update_days=60)) is None


def test_a_message_after_the_meeting_counts_as_the_thank_you() -> None:
    mentor = facts(
        cadence=Cadence(None, None),
        tags=("mentor",),
        last_touch=date(2026, 11, 21),
        last_mentor_meeting=date(2026, 11, 20),
        last_message_after_meeting=date(2026, 11, 21),
    )
    assert contact_due(mentor, TODAY) is None


def test_the_due_list_puts_overdue_first_then_due_then_follow_ups_then_promises() -> (
    None
):
    contacts = [
        facts(1, cadence=Cadence(None, None), open_promise_on=date(2026, 11, 1)),
        facts(
            2,
            cadence=Cadence(None, None),
            follow_up_since=date(2026, 11, 20),
            follow_up_by=date(2026, 11, 23),
        ),
        facts(3, last_touch=date(2026, 10, 15)),
        facts(4, last_touch=date(2026, 9, 1)),
        facts(5, last_touch=date(2026, 11, 22)),
    ]
    states = [(item.contact_id, item.state) for item in due_list(contacts, TODAY)]
    assert states == [
        (4, "overdue"),
        (3, "due"),
        (2, "follow-up"),
        (1, "help-promised"),
    ]


def test_strong_dormant_ties_come_before_weak_and_recent_ones() -> None:
    contacts = [
        facts(1, strength=3, last_touch=date(2025, 1, 1)),
        facts(2, strength=5, last_touch=date(2026, 9, 1)),
        facts(3, strength=5, last_touch=date(2025, 6, 1)),
        facts(4, strength=4, last_touch=date(2026, 1, 1)),
    ]
    assert [item.contact_id for item in due_list(contacts, TODAY)] == [3, 2, 4, 1]


def test_a_contact_shows_once_with_its_most_pressing_state_and_all_reasons() -> None:
    item = contact_due(
        facts(last_touch=date(2026, 9, 1), open_promise_on=date(2026, 9, 1)), TODAY
    )
    assert item is not None
    assert item.state == "overdue"
    assert item.reasons == ("overdue", "help-promised")


def test_reciprocity_counts_help_both_ways() -> None:
    total = reciprocity_total([Reciprocity(3, 1), Reciprocity(0, 2), Reciprocity(1, 0)])
    assert (total.given, total.received, total.balance) == (4, 3, 1)
    assert "goodwill" in total.summary
    assert "give back" in Reciprocity(0, 2).summary
    assert Reciprocity(0, 0).summary == "No help exchanged yet."
    assert "Balanced" in Reciprocity(2, 2).summary


PEOPLE = [
    (1, "Zoë O'Neil"),
    (2, "José Álvarez"),
    (3, "Ada Lovelace"),
    (4, "Adam Smith"),
    (5, "李小龍"),
    (6, "ada lovelace"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe o'neil", [1]),
        ("ZOË", [1]),
        ("  jose   alvarez ", [2]),
        ("jos", [2]),
        ("alv", [2]),
        ("adam", [4]),
        ("李", [5]),
        ("lovel", [3, 6]),
        ("ada lovelace", [3, 6]),
        ("ad", [3, 4, 6]),
        ("nobody here", []),
        ("", []),
    ],
)
def test_names_are_matched_forgivingly(query: str, expected: list[int]) -> None:
    assert match_name(query, PEOPLE) == expected


def test_an_exact_name_wins_over_longer_names_that_start_with_it() -> None:
    assert match_name("ada", [(1, "Ada"), (2, "Ada Lovelace")]) == [1]


def test_name_key_folds_case_accents_and_spaces() -> None:
    assert name_key("  Zoë   O'NEIL ") == "zoe o'neil"
    assert name_key("Ångström") == "angstrom"


def test_growth_counts_new_contacts_and_strong_ties_per_year() -> None:
    years = growth_by_year(
        [(date(2024, 3, 1), 5), (date(2024, 9, 1), 2), (date(2026, 1, 1), 4)]
    )
    assert [
        (y.year, y.added, y.total, y.strong_added, y.strong_total) for y in years
    ] == [
        (2024, 2, 2, 1, 1),
        (2026, 1, 3, 1, 2),
    ]
