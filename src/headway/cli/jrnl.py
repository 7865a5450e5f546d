"""`headway import jrnl FILE` and `headway export jrnl`: moving in from jrnl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from headway.cli.output import fail, guarded, plural, print_json
from headway.cli.transfer import export_app, import_app

PROGRESS_FROM = 1_000


def import_jrnl(
    file: Path = typer.Argument(..., help="jrnl's journal file, or its JSON export."),
    timeformat: str = typer.Option(
        "%Y-%m-%d %H:%M",
        "--timeformat",
        help="The journal's jrnl `timeformat`, e.g. '%d.%m.%Y %H:%M'.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help='Print {"created": N, "skipped": N, "errors": [...]}.'
    ),
) -> None:
    """Import a jrnl journal: all or nothing; importing it again creates nothing."""
    from headway.exchange import jrnl

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"Cannot read {str(file)!r}: {error}.")
    reader = (
        jrnl.JrnlJson() if jrnl.detect(text) == "json" else jrnl.JrnlText(timeformat)
    )
    try:
        entries = reader.read(text)
    except jrnl.JrnlError as error:
        _report_errors(error.errors, as_json=as_json)
    owner = _owner()
    from django.core.exceptions import ValidationError

    from headway.journal.imports import entries_import

    records = [_record(entry) for entry in entries]
    try:
        with _progress(len(records)) as advance:
            summary = entries_import(owner=owner, records=records, progress=advance)
    except ValidationError as error:
        _report_errors(list(error.messages), as_json=as_json)
    accomplishments = summary.by_kind.get("accomplishment", 0)
    if as_json:
        print_json(
            {
                "created": summary.created,
                "skipped": summary.skipped,
                "errors": [],
                "accomplishments": accomplishments,
            }
        )
        return
    typer.echo(
        f"Imported {summary.created} entr{'y' if summary.created == 1 else 'ies'}"
        f" ({accomplishments} as accomplishments, the rest as notes); "
        f"skipped {summary.skipped} already imported."
    )


def _report_errors(errors: list[str], *, as_json: bool) -> None:
    if as_json:
        print_json({"created": 0, "skipped": 0, "errors": errors})
        raise SystemExit(1)
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    fail(f"Nothing imported: {errors[0]}{more}.")


def _record(entry: Any) -> Any:
    from headway.coach.near import looks_like_accomplishment
    from headway.journal.imports import ImportRecord

    looks = looks_like_accomplishment(entry.title)
    return ImportRecord(
        key=entry.key,
        title=entry.title,
        body=entry.body,
        occurred_on=entry.when.date(),
        tags=tuple(entry.tags),
        starred=entry.starred,
        kind="accomplishment" if looks else "note",
        line=entry.line,
    )


class _progress:
    """A Rich progress bar on stderr for large journals; a no-op for small ones."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Any:
        if self.total < PROGRESS_FROM:
            return None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("Importing", total=self.total)
        return lambda done: self.bar.advance(task, done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def export_jrnl(
    output: Path = typer.Option(
        None, "--output", "-o", help="Write here instead of to stdout."
    ),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Write the log as a jrnl journal (text) or jrnl's JSON export."""
    from headway.exchange import jrnl

    if format not in jrnl.FORMATS:
        fail(f"Unknown format {format!r}; use text or json.")
    owner = _owner()
    from headway.journal.models import Entry

    entries = (
        Entry.objects.for_owner(owner)
        .prefetch_related("tags")
        .order_by("occurred_on", "id")
    )
    text = jrnl.FORMATS[format]().write(jrnl.from_entry(entry) for entry in entries)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Wrote {plural(entries.count(), 'entry')} to {output}.", err=True)


def _owner() -> Any:
    from headway.cli.session import current_owner

    return current_owner()


def register(app: typer.Typer) -> None:
    """Attach to the import/export groups (transfer.register adds the groups)."""
    import_app.command("jrnl")(guarded(import_jrnl))
    export_app.command("jrnl")(guarded(export_jrnl))
