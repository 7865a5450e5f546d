"""`headway profile`: the name, headline and links shares and reports show."""

from __future__ import annotations

import typer

from headway.cli.output import guarded, print_json
from headway.cli.session import current_owner

profile_app = typer.Typer(
    help="Who you are, as shares, reports and exports present you.",
    invoke_without_command=True,
)


@profile_app.callback()
def profile_root(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show your profile (same as `headway profile show`)."""
    if ctx.invoked_subcommand is None:
        guarded(_show)(as_json=as_json)


@profile_app.command("show")
@guarded
def profile_show(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show your name, e-mail, headline, location and links."""
    _show(as_json=as_json)


def _show(*, as_json: bool) -> None:
    owner = current_owner()
    from headway.accounts.profile import profile_as_dict, profile_get

    shown = profile_as_dict(profile_get(owner=owner))
    if as_json:
        print_json(shown)
        return
    if not any(shown.values()):
        typer.echo('No profile yet. Try: headway profile set --name "Ada Lovelace"')
        return
    for label, value in shown.items():
        text = ", ".join(value) if isinstance(value, list) else value
        typer.echo(f"{label}: {text or '-'}")


@profile_app.command("set")
@guarded
def profile_set(
    name: str | None = typer.Option(None, "--name", help="Your name."),
    email: str | None = typer.Option(None, "--email", help="Your e-mail address."),
    headline: str | None = typer.Option(
        None, "--headline", help='One line: "Staff engineer, payments".'
    ),
    location: str | None = typer.Option(None, "--location", help="Where you work."),
    links: list[str] | None = typer.Option(
        None, "--link", help="A public profile or site (repeat; replaces the list)."
    ),
) -> None:
    """Change the fields given; the others stay as they are."""
    owner = current_owner()
    from headway.accounts.profile import profile_update

    profile = profile_update(
        owner=owner,
        name=name,
        email=email,
        headline=headline,
        location=location,
        links=links or None,
    )
    typer.echo(f"Profile saved for {profile.name or owner.get_username()}.")


def register(app: typer.Typer) -> None:
    app.add_typer(profile_app, name="profile")
