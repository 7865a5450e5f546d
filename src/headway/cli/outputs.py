"""`headway export brag|resume-bullets|jsonresume|ics`: the brag document,
resume bullets, JSON Resume and the calendar as a file."""

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


def register(app: typer.Typer) -> None:
    """Attach to the export group (transfer.register adds the group)."""
    export_app.command("brag")(guarded(export_brag))
    export_app.command("resume-bullets")(guarded(export_resume_bullets))
    export_app.command("jsonresume")(guarded(export_jsonresume))
    export_app.command("ics")(guarded(export_ics))
