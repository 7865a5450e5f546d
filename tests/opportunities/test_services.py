"""Opportunity services: companies, stage rules, the goal check-in on *applied*,
follow-up timing on the agenda, outcomes, and the mentor flow to the tag."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from headway.accounts.models import Role
from headway.core.errors import Conflict, NotFound
from headway.goals.models import CheckIn
from headway.goals.selectors import progress_of
from headway.goals.services import goal_create
from headway.growth.services import priorities_ensure
from headway.journal.models import Entry
from headway.journal.services import entry_create
from headway.network.models import Contact
from headway.network.selectors import due_list
from headway.opportunities import selectors, services
from headway.opportunities.models import (
    MentorCandidate,
    Opening,
    StageMove,
    TargetCompany,
)
from headway.reviews.selectors import agenda
from tests.network.factories import ContactFactory, InteractionFactory

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-20 10:00:00Z", tick=False)


@pytest.fixture
def acme(alice: Any) -> TargetCompany:
    return services.company_create(owner=alice, name="Acme Inc.", why="Kind people")


def opening_at(owner: Any, company: TargetCompany, **more: Any) -> Opening:
    values = {"role": "Product Manager", "source": "posting"} | more
    return services.opening_create(owner=owner, company=company, **values)


# --- companies -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_company_name_of_0_or_over_200_characters_saves_nothing(
    alice: Any, name: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.company_create(owner=alice, name=name)
    assert "name" in error.value.message_dict
    assert not TargetCompany.objects.exists()


def test_a_company_name_of_200_characters_is_kept(alice: Any) -> None:
    company = services.company_create(owner=alice, name="x" * 200)
    assert len(company.name) == 200


def test_the_same_company_under_another_spelling_is_refused(
    alice: Any, acme: TargetCompany
) -> None:
    with pytest.raises(Conflict, match=r"Acme Inc\. already"):
        services.company_create(owner=alice, name="ACME")
    assert TargetCompany.objects.count() == 1


def test_fits_are_kept_per_priority_and_anothers_priority_is_unknown(
    alice: Any, bob: Any
) -> None:
    pay, balance = priorities_ensure(owner=alice)[:2]
    company = services.company_create(
        owner=alice, name="Globex", fits={pay.pk: "fits", balance.pk: "conflicts"}
    )
    assert {f.priority_id: f.fit for f in company.fits.all()} == {
        pay.pk: "fits",
        balance.pk: "conflicts",
    }
    theirs = priorities_ensure(owner=bob)[0]
    with pytest.raises(ValidationError):
        services.company_create(owner=alice, name="Initech", fits={theirs.pk: "fits"})
    with pytest.raises(ValidationError):
        services.company_create(owner=alice, name="Initech", fits={pay.pk: "great"})
    assert not TargetCompany.objects.filter(name="Initech").exists()


def test_fits_list_ranked_priorities_in_order_then_unranked_judged_ones(
    alice: Any,
) -> None:
    from headway.growth.services import priorities_rank

    pay, balance, autonomy = priorities_ensure(owner=alice)[:3]
    priorities_rank(owner=alice, priorities=[balance, pay])
    company = services.company_create(
        owner=alice, name="Globex", fits={pay.pk: "fits", autonomy.pk: "neutral"}
    )
    assert selectors.company_fits(owner=alice, company=company) == [
        (balance, ""),
        (pay, "fits"),
        (autonomy, "neutral"),
    ]


def test_a_company_is_found_by_a_messy_name_and_an_unknown_one_lists_near_matches(
    alice: Any, acme: TargetCompany
) -> None:
    assert selectors.company_find(owner=alice, name_or_id="acme, INC") == acme
    with pytest.raises(NotFound, match=r"Did you mean Acme Inc\."):
        selectors.company_find(owner=alice, name_or_id="Acne Inc")


def test_who_i_know_lists_contacts_there_strongest_first_with_last_touch(
    alice: Any, bob: Any, acme: TargetCompany
) -> None:
    weak = ContactFactory(owner=alice, name="Wes Weak", organisation="ACME", strength=2)
    strong = ContactFactory(
        owner=alice, name="Sue Strong", organisation="Acme, Inc", strength=5
    )
    ContactFactory(owner=alice, name="Gil Globex", organisation="Globex", strength=5)
    ContactFactory(owner=bob, name="Bob's Friend", organisation="Acme", strength=5)
    InteractionFactory(contact=strong, occurred_on=dt.date(2026, 11, 2))
    who = selectors.who_i_know(owner=alice, company=acme)
    assert [(p.id, p.last_touch) for p in who.people] == [
        (strong.pk, dt.date(2026, 11, 2)),
        (weak.pk, None),
    ]
    assert who.has_strong_tie
    assert who.introducers == []


def test_no_strong_tie_suggests_who_could_introduce(
    alice: Any, acme: TargetCompany
) -> None:
    inside = ContactFactory(owner=alice, name="Ines", organisation="acme", strength=2)
    friend = ContactFactory(owner=alice, name="Fred", organisation="Globex", strength=5)
    ContactFactory(owner=alice, name="Stranger", organisation="Initech", strength=5)
    entry_create(owner=alice, title="Dinner", contact_ids=[inside.pk, friend.pk])
    who = selectors.who_i_know(owner=alice, company=acme)
    assert not who.has_strong_tie
    assert [(i.person.name, i.knows) for i in who.introducers] == [("Fred", ("Ines",))]


# --- openings: input and stage rules -----------------------------------------------


@pytest.mark.parametrize(
    "link", ["ftp://acme.example/job", "javascript:alert(1)", "acme.example/job"]
)
def test_a_link_that_is_not_http_saves_nothing(
    alice: Any, acme: TargetCompany, link: str
) -> None:
    with pytest.raises(ValidationError, match="http:// or https://"):
        opening_at(alice, acme, link=link)
    assert not Opening.objects.exists()


def test_a_referral_names_its_contact_and_counts_as_help_received(
    alice: Any, acme: TargetCompany
) -> None:
    with pytest.raises(ValidationError):
        opening_at(alice, acme, source="referral")
    sue = ContactFactory(owner=alice, name="Sue")
    opening = opening_at(alice, acme, source="referral", referrer=sue)
    sue.refresh_from_db()
    assert opening.referrer == sue
    assert sue.help_received == 1
    assert sue.last_interaction_on == TODAY


def test_anothers_contact_cannot_refer(
    alice: Any, bob: Any, acme: TargetCompany
) -> None:
    theirs = ContactFactory(owner=bob)
    with pytest.raises(ValidationError):
        opening_at(alice, acme, source="referral", referrer=theirs)
    assert not Opening.objects.exists()


def test_a_move_that_skips_stages_needs_confirming_and_changes_nothing_until_then(
    alice: Any, acme: TargetCompany
) -> None:
    opening = opening_at(alice, acme)
    with pytest.raises(services.StageSkipped, match="not to accepted"):
        services.opening_move(owner=alice, opening=opening, stage="accepted")
    opening.refresh_from_db()
    assert opening.stage == "interested"
    assert StageMove.objects.filter(opening=opening).count() == 1
    result = services.opening_move(
        owner=alice, opening=opening, stage="accepted", force=True, notes="Fast!"
    )
    assert (result.move.from_stage, result.move.to_stage) == ("interested", "accepted")
    assert result.move.forced


def test_each_move_is_dated_with_its_notes_and_cannot_go_back_in_time(
    alice: Any, acme: TargetCompany
) -> None:
    opening = opening_at(alice, acme, on="2026-11-01")
    services.opening_move(
        owner=alice, opening=opening, stage="applied", on="2026-11-05", notes="Sent"
    )
    with pytest.raises(ValidationError):
        services.opening_move(
            owner=alice, opening=opening, stage="interviewing", on="2026-11-02"
        )
    moves = list(opening.moves.values_list("to_stage", "moved_on", "notes"))
    assert moves == [
        ("interested", dt.date(2026, 11, 1), ""),
        ("applied", dt.date(2026, 11, 5), "Sent"),
    ]
    with pytest.raises(Conflict):
        services.opening_move(owner=alice, opening=opening, stage="applied")


def test_a_closed_opening_moves_only_when_confirmed(
    alice: Any, acme: TargetCompany
) -> None:
    opening = opening_at(alice, acme)
    services.opening_move(owner=alice, opening=opening, stage="withdrawn")
    with pytest.raises(services.StageSkipped):
        services.opening_move(owner=alice, opening=opening, stage="applied")


# --- the applications goal --------------------------------------------------------


def applications_goal(owner: Any, statement: str = "Send 5 applications") -> Any:
    return goal_create(
        owner=owner,
        statement=statement,
        target=5,
        unit="applications",
        recurrence="quarter",
        started_on=dt.date(2026, 10, 1),
    )


def test_applied_checks_in_on_the_applications_goal(
    alice: Any, acme: TargetCompany
) -> None:
    goal = applications_goal(alice)
    goal_create(owner=alice, statement="Read 3 books", target=3, unit="books")
    opening = opening_at(alice, acme)
    result = services.opening_move(owner=alice, opening=opening, stage="applied")
    assert result.checkin is not None
    assert (result.checkin.goal, result.checkin.value) == (goal, 1.0)
    assert result.move.checkin == result.checkin
    assert progress_of(goal, today=TODAY).done == 1


def test_without_an_applications_goal_applied_checks_in_on_nothing(
    alice: Any, acme: TargetCompany
) -> None:
    goal_create(owner=alice, statement="Read 3 books", target=3, unit="books")
    result = services.opening_move(
        owner=alice, opening=opening_at(alice, acme), stage="applied"
    )
    assert result.checkin is None
    assert not CheckIn.objects.exists()


def test_several_applications_goals_ask_which_one_and_save_nothing_until_told(
    alice: Any, acme: TargetCompany
) -> None:
    first = applications_goal(alice, "Send 5 applications this quarter")
    second = applications_goal(alice, "Apply for 2 internal postings")
    opening = opening_at(alice, acme)
    with pytest.raises(services.GoalChoiceNeeded) as asked:
        services.opening_move(owner=alice, opening=opening, stage="applied")
    assert asked.value.goals == [first, second]
    opening.refresh_from_db()
    assert opening.stage == "interested"
    assert not CheckIn.objects.exists()
    result = services.opening_move(
        owner=alice, opening=opening, stage="applied", goal_id=second.pk
    )
    assert result.checkin is not None
    assert result.checkin.goal == second


def test_goal_zero_means_this_application_counts_on_no_goal(
    alice: Any, acme: TargetCompany
) -> None:
    applications_goal(alice)
    applications_goal(alice, "Apply for 2 internal postings")
    result = services.opening_move(
        owner=alice, opening=opening_at(alice, acme), stage="applied", goal_id=0
    )
    assert result.checkin is None


# --- follow-ups -----------------------------------------------------------------


def agenda_titles(owner: Any, today: dt.date) -> list[str]:
    return [row.title for row in agenda(owner=owner, today=today, days=0)]


@pytest.mark.parametrize(("after", "owed"), [(9, False), (10, True), (11, True)])
def test_an_unanswered_application_is_on_the_agenda_from_the_tenth_day(
    alice: Any, acme: TargetCompany, after: int, owed: bool
) -> None:
    opening = opening_at(alice, acme, on="2026-11-01")
    services.opening_move(
        owner=alice, opening=opening, stage="applied", on="2026-11-01"
    )
    today = dt.date(2026, 11, 1) + dt.timedelta(days=after)
    title = "Follow up on Product Manager at Acme Inc. (applied)"
    assert (title in agenda_titles(alice, today)) is owed
    rows = [r for r in agenda(owner=alice, today=today, days=0) if r.title == title]
    assert all(r.link == f"/opportunities/openings/{opening.pk}/" for r in rows)


def test_a_recorded_follow_up_and_an_offer_end_the_owed_follow_up(
    alice: Any, acme: TargetCompany
) -> None:
    opening = opening_at(alice, acme, on="2026-11-01")
    services.opening_move(
        owner=alice, opening=opening, stage="applied", on="2026-11-01"
    )
    assert opening.next_follow_up == dt.date(2026, 11, 11)
    services.opening_follow_up_record(owner=alice, opening=opening, on="2026-11-12")
    assert opening.next_follow_up == dt.date(2026, 11, 22)
    services.opening_move(owner=alice, opening=opening, stage="interviewing")
    services.opening_move(owner=alice, opening=opening, stage="offer")
    assert opening.next_follow_up is None
    assert selectors.follow_ups_due(owner=alice, today=dt.date(2027, 1, 1)) == []


# --- outcomes -------------------------------------------------------------------


def test_a_rejection_is_logged_as_a_setback_with_its_lesson_in_one_step(
    alice: Any, acme: TargetCompany
) -> None:
    opening = opening_at(alice, acme)
    services.opening_move(owner=alice, opening=opening, stage="applied")
    result = services.opening_move(
        owner=alice, opening=opening, stage="rejected", lesson="Prepare a portfolio"
    )
    assert result.setback is not None
    entry = Entry.objects.get(pk=result.setback.pk)
    assert (entry.kind, entry.details["lesson"]) == ("setback", "Prepare a portfolio")
    assert entry.title == "Rejected: Product Manager at Acme Inc."


def test_only_a_declined_or_rejected_opening_becomes_a_setback(
    alice: Any, acme: TargetCompany
) -> None:
    with pytest.raises(Conflict):
        services.opening_setback_log(
            owner=alice, opening=opening_at(alice, acme), lesson="Too soon"
        )
    assert not Entry.objects.exists()


def test_an_accepted_offer_becomes_a_role_on_the_profile(
    alice: Any, acme: TargetCompany
) -> None:
    opening = opening_at(alice, acme)
    for stage in ("applied", "interviewing", "offer"):
        services.opening_move(owner=alice, opening=opening, stage=stage)
    result = services.opening_move(
        owner=alice, opening=opening, stage="accepted", role_started_on="2027-01-04"
    )
    role = Role.objects.get(owner=alice)
    assert result.role == role
    assert (role.title, role.organisation, role.started_on) == (
        "Product Manager",
        "Acme Inc.",
        dt.date(2027, 1, 4),
    )


# --- finding a mentor ----------------------------------------------------------------


def test_the_mentor_flow_ends_with_the_mentor_tag_and_the_mentor_rhythm(
    alice: Any,
) -> None:
    ada = ContactFactory(owner=alice, name="Ada Lovelace", strength=4)
    goal_create(owner=alice, statement="Lead a team of five by June 2027")
    candidate = services.candidate_add(
        owner=alice, contact=ada, why="She built a team", hope_to_learn="How to hire"
    )
    assert due_list(owner=alice, today=TODAY, tagged="mentor") == []
    services.candidate_move(owner=alice, candidate=candidate, stage="asked")
    assert candidate.asked_on == TODAY
    assert "Lead a team of five by June 2027" in candidate.message
    assert "learn how to hire" in candidate.message
    services.candidate_move(owner=alice, candidate=candidate, stage="met")
    services.candidate_move(owner=alice, candidate=candidate, stage="agreed")
    assert "mentor" in Contact.objects.get(pk=ada.pk).tag_names
    assert [row.item.contact_id for row in due_list(owner=alice, tagged="mentor")] == [
        ada.pk
    ]


def test_an_unanswered_mentor_ask_is_followed_up_after_fourteen_days(
    alice: Any,
) -> None:
    ada = ContactFactory(owner=alice, name="Ada")
    candidate = services.candidate_add(owner=alice, contact=ada)
    services.candidate_move(
        owner=alice, candidate=candidate, stage="asked", message="Hello Ada"
    )
    assert candidate.message == "Hello Ada"
    title = "No reply yet from Ada about mentoring: follow up"
    assert title not in agenda_titles(alice, TODAY + dt.timedelta(days=13))
    assert title in agenda_titles(alice, TODAY + dt.timedelta(days=14))


def test_a_contact_is_a_mentor_candidate_once(alice: Any, bob: Any) -> None:
    ada = ContactFactory(owner=alice)
    services.candidate_add(owner=alice, contact=ada)
    with pytest.raises(Conflict):
        services.candidate_add(owner=alice, contact=ada)
    with pytest.raises(ValidationError):
        services.candidate_add(owner=bob, contact=ada)
    assert MentorCandidate.objects.count() == 1


def test_the_networks_due_list_page_shows_the_follow_ups_owed(
    alice: Any, alice_client: Any, acme: TargetCompany
) -> None:
    opening = opening_at(alice, acme, on="2026-11-01")
    services.opening_move(
        owner=alice, opening=opening, stage="applied", on="2026-11-01"
    )
    title = "Follow up on Product Manager at Acme Inc. (applied)"
    page = alice_client.get("/network/")  # the clock is frozen past the tenth day
    assert title.encode() in page.content
    assert f'href="/opportunities/openings/{opening.pk}/"'.encode() in page.content
    services.opening_follow_up_record(owner=alice, opening=opening)
    assert title.encode() not in alice_client.get("/network/").content
