"""`headway import …` and `headway export …`: one sub-command per format.

Each format's commands live in their own module and attach themselves to
these two groups; `register` adds the groups to the main app.
"""

from __future__ import annotations

import typer

import_app = typer.Typer(help="Bring data in from other tools.", no_args_is_help=True)
export_app = typer.Typer(help="Write data out for other tools.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
    app.add_typer(export_app, name="export")
