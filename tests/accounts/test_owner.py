"""The local owner: created once, then found with a single read."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from headway.accounts.services import owner_ensure


@pytest.mark.django_db
def test_the_first_call_creates_the_owner_and_later_calls_find_it() -> None:
    first = owner_ensure()
    assert not first.has_usable_password()
    assert owner_ensure() == first
    assert get_user_model().objects.count() == 1


def test_finding_the_owner_is_one_read_without_a_transaction(
    alice: Any, django_assert_num_queries: Any
) -> None:
    # A savepoint or BEGIN IMMEDIATE would show here as extra statements, and
    # would take SQLite's write lock for commands that only read.
    with django_assert_num_queries(1):
        assert owner_ensure() == alice
