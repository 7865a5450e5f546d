"""Responses with a user's data are never stored by a browser or proxy cache."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

PRIVATE = "private, no-store"


class PrivateResponsesMiddleware:
    """`Cache-Control: private, no-store` on every response Django makes.

    Pages, API answers, exports and share links all carry someone's career
    data or a secret, so the rule has no exceptions to forget; static files
    are answered before this point (WhiteNoise) and keep their long caching.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response["Cache-Control"] = PRIVATE
        return response
