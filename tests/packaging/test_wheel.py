"""Headway as a user gets it: built into a wheel, installed into a fresh venv.

The build is a real `python -m build` (isolated, sdist first and the wheel
built from the unpacked sdist, as a release is made), so a file the sdist
forgets is missing from the wheel too.

The fresh virtual environment gets the wheel through pip; its dependencies
are, by default, linked in from the distributions that `pip install -e .`
already fetched from the package index into the running environment (a full
resolve from the index takes 75 to 105 s here, over the whole suite's budget).
That stays sound because only what the wheel declares is linked: its
Requires-Dist, followed transitively with markers and extras, each version
checked against the specifier that asked for it. A module the wheel uses but
does not declare (a dev-only package, the checkout's own `src/`) is therefore
missing in the new environment and the test fails, as it would for a user.
`HEADWAY_PACKAGING_FROM_INDEX=1` installs the dependencies from the package
index instead (pip's cache keeps that as fast as the index allows).
"""

from __future__ import annotations

import email.parser
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import Distribution, distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "src" / "headway"
NPM_HTMX = ROOT / "node_modules" / "htmx.org" / "dist" / "htmx.min.js"
WHEEL_HTMX = "headway/static/htmx/htmx.min.js"


def run(
    *command: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sdist and wheel built from a copy of the checkout: building writes
    `src/headway.egg-info`, and a write into the checkout's import path while
    other tests run would make their warm workers (rightly) refuse as stale."""
    source = tmp_path_factory.mktemp("source") / "headway"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "node_modules", "build", "dist", "*.egg-info",
            "__pycache__", ".*_cache", ".hypothesis", "artifacts",
        ),
    )  # fmt: skip
    shutil.copytree(
        ROOT / "node_modules" / "htmx.org", source / "node_modules" / "htmx.org"
    )
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, source)
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("headway-*.whl")
    return found


def shipped_files() -> set[str]:
    """Every file under a static or templates folder of the package's source."""
    found = {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and {"static", "templates"} & set(path.relative_to(PACKAGE).parts[:-1])
    }
    assert len(found) > 20, "the walk found too few templates to be right"
    return found


def test_the_wheel_carries_every_template_and_static_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert sorted(shipped_files() - names) == []


def test_the_wheel_carries_the_htmx_that_package_lock_pins(wheel: Path) -> None:
    assert zipfile.ZipFile(wheel).read(WHEEL_HTMX) == NPM_HTMX.read_bytes()


def test_the_sdist_carries_every_template_and_static_file_and_htmx(
    dist: Path,
) -> None:
    (sdist,) = dist.glob("headway-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    expected = {f"src/{name}" for name in shipped_files()} | {f"src/{WHEEL_HTMX}"}
    assert sorted(expected - names) == []


# --- installed into a fresh virtual environment ------------------------------


def wheel_requirements(wheel: Path) -> list[Requirement]:
    archive = zipfile.ZipFile(wheel)
    (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    message = email.parser.Parser().parsestr(archive.read(metadata).decode())
    return [Requirement(line) for line in message.get_all("Requires-Dist") or []]


def runtime_closure(requirements: list[Requirement]) -> list[Distribution]:
    """The installed distributions these requirements need, transitively.

    Each is checked against the specifier that asked for it; a requirement
    whose marker is false here (another platform, an extra nobody asked for)
    is left out, as pip would leave it out.
    """
    found: dict[str, Distribution] = {}
    extras_seen: dict[str, set[str]] = {}
    pending = [(requirement, "") for requirement in requirements]
    while pending:
        requirement, extra = pending.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        found.setdefault(name, distribution(requirement.name))
        version = found[name].version
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{name} {version} does not satisfy {requirement}"
        )
        new = {"", *requirement.extras} - extras_seen.setdefault(name, set())
        extras_seen[name] |= new
        for line in found[name].requires or []:
            pending += [(Requirement(line), extra) for extra in new]
    return list(found.values())


def dependencies_link(wheel: Path, venv: Path) -> None:
    """Make the wheel's dependencies, and nothing else, importable in `venv`."""
    linked = venv / "dependencies"
    linked.mkdir()
    for dist in runtime_closure(wheel_requirements(wheel)):
        assert dist.files, f"{dist.metadata['Name']} lists no files"
        home = Path(str(dist.locate_file("")))
        for top in sorted({file.parts[0] for file in dist.files} - {".."}):
            if not (linked / top).exists():
                (linked / top).symlink_to(home / top)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    site = venv / "lib" / version / "site-packages"
    (site / "headway-dependencies.pth").write_text(f"{linked}\n")


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv") / "venv"
    pip = (sys.executable, "-m", "pip", "--python", venv / "bin" / "python")
    if os.environ.get("HEADWAY_PACKAGING_FROM_INDEX") == "1":
        run(sys.executable, "-m", "venv", "--without-pip", venv)
        run(*pip, "install", "--quiet", wheel)
    else:
        run(sys.executable, "-m", "venv", "--without-pip", venv)
        dependencies_link(wheel, venv)
        run(*pip, "install", "--quiet", "--no-deps", wheel)
    return venv


def installed_env(data_dir: Path) -> dict[str, str]:
    """A user's environment: no checkout on the path, no Headway settings."""
    kept = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HEADWAY_", "PYTHON", "VIRTUAL_ENV", "DJANGO_"))
        and k != "DATABASE_URL"
    }
    return kept | {"HEADWAY_DATA_DIR": str(data_dir), "HEADWAY_WARM": "0"}


def test_the_installed_headway_is_the_wheels_and_knows_its_version(
    venv: Path, wheel: Path, tmp_path: Path
) -> None:
    env = installed_env(tmp_path / "data")
    where = run(
        venv / "bin" / "python",
        "-c",
        "import headway; print(headway.__file__)",
        env=env,
        cwd=tmp_path,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv)
    version = run(venv / "bin" / "headway", "--version", env=env, cwd=tmp_path)
    assert version.stdout.strip() == f"headway {wheel.name.split('-')[1]}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def served(venv: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`headway init` then `headway serve` from the wheel; yields the sign-in link."""
    tmp_path = tmp_path_factory.mktemp("served")
    env = installed_env(tmp_path / "data")
    init = run(venv / "bin" / "headway", "init", env=env, cwd=tmp_path)
    assert "Headway is ready" in init.stdout
    server = subprocess.Popen(
        [venv / "bin" / "headway", "serve", "--port", str(free_port())],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        link = next(
            (w for line in server.stdout for w in line.split() if "/login/" in w), ""
        )
        assert link, server.stderr.read() if server.stderr else "no sign-in link"
        yield link
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch(
    opener: urllib.request.OpenerDirector, url: str | urllib.request.Request
) -> tuple[int, bytes]:
    """Open `url`, waiting up to 30 s for the server to start listening."""
    deadline = time.monotonic() + 30
    while True:
        try:
            with opener.open(url, timeout=30) as response:
                return int(response.status), bytes(response.read())
        except urllib.error.URLError as error:
            if isinstance(error, urllib.error.HTTPError):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@dataclass(frozen=True)
class SignedIn:
    opener: urllib.request.OpenerDirector
    origin: str
    landing: bytes


@pytest.fixture(scope="module")
def signed_in(served: str) -> SignedIn:
    """A client that followed the one-time sign-in link to the dashboard."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    status, page = fetch(opener, served)
    assert status == 200
    return SignedIn(opener, served.split("/login/")[0], page)


def test_the_installed_wheel_serves_its_pages_with_htmx(signed_in: SignedIn) -> None:
    assert b'src="/static/htmx/htmx.min.js"' in signed_in.landing
    script = fetch(signed_in.opener, f"{signed_in.origin}/static/htmx/htmx.min.js")
    assert script == (200, NPM_HTMX.read_bytes())
    # Every area's page renders from the wheel's own templates, with htmx.
    menu = re.search(
        rb'<nav[^>]* aria-label="Main">(.*?)</nav>', signed_in.landing, re.S
    )
    assert menu is not None
    areas = re.findall(rb'href="(/[^"]*)"', menu.group(1))
    assert len(areas) >= 5
    for area in areas:
        status, body = fetch(signed_in.opener, signed_in.origin + area.decode())
        assert (status, b"/static/htmx/htmx.min.js" in body) == (200, True), area


def test_the_installed_wheel_answers_the_live_smart_coach(
    signed_in: SignedIn,
) -> None:
    token = re.search(rb'"X-CSRFToken": "([^"]+)"', signed_in.landing)
    assert token is not None
    draft = urllib.request.Request(
        f"{signed_in.origin}/goals/coach/",
        data=b"statement=Get+better+at+public+speaking",
        headers={"HX-Request": "true", "X-CSRFToken": token.group(1).decode()},
    )
    status, partial = fetch(signed_in.opener, draft)
    assert status == 200
    assert b'id="smart-coach"' in partial
    assert b"<html" not in partial  # the fragment alone, as htmx swaps it in
