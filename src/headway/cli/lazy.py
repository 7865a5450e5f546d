"""The root command group, which imports a command's module only when it runs.

`headway log` pays for the entries module alone, not for every command of the
CLI. `headway --help` lists every command and so imports every module; none of
them imports Django at module level, so help stays quick too.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable
from difflib import get_close_matches
from typing import Any

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
    "undo": ("trash",),
    "goal": ("goals",),
    "share": ("goals",),
    "priorities": ("growth",),
    "strengths": ("growth",),
    "target": ("growth",),
    "skill": ("skills",),
    "gaps": ("skills",),
    "gap": ("skills",),
    "contact": ("network",),
    "touch": ("network",),
    "network": ("network",),
    "mentor": ("network",),
    "manager": ("manager",),
    "company": ("opportunities",),
    "opening": ("opportunities",),
    "agenda": ("rhythm",),
    "next": ("next_actions",),
    "review": ("review",),
    "cadence": ("rhythm",),
    "profile": ("profile",),
    "momentum": ("momentum",),
    "import": ("transfer", "jrnl", "contacts_transfer", "archive", "outputs"),
    "export": ("transfer", "jrnl", "contacts_transfer", "archive", "outputs"),
    "calendar": ("calendar_feed",),
    "harvest": ("harvest",),
    "init": ("accounts",),
    "login-url": ("accounts",),
    "user": ("accounts",),
    "token": ("accounts",),
    "serve": ("serve",),
    "check": ("ops",),
    "backup": ("ops",),
    "restore": ("ops",),
    "demo": ("demo",),
}


@functools.cache
def load(modules: tuple[str, ...]) -> dict[str, click.Command]:
    """Every command the given modules register, built once per process."""
    app = typer.Typer()
    for module in modules:
        importlib.import_module(f"headway.cli.{module}").register(app)
    commands = dict(typer.main.get_group(app).commands)
    for command in commands.values():
        _complete_values(command, names_contacts="network" in modules)
    return commands


# --- shell completion ------------------------------------------------------
# Values are completed by the parameter's role, named once here for every
# command: kinds from the journal's list, tags, goal ids and contacts from the
# owner's data. Reading data sets Django up, which the warm worker has done
# already, so a completion served by it answers in about 0.1 s.

ENTRY_KINDS = (
    "accomplishment", "learning", "content", "talk", "feedback", "reading",
    "initiative", "meeting", "setback", "note",
)  # fmt: skip
COMPLETIONS_MAX = 200

Completer = Callable[[click.Context, click.Parameter, str], list[Any]]


def _complete_values(command: click.Command, *, names_contacts: bool) -> None:
    if isinstance(command, click.Group):
        for child in command.commands.values():
            _complete_values(child, names_contacts=names_contacts)
    for param in command.params:
        completer = _completer_for(param.name or "", names_contacts=names_contacts)
        if completer is not None and param._custom_shell_complete is None:
            param._custom_shell_complete = completer


def _completer_for(name: str, *, names_contacts: bool) -> Completer | None:
    if name == "kind":
        return _kinds
    if name == "tag":
        return _tags
    if name in {"goal", "goal_id"}:
        return _goals
    if name == "contact":
        return _contact_ids
    if name == "name" and names_contacts:
        return _contact_names
    return None


def _items(pairs: Iterable[tuple[str, str]], incomplete: str) -> list[Any]:
    from click.shell_completion import CompletionItem

    lowered = incomplete.lower()
    return [
        CompletionItem(value, help=help_text or None)
        for value, help_text in pairs
        if value.lower().startswith(lowered)
    ][:COMPLETIONS_MAX]


def _kinds(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    return _items(((kind, "") for kind in ENTRY_KINDS), incomplete)


def _owner_rows(model: str, *fields: str, order: str = "pk") -> list[tuple[Any, ...]]:
    """The owner's rows for a completion; nothing (never an error) if the data
    cannot be read: a completion must not print a traceback into a prompt."""
    try:
        from django.apps import apps

        from headway.cli.session import current_owner

        owner = current_owner()
        app_label, model_name = model.split(".")
        rows = apps.get_model(app_label, model_name).objects.filter(owner=owner)
        return list(rows.order_by(order).values_list(*fields)[:5_000])
    except Exception:  # a completion answers nothing rather than break the shell
        return []


def _tags(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    rows = _owner_rows("journal.Tag", "name", order="name")
    return _items(((name, "") for (name,) in rows), incomplete.lstrip("#@"))


def _goals(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    rows = _owner_rows("goals.Goal", "pk", "statement", "status", order="-pk")
    return _items(
        ((str(pk), f"{statement[:60]} ({status})") for pk, statement, status in rows),
        incomplete,
    )


def _contact_ids(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[Any]:
    rows = _owner_rows("network.Contact", "pk", "name", order="name")
    return _items(((str(pk), name) for pk, name in rows), incomplete)


def _contact_names(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[Any]:
    rows = _owner_rows("network.Contact", "name", order="name")
    return _items(((name, "") for (name,) in rows), incomplete)


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
