"""The brag document downloaded from the web: a year, a format, the owner's own."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.reviews.outputs_world import BOB_MARKER, alices_year, bobs_things


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def test_the_profile_page_offers_the_download_with_this_year(
    alice: Any, alice_client: Client
) -> None:
    html = alice_client.get("/profile/").content.decode()
    assert 'action="/profile/brag/"' in html
    assert 'name="year" min="1900" max="2999" value="2026"' in html
    assert "Download brag document" in html


@pytest.mark.parametrize(
    ("format", "start", "content_type"),
    [
        ("pdf", b"%PDF", "application/pdf"),
        ("html", b"<!doctype html>", "text/html; charset=utf-8"),
        ("md", b"# Brag document 2026", "text/markdown; charset=utf-8"),
    ],
)
def test_each_format_downloads_as_a_file(
    alice: Any, alice_client: Client, format: str, start: bytes, content_type: str
) -> None:
    alices_year(alice)
    response = alice_client.get("/profile/brag/", {"year": 2026, "format": format})
    assert response.status_code == 200
    assert response.content.startswith(start)
    assert response["Content-Type"] == content_type
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="brag-document-2026.{format}"'
    )


def test_the_document_holds_only_the_signed_in_owners_data(
    alice: Any, bob: Any, alice_client: Client
) -> None:
    alices_year(alice)
    bobs_things(bob)
    text = alice_client.get("/profile/brag/", {"year": 2026, "format": "md"})
    assert b"Payments API on Kubernetes" in text.content
    assert BOB_MARKER.encode() not in text.content


@pytest.mark.parametrize(
    "query", [{"year": "MMXXVI", "format": "pdf"}, {"year": 2026, "format": "docx"}]
)
def test_a_bad_year_or_format_shows_the_form_again(
    alice: Any, alice_client: Client, query: dict[str, Any]
) -> None:
    response = alice_client.get("/profile/brag/", query)
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert 'role="alert"' in response.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(alice: Any) -> None:
    response = Client().get("/profile/brag/", {"year": 2026, "format": "md"})
    assert response.status_code == 302
    assert "/login" in response["Location"]
