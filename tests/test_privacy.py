"""Bob walks every page and API route with alice's ids; nothing of hers leaks.

Alice owns one object of every kind, each carrying a marker word. For every
URL pattern and API operation that takes an id, bob tries each of alice's
ids with every method: he must get a 404 (or a 422 for a body he got wrong,
which is decided before any lookup), never see the marker, and change
nothing. Alice, on the same routes, reaches her own objects. Pages and routes
without ids must not show bob the marker either.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from headway.accounts.models import ApiToken
from headway.accounts.services import api_token_create
from headway.coach.periods import period_containing
from headway.goals.services import checkin_create, goal_create
from headway.growth.services import skill_rate_named, target_role_set
from headway.journal.services import entry_create
from headway.network.services import contact_create, interaction_log
from headway.opportunities import services as opportunities
from headway.reviews.flows_services import review_complete
from headway.sharing.shares import share_create

MARKER = "Zanzibarmarker"
# Routes opened by a secret in the URL rather than by a session; their own
# tests (tests/goals/test_shares.py, tests/journal/test_shared_samples.py)
# walk the wrong, expired and revoked secrets.
OPEN_ROUTES = {
    "login",
    "login-token",
    "logout",
    "healthz",
    "by-link",
    "sample-by-link",
}
# Pages for the person a share names, not for its owner (tests/goals cover them).
RECIPIENT_ROUTES = {"for-user", "sample-for-user"}


class NamedBytes(io.BytesIO):
    name = "slides.pdf"
    content_type = "application/pdf"


@pytest.fixture
def alices_world(alice: Any) -> list[int]:
    goal = goal_create(owner=alice, statement=f"{MARKER} speak at two meetups")
    checkin = checkin_create(owner=alice, goal_id=goal.pk, value=1, note=MARKER)
    contact = contact_create(owner=alice, name=f"{MARKER} Rivera", notes=MARKER)
    interaction = interaction_log(
        owner=alice, contact=contact, kind="coffee", notes=MARKER
    )
    entry = entry_create(
        owner=alice,
        title=f"{MARKER} talk",
        kind="talk",
        body=MARKER,
        goal_ids=[goal.pk],
        contact_ids=[contact.pk],
        attachments=[NamedBytes(b"%PDF-1.4 " + MARKER.encode())],
        links=["https://example.org/slides"],
    )
    share, _ = share_create(owner=alice, goal_ids=[goal.pk], include_entries=True)
    token, _ = api_token_create(owner=alice, name=MARKER)
    review = review_complete(
        owner=alice,
        period=period_containing("week", timezone.localdate()),
        reflection=MARKER,
    )
    samples = list(entry.samples.values_list("pk", flat=True))
    ids = {goal.pk, checkin.pk, contact.pk, interaction.pk, entry.pk, share.pk}
    ids |= {token.pk, review.pk}
    ids |= _alices_opportunities(alice, contact)
    role = target_role_set(
        owner=alice, name=f"{MARKER} lead", needs=["hiring:3", f"{MARKER} talk"]
    )
    ids |= set(role.rows.values_list("pk", flat=True))
    skill = skill_rate_named(owner=alice, name="hiring", level=2)
    ids.add(skill.pk)
    return sorted(ids | set(samples))


def _alices_opportunities(alice: Any, contact: Any) -> set[int]:
    company = opportunities.company_create(
        owner=alice, name=f"{MARKER} Corp", why=MARKER
    )
    opening = opportunities.opening_create(
        owner=alice,
        company=company,
        role=f"{MARKER} lead",
        source="referral",
        referrer=contact,
        notes=MARKER,
    )
    candidate = opportunities.candidate_add(owner=alice, contact=contact, why=MARKER)
    return {company.pk, opening.pk, candidate.pk}


@pytest.fixture
def bob_token(bob: Any) -> str:
    """Bob's own token, with an id none of alice's objects has: revoking his
    own token is his right, and must not pass for reaching one of hers."""
    record, token = api_token_create(owner=bob, name="tests")
    ApiToken.objects.filter(pk=record.pk).update(id=10**9 + record.pk)
    return token


def owned_row_count() -> int:
    return sum(
        model.objects.count()
        for model in apps.get_models()
        if any(field.name == "owner" for field in model._meta.fields)
    )


def web_patterns(
    resolver: URLResolver | None = None, prefix: str = ""
) -> list[tuple[str, str]]:
    """(route, name) for every page, with nested includes flattened."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith(("api/", "admin/")):
                continue
            found += web_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            found.append((route, entry.name or ""))
    return found


def body_of(response: Any) -> bytes:
    """What a response carries: streamed bodies joined, zip members unpacked
    (an archive is compressed: a leak would not show in its raw bytes)."""
    raw = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if raw.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return b"".join(archive.read(name) for name in archive.namelist())
    return raw


def fill(route: str, value: int) -> str:
    return "/" + re.sub(r"<(?:int:)?(\w+)>", str(value), route.lstrip("^").rstrip("$"))


ID_ROUTES = [
    (route, name)
    for route, name in web_patterns()
    if "<int:" in route and name not in OPEN_ROUTES
]
PLAIN_ROUTES = [
    (route, name)
    for route, name in web_patterns()
    if "<" not in route and name not in OPEN_ROUTES
]


def test_the_walk_covers_the_pages_of_every_area() -> None:
    names = {name for _, name in ID_ROUTES}
    assert {"entry-detail", "goal-detail", "contact-detail", "sample-download"} <= names


