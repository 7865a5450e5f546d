"""`headway skill …`, `headway gaps` and `headway gap …`: skills and their
evidence, what stands between you and the target role, and acting on it."""

from __future__ import annotations

from typing import Any

import typer

from headway.cli.output import guarded, plural, print_json, print_table
from headway.cli.session import current_owner

skill_app = typer.Typer(
    help="Your skills: level (1-5, with history), aliases, and the entries that "
    "show them.",
    no_args_is_help=True,
)
gap_app = typer.Typer(
    help="Act on a gap of your target role: draft a goal, see who can help.",
    no_args_is_help=True,
)


@skill_app.command("list")
@guarded
def skill_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Every skill with its level, evidence and when it was last shown."""
    owner = current_owner()
    from headway.growth import selectors

    shown = [s.as_dict() for s in selectors.skills_overview(owner=owner)]
    if as_json:
        print_json(shown)
        return
    if not shown:
        typer.echo(
            "No skills yet. Log an entry with --skill, or: headway skill rate NAME 3"
        )
        return
    print_table(
        ["skill", "category", "level", "evidence", "last shown", "new this year"],
        [
            [
                s["name"],
                s["category"],
                str(s["level"] or "-"),
                str(s["evidence"]),
                s["last_shown"] or "never",
                "yes" if s["learned_this_year"] else "",
            ]
            for s in shown
        ],
    )


@skill_app.command("show")
@guarded
def skill_show(
    name: str = typer.Argument(..., help="The skill, or one of its aliases."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """One skill: its level history, aliases and evidence timeline."""
    owner = current_owner()
    from headway.growth import selectors, services

    skill = services.skill_find(owner=owner, name=name)
    shown = selectors.skill_detail_as_dict(owner=owner, skill=skill)
    if as_json:
        print_json(shown)
        return
    level = shown["level"] or "not rated"
    typer.echo(f"{shown['name']} ({shown['category']}), level {level}")
    if shown["aliases"]:
        typer.echo(f"  also called: {', '.join(shown['aliases'])}")
    months = shown["freshness_months"]
    typer.echo(
        f"  {plural(shown['evidence'], 'entry', 'entries')}"
        + (
            f", first {shown['first_shown']}, last {shown['last_shown']} "
            f"({plural(months, 'month')} ago)"
            if shown["last_shown"]
            else ", never shown"
        )
        + (", new this year" if shown["learned_this_year"] else "")
    )
    for rating in shown["ratings"]:
        typer.echo(f"  rated {rating['level']} on {rating['rated_on']}")
    for entry in shown["entries"]:
        typer.echo(f"  {entry['occurred_on']}  {entry['kind']:<14} {entry['title']}")


@skill_app.command("rate")
@guarded
def skill_rate(
    name: str = typer.Argument(..., help="The skill (created if new)."),
    level: str = typer.Argument(..., help="1 (beginner) to 5 (expert)."),
) -> None:
    """Rate yourself on a skill today; earlier ratings stay as history."""
    owner = current_owner()
    from headway.growth import services

    skill = services.skill_rate_named(owner=owner, name=name, level=level)
    typer.echo(f"{skill.name}: level {skill.level}.")


@skill_app.command("alias")
@guarded
def skill_alias(
    alias: str = typer.Argument(..., help="The other name, e.g. k8s."),
    name: str = typer.Argument(..., help="The skill it stands for, e.g. Kubernetes."),
) -> None:
    """Let another name stand for a skill (k8s = Kubernetes)."""
    owner = current_owner()
    from headway.growth import services

    skill = services.skill_alias(owner=owner, alias=alias, name=name)
    typer.echo(f"{alias.strip()} now means {skill.name}.")


@skill_app.command("category")
@guarded
def skill_category(
    name: str = typer.Argument(..., help="The skill."),
    category: str = typer.Argument(
        ..., help="technical, leadership, communication, domain or other."
    ),
) -> None:
    """File a skill under a category."""
    owner = current_owner()
    from headway.growth import services

    skill = services.skill_find(owner=owner, name=name)
    skill = services.skill_update(owner=owner, skill_id=skill.pk, category=category)
    typer.echo(f"{skill.name}: {skill.category}.")


def gaps(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """What stands between you and your active target role, worst first."""
    owner = current_owner()
    from headway.growth import selectors

    found = selectors.gaps_checked(owner=owner)
    if as_json:
        print_json([gap.as_dict() for gap in found])
        return
    role = selectors.target_role(owner=owner)
    typer.echo(f"Gaps for {role.name if role else ''}:")
    print_table(
        ["#", "need", "state", "gap", "required", "current", "last shown", "goal"],
        [
            [
                str(gap.rank),
                gap.need,
                gap.state,
                gap.gap or "",
                str(gap.required if gap.required is not None else ""),
                "-" if gap.current is None else str(gap.current),
                gap.last_shown.isoformat() if gap.last_shown else "never",
                f"#{gap.goal_id}" if gap.goal_id else "",
            ]
            for gap in found
        ],
    )


@gap_app.command("act")
@guarded
def gap_act(
    need: str = typer.Argument(..., help="The need: its skill, an alias, or text."),
    action: str = typer.Option(
        "", "--action", help="An action key (see `headway gap actions NEED`)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Draft a goal for a gap from the action catalog; edit it with `goal edit`."""
    owner = current_owner()
    from headway.reviews.growth_plan import gap_act as act

    acted = act(owner=owner, need_text=need, action_key=action)
    if as_json:
        print_json(acted.as_dict())
        return
    typer.echo(f"Drafted goal {acted.goal.pk}: {acted.goal.statement}")
    typer.echo(f"  Edit it: headway goal edit {acted.goal.pk}")
    _print_helpers(acted.helpers)


