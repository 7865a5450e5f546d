"""Agreement of the SMART coach with the verdicts in data/smart_statements.psv.

Run it to print the figures (and every disagreement with --misses):

    .venv/bin/python -m tests.coach.smart_agreement [--misses]

The statements and their verdicts were written by hand for Headway, in the
ways people write career goals (lower case, run-ons, several goals in a line,
money, percentages, ranges, dates in every form); the clock is fixed on
Monday 2026-11-23 so the expected due dates stay true. smart_statements.psv
was written alongside the rules; smart_statements_blind.psv and then
smart_statements_blind2.psv were each written afterwards and first measured
without looking at the coach's answers (bench/README.md has both figures).
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from headway.coach.smart import GoalDraft, smart_check

TODAY = date(2026, 11, 23)
DATA = Path(__file__).parent / "data" / "smart_statements.psv"
BLIND = Path(__file__).parent / "data" / "smart_statements_blind.psv"
BLIND2 = Path(__file__).parent / "data" / "smart_statements_blind2.psv"
SETS = {"main": DATA, "blind": BLIND, "blind2": BLIND2}
CRITERIA = ("specific", "measurable", "time_bound", "due")


@dataclass(frozen=True)
class Row:
    statement: str
    expected: dict[str, str]


def load_rows(path: Path = DATA) -> list[Row]:
    with path.open(encoding="utf-8") as handle:
        return [
            Row(
                statement=line["statement"],
                expected={name: line[name] for name in CRITERIA},
            )
            for line in csv.DictReader(handle, delimiter="|")
        ]


def coach_verdicts(statement: str) -> dict[str, str]:
    report = smart_check(GoalDraft(statement=statement, today=TODAY))
    return {
        "specific": report.specific.verdict,
        "measurable": report.measurable.verdict,
        "time_bound": report.time_bound.verdict,
        "due": report.parsed_due.isoformat() if report.parsed_due else "",
    }


Miss = tuple[str, str, str, str]  # criterion, expected, found, statement


def agreement(rows: list[Row]) -> tuple[dict[str, float], list[Miss]]:
    """Share of rows where the coach says what the row expects, per criterion."""
    hits = dict.fromkeys(CRITERIA, 0)
    misses: list[Miss] = []
    for row in rows:
        found = coach_verdicts(row.statement)
        for name in CRITERIA:
            if found[name] == row.expected[name]:
                hits[name] += 1
            else:
                misses.append((name, row.expected[name], found[name], row.statement))
    return {name: hits[name] / len(rows) for name in CRITERIA}, misses


def main(argv: list[str]) -> None:
    every = [row for path in SETS.values() for row in load_rows(path)]
    for label, rows in [*((k, load_rows(p)) for k, p in SETS.items()), ("all", every)]:
        shares = agreement(rows)[0]
        print(f"{label}: {len(rows)} statements, clock at {TODAY.isoformat()}")
        for name in CRITERIA:
            print(f"  {name:11} {shares[name]:.1%}")
    if "--misses" in argv:
        for name, expected, found, statement in agreement(every)[1]:
            wanted, got = expected or "-", found or "-"
            print(f"  {name:11} expected {wanted:10} got {got:10} {statement}")


if __name__ == "__main__":
    main(sys.argv[1:])
