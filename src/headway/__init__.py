"""Headway: own your career."""

__version__ = "0.1.0"


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
