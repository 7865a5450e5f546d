"""Real `headway` processes in a place of their own, for tests that need them.

A place is a data directory plus its own short socket folder (TMPDIR), so
warm workers never meet the suite's or the user's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADWAY = [sys.executable, "-m", "headway"]


class Place:
    def __init__(self, root: Path) -> None:
        self.data = root / "data"
        # Its own short folder: pytest's paths can be too long for a socket.
        self.run = Path(tempfile.mkdtemp(prefix="hw-", dir="/tmp"))
        base = {k: v for k, v in os.environ.items() if not k.startswith("HEADWAY_")}
        base.pop("DATABASE_URL", None)
        base.pop("XDG_RUNTIME_DIR", None)
        self.env = base | {
            "HEADWAY_DATA_DIR": str(self.data),
            "HEADWAY_SECRET_KEY": "test",
            "HEADWAY_WARM": "1",
            "TMPDIR": str(self.run),
        }

    def headway(
        self,
        *arguments: str,
        stdin: str = "",
        cwd: Path | None = None,
        umask: int | None = None,
        **env: str,
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*HEADWAY, *arguments],
            env=self.env | env,
            input=stdin,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            # a single-threaded test process: preexec_fn is safe here
            preexec_fn=None if umask is None else (lambda: os.umask(umask)),
        )

    def sockets(self) -> list[Path]:
        return list(self.run.glob("headway-*/*.sock"))

    def wait_for_worker(self) -> None:
        deadline = time.monotonic() + 60
        while not self.sockets():
            assert time.monotonic() < deadline, "no warm worker came up"
            time.sleep(0.1)

    def gone(self, pids: list[int]) -> bool:
        deadline = time.monotonic() + 10
        while set(pids) & set(self.workers()):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def workers(self) -> list[int]:
        found = []
        for environ in Path("/proc").glob("[0-9]*/environ"):
            try:
                if f"TMPDIR={self.run}".encode() in environ.read_bytes().split(b"\0"):
                    found.append(int(environ.parent.name))
            except OSError:
                continue
        return found
