"""`headway company` and `headway opening`: where the owner would work, and the
openings they pursue there; `headway mentor candidate`: finding a mentor."""

from __future__ import annotations

import sys
from typing import Any

import typer

from headway.cli.output import guarded, print_json, print_table
from headway.cli.session import current_owner

company_app = typer.Typer(
    help="Companies you would like to work for, and who you know there.",
    no_args_is_help=True,
)
opening_app = typer.Typer(
    help="Openings you pursue, from interested to an offer.", no_args_is_help=True
)
# Under `headway mentor` (cli.network), beside prep, ask and record.
candidate_app = typer.Typer(
    help="Finding a mentor: identified, asked, met, then agreed, declined or not now.",
    no_args_is_help=True,
)


def _fits(owner: Any, values: list[str]) -> dict[int, str]:
    """`--fit "work-life balance=fits"` → {priority id: fit}."""
    from headway.core.text import field_error
    from headway.growth.services import priority_find

    fits: dict[int, str] = {}
    for value in values:
        name, sep, fit = value.rpartition("=")
        if not sep or not name.strip():
            raise field_error(
                "fits",
                f"Write a fit as PRIORITY=fits|neutral|conflicts, not {value!r}.",
                "fit",
            )
        fits[priority_find(owner=owner, text=name).pk] = fit.strip().lower()
    return fits


