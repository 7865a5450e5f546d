"""Opportunity pages: companies and who the owner knows there, the board and its
moves (confirming a skip, choosing the goal), mentor asks, and strangers' 404s."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from headway.goals.models import CheckIn
from headway.goals.services import goal_create
from headway.opportunities import services
from headway.opportunities.models import Opening, TargetCompany
from tests.network.factories import ContactFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-20 10:00:00Z", tick=False)


@pytest.fixture
def world(alice: Any) -> dict[str, Any]:
    sue = ContactFactory(
        owner=alice, name="Sue Strong", organisation="ACME", strength=5
    )
    company = services.company_create(owner=alice, name="Acme Inc.", why="Good team")
    opening = services.opening_create(
        owner=alice, company=company, role="Product Manager", source="referral",
        referrer=sue,
    )  # fmt: skip
    candidate = services.candidate_add(owner=alice, contact=sue, hope_to_learn="Hiring")
    return {"company": company, "opening": opening, "candidate": candidate, "sue": sue}


def pages(world: dict[str, Any]) -> list[tuple[str, str]]:
    company, opening = world["company"].pk, world["opening"].pk
    candidate = world["candidate"].pk
    return [
        ("get", reverse("opportunities:company-detail", args=[company])),
        ("get", reverse("opportunities:company-edit", args=[company])),
        ("post", reverse("opportunities:company-edit", args=[company])),
        ("get", reverse("opportunities:opening-detail", args=[opening])),
        ("post", reverse("opportunities:opening-move", args=[opening])),
        ("post", reverse("opportunities:opening-follow-up", args=[opening])),
        ("post", reverse("opportunities:opening-role", args=[opening])),
        ("post", reverse("opportunities:opening-setback", args=[opening])),
        ("get", reverse("opportunities:candidate-detail", args=[candidate])),
        ("post", reverse("opportunities:candidate-move", args=[candidate])),
    ]


def test_every_page_with_an_id_is_a_404_for_another_user(
    world: dict[str, Any], bob_client: Client
) -> None:
    for method, url in pages(world):
        data = {"stage": "applied", "name": "Mine now", "lesson": "x"}
        response = getattr(bob_client, method)(url, data)
        assert response.status_code == 404, (method, url)
    opening = Opening.objects.get()
    assert (opening.stage, opening.company.name) == ("interested", "Acme Inc.")


def test_the_listing_pages_show_a_stranger_none_of_alices_data(
    world: dict[str, Any], bob_client: Client
) -> None:
    for name in ("home", "board", "opening-list", "opening-create"):
        response = bob_client.get(reverse(f"opportunities:{name}"))
        assert response.status_code == 200
        assert b"Product Manager" not in response.content
        assert b"Acme" not in response.content


def test_the_company_page_shows_who_the_owner_knows_there(
    world: dict[str, Any], alice_client: Client
) -> None:
    page = alice_client.get(
        reverse("opportunities:company-detail", args=[world["company"].pk])
    ).content.decode()
    assert "Who I know there" in page
    assert "Sue Strong" in page
    assert "strength 5" in page
    assert "No one yet" not in page


def test_a_company_with_no_strong_tie_says_no_one_yet(
    alice: Any, alice_client: Client
) -> None:
    company = services.company_create(owner=alice, name="Globex")
    page = alice_client.get(
        reverse("opportunities:company-detail", args=[company.pk])
    ).content.decode()
    assert "No one yet" in page


@pytest.mark.parametrize("name", ["", "y" * 201])
def test_a_bad_company_name_is_one_message_and_nothing_saved(
    alice: Any, alice_client: Client, name: str
) -> None:
    response = alice_client.post(
        reverse("opportunities:company-create"), {"name": name}
    )
    assert response.status_code == 200
    assert response.content.decode().count('role="alert"') == 1
    assert not TargetCompany.objects.exists()


def test_a_company_is_added_with_its_fits(alice: Any, alice_client: Client) -> None:
    from headway.growth.services import priorities_ensure, priorities_rank

    pay = priorities_ensure(owner=alice)[0]
    priorities_rank(owner=alice, priorities=[pay])
    response = alice_client.post(
        reverse("opportunities:company-create"),
        {"name": "Initech", "why": "Pays well", f"fit_{pay.pk}": "fits"},
    )
    company = TargetCompany.objects.get()
    assert response.url == reverse("opportunities:company-detail", args=[company.pk])
    page = alice_client.get(response.url).content.decode()
    assert f'{pay.name}: <span class="opp-fit opp-fit-fits">fits' in page


def test_a_non_http_link_is_refused_on_the_opening_form(
    world: dict[str, Any], alice_client: Client
) -> None:
    response = alice_client.post(
        reverse("opportunities:opening-create"),
        {
            "company": world["company"].pk,
            "role": "Designer",
            "source": "posting",
            "link": "javascript:alert(1)",
        },
    )
    assert response.status_code == 200
    assert "http:// or https://" in response.content.decode()
    assert Opening.objects.count() == 1


def test_the_board_has_a_column_per_stage_and_moves_a_card_with_htmx(
    world: dict[str, Any], alice_client: Client
) -> None:
    board = alice_client.get(reverse("opportunities:board")).content.decode()
    for label in ("Interested", "Applied", "Interviewing", "Offer", "Withdrawn"):
        assert f'id="column-{label.lower()}"' in board
    url = reverse("opportunities:opening-move", args=[world["opening"].pk])
    response = alice_client.post(
        url, {"stage": "applied", "from": "board"}, headers=HTMX
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="board"')
    assert "<html" not in fragment
    assert "autofocus" in fragment
    assert Opening.objects.get().stage == "applied"


def test_a_skipping_move_asks_to_confirm_and_moves_once_confirmed(
    world: dict[str, Any], alice_client: Client
) -> None:
    url = reverse("opportunities:opening-move", args=[world["opening"].pk])
    asked = alice_client.post(url, {"stage": "accepted", "from": "board"}, headers=HTMX)
    assert "Yes, move it to accepted" in asked.content.decode()
    assert Opening.objects.get().stage == "interested"
    alice_client.post(
        url, {"stage": "accepted", "from": "board", "force": "on"}, headers=HTMX
    )
    assert Opening.objects.get().stage == "accepted"


def test_several_applications_goals_are_a_choice_on_the_page(
    world: dict[str, Any], alice: Any, alice_client: Client
) -> None:
    goals = [
        goal_create(owner=alice, statement=text, target=3, unit="applications")
        for text in ("Apply to 3 scale-ups", "Send 3 applications abroad")
    ]
    url = reverse("opportunities:opening-move", args=[world["opening"].pk])
    asked = alice_client.post(url, {"stage": "applied"}).content.decode()
    assert "Which goal does this application count on?" in asked
    assert "Send 3 applications abroad" in asked
    response = alice_client.post(url, {"stage": "applied", "goal": goals[1].pk})
    assert response.status_code == 302
    assert CheckIn.objects.get().goal == goals[1]


def test_the_list_view_shows_the_referrer_and_the_follow_up(
    world: dict[str, Any], alice: Any, alice_client: Client
) -> None:
    services.opening_move(owner=alice, opening=world["opening"], stage="applied")
    page = alice_client.get(reverse("opportunities:opening-list")).content.decode()
    assert "referred by Sue Strong" in page
    assert 'datetime="2026-11-30"' in page


def test_a_rejected_opening_is_logged_as_a_setback_from_its_page(
    world: dict[str, Any], alice: Any, alice_client: Client
) -> None:
    opening = world["opening"]
    services.opening_move(owner=alice, opening=opening, stage="rejected", force=True)
    page = alice_client.get(
        reverse("opportunities:opening-detail", args=[opening.pk])
    ).content.decode()
    assert "Log it as a setback" in page
    response = alice_client.post(
        reverse("opportunities:opening-setback", args=[opening.pk]),
        {"lesson": "Ask the referrer about the team first"},
    )
    assert response.status_code == 302
    assert "/log/" in response.url


def test_the_mentor_page_drafts_the_ask_and_agreed_tags_the_contact(
    world: dict[str, Any], alice_client: Client
) -> None:
    candidate = world["candidate"]
    page = alice_client.get(
        reverse("opportunities:candidate-detail", args=[candidate.pk])
    ).content.decode()
    assert "Hi Sue," in page
    assert "learn hiring" in page
    url = reverse("opportunities:candidate-move", args=[candidate.pk])
    alice_client.post(url, {"stage": "asked", "message": "Hi Sue, coffee?"})
    candidate.refresh_from_db()
    assert (candidate.stage, candidate.message) == ("asked", "Hi Sue, coffee?")
    alice_client.post(url, {"stage": "agreed", "on": "2026-11-20"})
    world["sue"].refresh_from_db()
    assert "mentor" in world["sue"].tag_names


def test_the_agenda_links_an_owed_follow_up_to_the_opening(
    world: dict[str, Any], alice: Any, alice_client: Client, time_machine: Any
) -> None:
    services.opening_move(owner=alice, opening=world["opening"], stage="applied")
    time_machine.move_to(dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC), tick=False)
    page = alice_client.get(reverse("opportunities:home")).content.decode()
    assert "Follow up on Product Manager at Acme Inc. (applied)" in page


def test_the_board_and_the_list_read_in_a_fixed_number_of_queries(
    world: dict[str, Any],
    alice: Any,
    alice_client: Client,
    django_assert_max_num_queries: Any,
) -> None:
    for n in range(12):
        services.opening_create(
            owner=alice, company=world["company"], role=f"Role {n}", source="posting"
        )
    for name in ("board", "opening-list"):
        with django_assert_max_num_queries(6):
            response = alice_client.get(reverse(f"opportunities:{name}"))
        assert response.content.decode().count("Role 1") >= 3


def test_the_mentor_page_names_what_the_target_role_needs(
    world: dict[str, Any], alice: Any, alice_client: Client
) -> None:
    from headway.growth.services import target_role_set

    target_role_set(owner=alice, name="Engineering Manager", needs=["hiring"])
    page = alice_client.get(
        reverse("opportunities:candidate-detail", args=[world["candidate"].pk])
    ).content.decode()
    assert "Engineering Manager, needs: hiring" in page
    assert "becoming an Engineering Manager" in page


def test_the_opportunities_page_reads_in_a_fixed_number_of_queries(
    world: dict[str, Any],
    alice: Any,
    alice_client: Client,
    django_assert_max_num_queries: Any,
) -> None:
    from headway.growth.services import priorities_ensure

    pay = priorities_ensure(owner=alice)[0]
    for n in range(10):
        services.company_create(owner=alice, name=f"Firm {n}", fits={pay.pk: "fits"})
    with django_assert_max_num_queries(12):
        page = alice_client.get(reverse("opportunities:home")).content.decode()
    assert page.count("Firm ") == 10


def test_a_bad_date_on_the_board_is_one_message_and_nothing_moves(
    world: dict[str, Any], alice_client: Client
) -> None:
    url = reverse("opportunities:opening-move", args=[world["opening"].pk])
    response = alice_client.post(
        url, {"stage": "applied", "from": "board", "on": "not a date"}, headers=HTMX
    )
    fragment = response.content.decode()
    assert "Cannot read &#x27;not a date&#x27; as a date" in fragment
    assert fragment.count('role="alert"') == 1
    assert Opening.objects.get().stage == "interested"
