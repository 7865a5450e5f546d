"""An entry links to the owner's goals, contacts and skills, never to anyone else's."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from headway.goals.models import Goal
from headway.growth.models import Skill
from headway.journal.models import Entry
from headway.journal.services import entry_create
from headway.network.models import Contact


def test_an_entry_links_to_the_owners_goals_contacts_and_skills(alice: Any) -> None:
    goal = Goal.objects.create(owner=alice, statement="Speak at a conference")
    contact = Contact.objects.create(owner=alice, name="Ana Souza")
    entry = entry_create(
        owner=alice,
        title="Gave a talk at the local meetup",
        kind="talk",
        goal_ids=[goal.pk],
        contact_ids=[contact.pk],
        skills=["Public speaking", "public  speaking", "Python"],
    )
    assert list(entry.goals.all()) == [goal]
    assert list(entry.contacts.all()) == [contact]
    assert sorted(s.name for s in entry.skills.all()) == ["Public speaking", "Python"]


def test_a_skill_is_reused_whatever_its_case(alice: Any) -> None:
    entry_create(owner=alice, title="One", skills=["SQL"])
    entry_create(owner=alice, title="Two", skills=["sql"])
    assert Skill.objects.for_owner(alice).count() == 1


@pytest.mark.parametrize("field", ["goal_ids", "contact_ids"])
def test_linking_someone_elses_goal_or_contact_is_refused(
    alice: Any, bob: Any, field: str
) -> None:
    foreign = (
        Goal.objects.create(owner=bob, statement="Bob's goal")
        if field == "goal_ids"
        else Contact.objects.create(owner=bob, name="Bob's friend")
    )
    with pytest.raises(ValidationError, match="among yours"):
        entry_create(owner=alice, title="Sneaky", **{field: [foreign.pk]})
    assert Entry.objects.count() == 0


@pytest.mark.parametrize("field", ["goal_ids", "contact_ids"])
@pytest.mark.parametrize("pk", [2**31, 2**63, 2**70, -(2**64), 0])
def test_an_id_no_column_can_hold_is_refused_not_a_crash(
    alice: Any, field: str, pk: int
) -> None:
    with pytest.raises(ValidationError, match=f"No .* {pk} among yours"):
        entry_create(owner=alice, title="Linked to nothing", **{field: [pk]})
    assert Entry.objects.count() == 0