@gap_app.command("actions")
@guarded
def gap_actions(
    need: str = typer.Argument(..., help="The need: its skill, an alias, or text."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The actions that fit a gap, and who can help with it."""
    owner = current_owner()
    from headway.growth.services import need_find
    from headway.reviews.growth_plan import gap_plan

    plan = gap_plan(owner=owner, need_id=need_find(owner=owner, text=need).pk)
    shown = plan.as_dict()
    if as_json:
        print_json(shown)
        return
    if not plan.actions:
        typer.echo(f"{plan.gap.need} is met: nothing to act on.")
    for item in shown["actions"]:
        typer.echo(f"  {item['key']:<14} {item['name']}")
    _print_helpers(plan.helpers)


@gap_app.command("link")
@guarded
def gap_link(
    need: str = typer.Argument(..., help="An experience need of the active role."),
    entry_id: int = typer.Argument(..., help="The entry that shows it."),
) -> None:
    """Link an entry as evidence of an experience ("led a team of 5+")."""
    owner = current_owner()
    from headway.growth import services

    row = services.need_find(owner=owner, text=need)
    services.need_link_entry(owner=owner, need_id=row.pk, entry_id=entry_id)
    typer.echo(f"Entry {entry_id} now shows “{row.text}”.")


@gap_app.command("action-add")
@guarded
def gap_action_add(
    gap: str = typer.Argument(..., help="skill or opportunity."),
    name: str = typer.Argument(..., help="Your action, e.g. 'Shadow a hiring panel'."),
) -> None:
    """Add an action of your own to the catalog for one kind of gap."""
    owner = current_owner()
    from headway.growth import services

    action = services.gap_action_add(owner=owner, gap=gap, name=name)
    typer.echo(f"Added own-{action.pk}: {action.name} ({action.gap} gaps).")


def _print_helpers(helpers: list[Any]) -> None:
    if not helpers:
        typer.echo("  Nobody tagged with it yet: tag a contact with the skill.")
        return
    typer.echo("  Who can help:")
    for helper in helpers:
        last = helper.last_touch.isoformat() if helper.last_touch else "never"
        typer.echo(
            f"    {helper.name} (strength {helper.strength}, last touch {last}; "
            f"{', '.join(helper.why)})"
        )


def register(app: typer.Typer) -> None:
    app.add_typer(skill_app, name="skill")
    app.add_typer(gap_app, name="gap")
    app.command("gaps")(guarded(gaps))
