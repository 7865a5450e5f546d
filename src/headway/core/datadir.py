"""The local data directory belongs to its owner alone: 0700, every file 0600.

The database, its WAL and the secret key are the user's whole career record;
anyone else on the machine must not be able to read or copy them.
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import suppress
from pathlib import Path

DIRECTORY_MODE = 0o700
FILE_MODE = 0o600


def data_dir_create(path: Path) -> None:
    """Create the data directory (and its parents) owner-only, if missing."""
    path.mkdir(mode=DIRECTORY_MODE, parents=True, exist_ok=True)


def data_dir_private(path: Path) -> int:
    """Close the data directory to others if it is open, with a note on stderr.

    Cheap when all is well (the folder and its top-level files are checked);
    the whole tree is walked only when something there was open, as in a data
    directory made before Headway kept it private. Returns how many modes
    changed.
    """
    if not path.is_dir() or _private(path):
        return 0
    changed = _tighten(path)
    for root, folders, files in os.walk(path):
        changed += sum(_tighten(Path(root, name)) for name in (*folders, *files))
    if changed:
        sys.stderr.write(
            f"headway: {path} could be read by other users of this machine; "
            f"it is now its owner's only (folders 0700, files 0600, {changed} "
            "changed).\n"
        )
    return changed


def _private(path: Path) -> bool:
    entries = [path, *path.iterdir()]
    return all(_wanted(entry.lstat().st_mode) is None for entry in entries)


def _wanted(mode: int) -> int | None:
    """The mode this entry should have, or None when it is already private."""
    if stat.S_ISDIR(mode):
        return None if stat.S_IMODE(mode) & 0o077 == 0 else DIRECTORY_MODE
    if stat.S_ISREG(mode):
        return None if stat.S_IMODE(mode) & 0o077 == 0 else FILE_MODE
    return None  # links and sockets: not followed, not changed


def _tighten(path: Path) -> int:
    try:
        wanted = _wanted(path.lstat().st_mode)
        if wanted is None:
            return 0
        path.chmod(wanted)
    except OSError:
        return 0
    return 1


def file_create_private(path: Path) -> None:
    """Create an empty owner-only file if there is none, before a library makes
    it with the umask's mode (SQLite gives its WAL the database file's mode)."""
    path.parent.mkdir(mode=DIRECTORY_MODE, parents=True, exist_ok=True)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


def file_write_private(path: Path, text: str) -> None:
    """Write `text` to an owner-only file."""
    path.parent.mkdir(mode=DIRECTORY_MODE, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
