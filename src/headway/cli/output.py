"""How the CLI speaks: JSON for machines, tables for people, one line for errors."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, ParamSpec, TypeVar

import typer


def debug_enabled() -> bool:
    return os.environ.get("HEADWAY_DEBUG", "").strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


def known_errors() -> tuple[type[BaseException], ...]:
    from django.core.exceptions import ImproperlyConfigured, ValidationError
    from django.http import Http404

    from headway.core.errors import HeadwayError

    return (ValidationError, HeadwayError, Http404, ImproperlyConfigured)


def fail(error: BaseException | str) -> NoReturn:
    """Print one clear line to stderr and exit 1."""
    from headway.core.errors import error_text

    text = error if isinstance(error, str) else error_text(error)  # type: ignore[arg-type]
    if not text:
        text = "Not found."
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    typer.echo(f"headway: {' '.join(safe.split())}", err=True)
    raise SystemExit(1)


P = ParamSpec("P")
R = TypeVar("R")


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the errors a user can act on into one line on stderr and exit 1."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except known_errors() as error:
            if debug_enabled():
                raise
            fail(error)

    return run


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
