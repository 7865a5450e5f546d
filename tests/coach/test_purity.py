"""The coach is pure: it imports the standard library and dateparser only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import headway.coach

ALLOWED_THIRD_PARTY = {"dateparser"}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module)
    return roots


def test_coach_modules_import_nothing_but_the_standard_library_and_dateparser() -> None:
    offenders = []
    for path in Path(headway.coach.__file__).parent.rglob("*.py"):
        for name in imported_roots(path):
            top = name.split(".")[0]
            inside_coach = name == "headway.coach" or name.startswith("headway.coach.")
            allowed = (
                top in sys.stdlib_module_names
                or top in ALLOWED_THIRD_PARTY
                or inside_coach
            )
            if not allowed:
                offenders.append(f"{path.name}: {name}")
    assert offenders == []
