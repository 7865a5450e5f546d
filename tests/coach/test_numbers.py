"""Numbers in digits and in words."""

from __future__ import annotations

import pytest

from headway.coach.numbers import parse_number, plural


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("1,200", 1200),
        ("3.5", 3.5),
        ("three", 3),
        ("Twenty-five", 25),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500),
        ("a", 1),
        ("dozen", 12),
        ("ninety nine", 99),
    ],
)
def test_numbers_in_digits_and_words_are_read(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["", "many", "several things", "1,2,3", "three apples"]
)
def test_text_that_is_not_a_number_gives_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (1, "time", "1 time"),
        (0, "time", "0 times"),
        (3, "time", "3 times"),
        (1, "entry", "1 entry"),
        (2, "entry", "2 entries"),
        (2, "day", "2 days"),
        (1.5, "hour", "1.5 hours"),
        (1200, "contact", "1,200 contacts"),
        (2, "person", "2 people"),
    ],
)
def test_plural_agrees_the_noun_with_its_count(
    count: float, noun: str, expected: str
) -> None:
    many = "people" if noun == "person" else ""
    assert plural(count, noun, many) == expected


def test_reciprocity_says_once_not_one_times() -> None:
    from headway.coach.network import Reciprocity

    assert "You received 1 time and gave 0" in Reciprocity(0, 1).summary
    assert "You gave 1 time and" in Reciprocity(1, 0).summary
    assert "You gave 3 times" in Reciprocity(3, 1).summary
