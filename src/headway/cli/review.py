"""`headway review year [YEAR]`: the yearly review, answered from the log."""

from __future__ import annotations

import typer

from headway.cli.output import fail, guarded, print_json
from headway.cli.session import current_owner

review_app = typer.Typer(
    help="Reviews written from what you logged.", no_args_is_help=True
)


@review_app.command("year")
@guarded
def review_year(
    year: str = typer.Argument("", help="The year, e.g. 2026 (default: this year)."),
    as_json: bool = typer.Option(False, "--json", help="Print the data as JSON."),
) -> None:
    """Your biggest accomplishments, skills learned, courses, talks and posts,
    network growth, trends followed, goals, setbacks and months of drift."""
    owner = current_owner()
    from django.utils import timezone

    from headway.reviews.yearly import year_as_dict, year_markdown, year_review

    today = timezone.localdate()
    chosen = today.year
    if year:
        if not year.strip().isdigit() or not 1900 <= int(year) <= today.year:
            fail(f"Cannot read {year!r} as a year up to {today.year}; try 2026.")
        chosen = int(year)
    review = year_review(owner=owner, year=chosen, today=today)
    if as_json:
        print_json(year_as_dict(review))
        return
    typer.echo(year_markdown(review), nl=False)


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