@pytest.mark.parametrize(("route", "name"), ID_ROUTES)
def test_bob_gets_404_for_alices_ids_on_every_page(
    alices_world: list[int], bob_client: Client, route: str, name: str
) -> None:
    before = owned_row_count()
    for pk in alices_world:
        url = fill(route, pk)
        for method in (bob_client.get, bob_client.post):
            response = method(url)
            assert response.status_code in {404, 405}, (url, response.status_code)
            assert MARKER.encode() not in response.content, url
    assert owned_row_count() == before


@pytest.mark.parametrize(
    ("route", "name"), [r for r in ID_ROUTES if r[1] not in RECIPIENT_ROUTES]
)
def test_alice_reaches_her_own_objects_on_the_same_pages(
    alices_world: list[int], alice_client: Client, route: str, name: str
) -> None:
    statuses = {alice_client.get(fill(route, pk)).status_code for pk in alices_world}
    assert statuses - {404}, f"{route}: alice got only 404s"


@pytest.mark.parametrize(("route", "name"), PLAIN_ROUTES)
def test_pages_without_ids_never_show_bob_alices_data(
    alices_world: list[int], bob_client: Client, route: str, name: str
) -> None:
    response = bob_client.get(fill(route, 0))
    assert response.status_code < 500
    assert MARKER.encode() not in body_of(response)


def api_operations() -> list[tuple[str, str]]:
    from headway.api import api

    schema = api.get_openapi_schema()
    return [
        (method, path)
        for path, operations in schema["paths"].items()
        for method in operations
    ]


# Object ids are the `{…_id}` parameters; others (a strength, a source) are not.
API_ID_OPERATIONS = [(m, p) for m, p in api_operations() if re.search(r"\{\w+_id\}", p)]
API_PLAIN_GETS = [(m, p) for m, p in api_operations() if "{" not in p and m == "get"]


@pytest.mark.parametrize(("method", "path"), API_ID_OPERATIONS)
def test_bob_gets_404_for_alices_ids_on_every_api_route(
    alices_world: list[int], bob_token: str, client: Client, method: str, path: str
) -> None:
    before = owned_row_count()
    for pk in alices_world:
        url = re.sub(r"\{\w+_id\}", str(pk), path)
        response = getattr(client, method)(
            url,
            data={},
            content_type="application/json",
            headers={"Authorization": f"Bearer {bob_token}"},
        )
        assert response.status_code in {404, 422}, (method, url, response.status_code)
        assert MARKER.encode() not in response.content
    assert owned_row_count() == before


@pytest.mark.parametrize(("method", "path"), API_PLAIN_GETS)
def test_api_listings_never_show_bob_alices_data(
    alices_world: list[int], bob_token: str, client: Client, method: str, path: str
) -> None:
    response = client.get(path, headers={"Authorization": f"Bearer {bob_token}"})
    assert response.status_code < 500
    assert MARKER.encode() not in body_of(response)


# Those who must get nothing of alice's, even on her own ids: nobody signed in,
# her own token once revoked, and her own session and token once her account
# is disabled (an organisation's admin switched it off).
OUTSIDERS = ("anonymous", "revoked token", "disabled account")


@pytest.fixture
def outsider(
    request: pytest.FixtureRequest, alice: Any
) -> tuple[Client, dict[str, str]]:
    from headway.accounts.services import api_token_revoke

    client = Client()
    kind = request.param
    if kind == "anonymous":
        return client, {}
    record, token = api_token_create(owner=alice, name="outsider")
    if kind == "revoked token":
        api_token_revoke(owner=alice, token_id=record.pk)
        return client, {"Authorization": f"Bearer {token}"}
    client.force_login(alice)
    type(alice).objects.filter(pk=alice.pk).update(is_active=False)
    return client, {"Authorization": f"Bearer {token}"}


def refused(response: Any) -> bool:
    """A refusal: the sign-in page (a redirect), or 401, 403, 404, 405."""
    return response.status_code in {302, 401, 403, 404, 405}


@pytest.mark.parametrize("outsider", OUTSIDERS, indirect=True)
def test_outsiders_get_nothing_on_any_page(
    alices_world: list[int], outsider: tuple[Client, dict[str, str]]
) -> None:
    client, headers = outsider
    before = owned_row_count()
    for route, _ in ID_ROUTES:
        for pk in alices_world:
            for method in (client.get, client.post):
                response = method(fill(route, pk), headers=headers)
                assert refused(response), (route, pk, response.status_code)
                assert MARKER.encode() not in body_of(response), route
    for route, _ in PLAIN_ROUTES:
        response = client.get(fill(route, 0), headers=headers)
        assert response.status_code < 500, route
        assert MARKER.encode() not in body_of(response), route
    assert owned_row_count() == before


@pytest.mark.parametrize("outsider", OUTSIDERS, indirect=True)
def test_outsiders_get_nothing_from_any_api_route(
    alices_world: list[int], outsider: tuple[Client, dict[str, str]]
) -> None:
    client, headers = outsider
    before = owned_row_count()
    for method, path in api_operations():
        for pk in alices_world if "{" in path else [0]:
            url = re.sub(r"\{\w+\}", str(pk), path)
            response = getattr(client, method)(
                url, data={}, content_type="application/json", headers=headers
            )
            if "openapi" in path or path.endswith("/docs"):
                continue  # the published schema is the same for everyone
            assert response.status_code in {401, 403, 404, 405}, (
                method,
                url,
                response.status_code,
            )
            assert MARKER.encode() not in body_of(response), url
    assert owned_row_count() == before
