"""The brag document in Markdown, HTML and PDF."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from headway.reviews.outputs.brag import brag_document, brag_render
from tests.reviews.outputs_world import BOB_MARKER, alices_year, bobs_things

SECTIONS = (
    "Accomplishments by goal",
    "Accomplishments by quarter",
    "Skills shown",
    "Learning",
    "Talks",
    "Posts",
    "Feedback received",
)


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def test_markdown_groups_accomplishments_by_goal_and_by_quarter(alice: Any) -> None:
    alices_year(alice)
    text = brag_render(brag_document(owner=alice, year=2026), format="md").decode()
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0] == "# Brag document 2026: Alice <Ada> Lovelace"
    assert [h[3:] for h in headings if h.startswith("## ")] == list(SECTIONS)
    assert "### Goal: Speak at two conferences by 2026-12-31" in headings
    assert "### Not linked to a goal" in headings
    assert [h for h in headings if h.startswith("### Q")] == [
        "### Q1 2026",
        "### Q2 2026",
        "### Q3 2026",
    ]
    assert "- **Numbers:** 3 services, 12 engineers" in text
    assert "- **Result:** failed builds fell by 70% for the whole mobile team" in text
    assert "- Kubernetes (1 accomplishment)" in text
    assert "> Your <script>alert(1)</script> migration plan\n> was the clearest" in text
    assert "> — Sam, 2026-10-01" in text


def test_html_escapes_what_the_owner_wrote(alice: Any) -> None:
    alices_year(alice)
    html = brag_render(brag_document(owner=alice, year=2026), format="html").decode()
    assert "<script>" not in html
    assert "Your &lt;script&gt;alert(1)&lt;/script&gt; migration plan" in html
    assert "Alice &lt;Ada&gt; Lovelace" in html
    for section in SECTIONS:
        assert f"<h2>{section}</h2>" in html
    assert "<dt>Example</dt><dd>the payments API</dd>" in html


def test_another_year_has_empty_sections_not_this_years(alice: Any) -> None:
    alices_year(alice)
    text = brag_render(brag_document(owner=alice, year=2025), format="md").decode()
    assert "No accomplishment logged in 2025." in text
    assert "Payments API" not in text


def test_nothing_of_another_owner_reaches_the_brag_document(
    alice: Any, bob: Any
) -> None:
    alices_year(alice)
    bobs_things(bob)
    document = brag_document(owner=alice, year=2026)
    assert BOB_MARKER not in brag_render(document, format="md").decode()


def test_the_pdf_opens_with_its_headings_page_numbers_and_owner(alice: Any) -> None:
    alices_year(alice)
    pdf = brag_render(brag_document(owner=alice, year=2026), format="pdf")
    reader = PdfReader(io.BytesIO(pdf))
    texts = [page.extract_text() for page in reader.pages]
    for section in SECTIONS:
        assert section in "\n".join(texts)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "Alice <Ada> Lovelace" in text  # the running header


def test_cli_writes_each_format_as_a_private_file(alice: Any, tmp_path: Path) -> None:
    from headway.cli import app

    alices_year(alice)
    for format in ("md", "html", "pdf"):
        target = tmp_path / f"brag.{format}"
        result = CliRunner().invoke(
            app,
            ["export", "brag", "--year", "2026", "--format", format, "-o", str(target)],
        )
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert (tmp_path / "brag.pdf").read_bytes().startswith(b"%PDF")
    assert "## Talks" in (tmp_path / "brag.md").read_text(encoding="utf-8")


def test_cli_refuses_an_unknown_format_and_writes_nothing(
    alice: Any, tmp_path: Path
) -> None:
    from headway.cli import app

    target = tmp_path / "brag.docx"
    result = CliRunner().invoke(
        app, ["export", "brag", "--format", "docx", "-o", str(target)]
    )
    assert result.exit_code == 1
    assert "Unknown format 'docx'" in result.stderr
    assert not target.exists()
