"""Memory and time of a contacts import preview: streamed (this code) or the
whole file read first.

    HEADWAY_DATA_DIR=$(mktemp -d) python bench/import_preview_memory.py MODE ROWS

MODE is `stream` or `whole`, with `-same` for a file of one person repeated.
Prints the time and the growth of the process's max RSS.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def generate(path: Path, rows: int, *, same: bool) -> None:
    with path.open("wb") as out:
        out.write(HEADER)
        for n in range(rows):
            who = 0 if same else n
            out.write(
                f"Ann{who},Lee{who},https://www.linkedin.com/in/ann-{who},"
                f"ann{who}@example.org,Acme {who % 500},Senior Engineer,"
                "12 Mar 2021\n".encode()
            )


def main() -> None:
    mode, rows = sys.argv[1], int(sys.argv[2])
    os.environ["DJANGO_SETTINGS_MODULE"] = "headway.settings"
    from headway.core.bootstrap import ensure_initialised

    ensure_initialised()
    from headway.accounts.services import owner_ensure
    from headway.exchange import linkedin
    from headway.network.importing import contacts_import_preview

    same = mode.endswith("-same")
    path = Path(os.environ["HEADWAY_DATA_DIR"]) / f"connections-{rows}-{same}.csv"
    if not path.exists():
        generate(path, rows, same=same)
    owner = owner_ensure()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with path.open("rb") as handle:
        parsed = (
            linkedin.parse_stream(handle)
            if mode.startswith("stream")
            else linkedin.parse(handle.read())
        )
        report = contacts_import_preview(owner=owner, parsed=parsed)
    took = time.perf_counter() - start
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    size = path.stat().st_size / 1e6
    print(
        f"{mode}: {size:.1f} MB, {rows} rows, {report.created} new, "
        f"{report.skipped} skipped: {took:.1f} s, max RSS +{grown:.0f} MB"
    )


if __name__ == "__main__":
    main()
