"""`headway log` and `headway entries`: capture and read the log."""

from __future__ import annotations

import typer

from headway.cli.output import guarded, print_json
from headway.cli.session import current_owner


def log(
    title: str = typer.Argument(..., help="What happened, in one line."),
    kind: str = typer.Option(
        "note",
        "--kind",
        "-k",
        help="accomplishment, learning, content, talk, feedback, reading, "
        "initiative, meeting, setback or note.",
    ),
    date: str = typer.Option(
        "",
        "--date",
        "-d",
        help="When: 2026-03-14, yesterday, 'last friday'. Default today.",
    ),
    tag: list[str] = typer.Option([], "--tag", "-t", help="A tag; repeat for more."),
    body: str = typer.Option("", "--body", help="Notes, in Markdown."),
    numbers: str = typer.Option("", "--numbers", help="NEAR: what can be counted."),
    example: str = typer.Option("", "--example", help="NEAR: the concrete case."),
    achievement: str = typer.Option("", "--achievement", help="NEAR: what you did."),
    result: str = typer.Option("", "--result", help="NEAR: what changed, for whom."),
    star: bool = typer.Option(False, "--star", help="Mark it as a best-of entry."),
    as_json: bool = typer.Option(False, "--json", help="Print the new entry as JSON."),
) -> None:
    """Log an entry and print its id."""
    owner = current_owner()
    from headway.journal import selectors, services

    entry = services.entry_create(
        owner=owner,
        title=title,
        kind=kind,
        occurred_on=date,
        tags=tag,
        body=body,
        numbers=numbers,
        example=example,
        achievement=achievement,
        result=result,
        starred=star,
    )
    if as_json:
        print_json(selectors.entry_as_dict(entry))
    else:
        typer.echo(entry.pk)


def entries(
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=10_000, help="How many."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List entries, newest first."""
    owner = current_owner()
    from headway.journal import selectors

    found = selectors.entries_recent(owner=owner, limit=limit)
    if as_json:
        print_json([selectors.entry_as_dict(entry) for entry in found])
        return
    if not found:
        typer.echo(
            'Nothing logged yet. Try: headway log "Shipped the new onboarding flow"'
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "date", "kind", "title", "tags", box=None, pad_edge=False)
    for entry in found:
        table.add_row(
            str(entry.pk),
            entry.occurred_on.isoformat(),
            entry.kind,
            entry.title,
            " ".join(f"#{name}" for name in entry.tag_names),
        )
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command()(guarded(log))
    app.command()(guarded(entries))
