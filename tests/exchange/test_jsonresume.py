"""The pure JSON Resume layout: sections from records, empty values left out."""

from __future__ import annotations

import datetime as dt

from headway.exchange.jsonresume import Basics, Resume, Work, resume_document


def test_empty_values_are_left_out_at_every_depth() -> None:
    document = resume_document(
        Resume(
            basics=Basics(name="Ada"),
            work=(
                Work(position="Engineer", organisation="", start=dt.date(2024, 1, 2)),
            ),
        )
    )
    assert document["basics"] == {"name": "Ada"}
    assert document["work"] == [{"position": "Engineer", "startDate": "2024-01-02"}]
    assert "skills" not in document
    assert "meta" not in document


def test_links_become_profiles_named_by_their_site() -> None:
    document = resume_document(
        Resume(
            basics=Basics(
                links=("https://www.linkedin.com/in/ada-l/", "https://ada.dev")
            )
        )
    )
    assert document["basics"]["url"] == "https://www.linkedin.com/in/ada-l/"
    assert document["basics"]["profiles"] == [
        {
            "network": "linkedin.com",
            "username": "ada-l",
            "url": "https://www.linkedin.com/in/ada-l/",
        },
        {"network": "ada.dev", "url": "https://ada.dev"},
    ]
