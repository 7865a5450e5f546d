"""What a request gets when the server fails: 503 while the database is away,
500 otherwise; JSON for the API, a page in the app's look for people.

Django calls this as `handler500` from inside its exception handling, so the
error is the one being handled. The page is rendered without the request:
context processors would reach for the session, and so the database.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

UNAVAILABLE = (
    "The database cannot be reached just now; nothing was saved. Try again in a moment."
)
FAILED = "Something went wrong on our side; nothing was saved."
RETRY_AFTER_SECONDS = 5


def database_unreachable(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    unavailable = database_unreachable(sys.exc_info()[1])
    status = 503 if unavailable else 500
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": UNAVAILABLE if unavailable else FAILED}, status=status
        )
    else:
        page = loader.get_template(f"{status}.html")
        response = HttpResponse(page.render(), status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
