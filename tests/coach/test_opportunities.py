"""The opportunities coach: organisation names, stages, follow-ups, the mentor ask."""

from __future__ import annotations

import datetime as dt

import pytest

from headway.coach import opportunities as coach
from headway.coach.opportunities import Person

DAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Acme Inc.", "ACME"),
        ("acme, inc", "Acme"),
        ("Acme Corp", "ACME Corporation"),
        ("Siemens AG", "siemens"),
        ("Müller GmbH", "Muller"),
        ("Nestlé S.A.", "NESTLE"),
        ("Société Générale SA", "societe generale"),
        ("Philips B.V.", "Philips"),
        ("The Boring Company", "Boring"),
        ("Barclays PLC", "barclays"),
        ("Initech, LLC", "Initech"),
        ("Procter & Gamble Co.", "Procter and Gamble"),
        ("  Globex   Ltd ", "globex"),
        ("李氏影業 Ltd.", "李氏影業"),
        ("Яндекс", "ЯНДЕКС"),
    ],
)
def test_organisations_match_forgivingly(first: str, second: str) -> None:
    assert coach.organisations_match(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Acme", "Acme Labs"),
        ("Globex", "Initech"),
        ("", ""),
        ("Inc.", "Acme"),
        ("李氏影業", "王氏影業"),
    ],
)
def test_different_organisations_do_not_match(first: str, second: str) -> None:
    assert not coach.organisations_match(first, second)


def test_a_name_that_is_only_a_legal_form_keeps_its_words() -> None:
    assert coach.organisation_key("Co.") == "co"


def test_stages_follow_one_another_and_closed_ones_go_nowhere() -> None:
    assert coach.stage_follows("interested", "applied")
    assert coach.stage_follows("offer", "accepted")
    assert not coach.stage_follows("applied", "accepted")
    assert not coach.stage_follows("interested", "offer")
    assert not coach.stage_follows("accepted", "declined")
    assert coach.next_stage("interested") == "applied"
    assert coach.next_stage("offer") == "accepted"
    assert coach.next_stage("rejected") is None


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        ("applied", DAY + dt.timedelta(days=10)),
        ("interviewing", DAY + dt.timedelta(days=10)),
        ("interested", None),
        ("offer", None),
        ("rejected", None),
    ],
)
def test_a_follow_up_is_owed_ten_days_after_a_move_that_awaits_an_answer(
    stage: str, expected: dt.date | None
) -> None:
    assert coach.opening_follow_up_on(stage, DAY) == expected


def test_a_follow_up_sent_restarts_the_ten_days() -> None:
    sent = DAY + dt.timedelta(days=12)
    assert coach.opening_follow_up_on("applied", DAY, sent) == sent + dt.timedelta(
        days=10
    )


def test_a_mentor_ask_is_followed_up_after_fourteen_days_while_asked() -> None:
    assert coach.mentor_follow_up_on("asked", DAY) == DAY + dt.timedelta(days=14)
    assert coach.mentor_follow_up_on("met", DAY) is None
    assert coach.mentor_follow_up_on("asked", None) is None


def test_the_agenda_items_fall_on_the_follow_up_days() -> None:
    items = coach.follow_up_items(
        [coach.OpeningWaiting(7, "Acme", "PM", "applied", DAY)],
        [coach.MentorWaiting(3, "Ada Lovelace", "asked", DAY)],
    )
    assert [(i.due, i.kind, i.target) for i in items] == [
        (DAY + dt.timedelta(days=10), "follow-up", ("opening", 7)),
        (DAY + dt.timedelta(days=14), "follow-up", ("mentor-ask", 3)),
    ]


def test_the_mentor_draft_uses_only_what_the_owner_wrote() -> None:
    draft = coach.mentor_ask_draft(
        name="Ada Lovelace",
        goals=["Ship the analytics engine by June 2027."],
        target_role="Engineering Manager",
        hope_to_learn="How to grow a team",
    )
    assert draft.startswith("Hi Ada,")
    assert "becoming an Engineering Manager" in draft
    assert "Ship the analytics engine by June 2027" in draft
    assert "learn how to grow a team" in draft


def test_the_mentor_draft_leaves_a_gap_rather_than_invent() -> None:
    draft = coach.mentor_ask_draft(name="Grace", goals=[])
    assert "[what you hope to learn from them]" in draft
    assert "goals" not in draft.casefold().split("learn")[0]
    assert "becoming" not in draft


def person(pk: int, name: str, org: str, strength: int, **more: object) -> Person:
    return Person(pk, name, org, strength, more.pop("last_touch", None), **more)  # type: ignore[arg-type]


def test_people_at_a_company_come_strongest_first_then_freshest() -> None:
    people = [
        person(1, "Weak", "ACME", 2),
        person(2, "Old", "Acme Inc.", 5, last_touch=dt.date(2025, 1, 1)),
        person(3, "Fresh", "acme", 5, last_touch=dt.date(2026, 10, 1)),
        person(4, "Elsewhere", "Globex", 5),
    ]
    found = coach.people_at("Acme, Inc.", people)
    assert [p.name for p in found] == ["Fresh", "Old", "Weak"]
    assert coach.has_strong_tie(found)
    assert not coach.has_strong_tie(found[2:])


def test_introducers_share_an_entry_or_introduced_the_one_inside() -> None:
    inside = [
        person(1, "Iris Inside", "Acme", 2),
        person(2, "Ivan Inside", "Acme", 1, met_how="introduction", met_where="Olga"),
    ]
    outside = [person(5, "Otto Outside", "Globex", 4), person(6, "Olga", "Initech", 3)]
    found = coach.introducers(inside, inside + outside, [(1, 5), (1, 2)])
    assert [(i.person.name, i.knows) for i in found] == [
        ("Otto Outside", ("Iris Inside",)),
        ("Olga", ("Ivan Inside",)),
    ]
    assert found[1].reason == "introduced you to someone there"
