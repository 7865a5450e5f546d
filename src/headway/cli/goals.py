"""`headway goal …` and `headway share …`: goals, check-ins, the SMART coach, shares."""

from __future__ import annotations

import sys
from typing import Any

import typer

from headway.cli.output import fail, guarded, print_json, print_table
from headway.cli.session import current_owner

goal_app = typer.Typer(
    help="Set goals that can be checked, record progress, ask the SMART coach.",
    no_args_is_help=True,
)
share_app = typer.Typer(
    help="Share goals with a manager or mentor by a secret link.",
    no_args_is_help=True,
)


@goal_app.command("add")
@guarded
def goal_add(
    statement: str = typer.Argument(..., help="The goal, in one sentence."),
    target: str = typer.Option("", "--target", help="A number to reach, e.g. 3."),
    unit: str = typer.Option("", "--unit", help="What is counted: applications…"),
    every: str = typer.Option(
        "", "--every", help="Repeat the target every week, month, quarter or year."
    ),
    due: str = typer.Option(
        "", "--due", help="When: 2027-06-30, 'end of year', 'in 6 months'."
    ),
    priority: str = typer.Option(
        "", "--priority", help="The priority it serves, e.g. 'promotion'."
    ),
    long_term: bool = typer.Option(False, "--long", help="A long-term goal."),
    as_json: bool = typer.Option(False, "--json", help="Print the goal as JSON."),
) -> None:
    """Set a goal, print its id and the coach's advice.

    Without --due, a date written in the statement ("by June 30") becomes the
    due date, and stderr says so.
    """
    owner = current_owner()
    from headway.goals import selectors, services

    due = due or _due_from_statement(statement)
    goal = services.goal_create(
        owner=owner,
        statement=statement,
        horizon="long" if long_term else "short",
        target=target,
        unit=unit,
        recurrence=every,
        due=due,
        priority=priority,
    )
    if as_json:
        print_json(selectors.goal_as_dict(goal))
        return
    typer.echo(goal.pk)
    report = selectors.smart_of(
        goal, priorities=selectors.current_priority_names(owner=owner)
    )
    for name, check in report.checks:
        if check.verdict != "pass":
            typer.echo(f"  {name.replace('_', '-')}: {check.verdict} — {check.hint}")


def _due_from_statement(statement: str) -> str:
    from django.utils import timezone

    from headway.coach.goal_dates import statement_due

    today = timezone.localdate()
    found = statement_due(statement, today=today)
    if found is None or found < today:
        return ""
    typer.echo(
        f"Due {found.isoformat()}, read from the statement; --due sets another.",
        err=True,
    )
    return found.isoformat()


