"""Work-sample files: checked, hashed and stored once per content.

Files go through Django's storage API (under MEDIA_ROOT locally, any object
store in server mode) named by the SHA-256 of their bytes. Every upload is
read and checked before anything is written, and a blob written for a write
that then fails is removed again, so nothing is half-saved.
"""

from __future__ import annotations

import hashlib
import mimetypes
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import default_storage

from headway.core.text import field_error
from headway.journal.kinds import url_is_web
from headway.journal.models import SAMPLE_MAX_BYTES, SAMPLE_NAME_MAX, WorkSample

CHUNK = 1024 * 1024


@dataclass
class CheckedFile:
    """An upload that passed the checks, spooled to a temporary file."""

    name: str
    sha256: str
    size: int
    content_type: str
    spool: IO[bytes]

    @property
    def blob_name(self) -> str:
        return blob_name(self.sha256)


def blob_name(digest: str) -> str:
    return f"samples/{digest[:2]}/{digest}"


def sample_name_clean(raw: str) -> str:
    """A plain file name; one that climbs or names a folder is refused."""
    name = unicodedata.normalize("NFC", raw or "").strip()
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    if "/" in name or "\\" in name or name in {"", ".", ".."}:
        shown = (raw or "")[:60]
        raise field_error(
            "attachments",
            f"The file name {shown!r} is not a plain file name; rename the file "
            "to something like report.pdf.",
            "file_name",
        )
    if len(name) > SAMPLE_NAME_MAX:
        stem, dot, suffix = name.rpartition(".")
        keep = SAMPLE_NAME_MAX - len(suffix) - 1
        name = f"{stem[:keep]}.{suffix}" if dot and keep > 0 else name[:SAMPLE_NAME_MAX]
    return name


def file_check(upload: Any) -> CheckedFile:
    """Read one upload, hashing it; refuse it if empty or over 25 MB."""
    name = sample_name_clean(getattr(upload, "name", "") or "")
    digest = hashlib.sha256()
    size = 0
    spool = tempfile.SpooledTemporaryFile(max_size=CHUNK * 4)  # noqa: SIM115 - returned
    for chunk in _chunks(upload):
        size += len(chunk)
        if size > SAMPLE_MAX_BYTES:
            spool.close()
            raise field_error(
                "attachments",
                f"{name} is over the {SAMPLE_MAX_BYTES // (1024 * 1024)} MB limit "
                "for one file.",
                "too_large",
            )
        digest.update(chunk)
        spool.write(chunk)
    if size == 0:
        spool.close()
        raise field_error("attachments", f"{name} is empty (0 bytes).", "empty_file")
    spool.seek(0)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return CheckedFile(name, digest.hexdigest(), size, content_type, spool)


def _chunks(upload: Any) -> Iterable[bytes]:
    if hasattr(upload, "chunks"):
        if hasattr(upload, "seek"):
            upload.seek(0)
        yield from upload.chunks(CHUNK)
        return
    while chunk := upload.read(CHUNK):
        yield chunk


def files_check(uploads: Iterable[Any]) -> list[CheckedFile]:
    checked: list[CheckedFile] = []
    try:
        for upload in uploads:
            checked.append(file_check(upload))
    except Exception:
        for item in checked:
            item.spool.close()
        raise
    return checked


def links_check(urls: Iterable[str]) -> list[str]:
    cleaned = []
    for raw in urls:
        url = (raw or "").strip()
        if not url:
            continue
        if not url_is_web(url) or len(url) > 2_000:
            raise field_error(
                "links",
                f"{url[:60]!r} is not a web link; links must start with http:// "
                "or https://.",
                "url",
            )
        cleaned.append(url)
    return cleaned


def blobs_store(files: list[CheckedFile]) -> list[str]:
    """Write each content once; return the names this call newly created."""
    created: list[str] = []
    try:
        for item in files:
            if default_storage.exists(item.blob_name):
                continue
            saved = default_storage.save(item.blob_name, File(item.spool))
            if saved != item.blob_name:  # another writer stored it meanwhile
                default_storage.delete(saved)
                continue
            created.append(saved)
    except Exception:
        blobs_remove(created)
        raise
    finally:
        for item in files:
            item.spool.close()
    return created


def blobs_remove(names: Iterable[str]) -> None:
    for name in names:
        default_storage.delete(name)


def blobs_unreferenced(digests: Iterable[str]) -> list[str]:
    """Blob names no sample points at any more (after a delete)."""
    wanted = set(digests) - {""}
    used = set(
        WorkSample.objects.filter(sha256__in=wanted).values_list("sha256", flat=True)
    )
    return [blob_name(digest) for digest in sorted(wanted - used)]


def link_name(url: str) -> str:
    return url.split("://", 1)[-1][:SAMPLE_NAME_MAX]
