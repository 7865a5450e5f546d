"""`headway priorities …` and `headway strengths`: what matters to me, and why."""

from __future__ import annotations

from typing import Any

import click
import typer

from headway.cli.output import fail, guarded, print_json
from headway.cli.session import current_owner

priorities_app = typer.Typer(
    help="Rank what career growth means to you now; past rankings are kept.",
    invoke_without_command=True,
)


@priorities_app.callback()
def priorities_root(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show the current ranking (same as `headway priorities show`)."""
    if ctx.invoked_subcommand is None:
        guarded(_show)(as_json=as_json)


@priorities_app.command("show")
@guarded
def priorities_show(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    history: bool = typer.Option(False, "--history", help="Every past ranking too."),
) -> None:
    """Show the current ranking and the priorities not ranked."""
    _show(as_json=as_json, history=history)


def _show(*, as_json: bool, history: bool = False) -> None:
    owner = current_owner()
    from headway.growth import selectors

    shown = selectors.priorities_as_dict(owner=owner, history=history)
    if as_json:
        print_json(shown)
        return
    if not shown["ranked"]:
        typer.echo(
            'Nothing ranked yet. Try: headway priorities set "new skill" promotion'
        )
    else:
        typer.echo(f"Ranked on {shown['ranked_on']}:")
    for place, item in enumerate(shown["ranked"], start=1):
        typer.echo(f"  {place}. {item['name']}")
    others = ", ".join(item["name"] for item in shown["unranked"])
    typer.echo(f"Not ranked: {others}")
    for past in shown.get("history", []):
        names = "; ".join(item["name"] for item in past["ranked"])
        typer.echo(f"  {past['ranked_on']}: {names}")


@priorities_app.command("set")
@guarded
def priorities_set(
    names: list[str] = typer.Argument(
        ..., help="Priorities in order, most important first: 'new skill' promotion …"
    ),
) -> None:
    """Rank priorities for today; the previous ranking stays in the history."""
    owner = current_owner()
    from headway.growth import services

    ranking = services.priorities_rank_names(owner=owner, names=names)
    typer.echo(f"Ranked on {ranking.ranked_on.isoformat()}:")
    for place in ranking.places.select_related("priority"):
        typer.echo(f"  {place.position}. {place.priority.name}")


@priorities_app.command("add")
@guarded
def priorities_add(
    name: str = typer.Argument(..., help="A priority of your own, in a few words."),
) -> None:
    """Add a priority of your own to the catalog."""
    owner = current_owner()
    from headway.growth import services

    priority = services.priority_add(owner=owner, name=name)
    typer.echo(f"{priority.pk}. {priority.name}")


STRENGTHS_HEADER = "# Answer under each prompt. Lines starting with # are ignored.\n"


def strengths(
    as_json: bool = typer.Option(False, "--json", help="Print the latest answers."),
) -> None:
    """Answer the three strengths prompts in $EDITOR; each day's answers are kept."""
    owner = current_owner()
    from headway.growth import selectors, services

    latest = selectors.strengths_latest(owner=owner)
    if as_json:
        print_json(selectors.strengths_as_dict(latest) if latest else None)
        return
    edited = click.edit(_template(latest), extension=".md", require_save=True)
    if edited is None:
        fail("Nothing saved: the editor closed without saving.")
    answers = _parse(edited)
    saved = services.strengths_save(
        owner=owner,
        energy=answers["energy"],
        excel=answers["excel"],
        enjoyed_roles=answers["enjoyed_roles"],
    )
    typer.echo(f"Saved your answers of {saved.answered_on.isoformat()}.")


def _template(latest: Any) -> str:
    from headway.growth.services import STRENGTH_PROMPTS

    parts = [STRENGTHS_HEADER]
    for name, prompt in STRENGTH_PROMPTS:
        answer = getattr(latest, name, "") if latest else ""
        parts.append(f"## {prompt}\n{answer}\n")
    return "\n".join(parts)


def _parse(text: str) -> dict[str, str]:
    from headway.growth.services import STRENGTH_PROMPTS

    by_prompt = {prompt: name for name, prompt in STRENGTH_PROMPTS}
    answers = {name: [] for name, _ in STRENGTH_PROMPTS}  # type: dict[str, list[str]]
    current = ""
    for line in text.splitlines():
        if line.startswith("## "):
            current = by_prompt.get(line[3:].strip(), "")
        elif not line.startswith("#") and current:
            answers[current].append(line)
    return {name: "\n".join(lines).strip() for name, lines in answers.items()}


target_app = typer.Typer(
    help="The role you are aiming for, and what it needs.", no_args_is_help=True
)


@target_app.command("show")
@guarded
def target_show(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show the target role and its needs."""
    owner = current_owner()
    from headway.growth import selectors

    shown = selectors.target_role_as_dict(selectors.target_role(owner=owner))
    if as_json:
        print_json(shown)
        return
    if not shown["name"]:
        typer.echo('No target role. Try: headway target set "Engineering Manager"')
        return
    typer.echo(shown["name"])
    for need in shown["needs"]:
        typer.echo(f"  - {need}")


@target_app.command("set")
@guarded
def target_set(
    name: str = typer.Argument(..., help="The role; an empty string clears it."),
    need: list[str] = typer.Option(
        [], "--need", help="A skill or experience it needs; repeat for more."
    ),
) -> None:
    """Aim for a role and make it the active one; other roles are kept.

    Needs are skills with a level ("hiring:3") or experiences ("led a team of
    5+"); --need replaces the role's needs, none keeps them.
    """
    owner = current_owner()
    from headway.growth import services

    role = services.target_role_set(owner=owner, name=name, needs=need or None)
    typer.echo(f"Aiming for {role.name}." if role.name else "Target role cleared.")


@target_app.command("list")
@guarded
def target_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Every role kept; the active one is marked."""
    owner = current_owner()
    from headway.growth import selectors

    shown = selectors.target_roles_as_dict(owner=owner)
    if as_json:
        print_json(shown)
        return
    if not shown:
        typer.echo('No target roles. Try: headway target set "Engineering Manager"')
    for role in shown:
        mark = "*" if role["active"] else " "
        typer.echo(f"{mark} {role['name']}: {'; '.join(role['needs']) or 'no needs'}")


@target_app.command("use")
@guarded
def target_use(name: str = typer.Argument(..., help="A role you kept.")) -> None:
    """Make a kept role the active one."""
    owner = current_owner()
    from headway.growth import services

    role = services.target_role_activate(owner=owner, name=name)
    typer.echo(f"Aiming for {role.name}.")


@target_app.command("remove")
@guarded
def target_remove(name: str = typer.Argument(..., help="A role you kept.")) -> None:
    """Forget a role, its needs and their links to evidence."""
    owner = current_owner()
    from headway.growth import services

    services.target_role_delete(owner=owner, name=name)
    typer.echo(f"Removed {name.strip()}.")


def register(app: typer.Typer) -> None:
    app.add_typer(priorities_app, name="priorities")
    app.add_typer(target_app, name="target")
    app.command("strengths")(guarded(strengths))