@goal_app.command("list")
@guarded
def goal_list(
    status: str = typer.Option(
        "", "--status", help="Only goals in this status: active, achieved, dropped."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List goals with their progress and pace."""
    owner = current_owner()
    from headway.goals import selectors
    from headway.goals.models import GoalStatus

    if status and status not in GoalStatus.values:
        fail(f"Unknown status {status!r}; use active, achieved or dropped.")
    found = [
        selectors.goal_as_dict(g)
        for g in selectors.goals_list(owner=owner, status=status)
    ]
    if as_json:
        print_json(found)
        return
    if not found:
        typer.echo('No goals yet. Try: headway goal add "Pass the AWS exam by June"')
        return
    rows = [
        (
            str(goal["id"]),
            goal["status"],
            goal["due"] or "",
            goal["outcome"] or _percent(goal["progress"]),
            goal["pace"] or "",
            goal["statement"],
        )
        for goal in found
    ]
    print_table(("id", "status", "due", "progress", "pace", "goal"), rows)


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def _progress_text(shown: dict[str, Any]) -> str:
    """ "2 of 3 applications this quarter — 67%", or "done" / "not yet"."""
    if shown["outcome"]:
        return str(shown["outcome"])
    target = shown["period_target"] or shown["target"]
    every = f" this {shown['recurrence']}" if shown["recurrence"] else ""
    counted = f"{shown['done']:g} of {target:g} {shown['unit']}".rstrip()
    return f"{counted}{every} — {_percent(shown['progress'])}"


@goal_app.command("show")
@guarded
def goal_show(
    goal_id: int = typer.Argument(..., help="The goal's id."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show a goal: progress, pace, check-ins and the coach's verdicts."""
    owner = current_owner()
    from headway.goals import selectors

    goal = selectors.goal_get(owner=owner, pk=goal_id)
    shown = selectors.goal_as_dict(goal)
    shown["checkins"] = [selectors.checkin_as_dict(c) for c in goal.checkins.all()]
    report = selectors.smart_of(
        goal, priorities=selectors.current_priority_names(owner=owner)
    )
    shown["smart"] = report.as_dict()
    if as_json:
        print_json(shown)
        return
    _print_goal(shown)


def _print_goal(shown: dict[str, Any]) -> None:
    typer.echo(f"{shown['id']}. {shown['statement']}")
    lines = [
        (
            "status",
            shown["status"]
            + (f" ({shown['drop_reason']})" if shown["drop_reason"] else ""),
        ),
        ("due", shown["due"] or "no date"),
        ("priority", shown["priority"] or "none"),
        ("progress", _progress_text(shown)),
        ("pace", shown["pace"] or "n/a"),
    ]
    for label, value in lines:
        typer.echo(f"  {label:9} {value}")
    for checkin in shown["checkins"]:
        typer.echo(
            f"  + {checkin['checked_on']}  {checkin['value']:g}  {checkin['note']}"
        )
    for name, check in shown["smart"].items():
        if isinstance(check, dict):
            typer.echo(f"  {name:11} {check['verdict']:4}  {check['reason']}")


@goal_app.command("check")
@guarded
def goal_check(
    goal_id: int = typer.Argument(..., help="The goal's id."),
    value: str = typer.Argument(..., help="Progress made: how many more, e.g. 1."),
    note: str = typer.Option("", "--note", help="What happened."),
    date: str = typer.Option("", "--date", help="When; default today."),
    as_json: bool = typer.Option(False, "--json", help="Print the goal as JSON."),
) -> None:
    """Record a check-in and print the goal's progress."""
    owner = current_owner()
    from headway.goals import selectors, services

    services.checkin_create(
        owner=owner, goal_id=goal_id, value=value, note=note, checked_on=date
    )
    shown = selectors.goal_as_dict(selectors.goals_list(owner=owner).get(pk=goal_id))
    if as_json:
        print_json(shown)
        return
    typer.echo(f"Progress: {_progress_text(shown)}")
    if shown["outcome"] == "not yet":
        typer.echo(f"When it is done: headway goal done {goal_id}")


@goal_app.command("done")
@guarded
def goal_done(goal_id: int = typer.Argument(..., help="The goal's id.")) -> None:
    """Mark a goal achieved."""
    owner = current_owner()
    from headway.goals import services

    goal = services.goal_achieve(owner=owner, goal_id=goal_id)
    typer.echo(f"Achieved: {goal.statement}")


@goal_app.command("drop")
@guarded
def goal_drop(
    goal_id: int = typer.Argument(..., help="The goal's id."),
    reason: str = typer.Option(..., "--reason", help="Why it no longer matters."),
) -> None:
    """Drop a goal, keeping the reason."""
    owner = current_owner()
    from headway.goals import services

    goal = services.goal_drop(owner=owner, goal_id=goal_id, reason=reason)
    typer.echo(f"Dropped: {goal.statement}")


@goal_app.command("lint")
@guarded
def goal_lint(
    statements: list[str] = typer.Argument(
        ..., help="One or more statements; '-' reads one per line from stdin."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Ask the SMART coach about goal statements without saving them."""
    owner = current_owner()
    from django.utils import timezone

    from headway.coach.smart import GoalDraft, smart_check
    from headway.goals.selectors import current_priority_names

    texts = _statements(statements)
    priorities = current_priority_names(owner=owner)
    today = timezone.localdate()
    reports = [
        smart_check(GoalDraft(statement=t, today=today, priorities=priorities))
        for t in texts
    ]
    if as_json:
        shapes = [report.as_dict() for report in reports]
        print_json(
            shapes[0] if len(statements) == 1 and statements[0] != "-" else shapes
        )
        return
    for text, report in zip(texts, reports, strict=True):
        typer.echo(f"{text}  ({report.passed}/5)")
        for name, check in report.checks:
            typer.echo(f"  {name:11} {check.verdict:4}  {check.reason} {check.hint}")
        if report.parsed_due:
            typer.echo(f"  due        {report.parsed_due.isoformat()}")


def _statements(arguments: list[str]) -> list[str]:
    texts: list[str] = []
    for argument in arguments:
        if argument == "-":
            texts.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            texts.append(argument)
    return texts


def local_only_warning(host: str) -> None:
    """Say when the printed link cannot reach anyone but this computer."""
    from headway.core.links import reaches_only_this_computer

    if not host and reaches_only_this_computer():
        typer.echo(
            "This link opens only on this computer (local mode, no "
            "HEADWAY_PUBLIC_URL): to send your goals to someone, write them to a "
            "file with `headway export review-pack --goal ID -o pack.pdf`.",
            err=True,
        )


@share_app.command("create")
@guarded
def share_create(
    goal: list[int] = typer.Option(..., "--goal", help="A goal id; repeat for more."),
    days: int = typer.Option(30, "--days", help="How long the link works."),
    entries: bool = typer.Option(
        False, "--entries", help="Include the log entries linked to the goals."
    ),
    user: str = typer.Option("", "--with", help="Share with this user (server mode)."),
    pack: bool = typer.Option(
        False,
        "--pack",
        help="Share a review pack: the goals with NEAR evidence and feedback.",
    ),
    host: str = typer.Option(
        "", help="Host in the printed link (default: HEADWAY_PUBLIC_URL or 127.0.0.1)."
    ),
    port: int = typer.Option(8000, help="Port in the printed link (with --host)."),
) -> None:
    """Share goals and print the link (shown only once)."""
    owner = current_owner()
    from headway.sharing.shares import share_create as create
    from headway.sharing.shares import share_url

    if pack:
        from django.utils import timezone

        from headway.sharing.pack import pack_share

        share, token = pack_share(
            owner=owner,
            goal_ids=goal,
            today=timezone.localdate(),
            days=days,
            recipient=user,
        )
    else:
        share, token = create(
            owner=owner,
            goal_ids=goal,
            days=days,
            include_entries=entries,
            recipient=user,
        )
    from headway.core.links import public_base

    typer.echo(share_url(share, token, base=public_base(host=host, port=port)))
    local_only_warning(host)


@share_app.command("list")
@guarded
def share_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List your shares: what they show, until when, revoked or not."""
    owner = current_owner()
    from headway.sharing.shares import shares_list

    found: list[dict[str, Any]] = [
        {
            "id": share.pk,
            "goals": [g.pk for g in share.goals.all()],
            "with": share.recipient.get_username() if share.recipient else None,
            "expires_at": share.expires_at.isoformat(),
            "revoked": share.revoked_at is not None,
            "pack": share.pack,
        }
        for share in shares_list(owner=owner)
    ]
    if as_json:
        print_json(found)
        return
    if not found:
        typer.echo("No shares yet. Try: headway share create --goal 1")
    for item in found:
        state = "revoked" if item["revoked"] else f"until {item['expires_at'][:10]}"
        goals = ", ".join(str(g) for g in item["goals"])
        shown = "review pack" if item["pack"] else "goals"
        typer.echo(f"{item['id']}  {shown} {goals}  {state}  {item['with'] or 'link'}")


@share_app.command("revoke")
@guarded
def share_revoke(share_id: int = typer.Argument(..., help="The share's id.")) -> None:
    """Revoke a share: its link answers 404 from now on."""
    owner = current_owner()
    from headway.sharing.shares import share_revoke as revoke

    revoke(owner=owner, share_id=share_id)
    typer.echo(f"Revoked share {share_id}.")


def register(app: typer.Typer) -> None:
    app.add_typer(goal_app, name="goal")
    app.add_typer(share_app, name="share")
