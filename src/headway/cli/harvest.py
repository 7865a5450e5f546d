"""`headway harvest git PATH`: draft accomplishments from a repository's history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from headway.cli.output import fail, guarded, print_json

harvest_app = typer.Typer(
    help="Draft log entries from elsewhere (a git history) for you to review.",
    no_args_is_help=True,
)


@harvest_app.command("git")
@guarded
def harvest_git(
    path: Path = typer.Argument(..., help="A local git repository."),
    author: str = typer.Option(
        "", "--author", help="The author's e-mail (default: git's user.email there)."
    ),
    since: str = typer.Option("", "--since", help="Only commits from YYYY-MM-DD on."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Draft one accomplishment per week of your commits; they count nowhere
    until you keep them on the Drafts page (/log/drafts/)."""
    start = _date(since)
    from headway.cli.session import current_owner

    owner = current_owner()
    from headway.journal.harvest import harvest_git as harvest

    found = harvest(owner=owner, path=path, author=author, since=start)
    if as_json:
        print_json(
            {
                "repository": str(found.repository),
                "author": found.author,
                "commits": found.commits,
                "weeks": found.weeks,
                "drafted": found.created,
                "already_drafted": found.known,
            }
        )
        return
    typer.echo(
        f"{found.commits} commits by {found.author} in {found.repository.name}, "
        f"{found.weeks} week{'s' if found.weeks != 1 else ''}: "
        f"{found.created} new draft{'s' if found.created != 1 else ''}"
        + (f", {found.known} drafted before" if found.known else "")
        + "."
    )
    if found.created:
        typer.echo(
            "Drafts count nowhere until you keep them: review them at /log/drafts/."
        )


@harvest_app.command("drafts")
@guarded
def harvest_drafts(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the drafts waiting for you to keep or discard (at /log/drafts/)."""
    from headway.cli.session import current_owner

    owner = current_owner()
    from headway.journal.drafts import drafts_pending

    rows = [
        {
            "id": draft.pk,
            "period": draft.period,
            "occurred_on": draft.occurred_on.isoformat(),
            "title": draft.title,
            "numbers": draft.numbers,
            "source": draft.source,
        }
        for draft in drafts_pending(owner=owner)
    ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo("No drafts waiting. `headway harvest git PATH` drafts some.")
    for row in rows:
        typer.echo(f"{row['id']}  {row['period']}  {row['title']}")


def _date(raw: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        fail(f"--since {raw!r} is not a date; write it as YYYY-MM-DD.")


def register(app: typer.Typer) -> None:
    app.add_typer(harvest_app, name="harvest")
