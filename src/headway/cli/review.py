"""`headway review week|quarter|year [PERIOD]`: a review drafted from the log;
`headway review report`: a report of any period as a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import typer

from headway.cli.output import fail, guarded, print_json

review_app = typer.Typer(
    help="Reviews written from what you logged.", no_args_is_help=True
)
FORMAT_HELP = "md, html, pdf or json: write the report (with -o, or print it)."
OUTPUT_HELP = "The file to write (mode 0600); its suffix names the format."
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
            ".pdf": "pdf", ".json": "json"}  # fmt: skip


def usage_error(message: str) -> NoReturn:
    """A period or option that cannot be read: one line, exit 2 as for any
    usage error, nothing written."""
    typer.echo(f"headway: {' '.join(message.split())}", err=True)
    raise SystemExit(2)


def _owner() -> Any:
    from headway.cli.session import current_owner

    return current_owner()


def _today() -> Any:
    """Today in the owner's time zone: Django is set up by `_owner()` first."""
    from django.utils import timezone

    return timezone.localdate()


def _period(kind: str, text: str) -> Any:
    from headway.coach.periods import PeriodError, period_parse

    try:
        return period_parse(kind, text, today=_today())
    except PeriodError as error:
        usage_error(str(error))


def _format_of(format: str, output: Path | None) -> str:
    if not format and output is not None:
        format = SUFFIXES.get(output.suffix.lower(), "")
        if not format:
            usage_error(f"Cannot tell the format of {output.name}; add --format.")
    if format and format not in ("md", "html", "pdf", "json"):
        usage_error(f"Unknown format {format!r}; use md, html, pdf or json.")
    if format == "pdf" and output is None:
        usage_error("A PDF goes to a file: add -o FILE.pdf.")
    return format


def _write_report(owner: Any, period: Any, format: str, output: Path | None) -> None:
    from headway.reviews.reports import report_build, report_render

    report = report_build(owner=owner, period=period, today=_today())
    content = report_render(report, format=format)
    if output is None:
        typer.echo(content.decode("utf-8"), nl=False)
        return
    from headway.reviews.outputs.files import write_private

    try:
        write_private(output, content)
    except OSError as error:
        fail(f"Cannot write {output}: {error.strerror or error}.")
    typer.echo(f"Wrote the {report.title.lower()} to {output}.", err=True)


def _draft(owner: Any, kind: str, period: Any, as_json: bool) -> None:
    """The drafted review: the report, and for a week what is missing."""
    from headway.reviews import flows
    from headway.reviews.reports import report_as_dict, report_markdown

    today = _today()
    prompts: list[str] = []
    if kind == "week":
        week = flows.week_draft(owner=owner, period=period, today=today)
        report, prompts = week.report, week.prompts
    else:
        report = flows.year_draft(owner=owner, period=period, today=today).report
    if as_json:
        print_json(report_as_dict(report) | {"prompts": prompts})
        return
    text = report_markdown(report)
    if prompts:
        text += "\n## What is missing\n\n" + "".join(f"- {p}\n" for p in prompts)
    typer.echo(text, nl=False)


def _review(
    kind: str, text: str, as_json: bool, format: str, output: Path | None
) -> None:
    chosen = _format_of(format, output)
    owner = _owner()
    period = _period(kind, text)
    if chosen:
        _write_report(owner, period, chosen, output)
    else:
        _draft(owner, kind, period, as_json)


PERIOD_OPTIONS: dict[str, Any] = {
    "as_json": typer.Option(False, "--json", help="Print the data as JSON."),
    "format": typer.Option("", "--format", "-f", help=FORMAT_HELP),
    "output": typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
}


@review_app.command("week")
@guarded
def review_week(
    period: str = typer.Argument(
        "", help="The ISO week, e.g. 2026-W48 (default: this one)."
    ),
    as_json: bool = PERIOD_OPTIONS["as_json"],
    format: str = PERIOD_OPTIONS["format"],
    output: Path | None = PERIOD_OPTIONS["output"],
) -> None:
    """The week drafted from your entries, check-ins and touches, and what is
    missing (no accomplishment logged, a goal without progress)."""
    _review("week", period, as_json, format, output)


@review_app.command("quarter")
@guarded
def review_quarter(
    period: str = typer.Argument(
        "", help="The quarter, e.g. 2026Q3 (default: this one)."
    ),
    as_json: bool = PERIOD_OPTIONS["as_json"],
    format: str = PERIOD_OPTIONS["format"],
    output: Path | None = PERIOD_OPTIONS["output"],
) -> None:
    """The quarter drafted from your log: best accomplishments, learning, network,
    goals, setbacks. Complete it on the Reviews page (`headway serve`)."""
    _review("quarter", period, as_json, format, output)


@review_app.command("year")
@guarded
def review_year(
    year: str = typer.Argument("", help="The year, e.g. 2026 (default: this year)."),
    as_json: bool = PERIOD_OPTIONS["as_json"],
    format: str = PERIOD_OPTIONS["format"],
    output: Path | None = PERIOD_OPTIONS["output"],
) -> None:
    """Your biggest accomplishments, skills learned, courses, talks and posts,
    network growth, trends followed, goals, setbacks and months of drift."""
    chosen = _format_of(format, output)
    owner = _owner()
    period = _period("year", year)
    if chosen:
        _write_report(owner, period, chosen, output)
        return
    from headway.reviews.yearly import year_as_dict, year_markdown, year_review

    review = year_review(owner=owner, year=period.start.year, today=_today())
    if as_json:
        print_json(year_as_dict(review))
        return
    typer.echo(year_markdown(review), nl=False)


@review_app.command("report")
@guarded
def review_report(
    week: str = typer.Option("", "--week", help="An ISO week, e.g. 2026-W48."),
    quarter: str = typer.Option("", "--quarter", help="A quarter, e.g. 2026Q3."),
    year: str = typer.Option("", "--year", help="A year, e.g. 2026."),
    first: str = typer.Option(
        "", "--from", help="The first day of a range (YYYY-MM-DD)."
    ),
    last: str = typer.Option(
        "", "--to", help="The last day of a range (default: today)."
    ),
    format: str = PERIOD_OPTIONS["format"],
    output: Path | None = PERIOD_OPTIONS["output"],
) -> None:
    """A report of any period, as Markdown, HTML, PDF or JSON."""
    given = {"week": week, "quarter": quarter, "year": year}
    chosen = [kind for kind, value in given.items() if value]
    ranged = bool(first or last)
    if len(chosen) + ranged != 1:
        usage_error("Choose one period: --week, --quarter, --year, or --from/--to.")
    written = _format_of(format, output) or "md"
    owner = _owner()
    period = _range(first, last) if ranged else _period(chosen[0], given[chosen[0]])
    _write_report(owner, period, written, output)


def _range(first: str, last: str) -> Any:
    from django.core.exceptions import ValidationError

    from headway.coach.periods import PeriodError, period_between
    from headway.core.errors import error_text
    from headway.core.text import date_clean

    today = _today()
    try:
        start = date_clean(first, field="from", today=today)
        end = date_clean(last, field="to", today=today) or today
        if start is None:
            raise PeriodError("A range needs --from (YYYY-MM-DD).")
        return period_between(start, end)
    except PeriodError as error:
        usage_error(str(error))
    except ValidationError as error:
        usage_error(error_text(error))


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
