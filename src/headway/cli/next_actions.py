"""`headway next`: what to do next for your career, ranked, with why."""

from __future__ import annotations

import typer

from headway.cli.output import guarded, print_json, print_table

LIMIT_MAX = 1000


@guarded
def next_command(
    limit: int = typer.Option(
        5, "--limit", "-n", min=1, max=LIMIT_MAX, help="How many to show."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """The next career actions, highest score first: goals behind or near their
    date, gaps of your target role, people to get back to, mentor updates,
    expiring certifications, learning. Each says why (its terms and points)."""
    from headway.cli.session import current_owner

    owner = current_owner()
    from headway.reviews import next_actions

    items = next_actions.next_actions(owner=owner)[:limit]
    if as_json:
        print_json([next_actions.as_dict(item) for item in items])
        return
    if not items:
        typer.echo(
            "Nothing stands out: no goal behind or due soon, no gap, nobody "
            "waiting. `headway goal add` sets a goal you can check."
        )
        return
    print_table(
        ("#", "score", "what to do next", "why"),
        [
            (
                str(place),
                f"{item.score:g}",
                item.title,
                ", ".join(f"{term.term} {term.value:g}" for term in item.why),
            )
            for place, item in enumerate(items, start=1)
        ],
    )


def register(app: typer.Typer) -> None:
    app.command("next")(next_command)
