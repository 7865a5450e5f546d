"""`headway export archive` and `headway import archive`: everything, out and in."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import typer

from headway.cli.output import fail, guarded, print_json
from headway.cli.session import current_owner
from headway.cli.transfer import export_app, import_app

PRIVATE = 0o600


def _private_mode() -> int:
    """0600 narrowed by the caller's umask, never wider."""
    mask = os.umask(0)
    os.umask(mask)
    return PRIVATE & ~mask


@export_app.command("archive")
@guarded
def export_archive(
    output: Path = typer.Option(..., "--output", "-o", help="The .zip file to write."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Write everything you have (rows and sample files) to one zip archive."""
    owner = current_owner()
    from headway.reviews.archive import archive_export

    if output.is_dir():
        fail(f"{output} is a folder; give a file name, like headway.zip.")
    folder = output.resolve().parent
    if not folder.is_dir():
        fail(f"No folder {folder} to write {output.name} into.")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.")
    try:
        os.fchmod(handle, _private_mode())
        with os.fdopen(handle, "wb") as target:
            gathered = archive_export(owner=owner, target=target)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    rows = sum(gathered.counts.values())
    if as_json:
        print_json(
            {
                "path": str(output),
                "rows": gathered.counts,
                "files": len(gathered.digests),
            }
        )
        return
    typer.echo(
        f"Wrote {rows} row(s) and {len(gathered.digests)} sample file(s) to {output}."
    )


@import_app.command("archive")
@guarded
def import_archive(
    file: Path = typer.Argument(..., help="A zip written by `headway export archive`."),
    merge: bool = typer.Option(
        False, "--merge", help="Add to the data you have; matching rows are kept once."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Restore an archive; into data you already have only with --merge."""
    if not file.is_file():
        fail(f"No file at {file}.")
    owner = current_owner()
    from headway.exchange.archive import ArchiveError, archive_read
    from headway.reviews.archive import archive_import

    try:
        reader = archive_read(str(file))
    except ArchiveError as error:
        fail(f"Nothing imported: {error}")
    with reader:
        report = archive_import(owner=owner, reader=reader, merge=merge)
    if as_json:
        print_json(report.as_dict())
        return
    created, matched = report.created_total, report.matched_total
    for line in report.warnings:
        typer.echo(f"  {line}", err=True)
    typer.echo(
        f"{created} row(s) restored, {matched} already here, "
        f"{report.files} sample file(s) stored."
    )


def register(app: typer.Typer) -> None:
    """The commands attach to the import/export groups when this module loads."""
