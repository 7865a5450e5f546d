"""Writing an output file that only its owner can read (mode 0600)."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_MODE = 0o600


def write_private(path: Path, content: bytes) -> None:
    """Create or replace `path` with mode 0600, whatever the umask."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
    try:
        os.fchmod(handle, PRIVATE_MODE)
        with os.fdopen(handle, "wb") as stream:
            handle = -1
            stream.write(content)
    finally:
        if handle != -1:
            os.close(handle)
