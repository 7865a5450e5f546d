"""`headway import linkedin|vcard` and `headway export vcard`: contacts in and out."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import typer

from headway.cli.output import fail, guarded, print_json
from headway.cli.session import current_owner
from headway.cli.transfer import export_app, import_app

PROGRESS_FROM = 1_000


def _read(path: Path) -> bytes:
    from headway.exchange.contact_records import MAX_IMPORT_BYTES

    if not path.is_file():
        fail(f"No file at {path}.")
    if path.stat().st_size > MAX_IMPORT_BYTES:
        size = path.stat().st_size / 1024 / 1024
        fail(f"{path.name} is {size:.0f} MB; the limit is 50 MB. Nothing imported.")
    return path.read_bytes()


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress bar on stderr for files over a thousand rows."""
    if total <= PROGRESS_FROM:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Importing contacts", total=total)
        yield lambda step: bar.advance(task, step)


def _import(path: Path, *, parse: Callable[[bytes], Any], as_json: bool) -> None:
    owner = current_owner()
    from headway.network.importing import ImportRejected, contacts_import

    parsed = parse(_read(path))
    try:
        with _progress(len(parsed.records)) as progress:
            report = contacts_import(owner=owner, parsed=parsed, progress=progress)
    except ImportRejected as error:
        if as_json:
            print_json(
                {"created": 0, "matched": 0, "skipped": 0, "errors": error.errors}
            )
            raise SystemExit(1) from None
        for line in error.errors[:50]:
            typer.echo(f"  {line}", err=True)
        fail(f"Nothing imported: {len(error.errors)} problem(s) in {path.name}.")
    if as_json:
        print_json(report.as_dict())
        return
    typer.echo(
        f"{report.created} new, {report.matched} already known, "
        f"{report.skipped} skipped."
    )


@import_app.command("linkedin")
@guarded
def import_linkedin(
    file: Path = typer.Argument(..., help="Connections.csv from LinkedIn's export."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Import LinkedIn connections (strength 2, tag linkedin); safe to repeat."""
    from headway.exchange import linkedin

    _import(file, parse=linkedin.parse, as_json=as_json)


@import_app.command("vcard")
@guarded
def import_vcard(
    file: Path = typer.Argument(..., help="A .vcf file with one or many cards."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Import contacts from a vCard 3.0 or 4.0 file; safe to repeat."""
    from headway.exchange import vcard

    _import(file, parse=vcard.parse, as_json=as_json)


@export_app.command("vcard")
@guarded
def export_vcard(
    output: Path = typer.Option(..., "--output", "-o", help="The .vcf file to write."),
    tag: str = typer.Option("", "--tag", "-t", help="Only contacts with this tag."),
) -> None:
    """Write contacts to a vCard file that imports back to the same contacts."""
    owner = current_owner()
    from headway.exchange import vcard
    from headway.network import selectors

    contacts = list(selectors.contacts_filtered(owner=owner, tag=tag))
    output.write_text(vcard.export(contacts), encoding="utf-8")
    typer.echo(f"Wrote {len(contacts)} contact(s) to {output}.")


def register(app: typer.Typer) -> None:
    """The commands attach to the import/export groups when this module loads."""
