"""The next career actions gathered from every area, on real rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from headway.goals.services import goal_create, goal_draft_for_gap
from headway.growth.models import RoleNeed
from headway.growth.services import priorities_ensure, priorities_rank, target_role_set
from headway.journal.services import entry_create
from headway.network.services import contact_create
from headway.reviews import next_actions

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def ranked(owner: Any) -> dict[str, dict[str, float]]:
    return {
        item.title: {term.term: term.value for term in item.why}
        for item in next_actions.next_actions(owner=owner, today=TODAY)
    }


def promotion_first(owner: Any) -> Any:
    known = priorities_ensure(owner=owner)
    first = next(p for p in known if p.catalog_key == "promotion")
    priorities_rank(owner=owner, priorities=[first, *(p for p in known if p != first)])
    return first


def test_a_goal_behind_near_its_date_serving_the_first_priority(alice: Any) -> None:
    first = promotion_first(alice)
    goal_create(
        owner=alice,
        statement="Apply for 3 internal postings by 1 December 2026",
        target=3,
        due=dt.date(2026, 12, 1),
        priority=first.pk,
        started_on=dt.date(2026, 9, 1),
    )
    terms = ranked(alice)[
        "Catch up on: Apply for 3 internal postings by 1 December 2026"
    ]
    assert terms["priority"] == 6.0  # the first priority of the ranking
    assert terms["behind"] == pytest.approx(9.12, abs=0.01)  # 0 of 3, 91 % of time
    assert terms["due"] == pytest.approx(6.86, abs=0.01)  # 8 days to go


def test_gaps_of_the_target_role_and_a_strong_tie_who_can_help(alice: Any) -> None:
    target_role_set(
        owner=alice, name="Engineering Manager", needs=["hiring:3", "budgets:2"]
    )
    ana = contact_create(
        owner=alice, name="Ana", strength=5, tags=["Hiring"], met_on=dt.date(2026, 1, 5)
    )
    contact_create(  # strong and overdue, but tagged with nothing the role needs
        owner=alice, name="Old Friend", strength=5, met_on=dt.date(2026, 1, 5)
    )
    found = next_actions.next_actions(owner=alice, today=TODAY)
    titles = [item.title for item in found]
    assert "Pick an action for “hiring” (skill gap)" in titles
    assert "Pick an action for “budgets” (skill gap)" in titles
    helper = next(item for item in found if "Ana" in item.title)
    assert helper.link == f"/network/contacts/{ana.pk}/"
    assert [(t.term, t.value) for t in helper.why] == [("helper", 5.0)]
    assert not any("Old Friend" in title for title in titles)


def test_a_goal_drafted_for_a_gap_carries_the_gap_instead_of_it(alice: Any) -> None:
    target_role_set(owner=alice, name="Engineering Manager", needs=["hiring:3"])
    need = RoleNeed.objects.get(owner=alice, text__iexact="hiring")
    goal = goal_draft_for_gap(
        owner=alice, need_id=need.pk, action_key="training", today=TODAY
    )
    found = next_actions.next_actions(owner=alice, today=TODAY)
    assert not any("skill gap" in item.title for item in found)
    item = next(item for item in found if item.link == f"/goals/{goal.pk}/")
    assert {term.term: term.value for term in item.why}["gap"] == 8.0
    assert any("hiring" in term.note for term in item.why if term.term == "gap")


def test_mentor_thanks_a_lapsing_certificate_and_time_without_learning(
    alice: Any,
) -> None:
    noor = contact_create(
        owner=alice,
        name="Noor",
        strength=4,
        tags=["mentor"],
        met_on=dt.date(2025, 1, 1),
    )
    entry_create(
        owner=alice,
        kind="meeting",
        title="Mentoring with Noor",
        occurred_on=dt.date(2026, 10, 5),
        contact_ids=[noor.pk],
    )
    cka = entry_create(
        owner=alice,
        kind="learning",
        title="Certified Kubernetes Administrator",
        occurred_on=dt.date(2025, 11, 23),
        details={"subtype": "certification", "expires_on": "2026-12-23"},
    )
    found = {item.link: item for item in next_actions.next_actions(owner=alice)}
    mentor = found[f"/network/contacts/{noor.pk}/"]
    assert mentor.title == "Thank Noor for the meeting"
    assert [(t.term, t.value) for t in mentor.why] == [("mentor", 4.0)]
    renew = found[f"/log/{cka.pk}/"]
    assert [(t.term, t.value) for t in renew.why] == [("expiry", 6.0)]  # 30 days
    learning = found["/log/?new=learning#entry-form"]
    assert [(t.term, t.value) for t in learning.why] == [("learning", 5.0)]


def test_a_recent_learning_entry_asks_for_nothing(alice: Any) -> None:
    entry_create(
        owner=alice, kind="learning", title="Read a book on hiring", occurred_on=TODAY
    )
    assert ranked(alice) == {}


def test_only_the_owners_own_rows_count(alice: Any, bob: Any) -> None:
    goal_create(owner=bob, statement="Bob's goal due soon", due=dt.date(2026, 11, 25))
    target_role_set(owner=bob, name="Director", needs=["strategy:4"])
    contact_create(
        owner=bob, name="Bo", strength=5, tags=["strategy"], met_on=dt.date(2026, 1, 1)
    )
    assert ranked(alice) == {}
    assert any("Bob's goal" in title for title in ranked(bob))


def test_the_json_shape(alice: Any) -> None:
    goal_create(owner=alice, statement="Ship the guide", due=dt.date(2026, 11, 23))
    (item,) = next_actions.next_actions(owner=alice, today=TODAY)
    assert next_actions.as_dict(item) == {
        "title": "Finish or re-plan: Ship the guide",
        "score": 9.6,
        "why": [{"term": "due", "value": 9.6}],
        "link": item.link,
    }


def test_a_tag_naming_a_skills_alias_or_the_role_finds_a_helper(alice: Any) -> None:
    from headway.growth.services import skill_alias

    target_role_set(owner=alice, name="Engineering Manager", needs=["hiring:3"])
    skill_alias(owner=alice, alias="Recruiting", name="hiring")
    contact_create(
        owner=alice,
        name="Rae",
        strength=4,
        tags=["recruiting"],
        met_on=TODAY.replace(month=1),
    )
    contact_create(
        owner=alice,
        name="Emm",
        strength=5,
        tags=["Engineering-Manager"],
        met_on=TODAY.replace(month=1),
    )
    helpers = {
        title: terms
        for title, terms in ranked(alice).items()
        if title.startswith("Get back in touch")
    }
    assert helpers == {
        "Get back in touch with Rae: they can help with “hiring”": {"helper": 4.0},
        "Get back in touch with Emm: they can help with “hiring”": {"helper": 5.0},
    }
