"""Commands load their own module only: the table in `cli.lazy` is the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from headway.cli import app
from headway.cli.lazy import COMMANDS, load

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


def loaded_after(*arguments: str, tmp_path: Path) -> set[str]:
    """The headway.cli and Django modules a real process had imported at exit."""
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('LOADED ' + ' '.join(sorted(\n"
        "    m for m in sys.modules if m.startswith(('headway.cli.', 'django'))))))\n"
        f"sys.argv = ['headway', *{list(arguments)!r}]\n"
        "from headway.cli import main\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
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
