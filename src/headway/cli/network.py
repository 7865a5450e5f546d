"""`headway contact`, `headway touch`, `headway network` and `headway mentor`."""

from __future__ import annotations

from typing import Any

import typer

from headway.cli.opportunities import candidate_app
from headway.cli.output import guarded, plural, print_json, print_table
from headway.cli.session import current_owner

contact_app = typer.Typer(help="Add, list and show contacts.", no_args_is_help=True)
network_app = typer.Typer(
    help="Who is due a touch, and how your network is doing.", no_args_is_help=True
)
mentor_app = typer.Typer(
    help="Find a mentor, then prepare and record your meetings.",
    no_args_is_help=True,
)
mentor_app.add_typer(candidate_app, name="candidate")


@contact_app.command("add")
@guarded
def contact_add(
    name: str = typer.Argument(..., help="Their name."),
    org: str = typer.Option("", "--org", help="Organisation."),
    role: str = typer.Option("", "--role", help="Their role."),
    email: list[str] = typer.Option([], "--email", help="An email; repeat for more."),
    phone: list[str] = typer.Option([], "--phone", help="A phone; repeat for more."),
    link: list[str] = typer.Option([], "--link", help="A web link; repeat for more."),
    profile: str = typer.Option("", "--profile", help="Their profile URL."),
    met_how: str = typer.Option(
        "",
        "--met-how",
        help="event, association, online, work, introduction or other.",
    ),
    met_at: str = typer.Option(
        "", "--met-at", help="Where you met (an event met at means --met-how event)."
    ),
    met_on: str = typer.Option("", "--met-on", help="When you met; default today."),
    strength: int = typer.Option(3, "--strength", "-s", help="1 (weak) to 5."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="A tag; repeat for more."),
    notes: str = typer.Option("", "--notes", help="Notes on them."),
    cadence: int | None = typer.Option(
        None, "--cadence", help="Touch every N days (overrides the tier)."
    ),
    cadence_max: int | None = typer.Option(
        None, "--cadence-max", help="Overdue after N days."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the contact as JSON."),
) -> None:
    """Add a contact and print its id."""
    owner = current_owner()
    from headway.network import selectors, services

    contact = services.contact_create(
        owner=owner,
        name=name,
        organisation=org,
        role=role,
        emails=email,
        phones=phone,
        links=link,
        profile_url=profile,
        met_how=met_how or ("event" if met_at else ""),
        met_where=met_at,
        met_on=met_on or None,
        strength=strength,
        tags=tag,
        notes=notes,
        cadence_ideal_days=cadence,
        cadence_max_days=cadence_max,
    )
    if as_json:
        print_json(selectors.contact_as_dict(contact, last_touch=None))
    else:
        typer.echo(contact.pk)


@contact_app.command("list")
@guarded
def contact_list(
    tag: str = typer.Option("", "--tag", "-t", help="Only contacts with this tag."),
    search: str = typer.Option("", "--search", "-q", help="Words in name/org/role."),
    strength: int | None = typer.Option(
        None, "--min-strength", help="Only ties at least this strong."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List contacts by name."""
    owner = current_owner()
    from headway.network import selectors

    contacts = list(
        selectors.contacts_filtered(
            owner=owner, tag=tag, query=search, strength_min=strength
        )
    )
    touches = selectors.last_touches(owner=owner, contacts=contacts)
    if as_json:
        print_json(
            [selectors.contact_as_dict(c, last_touch=touches[c.pk]) for c in contacts]
        )
        return
    if not contacts:
        typer.echo(
            'No contacts yet. Try: headway contact add "Ada Lovelace" --strength 4'
        )
        return
    rows = [
        (
            str(c.pk),
            c.name,
            c.organisation,
            str(c.strength),
            " ".join(f"#{t}" for t in c.tag_names),
            _date(touches[c.pk]),
        )
        for c in contacts
    ]
    print_table(("id", "name", "organisation", "strength", "tags", "last touch"), rows)


def _date(value: Any) -> str:
    return value.isoformat() if value else "-"


@contact_app.command("show")
@guarded
def contact_show(
    name: str = typer.Argument(..., help="A name (any case, a unique prefix) or id."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show a contact, its state, reciprocity and timeline."""
    owner = current_owner()
    from django.utils import timezone

    from headway.network import selectors

    contact = selectors.contact_find(owner=owner, name_or_id=name)
    timeline = selectors.contact_timeline(owner=owner, contact=contact)
    reciprocity = selectors.reciprocity_of(owner=owner, contact=contact)
    state = selectors.contact_state(
        owner=owner, contact=contact, today=timezone.localdate()
    )
    touches = selectors.last_touches(owner=owner, contacts=[contact])
    if as_json:
        print_json(
            selectors.contact_as_dict(contact, last_touch=touches[contact.pk])
            | {
                "state": state.state if state else None,
                "help_given": reciprocity.given,
                "help_received": reciprocity.received,
                "timeline": [
                    {
                        "date": item.occurred_on.isoformat(),
                        "kind": item.kind,
                        "label": item.label,
                        "notes": item.notes,
                    }
                    for item in timeline
                ],
            }
        )
        return
    lines = [
        f"{contact.name} (id {contact.pk})",
        " · ".join(x for x in (contact.role, contact.organisation) if x),
        f"strength {contact.strength}  tags: "
        + (" ".join(f"#{t}" for t in contact.tag_names) or "-"),
        f"last touch: {_date(touches[contact.pk])}"
        + (f"  state: {state.state}" if state else ""),
        f"help: {reciprocity.summary}",
    ]
    if contact.emails:
        lines.append("emails: " + ", ".join(contact.emails))
    if contact.notes:
        lines.append(f"notes: {contact.notes}")
    typer.echo("\n".join(line for line in lines if line))
    for item in timeline:
        note = f" — {item.notes}" if item.notes else ""
        typer.echo(f"  {item.occurred_on.isoformat()}  {item.label}{note}")


@guarded
def touch(
    name: str = typer.Argument(..., help="A name (any case, a unique prefix) or id."),
    kind: str = typer.Option(
        "message",
        "--kind",
        "-k",
        help="met, call, message, coffee, event, introduction, 'help given' "
        "or 'help received'.",
    ),
    note: str = typer.Option("", "--note", "-n", help="What it was about."),
    date: str = typer.Option("", "--date", "-d", help="When; default today."),
    promised: bool = typer.Option(
        False, "--promised", help="Help given that you promised and still owe."
    ),
    follow_up: str = typer.Option(
        "", "--follow-up", help="You owe a follow-up by this date."
    ),
    goal: list[int] = typer.Option([], "--goal", help="A goal id it served."),
    entry: list[int] = typer.Option(
        [], "--entry", help="A log entry id it relates to."
    ),
) -> None:
    """Log a touch with a contact; it resets their clock."""
    owner = current_owner()
    from headway.network import selectors, services

    contact = selectors.contact_find(owner=owner, name_or_id=name)
    interaction = services.interaction_log(
        owner=owner,
        contact=contact,
        kind=kind,
        occurred_on=date or None,
        notes=note,
        promised=promised,
        follow_up_by=follow_up or None,
        goal_ids=goal,
        entry_ids=entry,
    )
    typer.echo(
        f"Logged {interaction.get_kind_display().lower()} with {contact.name} "
        f"on {interaction.occurred_on.isoformat()}."
    )


@network_app.command("due")
@guarded
def network_due(
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """Who is due a touch: overdue first, strong dormant ties on top."""
    owner = current_owner()
    from headway.network import selectors

    rows = selectors.due_list(owner=owner)
    if as_json:
        print_json([selectors.due_as_dict(row) for row in rows])
        return
    _opportunity_follow_ups(owner)
    if not rows:
        typer.echo("Nobody is due a touch. Well kept!")
        return
    print_table(
        ("id", "name", "state", "strength", "last touch", "since"),
        [
            (
                str(row.item.contact_id),
                row.item.name,
                row.item.state,
                str(row.item.strength),
                _date(row.item.last_touch),
                row.item.due_on.isoformat(),
            )
            for row in rows
        ],
    )


def _opportunity_follow_ups(owner: Any) -> None:
    """Openings and mentor asks that have waited too long for an answer."""
    from django.utils import timezone

    from headway.opportunities.selectors import follow_ups_due

    for item in follow_ups_due(owner=owner, today=timezone.localdate()):
        typer.echo(f"{item.title} (since {item.due.isoformat()})")


@network_app.command("stats")
@guarded
def network_stats(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Network size, strong ties, help given and received, growth per year."""
    owner = current_owner()
    from headway.network import selectors

    stats = selectors.network_stats(owner=owner)
    if as_json:
        print_json(selectors.stats_as_dict(stats))
        return
    typer.echo(f"Network size: {stats.size}")
    typer.echo(f"Strong ties (strength 4-5): {stats.strong_ties}")
    typer.echo(
        f"Help given: {stats.reciprocity.given}  received: "
        f"{stats.reciprocity.received} — {stats.reciprocity.summary}"
    )
    if stats.growth:
        typer.echo("New contacts per year:")
        for year in stats.growth:
            typer.echo(
                f"  {year.year}: +{year.added} (strong +{year.strong_added}), "
                f"{year.total} in all, {year.strong_total} strong"
            )
    for name, found in stats.top_givers:
        typer.echo(f"  {name}: given {found.given}, received {found.received}")


@network_app.command("cadence")
@guarded
def network_cadence(
    strength: int | None = typer.Argument(None, help="The tier to change, 1 to 5."),
    days: int | None = typer.Option(None, "--days", help="Ideal interval in days."),
    maximum: int | None = typer.Option(None, "--max", help="Overdue after N days."),
    never: bool = typer.Option(False, "--never", help="No cadence for this tier."),
    mentor_update: int | None = typer.Option(
        None, "--mentor-update", help="Days between progress updates to mentors."
    ),
    mentor_thanks: int | None = typer.Option(
        None, "--mentor-thanks", help="Days to thank a mentor after a meeting."
    ),
    event_follow_up: int | None = typer.Option(
        None,
        "--event-follow-up",
        help="Days to follow up with someone met at an event.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show the cadence tiers, or change one: `network cadence 5 --days 21`."""
    owner = current_owner()
    from headway.network import selectors, services

    if any(v is not None for v in (mentor_update, mentor_thanks, event_follow_up)):
        services.preferences_update(
            owner=owner,
            mentor_update_days=mentor_update,
            mentor_thanks_days=mentor_thanks,
            event_follow_up_days=event_follow_up,
        )
    if strength is not None:
        if days is None and not never:
            from headway.core.errors import HeadwayError

            raise HeadwayError("Give --days N (and --max M), or --never.")
        services.cadence_tier_set(
            owner=owner,
            strength=strength,
            ideal_days=None if never else days,
            max_days=None if never else maximum,
        )
    tiers = selectors.tiers_for(owner=owner)
    if as_json:
        print_json(
            [
                {"strength": s, "ideal_days": c.ideal_days, "max_days": c.max_days}
                for s, c in sorted(tiers.items(), reverse=True)
            ]
        )
        return
    for s, c in sorted(tiers.items(), reverse=True):
        text = f"every {plural(c.ideal_days or 0, 'day')}, overdue after {c.max_days}"
        typer.echo(f"strength {s}: {text if c.is_set else 'no cadence'}")
    preferences = services.preferences_get(owner=owner)
    typer.echo(
        f"mentors: an update every {plural(preferences.mentor_update_days, 'day')}, "
        f"thanks within {preferences.mentor_thanks_days}; met at an event: follow "
        f"up within {plural(preferences.event_follow_up_days, 'day')}"
    )


@mentor_app.command("prep")
@guarded
def mentor_prep(
    name: str = typer.Argument(..., help="The mentor's name or id."),
    as_json: bool = typer.Option(False, "--json", help="Sections and Markdown."),
) -> None:
    """Print the agenda for the next meeting with a mentor, as Markdown."""
    owner = current_owner()
    from headway.network import mentorship, selectors
    from headway.network.prep import agenda_as_dict

    contact = selectors.contact_find(owner=owner, name_or_id=name)
    agenda = mentorship.mentor_agenda(owner=owner, contact=contact)
    if as_json:
        print_json(agenda_as_dict(agenda))
        return
    typer.echo(agenda.markdown, nl=False)


@mentor_app.command("ask")
@guarded
def mentor_ask(
    name: str = typer.Argument(..., help="The mentor's name or id."),
    question: str = typer.Argument(..., help="A question for the next meeting."),
) -> None:
    """Keep a question for the next meeting with a mentor."""
    owner = current_owner()
    from headway.network import mentorship, selectors

    contact = selectors.contact_find(owner=owner, name_or_id=name)
    mentorship.mentor_question_add(owner=owner, contact=contact, text=question)
    typer.echo(f"Kept for your next meeting with {contact.name}.")


@mentor_app.command("record")
@guarded
def mentor_record(
    name: str = typer.Argument(..., help="The mentor's name or id."),
    notes: str = typer.Option("", "--notes", help="What you discussed."),
    follow_ups: str = typer.Option("", "--follow-ups", help="What you will do next."),
    date: str = typer.Option("", "--date", "-d", help="When; default today."),
) -> None:
    """Record a meeting with a mentor as a meeting entry linked to them."""
    owner = current_owner()
    from headway.network import mentorship, selectors

    contact = selectors.contact_find(owner=owner, name_or_id=name)
    entry = mentorship.mentor_meeting_record(
        owner=owner,
        contact=contact,
        notes=notes,
        follow_ups=follow_ups,
        occurred_on=date or None,
    )
    typer.echo(entry.pk)


def register(app: typer.Typer) -> None:
    app.add_typer(contact_app, name="contact")
    app.command("touch")(touch)
    app.add_typer(network_app, name="network")
    app.add_typer(mentor_app, name="mentor")
