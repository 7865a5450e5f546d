"""Schemathesis throws generated requests at every API route: none may crash.

Each operation gets generated bodies, paths and query strings, sent with a
valid personal token; the API must answer each with a non-5xx response that
matches the schema it publishes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from headway.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# At least 2,000 generated requests in all, spread over every operation.
CASES = 2000
OPERATIONS = sum(
    1
    for methods in schema.raw_schema["paths"].values()
    for method in methods
    if method in {"get", "put", "post", "patch", "delete"}
)
EXAMPLES_PER_OPERATION = -(-CASES // OPERATIONS)


def test_the_generated_cases_add_up_to_two_thousand() -> None:
    assert OPERATIONS > 50
    assert OPERATIONS * EXAMPLES_PER_OPERATION >= CASES


@pytest.fixture
def connection_kept_open() -> Iterator[None]:
    """Calls go straight to the WSGI app, whose request signals would close the
    connection that holds the test's transaction; Django's own test client
    unhooks them the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("connection_kept_open")
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,  # the same cases every run: CI never meets a new one by chance
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_api_route_answers_generated_input_without_a_server_error(
    case: Any, alice_token: str
) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {alice_token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
