"""`headway calendar url|rotate|revoke`: the secret address of your feed."""

from __future__ import annotations

from typing import Any

import typer

from headway.cli.output import guarded

calendar_app = typer.Typer(
    help="Your calendar feed: deadlines, follow-ups and review cadences.",
    no_args_is_help=True,
)


def _owner() -> Any:
    from headway.cli.session import current_owner

    return current_owner()


def _feed_url(token: str, host: str, port: int) -> str:
    from headway.accounts.feeds import feed_path
    from headway.core.links import public_base

    return public_base(host=host, port=port) + feed_path(token)


@calendar_app.command("url")
@guarded
def calendar_url(
    host: str = typer.Option(
        "",
        help="Host in the address (default: HEADWAY_PUBLIC_URL, else 127.0.0.1).",
    ),
    port: int = typer.Option(8000, help="Port in the printed address (with --host)."),
) -> None:
    """Make your feed's secret address and print it (shown only this once)."""
    owner = _owner()
    from headway.accounts.feeds import feed_secret_create

    typer.echo(_feed_url(feed_secret_create(owner=owner), host, port))


@calendar_app.command("rotate")
@guarded
def calendar_rotate(
    host: str = typer.Option(
        "",
        help="Host in the address (default: HEADWAY_PUBLIC_URL, else 127.0.0.1).",
    ),
    port: int = typer.Option(8000, help="Port in the printed address (with --host)."),
) -> None:
    """Replace the secret address; the old one stops working at once."""
    owner = _owner()
    from headway.accounts.feeds import feed_secret_rotate

    typer.echo(_feed_url(feed_secret_rotate(owner=owner), host, port))


@calendar_app.command("revoke")
@guarded
def calendar_revoke() -> None:
    """Turn the feed off; its address answers 404 until `calendar rotate`."""
    owner = _owner()
    from headway.accounts.feeds import feed_secret_revoke

    if feed_secret_revoke(owner=owner):
        typer.echo("Calendar feed turned off.")
    else:
        typer.echo("No calendar feed to turn off.")


def register(app: typer.Typer) -> None:
    app.add_typer(calendar_app, name="calendar")
