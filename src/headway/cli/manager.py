"""`headway manager`: prepare and record the 1:1 with a contact tagged manager."""

from __future__ import annotations

import typer

from headway.cli.output import guarded, print_json
from headway.cli.session import current_owner

manager_app = typer.Typer(
    help="Prepare and record the 1:1 with your manager.", no_args_is_help=True
)
NAME_HELP = "Your manager's name or id; needed only when several are tagged."


@manager_app.command("prep")
@guarded
def manager_prep(
    name: str = typer.Argument("", help=NAME_HELP),
    as_json: bool = typer.Option(False, "--json", help="Sections and Markdown."),
) -> None:
    """Print the agenda for the next 1:1 with your manager, as Markdown."""
    owner = current_owner()
    from headway.network import mentorship
    from headway.network.prep import agenda_as_dict

    contact = mentorship.manager_find(owner=owner, name=name)
    agenda = mentorship.meeting_agenda(owner=owner, contact=contact, role="manager")
    if as_json:
        print_json(agenda_as_dict(agenda))
        return
    typer.echo(agenda.markdown, nl=False)


@manager_app.command("ask")
@guarded
def manager_ask(
    name: str = typer.Argument(..., help="Your manager's name or id."),
    question: str = typer.Argument(..., help="A question for the next 1:1."),
) -> None:
    """Keep a question for the next 1:1 with your manager."""
    owner = current_owner()
    from headway.network import mentorship

    contact = mentorship.manager_find(owner=owner, name=name)
    mentorship.question_add(owner=owner, contact=contact, text=question, role="manager")
    typer.echo(f"Kept for your next 1:1 with {contact.name}.")


@manager_app.command("record")
@guarded
def manager_record(
    name: str = typer.Argument("", help=NAME_HELP),
    notes: str = typer.Option("", "--notes", help="What you discussed."),
    follow_ups: str = typer.Option("", "--follow-ups", help="What you will do next."),
    date: str = typer.Option("", "--date", "-d", help="When; default today."),
) -> None:
    """Record the 1:1 as a meeting entry linked to your manager; prints its id."""
    owner = current_owner()
    from headway.network import mentorship

    contact = mentorship.manager_find(owner=owner, name=name)
    entry = mentorship.meeting_record(
        owner=owner,
        contact=contact,
        role="manager",
        notes=notes,
        follow_ups=follow_ups,
        occurred_on=date or None,
    )
    typer.echo(entry.pk)


def register(app: typer.Typer) -> None:
    app.add_typer(manager_app, name="manager")
