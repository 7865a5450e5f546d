"""The migration that turns a role's JSON needs into rows keeps every need."""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps

from headway.growth.models import RoleNeed, Skill, TargetRole

migration = importlib.import_module(
    "headway.growth.migrations.0004_skills_ratings_aliases_role_needs"
)


def test_json_needs_become_rows_and_odd_ones_stay_as_experiences(alice: Any) -> None:
    skill = Skill.objects.create(owner=alice, name="Hiring")
    Skill.objects.filter(pk=skill.pk).update(key="")  # as before the migration
    role = TargetRole.objects.create(
        owner=alice,
        name="Engineering Manager",
        needs=["HIRING:3", "Led a team of 5+", "SQL: advanced", "Público:2"],
    )
    migration.needs_to_rows(apps, None)
    rows = list(RoleNeed.objects.filter(role=role).order_by("position"))
    assert [(r.kind, r.text, r.level) for r in rows] == [
        ("skill", "Hiring", 3),
        ("experience", "Led a team of 5+", None),
        ("experience", "SQL: advanced", None),
        ("skill", "Público", 2),
    ]
    assert rows[0].skill_id == skill.pk
    assert Skill.objects.get(pk=skill.pk).key == "hiring"
    assert Skill.objects.get(owner=alice, name="Público").key == "publico"
