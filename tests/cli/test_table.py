"""The CLI's tables: aligned, literal, and one line a row on a terminal."""

from __future__ import annotations

import io
import os

import pytest

from headway.cli.output import print_table


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def printed(
    monkeypatch: pytest.MonkeyPatch, rows: list[tuple[str, ...]], **terminal: int
) -> list[str]:
    out = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    if terminal:
        monkeypatch.setattr(
            "shutil.get_terminal_size",
            lambda: os.terminal_size((terminal["columns"], 24)),
        )
    print_table(("id", "title", "tags"), rows)
    return out.getvalue().splitlines()


def test_columns_line_up_under_their_headers(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = printed(monkeypatch, [("7", "Shipped it", "#ops"), ("1234", "Spoke", "")])
    assert lines == ["id    title       tags", "7     Shipped it  #ops", "1234  Spoke"]


def test_wide_characters_count_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = printed(monkeypatch, [("1", "講演した", "#x"), ("2", "talk", "#y")])
    assert lines[1:] == ["1   講演した  #x", "2   talk      #y"]


def test_markup_and_control_characters_are_shown_not_obeyed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = printed(monkeypatch, [("1", "[bold]Fixed[/] \x1b[31mred\x1b[0m\nnext", "")])
    assert lines[1] == "1   [bold]Fixed[/] \ufffd[31mred\ufffd[0m next"
    assert len(lines) == 2


def test_a_pipe_gets_every_cell_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    title = "Cut the nightly build from 40 to 12 minutes " * 5
    lines = printed(monkeypatch, [("1", title.strip(), "#ci")])
    assert title.strip() in lines[1]


def test_a_terminal_cuts_the_widest_column_to_fit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    title = "Cut the nightly build from 40 to 12 minutes " * 5
    lines = printed(monkeypatch, [("1", title, "#ci")], columns=60)
    assert all(len(line) <= 60 for line in lines)
    assert lines[1].startswith("1   Cut the nightly build")
    assert "…  #ci" in lines[1]
