"""Headway: own your career."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`headway.__version__`, read from the installed package's metadata.

    pyproject.toml is the one place the version is written; it is looked up
    only when asked, so that starting a command does not pay for it.
    """
    if name == "__version__":
        from importlib.metadata import version

        return version("headway")
    raise AttributeError(f"module 'headway' has no attribute {name!r}")


def main() -> None:
    """The `headway` command: handed to a warm worker when one waits, else run here.

    Start-up builds hundreds of thousands of long-lived objects (modules,
    classes, Django's models) and the cyclic collector would walk them again
    and again, so it stays off until `core.bootstrap.collector_resume`, which
    freezes what start-up built and turns it back on.
    """
    import gc
    import os
    import sys

    gc.disable()
    from headway import warm

    code = warm.run_in_worker(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    environment = dict(os.environ)
    from headway.cli import main as cli_main

    try:
        cli_main()
    finally:
        warm.spawn(environment)
