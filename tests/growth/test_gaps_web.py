"""The Growth page's roles, gaps and skills; a skill's page; a gap's page."""

from __future__ import annotations

from typing import Any

from django.test import Client

from headway.goals.models import Goal
from headway.growth import services
from headway.growth.models import RoleNeed, Skill
from headway.journal.services import entry_create
from headway.network.services import contact_create


def test_the_growth_page_shows_roles_gaps_and_skills(
    alice: Any, alice_client: Client
) -> None:
    services.target_role_set(owner=alice, name="Staff Engineer", needs=["design:4"])
    response = alice_client.post(
        "/growth/",
        {"name": "Engineering Manager", "needs": "Hiring:3\nled a team of 5+"},
    )
    assert response.status_code == 302
    entry_create(owner=alice, title="Ran <b>hiring</b> loop", skills=["hiring"])
    html = alice_client.get("/growth/").content.decode()
    assert "Aiming for <strong>Engineering Manager</strong>" in html
    assert "Staff Engineer" in html  # kept, can be made active again
    assert 'id="gaps"' in html
    assert "Opportunity gap" in html  # led a team: no entry linked
    assert "Skill gap" not in html  # hiring shown, never rated: thin, not missing
    skill = Skill.objects.get(owner=alice, name="Hiring")
    assert f'href="/growth/skills/{skill.pk}/"' in html


def test_a_bad_need_on_the_page_is_one_message_and_nothing_changes(
    alice: Any, alice_client: Client
) -> None:
    services.target_role_set(owner=alice, name="EM", needs=["Hiring:3"])
    response = alice_client.post("/growth/", {"name": "EM", "needs": "hiring:x"})
    assert response.status_code == 200
    assert "whole number from 1 to 5" in response.content.decode()
    assert list(
        RoleNeed.objects.filter(owner=alice).values_list("level", flat=True)
    ) == [3]


def test_making_a_kept_role_active(alice: Any, alice_client: Client) -> None:
    first = services.target_role_set(owner=alice, name="Staff Engineer")
    services.target_role_set(owner=alice, name="Engineering Manager")
    alice_client.post("/growth/roles/use/", {"role": first.pk})
    html = alice_client.get("/growth/").content.decode()
    assert "Aiming for <strong>Staff Engineer</strong>" in html


def test_the_skill_page_rates_and_shows_the_timeline(
    alice: Any, alice_client: Client
) -> None:
    entry_create(owner=alice, title="Kubecon talk", kind="talk", skills=["kubernetes"])
    skill = Skill.objects.get(owner=alice)
    url = f"/growth/skills/{skill.pk}/"
    posted = alice_client.post(
        url, {"form": "skill", "category": "technical", "level": "4"}
    )
    assert posted.status_code == 302
    alice_client.post(url, {"form": "alias", "alias": "K8s"})
    html = alice_client.get(url).content.decode()
    assert "Kubecon talk" in html
    assert "level 4 of 5" in html
    assert "Also called: K8s" in html
    bad = alice_client.post(url, {"form": "alias", "alias": "KUBERNETES"})
    assert "cycle" in bad.content.decode()


def test_another_owners_skill_and_gap_are_404(
    alice: Any, bob: Any, alice_client: Client
) -> None:
    services.target_role_set(owner=bob, name="CTO", needs=["Budgets:4"])
    need = RoleNeed.objects.get(owner=bob)
    assert alice_client.get(f"/growth/skills/{need.skill_id}/").status_code == 404
    assert alice_client.get(f"/growth/gaps/{need.pk}/").status_code == 404
    response = alice_client.post(
        f"/growth/gaps/{need.pk}/", {"form": "act", "action": "training"}
    )
    assert response.status_code == 404
    assert not Goal.objects.exists()


def test_picking_an_action_drafts_a_goal_and_opens_it(
    alice: Any, alice_client: Client
) -> None:
    services.target_role_set(owner=alice, name="EM", needs=["Public speaking:3"])
    contact_create(
        owner=alice, name="Dee <Speaker>", strength=4, tags=["public-speaking"]
    )
    need = RoleNeed.objects.get(owner=alice)
    page = alice_client.get(f"/growth/gaps/{need.pk}/").content.decode()
    assert "Dee &lt;Speaker&gt;" in page  # who can help, escaped
    assert "Complete" not in page
    response = alice_client.post(
        f"/growth/gaps/{need.pk}/", {"form": "act", "action": "training"}
    )
    goal = Goal.objects.get(owner=alice)
    assert response["Location"] == f"/goals/{goal.pk}/edit/"
    assert goal.need_id == need.pk
    growth = alice_client.get("/growth/").content.decode()
    assert f'href="/goals/{goal.pk}/"' in growth


def test_linking_an_entry_to_an_experience_on_the_gap_page(
    alice: Any, alice_client: Client
) -> None:
    services.target_role_set(owner=alice, name="EM", needs=["spoke at a conference"])
    entry = entry_create(owner=alice, title="Talk at PyCon", kind="talk")
    need = RoleNeed.objects.get(owner=alice)
    alice_client.post(f"/growth/gaps/{need.pk}/", {"form": "link", "entry": entry.pk})
    assert list(need.entries.all()) == [entry]
    page = alice_client.get(f"/growth/gaps/{need.pk}/").content.decode()
    assert "Met for EM" in page
