"""Everything an owner has, out to one archive and back in (issue 13 §7).

`kinds` finds the owned models by walking the app registry, `gather` writes
them out with the archive's own ids, `restore` reads them back in one
transaction. The file format itself (manifest, checksums, version, member
safety) is `headway.exchange.archive`.
"""

from __future__ import annotations

from headway.reviews.archive.gather import archive_export, archive_gather
from headway.reviews.archive.restore import (
    ArchiveImported,
    ArchiveRejected,
    archive_import,
)

__all__ = [
    "ArchiveImported",
    "ArchiveRejected",
    "archive_export",
    "archive_gather",
    "archive_import",
]
