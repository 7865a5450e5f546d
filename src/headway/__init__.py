"""Headway: own your career."""

__version__ = "0.1.0"


def main() -> None:
    """The `headway` command.

    Start-up builds hundreds of thousands of long-lived objects (modules,
    classes, Django's models) and the cyclic collector would walk them again
    and again, so it stays off until `core.bootstrap.collector_resume`, which
    freezes what start-up built and turns it back on. It is turned off here,
    before the CLI's own imports, so they are spared too.
    """
    import gc

    gc.disable()
    from headway.cli import main as cli_main

    cli_main()
