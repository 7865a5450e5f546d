"""Numbers in digits and in words."""

from __future__ import annotations

import pytest

from headway.coach.numbers import parse_number


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
