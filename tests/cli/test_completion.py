"""Shell completion: Typer's scripts for bash, zsh and fish, and values
completed by role (kinds, tags, goal ids, contacts) from the owner's data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from headway.cli import app
from headway.goals.models import Goal
from headway.network.models import Contact
from tests.factories import EntryFactory

runner = CliRunner()


@pytest.mark.parametrize(
    ("shell", "hook"),
    [
        ("bash", "complete -o default -F _headway_completion headway"),
        ("zsh", "#compdef headway"),
        ("fish", "complete --command headway"),
    ],
)
def test_show_completion_prints_the_script_for_each_shell(
    monkeypatch: pytest.MonkeyPatch, shell: str, hook: str
) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = runner.invoke(app, ["--show-completion", shell], prog_name="headway")
    assert result.exit_code == 0, result.output
    assert hook in result.stdout
    assert "_HEADWAY_COMPLETE=complete_" in result.stdout


def completed(words: str, shell: str = "zsh") -> str:
    """What the shell would be offered for `words` (the last one being typed)."""
    env = {"_HEADWAY_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": words}
    if shell == "bash":
        parts = words.split(" ")
        env = {
            "_HEADWAY_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
        }
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    result = runner.invoke(app, [], env=env, prog_name="headway")
    return result.stdout


def test_commands_and_options_complete() -> None:
    assert "log" in completed("headway lo", "bash").split()
    assert "login-url" in completed("headway lo", "bash").split()
    assert "--kind" in completed("headway log --ki", "bash").split()


def test_kinds_complete_without_reading_any_data() -> None:
    assert completed("headway log --kind ", "bash").split() == [
        "accomplishment", "learning", "content", "talk", "feedback", "reading",
        "initiative", "meeting", "setback", "note",
    ]  # fmt: skip
    assert completed("headway entries --kind t", "bash").split() == ["talk"]


def test_tags_goal_ids_and_contacts_come_from_the_owner_only(
    alice: Any, bob: Any
) -> None:
    EntryFactory(owner=alice, tags=["kubernetes", "speaking"])
    EntryFactory(owner=bob, tags=["secret-tag"])
    goal = Goal.objects.create(owner=alice, statement="Give two talks by June")
    hidden = Goal.objects.create(owner=bob, statement="Bob's goal")
    maria = Contact.objects.create(owner=alice, name="Maria Lopez")
    Contact.objects.create(owner=bob, name="Mallory Stranger")

    assert completed("headway log --tag ", "bash").split() == [
        "kubernetes",
        "speaking",
    ]
    offered = completed("headway goal show ", "fish")
    assert f"{goal.pk}\tGive two talks by June (active)" in offered
    assert str(hidden.pk) not in offered.split()
    assert "Maria Lopez" in completed("headway contact show M")
    assert "Mallory" not in completed("headway contact show M")
    assert f"{maria.pk}\tMaria Lopez" in completed("headway log --contact ", "fish")


def test_kind_completion_does_not_set_django_up(tmp_path: Path) -> None:
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('LOADED ' + ' '.join(\n"
        "    m for m in sys.modules if m.startswith('django.db'))))\n"
        "sys.argv = ['headway']\n"
        "from headway import main\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    env.pop("DATABASE_URL", None)
    env |= {
        "HEADWAY_WARM": "0",
        "HEADWAY_DATA_DIR": str(tmp_path / "data"),
        "_HEADWAY_COMPLETE": "complete_bash",
        "COMP_WORDS": "headway log --kind ",
        "COMP_CWORD": "3",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "talk" in result.stdout.split()
    assert result.stderr.rpartition("LOADED ")[2].strip() == ""


def test_the_kinds_completed_and_read_are_the_journals_kinds() -> None:
    from headway.cli.lazy import ENTRY_KINDS
    from headway.coach.capture import KINDS
    from headway.journal.models import EntryKind

    assert set(ENTRY_KINDS) == set(EntryKind.values) == set(KINDS)
