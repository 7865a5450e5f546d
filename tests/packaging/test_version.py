"""One version, from the package metadata; the CHANGELOG's sections match it."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from packaging.version import Version
from typer.testing import CliRunner

from headway.cli import app

CHANGELOG = (Path(__file__).parents[2] / "CHANGELOG.md").read_text()
# "## 0.2.0 — 2027-01-15": a released version and the day it was released.
RELEASED = re.compile(r"^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})$")


def test_headway_version_prints_the_installed_packages_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"headway {version('headway')}\n"


def test_the_package_knows_its_version_from_the_metadata() -> None:
    import headway

    assert headway.__version__ == version("headway")


def changelog_sections() -> list[str]:
    return [line for line in CHANGELOG.splitlines() if line.startswith("## ")]


def test_the_changelog_opens_with_unreleased_then_releases_newest_first() -> None:
    sections = changelog_sections()
    assert sections[0] == "## Unreleased"
    released = [RELEASED.match(section) for section in sections[1:]]
    assert None not in released, "a section is neither Unreleased nor a release"
    versions = [Version(match.group(1)) for match in released if match]
    assert versions == sorted(versions, reverse=True)


def test_a_released_version_has_its_changelog_section() -> None:
    current = Version(version("headway"))
    released = {
        Version(match.group(1))
        for section in changelog_sections()
        if (match := RELEASED.match(section))
    }
    if current.is_devrelease or current.is_prerelease:
        assert current.base_version not in {str(v) for v in released}, (
            f"{current} is a development version of a release already made"
        )
    else:
        assert current in released, f"CHANGELOG.md has no section for {current}"
