"""The error family every door maps once: services raise these or Django's own."""

from __future__ import annotations


class HeadwayError(Exception):
    """A problem the user can act on; the message names it and the way out."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(HeadwayError):
    status = 404


class Conflict(HeadwayError):
    status = 409


class NotInitialised(HeadwayError):
    status = 503


def error_text(error: Exception) -> str:
    """One line that says what went wrong, for the CLI and the API."""
    from django.core.exceptions import ValidationError

    if isinstance(error, ValidationError):
        return " ".join(str(message) for message in error.messages)
    if isinstance(error, HeadwayError):
        return error.message
    return str(error)
