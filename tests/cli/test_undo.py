"""`headway entry delete` says how to undo; `headway undo N` does it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from headway.cli import app
from headway.journal.models import Entry
from headway.journal.services import entry_create
from tests.factories import upload

runner = CliRunner()


def test_delete_prints_how_to_undo_and_undo_brings_the_entry_back(
    alice: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    entry = entry_create(owner=alice, title="Talk", attachments=[upload()])
    deleted = runner.invoke(app, ["entry", "delete", str(entry.pk), "--yes"])
    assert deleted.exit_code == 0, deleted.output
    found = re.search(
        r"with 1 work sample\. Undo with: headway undo (\d+)", deleted.stdout
    )
    assert found is not None, deleted.stdout
    assert not Entry.objects.filter(pk=entry.pk).exists()
    undone = runner.invoke(app, ["undo", found.group(1)])
    assert undone.exit_code == 0, undone.output
    assert undone.stdout.strip() == "Restored “Talk” with 1 work sample."
    assert Entry.objects.get(pk=entry.pk).samples.count() == 1


def test_undo_of_an_unknown_delete_is_one_clear_line(alice: Any) -> None:
    result = runner.invoke(app, ["undo", "999"])
    assert result.exit_code == 1
    assert "Nothing deleted with id 999 to undo" in result.stderr
