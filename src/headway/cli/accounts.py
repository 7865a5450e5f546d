"""`headway init`, `login-url`, `token create|list|revoke` and
`user add|invite|list|disable|enable`."""

from __future__ import annotations

import getpass
import sys
from typing import Any

import typer

from headway.cli.output import fail, guarded, print_json, print_table
from headway.cli.session import current_owner

token_app = typer.Typer(help="Personal API tokens.", no_args_is_help=True)
user_app = typer.Typer(help="Accounts (server mode).", no_args_is_help=True)


def init() -> None:
    """Create the data directory, apply migrations and create the owner."""
    from headway.core.bootstrap import initialise

    initialise(verbose=False)
    from django.conf import settings

    from headway.accounts.services import owner_ensure

    owner = owner_ensure() if settings.LOCAL_MODE else None

    where = settings.DATABASES["default"]["NAME"]
    who = f" for {owner.get_username()}" if owner is not None else ""
    typer.echo(f"Headway is ready{who}: {where}")
    typer.echo(
        "Next: `headway serve` opens the web app with a guided start; "
        "`headway --help` lists every command."
    )


def login_url(
    host: str = typer.Option("127.0.0.1", help="Host the server listens on."),
    port: int = typer.Option(8000, help="Port the server listens on."),
) -> None:
    """Print a fresh one-time sign-in link (valid ten minutes)."""
    typer.echo(login_link(host=host, port=port))


def login_link(*, host: str, port: int) -> str:
    owner = current_owner()
    from django.conf import settings

    from headway.accounts.services import login_token_issue

    if not settings.LOCAL_MODE:
        fail(
            "Sign-in links are for local mode; in server mode sign in with a password."
        )
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/login/{login_token_issue(user=owner)}"


@token_app.command("create")
@guarded
def token_create(
    name: str = typer.Option("", "--name", help="A label to recognise the token by."),
) -> None:
    """Create a personal API token and print it (only this once)."""
    owner = current_owner()
    from headway.accounts.services import api_token_create

    _, token = api_token_create(owner=owner, name=name)
    typer.echo(token)


@token_app.command("list")
@guarded
def token_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List your API tokens: name, first characters, last use, revoked or not."""
    owner = current_owner()
    from headway.accounts.services import api_tokens_list

    found = [token_as_dict(record) for record in api_tokens_list(owner=owner)]
    if as_json:
        print_json(found)
        return
    if not found:
        typer.echo("No API tokens yet. Try: headway token create --name laptop")
        return
    rows = [
        (
            str(item["id"]),
            item["name"] or "(unnamed)",
            f"{item['prefix']}…",
            _when(item["last_used_at"], "never used"),
            _when(item["revoked_at"], "active"),
        )
        for item in found
    ]
    print_table(("id", "name", "token", "last used", "revoked"), rows)


def token_as_dict(record: Any) -> dict[str, Any]:
    def moment(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "id": record.pk,
        "name": record.name,
        "prefix": record.prefix,
        "created": moment(record.created),
        "last_used_at": moment(record.last_used_at),
        "revoked_at": moment(record.revoked_at),
    }


def _when(moment: str | None, otherwise: str) -> str:
    return moment[:16].replace("T", " ") if moment else otherwise


@token_app.command("revoke")
@guarded
def token_revoke(
    token_id: int = typer.Argument(..., help="The token's id (`headway token list`)."),
) -> None:
    """Revoke an API token: requests that send it are refused from now on."""
    owner = current_owner()
    from headway.accounts.services import api_token_revoke

    api_token_revoke(owner=owner, token_id=token_id)
    typer.echo(f"Revoked token {token_id}.")


@user_app.command("add")
@guarded
def user_add(
    username: str = typer.Argument(..., help="The new user's sign-in name."),
    email: str = typer.Option("", "--email", help="Their e-mail address."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
    admin: bool = typer.Option(
        False, "--admin", help="An account administrator (sees no career data)."
    ),
) -> None:
    """Create an account that signs in with a password."""
    from headway.core.bootstrap import ensure_initialised

    ensure_initialised()
    from headway.accounts.services import user_add as add

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            fail("The two passwords differ; nothing was created.")
    user = add(username=username, password=password, email=email, admin=admin)
    typer.echo(f"Created {user.get_username()}.")


@user_app.command("invite")
@guarded
def user_invite(
    email: str = typer.Argument(..., help="The e-mail address of the person."),
    admin: bool = typer.Option(
        False, "--admin", help="Invite an account administrator (no career data)."
    ),
) -> None:
    """Print a one-time link with which someone creates their account."""
    from headway.core.bootstrap import ensure_initialised

    ensure_initialised()
    from django.conf import settings

    from headway.accounts.people import invitation_create, invitation_url

    invitation, token = invitation_create(email=email, as_admin=admin)
    typer.echo(invitation_url(token))
    typer.echo(
        f"Send it to {invitation.email}: it works once, for "
        f"{settings.INVITATION_DAYS} days.",
        err=True,
    )


@user_app.command("list")
@guarded
def user_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the accounts: name, e-mail, administrator, active or disabled."""
    from headway.core.bootstrap import ensure_initialised

    ensure_initialised()
    from headway.accounts.people import users_list

    found = users_list()
    if as_json:
        print_json(found)
        return
    rows = [
        (
            item["username"],
            item["email"] or "-",
            "admin" if item["admin"] else "",
            "active" if item["active"] else "disabled",
            _when(item["last_login"], "never"),
        )
        for item in found
    ]
    print_table(("user", "e-mail", "role", "state", "last sign-in"), rows)


@user_app.command("disable")
@guarded
def user_disable(
    username: str = typer.Argument(..., help="The account's user name."),
) -> None:
    """Disable an account: sign-in and API tokens refused, sessions ended."""
    from headway.core.bootstrap import ensure_initialised

    ensure_initialised()
    from headway.accounts.people import user_disable as disable

    disable(username=username)
    typer.echo(f"Disabled {username}: signed out everywhere; tokens refused.")


@user_app.command("enable")
@guarded
def user_enable(
    username: str = typer.Argument(..., help="The account's user name."),
) -> None:
    """Open a disabled account again."""
    from headway.core.bootstrap import ensure_initialised

    ensure_initialised()
    from headway.accounts.people import user_enable as enable

    enable(username=username)
    typer.echo(f"Enabled {username}.")


def register(app: typer.Typer) -> None:
    app.command()(guarded(init))
    app.command("login-url")(guarded(login_url))
    app.add_typer(token_app, name="token")
    app.add_typer(user_app, name="user")
