"""Numbers as people write them: digits, "1,200", "3.5", "a dozen", "twenty-five"."""

from __future__ import annotations

import re

UNITS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    word: value * 10
    for value, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"],
        start=2,
    )
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9}
SPECIAL = {"a": 1, "an": 1, "single": 1, "couple": 2, "dozen": 12, "half": 0.5}

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or in English words; else None."""
    phrase = text.strip().lower()
    if _DIGITS.match(phrase):
        return float(phrase.replace(",", ""))
    words = [w for w in re.split(r"[\s-]+", phrase) if w and w != "and"]
    if not words or len(words) > 8:
        return None
    if len(words) == 1 and words[0] in SPECIAL:
        return float(SPECIAL[words[0]])
    return _words_value(words)


def _words_value(words: list[str]) -> float | None:
    total, current = 0, 0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] > 100:
                total, current = total + current, 0
        else:
            return None
    return float(total + current)


def plural(count: float, noun: str, many: str = "") -> str:
    """ "1 time", "3 times", "1 entry", "2 entries": a count with its noun agreed."""
    shown = f"{count:,.0f}" if count == int(count) else f"{count:,g}"
    if count == 1:
        return f"{shown} {noun}"
    if not many:
        many = noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + "s"
    return f"{shown} {many}"
