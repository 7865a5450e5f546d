"""Review reports of any period: the same sections in Markdown, HTML, PDF and
JSON; the PDF with page numbers, the owner's name and the heat map."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from pypdf import PdfReader

from headway.accounts.profile import profile_update
from headway.coach.periods import period_between, period_parse
from headway.reviews.flows_services import review_complete
from headway.reviews.reports import report_build, report_markdown, report_render
from tests.reviews.test_yearly import year_of  # noqa: F401 - the year's data

TODAY = dt.date(2026, 11, 23)
HEADINGS = [
    "Biggest accomplishments",
    "Skills learned",
    "Courses, exams, talks and posts",
    "Network",
    "Industries and trends followed",
    "Goals",
    "Setbacks and lessons",
    "Months of drift",
]


@pytest.fixture(autouse=True)
def frozen_clock(time_machine: Any) -> None:
    time_machine.move_to("2026-11-23 10:00:00Z", tick=False)


def year_report(owner: Any) -> Any:
    return report_build(
        owner=owner, period=period_parse("year", "2026", today=TODAY), today=TODAY
    )


@pytest.mark.usefixtures("year_of")
def test_the_yearly_report_in_markdown_answers_every_question(alice: Any) -> None:
    profile_update(owner=alice, name="Alice Martin")
    review_complete(
        owner=alice,
        period=period_parse("year", "2026", today=TODAY),
        reflection="A year of *shipping*.",
        today=TODAY,
    )
    text = report_markdown(year_report(alice))
    assert text.startswith("# Yearly review: 2026\n\nAlice Martin\n")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == [*HEADINGS, "Everything logged", "My reflection"]
    assert "- Rebuilt the pipeline" in text or "Cut the deploy time" in text
    assert "- 1 talk\n" in text
    assert "- Dropped: Learn Go — Rust serves better" in text
    assert "- October 2026" in text  # a month of drift
    assert text.rstrip().endswith("A year of *shipping*.")


@pytest.mark.usefixtures("year_of")
def test_the_json_report_carries_counts_and_sections(alice: Any) -> None:
    data = json.loads(report_render(year_report(alice), format="json"))
    assert (data["kind"], data["period"], data["start"], data["end"]) == (
        "year",
        "2026",
        "2026-01-01",
        "2026-12-31",
    )
    assert [s["title"] for s in data["sections"]][: len(HEADINGS)] == HEADINGS
    assert data["counts"]["accomplishments"] == 2
    assert data["counts"]["talks"] == 1
    assert data["accomplishments"][0]["starred"] is True


@pytest.mark.usefixtures("year_of")
def test_the_html_report_escapes_the_owners_words_and_draws_the_heat_map(
    alice: Any,
) -> None:
    from headway.journal.services import entry_create

    entry_create(
        owner=alice,
        kind="accomplishment",
        title="<script>x</script> won",
        occurred_on="2026-11-02",
        starred=True,
    )
    html = report_render(year_report(alice), format="html").decode()
    assert "<script>x" not in html
    assert "&lt;script&gt;x&lt;/script&gt; won" in html
    assert html.count("<h2>") == len(HEADINGS) + 2  # momentum, everything logged
    assert 'aria-label="Momentum, one cell per week"' in html
    assert html.count("data-level=") >= 45  # a cell a week of the year so far
    assert "counter(page)" in html


@pytest.mark.usefixtures("year_of")
def test_the_pdf_opens_and_has_the_yearly_headings_page_numbers_and_the_owner(
    alice: Any,
) -> None:
    profile_update(owner=alice, name="Alice Martin")
    pdf = PdfReader(io.BytesIO(report_render(year_report(alice), format="pdf")))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    for heading in ["Yearly review: 2026", "Momentum", *HEADINGS]:
        assert heading in text
    assert "Alice Martin" in text
    assert f"Page 1 of {len(pdf.pages)}" in text


def test_a_range_report_covers_only_its_days_and_anothers_data_never(
    alice: Any, bob: Any
) -> None:
    from headway.journal.services import entry_create

    entry_create(owner=alice, kind="talk", title="Inside", occurred_on="2026-03-10")
    entry_create(owner=alice, kind="talk", title="Outside", occurred_on="2026-04-10")
    span = period_between(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    report = report_build(owner=alice, period=span, today=TODAY)
    assert report.title == "Review: 1 Mar 2026 to 31 Mar 2026"
    assert report.facts.talks == 1
    assert report_build(owner=bob, period=span, today=TODAY).facts.talks == 0


def test_a_weeks_report_has_no_months_of_drift(alice: Any) -> None:
    report = report_build(
        owner=alice, period=period_parse("week", "2026-W47", today=TODAY), today=TODAY
    )
    assert "Months of drift" not in report_markdown(report)
    assert report.title.startswith("Weekly review: Week 47 of 2026")
