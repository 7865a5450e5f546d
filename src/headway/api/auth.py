"""API authentication: a personal token as `Authorization: Bearer …`, or the session."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from headway.accounts.services import api_token_authenticate


class PersonalToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = api_token_authenticate(token=token)
        if user is not None:
            request.user = user
        return user


API_AUTH = [PersonalToken(), django_auth]
