"""Who can help with a gap: tagged contacts and past helpers, strongest first."""

from __future__ import annotations

from typing import Any

from headway.growth import services
from headway.growth.models import RoleNeed
from headway.journal.services import entry_create
from headway.network.services import contact_create, interaction_log
from headway.reviews.growth_plan import gap_plan, who_can_help


def test_tagged_contacts_and_past_helpers_strongest_then_latest_touch(
    alice: Any, bob: Any
) -> None:
    services.target_role_set(owner=alice, name="Head of Platform", needs=["K8s:4"])
    services.skill_alias(owner=alice, alias="Kubernetes", name="k8s")
    need = RoleNeed.objects.get(owner=alice)
    old = contact_create(
        owner=alice, name="Old Friend", strength=4, tags=["kubernetes"]
    )
    new = contact_create(owner=alice, name="New Friend", strength=4, tags=["K8S"])
    weak = contact_create(owner=alice, name="Acquaintance", strength=2)
    contact_create(
        owner=alice, name="Role Buddy", strength=1, tags=["head-of-platform"]
    )
    contact_create(owner=alice, name="Golfer", strength=5, tags=["golf"])
    contact_create(owner=bob, name="Bob's Expert", strength=5, tags=["k8s"])
    interaction_log(owner=alice, contact=old, kind="coffee", occurred_on="2026-01-10")
    interaction_log(owner=alice, contact=new, kind="call", occurred_on="2026-11-02")
    entry = entry_create(owner=alice, title="Cluster upgrade", skills=["kubernetes"])
    interaction_log(
        owner=alice,
        contact=weak,
        kind="help_received",
        occurred_on="2026-10-01",
        entry_ids=[entry.pk],
    )
    helpers = who_can_help(owner=alice, need=need)
    assert [(h.name, h.last_touch and h.last_touch.isoformat()) for h in helpers] == [
        ("New Friend", "2026-11-02"),
        ("Old Friend", "2026-01-10"),
        ("Acquaintance", "2026-10-01"),
        ("Role Buddy", None),
    ]
    assert helpers[2].why == ("helped you on it before",)
    assert helpers[3].why == ("tagged head-of-platform",)


def test_the_plan_of_a_met_experience_offers_no_action(alice: Any) -> None:
    services.target_role_set(owner=alice, name="EM", needs=["ran an offsite"])
    need = RoleNeed.objects.get(owner=alice)
    entry = entry_create(owner=alice, title="Ran the team offsite")
    services.need_link_entry(owner=alice, need_id=need.pk, entry_id=entry.pk)
    plan = gap_plan(owner=alice, need_id=need.pk)
    assert plan.gap.state == "met"
    assert plan.actions == []
