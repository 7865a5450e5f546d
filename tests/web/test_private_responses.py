"""Nothing a signed-in user or an API client is sent may be kept by a cache.

Alice walks every page (with her own ids), every API listing and every
export; each response says `Cache-Control: private, no-store`, so neither a
shared proxy nor the browser's back/forward cache keeps a copy of her data.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.test_privacy import (
    API_PLAIN_GETS,
    ID_ROUTES,
    PLAIN_ROUTES,
    RECIPIENT_ROUTES,
    alices_world,  # noqa: F401 - a fixture, used by name
    fill,
)


def kept_by_no_cache(response: Any) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


@pytest.mark.parametrize(("route", "name"), PLAIN_ROUTES)
def test_every_page_without_ids_is_private(
    alices_world: list[int],  # noqa: F811
    alice_client: Client,
    route: str,
    name: str,
) -> None:
    response = alice_client.get(fill(route, 0))
    assert kept_by_no_cache(response), (route, response.status_code)


@pytest.mark.parametrize(
    ("route", "name"), [r for r in ID_ROUTES if r[1] not in RECIPIENT_ROUTES]
)
def test_every_page_of_alices_objects_is_private(
    alices_world: list[int],  # noqa: F811
    alice_client: Client,
    route: str,
    name: str,
) -> None:
    for pk in alices_world:
        response = alice_client.get(fill(route, pk))
        assert kept_by_no_cache(response), (route, pk, response.status_code)


@pytest.mark.parametrize(("method", "path"), API_PLAIN_GETS)
def test_every_api_listing_is_private(
    alices_world: list[int],  # noqa: F811
    alice_token: str,
    client: Client,
    method: str,
    path: str,
) -> None:
    response = client.get(path, headers={"Authorization": f"Bearer {alice_token}"})
    assert kept_by_no_cache(response), path


def test_an_export_is_private(alice_client: Client) -> None:
    response = alice_client.get("/network/export.vcf")
    assert response.status_code == 200
    assert kept_by_no_cache(response)


def test_a_rejected_api_call_is_private_too(client: Client) -> None:
    response = client.get("/api/v1/entries")
    assert response.status_code == 401
    assert kept_by_no_cache(response)


def test_static_files_keep_their_own_caching(client: Client) -> None:
    response = client.get("/static/headway/headway.css")
    assert response.status_code == 200
    assert not kept_by_no_cache(response)
