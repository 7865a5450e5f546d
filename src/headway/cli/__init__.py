"""The `headway` command line: thin commands over the same services as the web.

A command's module is imported only when that command runs (`cli.lazy`), and
Django only inside the commands that need it, so `--help` and argument errors
answer at once.
"""

from __future__ import annotations

import os
import sys

import typer

from headway.cli.lazy import LazyGroup
from headway.cli.output import debug_enabled

app = typer.Typer(
    name="headway",
    cls=LazyGroup,
    help="Own your career: log what you achieve, learn and whom you meet.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def version_print(asked: bool) -> None:
    if asked:
        from headway import __version__

        typer.echo(f"headway {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    debug: bool = typer.Option(
        False, "--debug", help="Show the full traceback when something fails."
    ),
    version: bool = typer.Option(
        False,
        "--version",
        is_eager=True,
        callback=version_print,
        help="Print Headway's version and exit.",
    ),
    user: str = typer.Option(
        "",
        "--user",
        envvar="HEADWAY_USER",
        help="Act as this user (server mode; local mode has one owner).",
    ),
) -> None:
    if debug:
        os.environ["HEADWAY_DEBUG"] = "1"
    if user:
        os.environ["HEADWAY_USER"] = user


def main() -> None:
    """Entry point; the last guard keeps tracebacks from users without --debug."""
    try:
        # Named here, not guessed from how Python started (a warm worker runs
        # as `python -m headway.warm`): usage lines and the completion
        # variable `_HEADWAY_COMPLETE` depend on it.
        app(prog_name="headway")
    except Exception as error:  # the one place that hides a traceback, by design
        if debug_enabled():
            raise
        print(
            f"headway: unexpected error ({type(error).__name__}: {error}); "
            "run again with --debug for the details.",
            file=sys.stderr,
        )
        sys.exit(1)
