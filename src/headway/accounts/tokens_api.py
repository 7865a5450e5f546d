"""Personal API tokens over JSON: create (the token is returned once), list, revoke."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.params.functions import Path

from headway.accounts import services
from headway.accounts.models import ApiToken
from headway.core.auth import request_owner

router = Router()
ID_MAX = 2**31 - 1


class Detail(Schema):
    detail: Any


class TokenIn(Schema):
    name: str = Field("", description="A label to recognise the token by.")


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(..., description="The token's first characters.")
    created: str
    last_used_at: str | None
    revoked_at: str | None


class NewTokenOut(TokenOut):
    token: str = Field(..., description="The token itself; returned only here.")


def token_as_dict(record: ApiToken) -> dict[str, Any]:
    def moment(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "id": record.pk,
        "name": record.name,
        "prefix": record.prefix,
        "created": record.created.isoformat(),
        "last_used_at": moment(record.last_used_at),
        "revoked_at": moment(record.revoked_at),
    }


@router.post(
    "", response={201: NewTokenOut, 422: Detail}, summary="Create an API token"
)
def token_create(request: HttpRequest, payload: TokenIn) -> Status[Any]:
    record, token = services.api_token_create(
        owner=request_owner(request), name=payload.name
    )
    return Status(201, token_as_dict(record) | {"token": token})


@router.get("", response=list[TokenOut], summary="Your API tokens, newest first")
def token_list(request: HttpRequest) -> list[dict[str, Any]]:
    owner = request_owner(request)
    return [token_as_dict(record) for record in services.api_tokens_list(owner=owner)]


@router.post(
    "/{token_id}/revoke",
    response={200: TokenOut, 404: Detail, 422: Detail},
    summary="Revoke an API token: requests with it are refused from now on",
)
def token_revoke(
    request: HttpRequest, token_id: int = Path(..., ge=1, le=ID_MAX)
) -> dict[str, Any]:
    record = services.api_token_revoke(owner=request_owner(request), token_id=token_id)
    return token_as_dict(record)
