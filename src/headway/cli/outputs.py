"""`headway export brag|resume-bullets|jsonresume|ics|review-pack`: the brag
document, resume bullets, JSON Resume, the calendar and the review pack as a
file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from headway.cli.output import fail, guarded, print_json
from headway.cli.transfer import export_app


def _owner() -> Any:
    from headway.cli.session import current_owner

    return current_owner()


def _write(output: Path, content: bytes, what: str) -> None:
    from headway.reviews.outputs.files import write_private

    try:
        write_private(output, content)
    except OSError as error:
        fail(f"Cannot write {output}: {error.strerror or error}.")
    typer.echo(f"Wrote {what} to {output}.", err=True)


def _today() -> Any:
    from django.utils import timezone

    return timezone.localdate()


def export_brag(
    output: Path = typer.Option(..., "--output", "-o", help="The file to write."),
    year: int | None = typer.Option(
        None, "--year", help="Which year (default: this one)."
    ),
    format: str = typer.Option("md", "--format", "-f", help="md, html or pdf."),
) -> None:
    """Write your brag document: accomplishments by goal and quarter, in NEAR form."""
    if format not in ("md", "html", "pdf"):
        fail(f"Unknown format {format!r}; use md, html or pdf.")
    owner = _owner()
    from headway.reviews.outputs.brag import brag_document, brag_render

    document = brag_document(owner=owner, year=year or _today().year)
    _write(output, brag_render(document, format=format), "your brag document")


def export_resume_bullets(
    year: int | None = typer.Option(None, "--year", help="Only this year's."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Print one resume bullet per NEAR-complete accomplishment, best first."""
    owner = _owner()
    from headway.reviews.outputs.resume import bullet_as_dict, resume_bullets

    rows = resume_bullets(owner=owner, year=year)
    if as_json:
        print_json([bullet_as_dict(row) for row in rows])
        return
    if not rows:
        typer.echo(
            "No accomplishment has all four NEAR parts yet; "
            "`headway near ENTRY_ID` shows what each one misses."
        )
        return
    for row in rows:
        typer.echo(f"- {row.bullet}")


def export_jsonresume(
    output: Path = typer.Option(..., "--output", "-o", help="The file to write."),
) -> None:
    """Write a JSON Resume document (jsonresume.org) from your profile and log."""
    owner = _owner()
    from headway.reviews.outputs.resume import resume_document

    document = resume_document(owner=owner, today=_today())
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    _write(output, text.encode("utf-8"), "your JSON Resume")


def export_ics(
    output: Path = typer.Option(..., "--output", "-o", help="The file to write."),
) -> None:
    """Write your calendar (iCalendar .ics) of deadlines, follow-ups and cadences."""
    owner = _owner()
    from django.utils import timezone

    from headway.reviews.outputs.calendar import feed_bytes

    body = feed_bytes(owner=owner, today=_today(), now=timezone.now())
    _write(output, body, "your calendar")


def export_review_pack(
    goal: list[int] = typer.Option(
        ..., "--goal", help="A goal in the pack; repeat for more."
    ),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write."),
    format: str = typer.Option("pdf", "--format", "-f", help="pdf or html."),
    since: str = typer.Option(
        "", "--since", help="Only evidence and feedback from this date (YYYY-MM-DD)."
    ),
) -> None:
    """Write a review pack for a performance review: the goals with their
    progress, NEAR evidence and feedback received (PDF or one HTML page)."""
    if format not in ("pdf", "html"):
        fail(f"Unknown format {format!r}; use pdf or html.")
    start = _date_option(since, "--since")
    owner = _owner()
    from headway.sharing.pack import pack_build, pack_render

    pack = pack_build(owner=owner, goal_ids=goal, today=_today(), since=start)
    _write(output, pack_render(pack, format=format), "your review pack")


def _date_option(raw: str, name: str) -> Any:
    from datetime import date

    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        fail(f"{name} {raw!r} is not a date; write it as YYYY-MM-DD.")


def register(app: typer.Typer) -> None:
    """Attach to the export group (transfer.register adds the group)."""
    export_app.command("brag")(guarded(export_brag))
    export_app.command("resume-bullets")(guarded(export_resume_bullets))
    export_app.command("jsonresume")(guarded(export_jsonresume))
    export_app.command("ics")(guarded(export_ics))
    export_app.command("review-pack")(guarded(export_review_pack))
