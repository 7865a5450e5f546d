"""The build hook: the wheel and the sdist carry htmx, copied from node_modules.

Everything else is declared in pyproject.toml. htmx comes from the npm registry
(package.json, pinned by package-lock.json) and is never committed: a build
copies `node_modules/htmx.org/dist/htmx.min.js` into the package's static files
(`headway/static/htmx/`), and fails rather than ship a wheel without it. A
checkout serves the same file straight from node_modules (see settings.py), so
an editable install copies nothing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
# Where the packaged copy lives, relative to the package's static folder.
HTMX = Path("htmx") / "htmx.min.js"


class HtmxMissing(RuntimeError):
    """The build cannot find htmx (or finds one the lock file does not pin)."""


def htmx_source(root: Path = ROOT) -> Path:
    """The htmx file to package: npm's copy in a checkout, else the sdist's own."""
    installed = root / "node_modules" / "htmx.org"
    if (installed / "dist" / "htmx.min.js").is_file():
        htmx_check_pinned(root)
        return installed / "dist" / "htmx.min.js"
    # An unpacked sdist has no node_modules: it carries the copy made below.
    packaged = root / "src" / "headway" / "static" / HTMX
    if packaged.is_file() and not (root / "package-lock.json").exists():
        return packaged
    raise HtmxMissing(
        f"htmx is missing: {installed / 'dist' / 'htmx.min.js'} does not exist. "
        "Run `npm ci` (or `make assets`) first; a wheel without htmx would lose "
        "every live coach and partial update."
    )


def htmx_check_pinned(root: Path) -> None:
    """Refuse a node_modules left over from another lock file."""
    lock = json.loads((root / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/htmx.org"]["version"]
    manifest = root / "node_modules" / "htmx.org" / "package.json"
    installed = json.loads(manifest.read_text())["version"]
    if installed != pinned:
        raise HtmxMissing(
            f"node_modules holds htmx {installed} but package-lock.json pins "
            f"{pinned}: run `npm ci` first."
        )


class BuildPyWithHtmx(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # the checkout serves htmx from node_modules
        target = Path(self.build_lib) / "headway" / "static" / HTMX
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(htmx_source(), target)


class SdistWithHtmx(sdist):
    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        target = Path(base_dir) / "src" / "headway" / "static" / HTMX
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(htmx_source(), target)


if __name__ == "__main__":
    setup(cmdclass={"build_py": BuildPyWithHtmx, "sdist": SdistWithHtmx})
