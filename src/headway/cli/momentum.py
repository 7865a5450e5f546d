"""`headway momentum`: the heat map in the terminal, month scores, and drift."""

from __future__ import annotations

from typing import Any

import typer

from headway.cli.output import guarded, print_json, print_table

# One character per week, darker for more; readable without colour too.
SHADES = ("·", "░", "▒", "▓", "█")
MONTHS_MAX = 120


def heat_rows(report: Any) -> tuple[str, str]:
    """The month-name line and the line of week cells, one column per week."""
    from datetime import timedelta

    labels = [" "] * len(report.momentum.weeks)
    cells = []
    for index, week in enumerate(report.momentum.weeks):
        cells.append(SHADES[week.level])
        for offset in range(7):
            day = week.start + timedelta(days=offset)
            if day.day == 1:
                labels[index] = f"{day:%b}"[0]
    return "".join(labels), "".join(cells)


def _draw(report: Any) -> None:
    from rich.console import Console
    from rich.text import Text

    from headway.reviews.heatmap import HEAT_FILLS

    console = Console(highlight=False)
    labels, cells = heat_rows(report)
    weeks = report.momentum.weeks
    console.print(Text("Momentum, one column per week (first letter: a month starts)"))
    # Long spans (--months 120) wrap in blocks as wide as the terminal.
    width = max(console.width, 20)
    for start in range(0, len(weeks), width):
        console.print(Text(labels[start : start + width], style="dim"))
        line = Text()
        block = slice(start, start + width)
        for week, char in zip(weeks[block], cells[block], strict=True):
            line.append(char, style=HEAT_FILLS[week.level] if week.level else "dim")
        console.print(line)
    best = report.momentum.week_top
    console.print(
        Text(
            f"{SHADES[0]} nothing  {''.join(SHADES[1:])} more, up to the "
            f"best week's score of {best:g}"
        )
    )
    trend = report.momentum.trend
    console.print(Text(f"Trend: {trend.direction} ({trend.slope:+.2g} points a month)"))


def _months(report: Any) -> None:
    rows = []
    for row in reversed(report.momentum.months):
        kinds = ", ".join(f"{n} {kind}" for kind, n in row.activities.items())
        label = row.label + ("" if row.complete else "*")
        rows.append((label, f"{row.score:g}", kinds or "nothing"))
    print_table(("month", "score", "activities"), rows)
    typer.echo("* so far this month")


def _drift(report: Any) -> None:
    drift = report.drift
    if not drift.drifting:
        typer.echo("Not drifting: learning, new ties and goal progress are recent.")
        return
    typer.echo("You are drifting:")
    for rule in drift.rules:
        typer.echo(f"  - {rule.rule} since {rule.since.isoformat()}: {rule.message}")
    if drift.suggestions:
        typer.echo("What would end it soonest:")
    for number, found in enumerate(drift.suggestions, start=1):
        target = found.link_kind + (f" {found.link_id}" if found.link_id else "")
        typer.echo(f"  {number}. {found.action} — {found.reason} [{target}]")


@guarded
def momentum(
    months: int = typer.Option(
        12, "--months", "-m", min=1, max=MONTHS_MAX, help="How many months to show."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Your momentum: a weekly heat map, month scores, and whether you are drifting."""
    from headway.cli.session import current_owner

    owner = current_owner()
    from headway.reviews.momentum import momentum_report, report_as_dict

    report = momentum_report(owner=owner, months=months)
    if as_json:
        print_json(report_as_dict(report))
        return
    _draw(report)
    typer.echo("")
    _months(report)
    typer.echo("")
    _drift(report)


def register(app: typer.Typer) -> None:
    app.command("momentum")(momentum)
