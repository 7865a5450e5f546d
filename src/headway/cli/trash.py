"""`headway undo`: bring back what a delete removed, within the undo window."""

from __future__ import annotations

import typer

from headway.cli.output import guarded
from headway.cli.session import current_owner


def undo(
    delete_id: int = typer.Argument(
        ..., help="The number a delete printed (`Undo with: headway undo N`)."
    ),
) -> None:
    """Undo a delete: the entry (or contact, goal, share) and all that went with it."""
    owner = current_owner()
    from headway.core.trash import trash_restore

    trash = trash_restore(owner=owner, trash_id=delete_id)
    also = f" with {trash.summary}" if trash.summary else ""
    typer.echo(f"Restored “{trash.label}”{also}.")


def register(app: typer.Typer) -> None:
    app.command()(guarded(undo))
