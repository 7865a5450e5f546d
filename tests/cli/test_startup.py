"""What a command loads: its own module only, and Django without the web apps.

The table in `cli.lazy` is the CLI; data commands build an app registry
without `settings.WEB_APPS`, while migrations always see every app.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from headway.cli import app
from headway.cli.lazy import COMMANDS, load

pytestmark = pytest.mark.sqlite_file

CLI = Path(__file__).parents[2] / "src" / "headway" / "cli"
HELPERS = {"__init__", "lazy", "output", "session"}


def test_each_module_group_defines_exactly_the_commands_the_table_gives_it() -> None:
    for modules in set(COMMANDS.values()):
        named = {name for name, owners in COMMANDS.items() if owners == modules}
        assert set(load(modules)) == named, modules


def test_every_command_module_is_in_the_table() -> None:
    modules = {path.stem for path in CLI.glob("*.py")} - HELPERS
    assert modules == {module for owners in COMMANDS.values() for module in owners}


def test_help_lists_the_commands_in_the_tables_order() -> None:
    result = CliRunner().invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    listed = [line.strip("│ ").split(" ")[0] for line in result.output.splitlines()]
    positions = [listed.index(name) for name in COMMANDS]
    assert positions == sorted(positions)


def test_a_mistyped_command_suggests_one_not_yet_loaded() -> None:
    result = CliRunner().invoke(app, ["mentr"])
    assert result.exit_code == 2
    assert "Did you mean 'mentor'" in result.output


WATCHED = ("headway.cli.", "django", "axes", "csp", "whitenoise")


def loaded_after(*arguments: str, tmp_path: Path) -> set[str]:
    """The CLI, Django and web-app modules a real process had imported at exit."""
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('LOADED ' + ' '.join(sorted(\n"
        f"    m for m in sys.modules if m.startswith({WATCHED!r})))))\n"
        f"sys.argv = ['headway', *{list(arguments)!r}]\n"
        "from headway import main\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
    env.pop("DATABASE_URL", None)  # always a fresh SQLite data directory
    env["HEADWAY_WARM"] = "0"  # what this process itself loads
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env | {"HEADWAY_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(result.stderr.rpartition("LOADED ")[2].split())


def test_a_command_imports_its_own_module_and_no_other(tmp_path: Path) -> None:
    loaded = loaded_after(
        "near", "Cut build time from 20 to 8 minutes", tmp_path=tmp_path
    )
    commands = {
        m.removeprefix("headway.cli.") for m in loaded if m.startswith("headway.")
    }
    assert commands == {"lazy", "output", "entries"}
    assert not any(m.startswith("django") for m in loaded)


def test_help_imports_every_command_module_but_not_django(tmp_path: Path) -> None:
    loaded = loaded_after("--help", tmp_path=tmp_path)
    expected = {f"headway.cli.{path.stem}" for path in CLI.glob("*.py")}
    assert expected - {"headway.cli.__init__"} <= loaded
    assert not any(m.startswith("django") for m in loaded)


def test_a_data_command_leaves_the_web_apps_out(tmp_path: Path) -> None:
    loaded_after("log", "First entry, which migrates", tmp_path=tmp_path)
    loaded = loaded_after("entries", "--search", "entry", tmp_path=tmp_path)
    assert "django.db.models" in loaded
    web = {
        "axes",
        "csp",
        "whitenoise",
        "django.contrib.admin",
        "django.contrib.sessions",
    }
    assert loaded.isdisjoint(web)


def test_the_first_data_command_migrates_every_app(tmp_path: Path) -> None:
    loaded = loaded_after("log", "Gave the onboarding talk", tmp_path=tmp_path)
    assert "axes" in loaded  # the migration needed the whole registry
    database = sqlite3.connect(tmp_path / "data" / "headway.sqlite3")
    tables = {row[0] for row in database.execute("SELECT name FROM sqlite_master")}
    assert {"axes_accessattempt", "django_session", "django_admin_log"} <= tables
    assert database.execute("SELECT title FROM journal_entry").fetchall() == [
        ("Gave the onboarding talk",)
    ]
