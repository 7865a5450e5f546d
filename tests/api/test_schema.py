"""Schemathesis throws generated requests at every API route: none may crash.

Each operation gets generated bodies, paths and query strings, sent with a
valid personal token; the API must answer each with a non-5xx response that
matches the schema it publishes.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from headway.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_api_route_answers_generated_input_without_a_server_error(
    case: Any, alice_token: str
) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {alice_token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
