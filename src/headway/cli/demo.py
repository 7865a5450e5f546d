"""`headway demo`: a realistic owner in a data directory of its own."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import typer

from headway.cli.output import fail, guarded


def demo(
    years: int = typer.Option(10, "--years", min=1, max=40, help="Years of career."),
    seed: int = typer.Option(1, "--seed", help="The same seed gives the same owner."),
    data_dir: Path | None = typer.Option(
        None,
        "--data-dir",
        help="An empty or new directory for the demo (default: a new one, printed).",
    ),
    entries: int | None = typer.Option(
        None, "--entries", min=0, help="Log entries (default: 300 a year; at least 17)."
    ),
    contacts: int | None = typer.Option(
        None, "--contacts", min=0, help="Contacts (default: 320; at least 8)."
    ),
    serve: bool = typer.Option(
        False, "--serve", help="Then serve the web app on it, with a sign-in link."
    ),
    port: int = typer.Option(
        8000, "--port", min=1, max=65535, help="With --serve: the port."
    ),
) -> None:
    """Create a demo owner with years of history, to try Headway on."""
    folder = demo_folder(data_dir)
    owner = _django_for(folder)
    from django.utils import timezone

    from headway.reviews.demo import DemoSize, demo_build

    size = DemoSize(years=years, entries=entries, contacts=contacts, seed=seed)
    started = time.perf_counter()
    with ProgressBar() as progress:
        summary = demo_build(
            owner=owner, today=timezone.localdate(), size=size, progress=progress
        )
    seconds = time.perf_counter() - started
    typer.echo(
        f"Demo owner ready in {seconds:.1f} s: {summary.entries:,} entries, "
        f"{summary.contacts:,} contacts, {summary.interactions:,} touches, "
        f"{summary.goals:,} goals, {years} year{'s' if years != 1 else ''} "
        f"(seed {seed})."
    )
    typer.echo(f"Data directory: {folder}")
    if not serve:
        typer.echo(f"Try it: HEADWAY_DATA_DIR={folder} headway serve")
        return
    # A fresh process: `serve` sets Django up with the web apps, pointed at the
    # demo's directory (HEADWAY_DATA_DIR is set above, in _django_for).
    sys.stdout.flush()
    os.execv(
        sys.executable,
        [sys.executable, "-m", "headway", "serve", "--port", str(port)],
    )


def demo_folder(given: Path | None) -> Path:
    """The directory asked for, if empty or new; else a fresh one."""
    if given is None:
        return Path(tempfile.mkdtemp(prefix="headway-demo-"))
    folder = given.expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        fail(f"{folder} is a file; give --data-dir a new or empty directory.")
    if folder.exists() and any(folder.iterdir()):
        fail(
            f"{folder} is not empty; the demo only fills a new or empty directory, "
            "so it never mixes with real data. Leave out --data-dir for a new one."
        )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _django_for(folder: Path) -> Any:
    """Point Django at the demo's directory (SQLite, local mode) and prepare it.

    The settings module reads HEADWAY_DATA_DIR when it loads, so this runs
    before anything touches Django's settings; the warm worker never runs
    `demo` (`headway.warm.DECLINED`), because its settings are loaded already.
    """
    os.environ["HEADWAY_DATA_DIR"] = str(folder)
    os.environ["HEADWAY_MODE"] = "local"
    os.environ.pop("DATABASE_URL", None)
    from django.conf import settings

    if settings.configured and Path(settings.DATA_DIR).resolve() != folder:
        fail("Django is already set up for another data directory; run `demo` alone.")
    from headway.core.bootstrap import initialise

    initialise()
    from headway.accounts.services import owner_ensure

    return owner_ensure()


class ProgressBar:
    """A Rich progress bar fed by the demo's (stage, done, total) reports."""

    def __enter__(self) -> Any:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(
            TextColumn("{task.description:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("starting", total=None)
        return self.report

    def report(self, stage: str, done: int, total: int) -> None:
        self.bar.update(self.task, description=stage, advance=done, total=total)

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()


def register(app: typer.Typer) -> None:
    app.command("demo")(guarded(demo))
