"""Every CLI command has help and appears in the README."""

from __future__ import annotations

from pathlib import Path

import click
import typer.main

from headway.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text()


def commands(group: click.Group, prefix: str = "headway") -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None, f"{prefix} {name} is listed but does not load"
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            found |= commands(command, path)
        else:
            found[path] = command
    return found


ALL = commands(typer.main.get_group(app))


def test_there_are_commands_to_check() -> None:
    assert {"headway log", "headway token create", "headway user add"} <= set(ALL)


def test_every_command_has_help() -> None:
    assert [path for path, command in ALL.items() if not command.help] == []


def test_every_command_is_in_the_readme() -> None:
    assert [path for path in ALL if f"`{path}" not in README] == []
