"""The root command group, which imports a command's module only when it runs.

`headway log` pays for the entries module alone, not for every command of the
CLI. `headway --help` lists every command and so imports every module; none of
them imports Django at module level, so help stays quick too.
"""

from __future__ import annotations

import functools
import importlib
from difflib import get_close_matches

import click
import typer
import typer.main
from typer.core import TyperGroup

# Each top-level command, in the order help lists them, and the command
# modules whose `register(app)` define it (`tests/cli/test_lazy.py` checks
# that the two agree).
COMMANDS: dict[str, tuple[str, ...]] = {
    "log": ("entries",),
    "entries": ("entries",),
    "entry": ("entries",),
    "near": ("entries",),
    "goal": ("goals",),
    "share": ("goals",),
    "priorities": ("growth",),
    "strengths": ("growth",),
    "target": ("growth",),
    "contact": ("network",),
    "touch": ("network",),
    "network": ("network",),
    "mentor": ("network",),
    "manager": ("manager",),
    "agenda": ("rhythm",),
    "cadence": ("rhythm",),
    "profile": ("profile",),
    "import": ("transfer", "jrnl", "contacts_transfer", "outputs"),
    "export": ("transfer", "jrnl", "contacts_transfer", "outputs"),
    "calendar": ("calendar_feed",),
    "init": ("accounts",),
    "login-url": ("accounts",),
    "user": ("accounts",),
    "token": ("accounts",),
    "serve": ("serve",),
}


@functools.cache
def load(modules: tuple[str, ...]) -> dict[str, click.Command]:
    """Every command the given modules register, built once per process."""
    app = typer.Typer()
    for module in modules:
        importlib.import_module(f"headway.cli.{module}").register(app)
    return dict(typer.main.get_group(app).commands)


class LazyGroup(TyperGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(name for name in self.commands if name not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            return load(COMMANDS[cmd_name]).get(cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return click.Group.resolve_command(self, ctx, args)
        except click.UsageError as error:
            names = self.list_commands(ctx)
            matches = get_close_matches(args[0], names) if args else []
            if not matches:
                raise
            suggestions = ", ".join(repr(match) for match in matches)
            message = f"{error.message.rstrip('.')}. Did you mean {suggestions}?"
            raise click.UsageError(message, ctx=error.ctx) from None
