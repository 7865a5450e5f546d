"""`headway check`, `headway backup` and `headway restore`: running Headway."""

from __future__ import annotations

from pathlib import Path

import typer

from headway.cli.output import fail, guarded

LEVELS = {10: "DEBUG", 20: "INFO", 30: "WARNING", 40: "ERROR", 50: "CRITICAL"}


def check() -> None:
    """Django's deployment checks plus Headway's own; exit 1 on any error.

    Headway's: secret key strength, DEBUG off, PostgreSQL and HTTPS settings
    in server mode, and a data directory nobody else can read.
    """
    from headway.core.bootstrap import django_setup

    django_setup()
    from django.conf import settings
    from django.core.checks import ERROR, run_checks

    # Django's deploy checks are about a public server; locally only Headway's
    # own (the secret key, the data directory's modes) and the basic ones.
    messages = run_checks(include_deployment_checks=True)
    if settings.LOCAL_MODE:
        messages = [m for m in messages if not str(m.id or "").startswith("security.")]
    errors = [m for m in messages if m.level >= ERROR]
    mode = "server" if not settings.LOCAL_MODE else "local"
    for message in sorted(messages, key=lambda m: (-m.level, str(m.id))):
        level = LEVELS.get(message.level, str(message.level))
        typer.echo(f"{level} {message.id}: {message.msg}")
        if message.hint:
            typer.echo(f"    fix: {message.hint}")
    warnings = len(messages) - len(errors)
    summary = f"{len(errors)} error(s), {warnings} warning(s) ({mode} mode)."
    if errors:
        fail(f"check failed: {summary}")
    typer.echo(f"Headway check passed: {summary}")


def backup(
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="The file to write (must not exist); default: <data dir>/backups/.",
        dir_okay=False,
    ),
) -> None:
    """A consistent copy of the live database (SQLite's online backup API, or
    pg_dump in server mode), readable by you alone."""
    from headway.core.bootstrap import ensure_initialised

    ensure_initialised()
    from headway.core.backup import backup_make

    written = backup_make(destination=output)
    typer.echo(f"Backed up to {written}")


def restore(
    source: Path = typer.Argument(..., help="A file made by `headway backup`."),
    yes: bool = typer.Option(
        False, "--yes", help="Replace the current data (asked otherwise)."
    ),
) -> None:
    """Put a backup back in place of the current database.

    Stop the web server first. SQLite: the current database is copied to
    backups/ before it is replaced. PostgreSQL: pg_restore --clean.
    """
    from headway.core.bootstrap import django_setup

    django_setup()
    from django.conf import settings

    where = settings.DATABASES["default"]["NAME"]
    question = f"Replace everything in {where} with {source}?"
    if not yes and not typer.confirm(question, default=False):
        fail("Nothing restored (pass --yes to skip this question).")
    from headway.core.backup import restore_from
    from headway.core.bootstrap import initialise

    before = restore_from(source=source)
    initialise()  # migrate a backup made by an older version
    if before is not None:
        typer.echo(f"The data as it was before the restore: {before}")
    typer.echo(f"Restored {source} into {where}.")


def register(app: typer.Typer) -> None:
    app.command()(guarded(check))
    app.command()(guarded(backup))
    app.command()(guarded(restore))