@company_app.command("add")
@guarded
def company_add(
    name: str = typer.Argument(..., help="The company's name (1 to 200 characters)."),
    why: str = typer.Option("", "--why", help="Why you would work there."),
    role: str = typer.Option("", "--role", help="The role you would aim for there."),
    fit: list[str] = typer.Option(
        [], "--fit", help='How it fits a priority: "higher pay=fits"; repeat.'
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the company as JSON."),
) -> None:
    """Add a company you would like to work for and print its id."""
    owner = current_owner()
    from headway.opportunities import selectors, services

    company = services.company_create(
        owner=owner, name=name, why=why, target_role=role, fits=_fits(owner, fit)
    )
    if as_json:
        print_json(selectors.company_as_dict(company))
    else:
        typer.echo(company.pk)


@company_app.command("list")
@guarded
def company_list(
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List your target companies."""
    owner = current_owner()
    from headway.opportunities import selectors

    companies = list(selectors.companies_list(owner=owner))
    if as_json:
        print_json(
            [
                selectors.company_as_dict(c) | {"openings": c.opening_count}  # type: ignore[attr-defined]
                for c in companies
            ]
        )
        return
    if not companies:
        typer.echo('No companies yet. Try: headway company add "Acme" --why "…"')
        return
    rows = [
        (str(c.pk), c.name, c.target_role or "-", str(c.opening_count))  # type: ignore[attr-defined]
        for c in companies
    ]
    print_table(("id", "name", "target role", "openings"), rows)


@company_app.command("show")
@guarded
def company_show(
    name: str = typer.Argument(
        ..., help="A name (any case, Inc./Ltd. optional) or id."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show a company: why, fit with your priorities, and who you know there."""
    owner = current_owner()
    from headway.opportunities import selectors

    company = selectors.company_find(owner=owner, name_or_id=name)
    who = selectors.who_i_know(owner=owner, company=company)
    if as_json:
        print_json(selectors.company_as_dict(company, who=who))
        return
    typer.echo(f"{company.name} (company {company.pk})")
    if company.target_role:
        typer.echo(f"Target role: {company.target_role}")
    if company.why:
        typer.echo(f"Why: {company.why}")
    fits = selectors.company_fits(owner=owner, company=company)
    if fits:
        typer.echo("Fit with your priorities:")
    for priority, fit in fits:
        typer.echo(f"  {priority.name}: {fit or 'not judged'}")
    typer.echo("Who you know there:")
    for person in who.people:
        touch = person.last_touch.isoformat() if person.last_touch else "never"
        typer.echo(f"  {person.name} (strength {person.strength}, last touch {touch})")
    if not who.has_strong_tie:
        typer.echo("  No one yet (no strong tie).")
        for found in who.introducers:
            typer.echo(
                f"  Ask {found.person.name} for an introduction: knows "
                f"{', '.join(found.knows)}."
            )


@opening_app.command("add")
@guarded
def opening_add(
    company: str = typer.Argument(..., help="The company's name or id."),
    role: str = typer.Argument(..., help="The role."),
    source: str = typer.Option(
        "",
        "--source",
        help="referral, recruiter, posting or inbound; default: referral with "
        "--referrer, else posting.",
    ),
    referrer: str = typer.Option(
        "", "--referrer", help="The contact who referred you (with --source referral)."
    ),
    link: str = typer.Option("", "--link", help="The posting's http(s) link."),
    notes: str = typer.Option("", "--notes", help="Notes."),
    on: str = typer.Option("", "--on", help="When; default today."),
    as_json: bool = typer.Option(False, "--json", help="Print the opening as JSON."),
) -> None:
    """Add an opening at *interested* and print its id."""
    owner = current_owner()
    from headway.opportunities import selectors, services

    found = selectors.company_find(owner=owner, name_or_id=company)
    contact = (
        selectors.contact_named(owner=owner, name_or_id=referrer) if referrer else None
    )
    opening = services.opening_create(
        owner=owner,
        company=found,
        role=role,
        source=source.strip().lower() or ("referral" if referrer else "posting"),
        link=link,
        referrer=contact,
        notes=notes,
        on=on or None,
    )
    if as_json:
        print_json(selectors.opening_as_dict(opening))
    else:
        typer.echo(opening.pk)


@opening_app.command("move")
@guarded
def opening_move(
    opening_id: int = typer.Argument(..., help="The opening's id."),
    stage: str = typer.Argument(
        ...,
        help="interested, applied, interviewing, offer, accepted, declined, "
        "rejected or withdrawn.",
    ),
    notes: str = typer.Option("", "--notes", help="What happened."),
    on: str = typer.Option("", "--on", help="When; default today."),
    force: bool = typer.Option(
        False, "--force", help="Move even though the stage does not follow."
    ),
    goal: int | None = typer.Option(
        None, "--goal", help="The applications goal to check in on (0: none)."
    ),
    lesson: str = typer.Option(
        "", "--lesson", help="Declined or rejected: log a setback with this lesson."
    ),
    role_start: str = typer.Option(
        "", "--role-start", help="Accepted: add the role to your profile from DATE."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the opening as JSON."),
) -> None:
    """Move an opening to a stage, dated, with notes."""
    owner = current_owner()
    from headway.opportunities import selectors, services

    opening = selectors.opening_get(owner=owner, pk=opening_id)
    arguments: dict[str, Any] = {
        "stage": stage.strip().lower(),
        "notes": notes,
        "on": on or None,
        "lesson": lesson,
        "role_started_on": role_start or None,
    }
    try:
        result = services.opening_move(
            owner=owner, opening=opening, force=force, goal_id=goal, **arguments
        )
    except services.GoalChoiceNeeded as error:
        if not sys.stdin.isatty():
            raise
        choices = {goal.pk for goal in error.goals}
        for listed in error.goals:
            typer.echo(f"  {listed.pk}: {listed.statement}")
        picked = typer.prompt(
            "Which goal does this application count on (0: none)?", type=int
        )
        if picked not in choices | {0}:
            raise
        result = services.opening_move(
            owner=owner, opening=opening, force=force, goal_id=picked, **arguments
        )
    if result.setback is not None:
        typer.echo(f"Setback logged as entry {result.setback.pk}.", err=True)
    if result.role is not None:
        typer.echo(f"Role {result.role.pk} added to your profile.", err=True)
    if as_json:
        print_json(selectors.opening_as_dict(opening))
        return
    typer.echo(f"{opening.role} at {opening.company.name}: {opening.stage}")
    if result.checkin is not None:
        typer.echo(
            f"Checked in on goal {result.checkin.goal_id}: one more application."
        )
    if opening.stage == "accepted":
        if result.role is None:
            typer.echo(
                "Congratulations. Add it to your roles: `headway profile role add "
                "--title TITLE --org ORGANISATION --start DATE`."
            )
        typer.echo("Then revisit your priorities and goals: `headway priorities`.")
    if opening.stage in {"declined", "rejected"} and result.setback is None:
        typer.echo(
            "Log it as a setback with its lesson: on its page, or `headway log "
            "TITLE --kind setback`."
        )


@opening_app.command("followed-up")
@guarded
def opening_followed_up(
    opening_id: int = typer.Argument(..., help="The opening's id."),
    on: str = typer.Option("", "--on", help="When you followed up; default today."),
) -> None:
    """Record that you chased an answer: the next follow-up is ten days on."""
    owner = current_owner()
    from headway.opportunities import selectors, services

    opening = selectors.opening_get(owner=owner, pk=opening_id)
    services.opening_follow_up_record(owner=owner, opening=opening, on=on or None)
    follow_up = opening.next_follow_up
    typer.echo(f"Next follow-up: {follow_up.isoformat() if follow_up else 'none'}.")


@opening_app.command("list")
@guarded
def opening_list(
    stage: str = typer.Option("", "--stage", help="Only openings at this stage."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List openings, the most recently moved first."""
    owner = current_owner()
    from headway.opportunities import selectors

    openings = list(selectors.openings_list(owner=owner, stage=stage.strip().lower()))
    if as_json:
        print_json(
            [
                {k: v for k, v in selectors.opening_as_dict(o).items() if k != "link"}
                for o in openings
            ]
        )
        return
    if not openings:
        typer.echo('No openings yet. Try: headway opening add Acme "Product Manager"')
        return
    rows = []
    for o in openings:
        found = selectors.opening_as_dict(o)
        rows.append(
            (
                str(o.pk),
                o.company.name,
                o.role,
                o.stage,
                found["referrer"] or o.source,
                found["updated"],
                found["next_follow_up"] or "-",
            )
        )
    print_table(
        ("id", "company", "role", "stage", "source", "updated", "follow up"), rows
    )


@candidate_app.command("add")
@guarded
def candidate_add(
    contact: str = typer.Argument(..., help="The contact's name or id."),
    why: str = typer.Option("", "--why", help="Why this person."),
    hope: str = typer.Option("", "--hope", help="What you hope to learn from them."),
    as_json: bool = typer.Option(False, "--json", help="Print the candidate as JSON."),
) -> None:
    """Name a contact as a possible mentor and print the candidate's id."""
    owner = current_owner()
    from headway.network.selectors import contact_find
    from headway.opportunities import selectors, services

    candidate = services.candidate_add(
        owner=owner,
        contact=contact_find(owner=owner, name_or_id=contact),
        why=why,
        hope_to_learn=hope,
    )
    if as_json:
        print_json(selectors.candidate_as_dict(candidate))
    else:
        typer.echo(candidate.pk)


@candidate_app.command("list")
@guarded
def candidate_list(
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List the people you may ask to mentor you, with where each ask stands."""
    owner = current_owner()
    from headway.opportunities import selectors

    found = [
        selectors.candidate_as_dict(c) for c in selectors.candidates_list(owner=owner)
    ]
    if as_json:
        print_json(found)
        return
    if not found:
        typer.echo('No mentor candidates yet. Try: headway mentor candidate add "Sue"')
        return
    rows = [
        (
            str(c["id"]),
            c["name"],
            c["stage"].replace("_", " "),
            c["updated"],
            c["next_follow_up"] or "-",
        )
        for c in found
    ]
    print_table(("id", "name", "stage", "updated", "follow up"), rows)


@candidate_app.command("draft")
@guarded
def candidate_draft(
    candidate_id: int = typer.Argument(..., help="The candidate's id."),
) -> None:
    """Print an ask drafted from your top goals, target role and hopes.

    Nothing is invented: what Headway does not know is left as a [bracketed]
    gap for you to fill before you send it."""
    owner = current_owner()
    from headway.opportunities import selectors, services

    candidate = selectors.candidate_get(owner=owner, pk=candidate_id)
    typer.echo(services.candidate_draft(owner=owner, candidate=candidate))


@candidate_app.command("move")
@guarded
def candidate_move(
    candidate_id: int = typer.Argument(..., help="The candidate's id."),
    stage: str = typer.Argument(
        ..., help="identified, asked, met, agreed, declined or not_now."
    ),
    on: str = typer.Option("", "--on", help="When; default today."),
    message: str | None = typer.Option(
        None, "--message", help="Asked: the message you sent (default: the draft)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the candidate as JSON."),
) -> None:
    """Record how the ask went; agreed tags the contact `mentor`."""
    owner = current_owner()
    from headway.opportunities import selectors, services

    candidate = selectors.candidate_get(owner=owner, pk=candidate_id)
    services.candidate_move(
        owner=owner,
        candidate=candidate,
        stage=stage,
        on=on or None,
        message=message,
    )
    found = selectors.candidate_as_dict(candidate)
    if as_json:
        print_json(found)
        return
    typer.echo(f"{found['name']}: {found['stage'].replace('_', ' ')}")
    if found["next_follow_up"]:
        typer.echo(f"Follow up by {found['next_follow_up']} if you hear nothing.")
    if found["stage"] == "agreed":
        typer.echo(
            f"Tagged {found['name']} as a mentor: `headway mentor prep "
            f'"{found["name"]}"` readies your first meeting.'
        )


def register(app: typer.Typer) -> None:
    app.add_typer(company_app, name="company")
    app.add_typer(opening_app, name="opening")
