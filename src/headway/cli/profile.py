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


role_app = typer.Typer(
    help="Your role history: the jobs your resume lists.", no_args_is_help=True
)


@role_app.command("add")
@guarded
def role_add(
    title: str = typer.Option(..., "--title", help='The job title: "Staff engineer".'),
    organisation: str = typer.Option(..., "--org", help="Where you held it."),
    start: str = typer.Option(..., "--start", help="When it started: 2023-04-01."),
    end: str | None = typer.Option(
        None, "--end", help="When it ended; leave out while you hold it."
    ),
) -> None:
    """Add a role; entries dated inside it fall under it."""
    owner = current_owner()
    from headway.accounts.roles import role_create

    role = role_create(
        owner=owner,
        title=title,
        organisation=organisation,
        started_on=start,
        ended_on=end,
    )
    typer.echo(f"Role {role.pk} added: {role}.")


@role_app.command("list")
@guarded
def role_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List your roles, newest first."""
    owner = current_owner()
    from headway.accounts.roles import role_as_dict, roles_list
    from headway.cli.output import print_table

    rows = [role_as_dict(role) for role in roles_list(owner=owner)]
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo(
            'No role yet. Try: headway profile role add --title "Engineer" '
            '--org "Acme" --start 2023-04-01'
        )
        return
    print_table(
        ["id", "title", "organisation", "from", "to"],
        [
            [
                str(row["id"]),
                row["title"],
                row["organisation"],
                row["started_on"],
                row["ended_on"] or "now",
            ]
            for row in rows
        ],
    )


@role_app.command("remove")
@guarded
def role_remove(role_id: int = typer.Argument(..., help="The role's id.")) -> None:
    """Remove a role from your history."""
    owner = current_owner()
    from headway.accounts.roles import role_delete

    role_delete(owner=owner, role_id=role_id)
    typer.echo(f"Role {role_id} removed.")


profile_app.add_typer(role_app, name="role")


def register(app: typer.Typer) -> None:
    app.add_typer(profile_app, name="profile")
