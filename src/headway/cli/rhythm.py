"""`headway agenda` and `headway cadence`: what is due, and the rhythm behind it."""

from __future__ import annotations

from datetime import date

import typer

from headway.cli.output import guarded, print_json, print_table
from headway.cli.session import current_owner

agenda_app = typer.Typer(
    help="What is due today and in the next days, from every area.",
    invoke_without_command=True,
)
cadence_app = typer.Typer(
    help="Your rhythm: weekly check-in, manager 1:1, quarterly and yearly "
    "reviews, mentor updates.",
    invoke_without_command=True,
)


@agenda_app.callback()
def agenda_root(
    ctx: typer.Context,
    days: int = typer.Option(
        14, "--days", min=0, max=366, help="How far ahead to look."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """Everything due by today + DAYS, overdue first: reviews, 1:1s, goal
    deadlines, check-ins owed, follow-ups, mentor updates, expiring
    certifications and promised adjustments."""
    if ctx.invoked_subcommand is None:
        guarded(_agenda)(days=days, as_json=as_json)


def _agenda(*, days: int, as_json: bool) -> None:
    owner = current_owner()
    from django.utils import timezone

    from headway.reviews import selectors

    today = timezone.localdate()
    rows = selectors.agenda(owner=owner, today=today, days=days)
    if as_json:
        print_json([selectors.agenda_as_dict(row) for row in rows])
        return
    if not rows:
        typer.echo(f"Nothing due in the next {days} days.")
        return
    print_table(
        ("due", "what", "key"),
        [(_when(row.due, today), row.title, row.key) for row in rows],
    )


def _when(due: date, today: date) -> str:
    days = (due - today).days
    if days < 0:
        return f"{due.isoformat()} ({-days} d late)"
    if days == 0:
        return "today"
    return due.isoformat()


@agenda_app.command("done")
@guarded
def agenda_done(
    key: str = typer.Argument(..., help="The item's key, e.g. adjustment:12."),
) -> None:
    """Settle an expiring certification (renewed) or a promised adjustment (made)."""
    owner = current_owner()
    from headway.reviews import services

    services.agenda_mark(owner=owner, key=key, done=True)
    typer.echo(f"Done: {key} leaves the agenda.")


@agenda_app.command("later")
@guarded
def agenda_later(
    key: str = typer.Argument(..., help="The item's key, e.g. adjustment:12."),
    days: int = typer.Option(30, "--days", help="Bring it back after N days."),
) -> None:
    """Still to do: bring the item back in DAYS days."""
    owner = current_owner()
    from headway.reviews import services

    mark = services.agenda_mark(owner=owner, key=key, done=False, later_days=days)
    until = mark.snoozed_until.isoformat() if mark.snoozed_until else "later"
    typer.echo(f"{key} comes back on {until}.")


@cadence_app.callback()
def cadence_root(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """Show every cadence with its last and next date (same as `cadence list`)."""
    if ctx.invoked_subcommand is None:
        guarded(_cadences)(as_json=as_json)


@cadence_app.command("list")
@guarded
def cadence_list(
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """Every cadence with how often, when last done and when next due."""
    _cadences(as_json=as_json)


def _cadences(*, as_json: bool) -> None:
    owner = current_owner()
    from headway.reviews import selectors

    rows = selectors.cadences_list(owner=owner)
    if as_json:
        print_json([selectors.cadence_as_dict(row) for row in rows])
        return
    print_table(
        ("cadence", "every", "last done", "next due"),
        [
            (
                f"{row.kind} ({row.label})",
                f"{row.every_days} days" if row.every_days else "off",
                row.last_done.isoformat() if row.last_done else "never",
                row.next_due.isoformat() if row.next_due else "-",
            )
            for row in rows
        ],
    )


@cadence_app.command("set")
@guarded
def cadence_set(
    kind: str = typer.Argument(
        ..., help="weekly, manager, quarterly, yearly or mentor."
    ),
    every: int = typer.Option(0, "--every", help="Days between two."),
    off: bool = typer.Option(False, "--off", help="Switch this cadence off."),
) -> None:
    """Change how often a cadence comes round, or switch it off."""
    from headway.cli.output import fail

    if off == bool(every):
        fail("Give --every DAYS or --off (one of the two).")
    owner = current_owner()
    from headway.reviews import services

    row = services.cadence_set(
        owner=owner, kind=kind, every_days=None if off else every
    )
    typer.echo(f"{row.get_kind_display()}: {'off' if off else f'every {every} days'}.")


@cadence_app.command("done")
@guarded
def cadence_done(
    kind: str = typer.Argument(
        ..., help="weekly, manager, quarterly, yearly or mentor."
    ),
    when: str = typer.Option("", "--date", help="When (natural language); today."),
) -> None:
    """Record a cadence kept: a review done, a 1:1 held."""
    owner = current_owner()
    from headway.reviews import services

    row = services.cadence_done(owner=owner, kind=kind, on=when or None)
    done = row.last_done.isoformat() if row.last_done else "today"
    typer.echo(f"{row.get_kind_display()}: done on {done}.")


def register(app: typer.Typer) -> None:
    app.add_typer(agenda_app, name="agenda")
    app.add_typer(cadence_app, name="cadence")
