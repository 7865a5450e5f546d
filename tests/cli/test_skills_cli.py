"""`headway skill …`, `headway target …`, `headway gaps`, `headway gap …`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from typer.testing import CliRunner

from headway.cli import app
from headway.goals.models import Goal
from headway.growth.models import Skill, SkillAlias, SkillRating, TargetRole
from headway.journal.services import entry_create
from headway.network.services import contact_create, interaction_log

runner = CliRunner()
GAP_KEYS = {
    "need",
    "kind",
    "state",
    "gap",
    "required",
    "current",
    "last_shown",
    "rank",
    "goal_id",
}


@pytest.fixture(autouse=True)
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00:00Z", tick=False):
        yield


def run(*arguments: str) -> Any:
    return runner.invoke(app, list(arguments))


def test_skill_list_json_has_the_documented_shape(alice: Any) -> None:
    entry_create(
        owner=alice,
        title="Ran the hiring loop",
        skills=["Hiring"],
        occurred_on="2026-02-01",
    )
    assert run("skill", "rate", "  HIRING ", "3").exit_code == 0
    result = run("skill", "list", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {
            "id": Skill.objects.get(owner=alice).pk,
            "name": "Hiring",
            "category": "other",
            "level": 3,
            "evidence": 1,
            "last_shown": "2026-02-01",
            "learned_this_year": True,
        }
    ]


def test_skill_rate_keeps_history_and_show_prints_it(alice: Any) -> None:
    assert run("skill", "rate", "Résumé-writing", "2").exit_code == 0
    assert run("skill", "rate", "resume writing", "4").exit_code == 0
    shown = json.loads(run("skill", "show", "RESUME_WRITING", "--json").stdout)
    assert shown["name"] == "Résumé-writing"
    assert shown["level"] == 4
    assert [r["level"] for r in shown["ratings"]] == [2, 4]
    assert Skill.objects.filter(owner=alice).count() == 1


@pytest.mark.parametrize("level", ["0", "6", "x", "3.5", "10", " "])
def test_a_level_outside_1_to_5_changes_nothing(alice: Any, level: str) -> None:
    result = run("skill", "rate", "Kubernetes", level)
    assert result.exit_code == 1
    assert "from 1 (beginner) to 5 (expert)" in result.stderr
    assert not Skill.objects.exists()


def test_an_alias_stands_for_the_skill_everywhere(alice: Any) -> None:
    assert run("skill", "alias", "k8s", "Kubernetes").exit_code == 0
    entry_create(owner=alice, title="Moved CI to the cluster", skills=["K8S"])
    assert run("skill", "rate", "k8s", "3").exit_code == 0
    (skill,) = Skill.objects.filter(owner=alice)
    assert (skill.name, skill.level, skill.entries.count()) == ("Kubernetes", 3, 1)
    shown = json.loads(run("skill", "show", "k8s", "--json").stdout)
    assert shown["aliases"] == ["k8s"]


def test_an_alias_that_would_form_a_cycle_is_refused(alice: Any) -> None:
    assert run("skill", "alias", "k8s", "Kubernetes").exit_code == 0
    result = run("skill", "alias", "Kubernetes", "k8s")
    assert result.exit_code == 1
    assert "cycle" in result.stderr
    assert SkillAlias.objects.count() == 1


def test_an_alias_that_would_merge_two_skills_with_evidence_is_refused(
    alice: Any,
) -> None:
    entry_create(owner=alice, title="Talk on JS", skills=["JavaScript"])
    entry_create(owner=alice, title="Wrote a JS lib", skills=["js"])
    result = run("skill", "alias", "JS", "javascript")
    assert result.exit_code == 1
    assert "would merge them" in result.stderr
    assert Skill.objects.filter(owner=alice).count() == 2
    assert not SkillAlias.objects.exists()


def test_an_alias_folds_a_skill_without_evidence_into_the_other(alice: Any) -> None:
    entry_create(owner=alice, title="Postgres tuning", skills=["PostgreSQL"])
    assert run("skill", "rate", "postgres", "4").exit_code == 0
    assert run("skill", "alias", "Postgres", "postgresql").exit_code == 0
    (skill,) = Skill.objects.filter(owner=alice)
    assert (skill.name, skill.level) == ("PostgreSQL", 4)
    assert SkillRating.objects.get().skill_id == skill.pk


def test_target_roles_are_kept_and_one_is_active(alice: Any) -> None:
    assert run("target", "set", "Staff Engineer", "--need", "design:4").exit_code == 0
    assert (
        run("target", "set", "Engineering Manager", "--need", "hiring:3").exit_code == 0
    )
    roles = json.loads(run("target", "list", "--json").stdout)
    assert [(r["name"], r["active"]) for r in roles] == [
        ("Engineering Manager", True),
        ("Staff Engineer", False),
    ]
    assert run("target", "use", "staff engineer").exit_code == 0
    assert json.loads(run("target", "show", "--json").stdout) == {
        "name": "Staff Engineer",
        "needs": ["design:4"],
    }


def test_a_need_written_hiring_x_is_refused_and_nothing_changes(alice: Any) -> None:
    result = run("target", "set", "EM", "--need", "hiring:x")
    assert result.exit_code == 1
    assert "whole number from 1 to 5" in result.stderr
    assert not TargetRole.objects.exists()


def test_gaps_json_has_exactly_the_documented_keys(alice: Any) -> None:
    run(
        "target",
        "set",
        "Engineering Manager",
        "--need",
        "Hiring:3",
        "--need",
        "  public speaking : 2",
        "--need",
        "led a team of 5+",
    )
    run("skill", "rate", "hiring", "4")
    result = run("gaps", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert all(set(gap) == GAP_KEYS for gap in found)
    by_need = {gap["need"]: gap for gap in found}
    assert by_need["public speaking"] == {
        "need": "public speaking",
        "kind": "skill",
        "state": "missing",
        "gap": "skill",
        "required": 2,
        "current": None,
        "last_shown": None,
        "rank": 1,
        "goal_id": None,
    }
    assert by_need["led a team of 5+"]["kind"] == "experience"
    assert by_need["Hiring"]["state"] == "thin"
    # Two levels never shown (8) > an experience never shown (4) > thin (2).
    assert [gap["need"] for gap in found] == [
        "public speaking",
        "led a team of 5+",
        "Hiring",
    ]


def test_gaps_of_a_role_with_no_needs_is_one_clear_message(alice: Any) -> None:
    run("target", "set", "Principal Engineer")
    result = run("gaps")
    assert result.exit_code == 1
    assert "has no needs" in result.stderr
    assert result.stderr.count("\n") == 1


def test_gap_act_drafts_a_goal_and_names_who_can_help(alice: Any) -> None:
    run("target", "set", "Engineering Manager", "--need", "hiring:3")
    run("priorities", "set", "new skill", "promotion")
    ana = contact_create(owner=alice, name="Ana Ruiz", strength=5, tags=["HIRING"])
    contact_create(owner=alice, name="Bo Li", strength=2, tags=["engineering-manager"])
    contact_create(owner=alice, name="Cy Unrelated", strength=5, tags=["golf"])
    interaction_log(owner=alice, contact=ana, kind="coffee", occurred_on="2026-11-20")
    result = run("gap", "act", "Hiring", "--action", "training", "--json")
    assert result.exit_code == 0, result.output
    acted = json.loads(result.stdout)
    goal = Goal.objects.get(pk=acted["goal_id"])
    assert goal.statement == "Complete a course on hiring by 3 April 2027"
    assert goal.need is not None
    assert acted["priority"] == "A new skill or competency"
    assert [(h["name"], h["last_touch"]) for h in acted["helpers"]] == [
        ("Ana Ruiz", "2026-11-20"),
        ("Bo Li", None),
    ]
    gaps = json.loads(run("gaps", "--json").stdout)
    assert gaps[0]["goal_id"] == goal.pk


def test_gap_act_on_a_met_gap_is_refused(alice: Any) -> None:
    run("target", "set", "EM", "--need", "led a team of 5+")
    entry = entry_create(owner=alice, title="Led the platform team of 7")
    assert run("gap", "link", "led a team", str(entry.pk)).exit_code == 0
    result = run("gap", "act", "led a team of 5+")
    assert result.exit_code == 1
    assert "already met" in result.stderr
    assert not Goal.objects.exists()


def test_an_unknown_action_key_lists_the_fitting_ones(alice: Any) -> None:
    run("target", "set", "EM", "--need", "SQL:2")
    assert run("gap", "action-add", "skill", "Pair with the DBA").exit_code == 0
    result = run("gap", "act", "sql", "--action", "lead")
    assert result.exit_code == 1
    assert "training" in result.stderr
    assert "own-" in result.stderr
    assert not Goal.objects.exists()
