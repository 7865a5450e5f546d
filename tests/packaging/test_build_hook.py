"""setup.py's build hook: htmx goes into every build, or the build fails."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[2]


def build_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("headway_setup", ROOT / "setup.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # not as __main__: setup() does not run
    return module


def checkout(root: Path, *, locked: str, installed: str | None) -> Path:
    lock = {"packages": {"node_modules/htmx.org": {"version": locked}}}
    (root / "package-lock.json").write_text(json.dumps(lock))
    if installed is not None:
        package = root / "node_modules" / "htmx.org"
        (package / "dist").mkdir(parents=True)
        (package / "dist" / "htmx.min.js").write_text("/* htmx */")
        (package / "package.json").write_text(json.dumps({"version": installed}))
    return root


def test_a_checkout_packages_the_htmx_npm_installed(tmp_path: Path) -> None:
    root = checkout(tmp_path, locked="2.0.4", installed="2.0.4")
    expected = root / "node_modules" / "htmx.org" / "dist" / "htmx.min.js"
    assert build_hook().htmx_source(root) == expected


def test_a_checkout_without_node_modules_fails_and_says_run_npm_ci(
    tmp_path: Path,
) -> None:
    hook = build_hook()
    root = checkout(tmp_path, locked="2.0.4", installed=None)
    with pytest.raises(hook.HtmxMissing, match="npm ci"):
        hook.htmx_source(root)


def test_a_stray_copy_in_a_checkout_does_not_stand_in_for_npm(tmp_path: Path) -> None:
    hook = build_hook()
    root = checkout(tmp_path, locked="2.0.4", installed=None)
    stray = root / "src" / "headway" / "static" / "htmx" / "htmx.min.js"
    stray.parent.mkdir(parents=True)
    stray.write_text("/* an old htmx */")
    with pytest.raises(hook.HtmxMissing):
        hook.htmx_source(root)


def test_htmx_other_than_the_lock_pins_fails_the_build(tmp_path: Path) -> None:
    hook = build_hook()
    root = checkout(tmp_path, locked="2.0.4", installed="1.9.12")
    with pytest.raises(hook.HtmxMissing, match=r"1\.9\.12 but package-lock.json pins"):
        hook.htmx_source(root)


def test_an_unpacked_sdist_packages_its_own_copy(tmp_path: Path) -> None:
    packaged = tmp_path / "src" / "headway" / "static" / "htmx" / "htmx.min.js"
    packaged.parent.mkdir(parents=True)
    packaged.write_text("/* htmx */")
    assert build_hook().htmx_source(tmp_path) == packaged


@pytest.mark.packaging
def test_building_a_wheel_without_htmx_fails_and_writes_no_wheel(
    tmp_path: Path,
) -> None:
    # Without build isolation: this shows the hook stops a real build; the
    # isolated build is tests/packaging/test_wheel.py's.
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "node_modules", "build", "dist", "*.egg-info", "tests"
        ),
    )
    command = [sys.executable, "-m", "build", "--wheel", "--no-isolation"]
    result = subprocess.run(
        [*command, "--outdir", str(tmp_path / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert "htmx is missing" in result.stdout + result.stderr
    assert list((tmp_path / "dist").glob("*.whl")) == []
