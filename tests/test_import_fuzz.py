"""Every import, fed damaged files by hypothesis: never a crash, never half.

Each format starts from a good file (a LinkedIn export, vCards, a jrnl
journal, a Headway archive) that hypothesis damages: bytes flipped, cut
short, spliced with noise, or replaced by noise altogether. Through the CLI
door each import must end in success or one clear message (exit 1 or 2,
never a traceback), and when it refuses, nothing it read may be left behind.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.reviews.archive_data import export_bytes, fill

DATA = Path(__file__).parent / "exchange" / "data"
runner = CliRunner()

JRNL = json.dumps(
    {
        "tags": {"@ci": 1},
        "entries": [
            {
                "date": "2026-03-02",
                "time": "09:15",
                "title": "Cut deploys from 40 to 12 minutes @ci",
                "body": "Moved the slow suite to nightly.",
                "tags": ["@ci"],
                "starred": False,
            },
            {
                "date": "2026-04-11",
                "time": "17:40",
                "title": "Coffee with Priya about the platform team",
                "body": "",
                "tags": [],
                "starred": True,
            },
        ],
    }
).encode()


def owned_rows() -> int:
    return sum(
        model.objects.count()
        for model in apps.get_models()
        if any(field.name == "owner" for field in model._meta.fields)
    )


@st.composite
def damaged(draw: st.DrawFn, good: bytes) -> bytes:
    """A good file with some damage done to it, or noise instead."""
    how = draw(st.sampled_from(["flip", "cut", "splice", "noise"]))
    if how == "noise":
        return draw(st.binary(max_size=2000))
    data = bytearray(good)
    if how == "cut":
        return bytes(data[: draw(st.integers(0, max(len(data) - 1, 0)))])
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        noise = draw(st.binary(min_size=1, max_size=16))
        if how == "flip":
            data[at : at + len(noise)] = noise
        else:
            data[at:at] = noise
    return bytes(data)


def import_damaged(arguments: list[str], path: Path, data: bytes) -> None:
    from headway.cli import app

    path.write_bytes(data)
    before = owned_rows()
    result = runner.invoke(app, [*arguments[:2], str(path), *arguments[2:]])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash: hypothesis shows the file that did it
    assert result.exit_code in {0, 1, 2}, result.output
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        assert owned_rows() == before, "a refused import left rows behind"


FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same cases every run: CI never meets a new one by chance
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FORMATS = {
    "linkedin": (["import", "linkedin"], (DATA / "connections_2024.csv").read_bytes()),
    "vcard": (["import", "vcard"], (DATA / "two_cards_v3.vcf").read_bytes()),
    "jrnl": (["import", "jrnl"], JRNL),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_damaged_contact_and_journal_files_never_crash_or_half_import(
    alice: Any, tmp_path: Path, name: str
) -> None:
    arguments, good = FORMATS[name]
    import_damaged(arguments, tmp_path / f"good.{name}", good)  # the seed works

    @FUZZ
    @given(data=damaged(good))
    def attempt(data: bytes) -> None:
        import_damaged(arguments, tmp_path / f"damaged.{name}", data)

    attempt()


@pytest.mark.django_db
def test_damaged_archives_never_crash_or_half_import(
    alice: Any, bob: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    fill(bob)
    good = export_bytes(bob)

    @FUZZ
    @given(data=damaged(good))
    def attempt(data: bytes) -> None:
        import_damaged(["import", "archive", "--merge"], tmp_path / "bob.zip", data)

    attempt()
