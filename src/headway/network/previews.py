"""Import previews: the uploaded file is kept (in Django's storage) between the
preview and the owner's confirmation, for an hour at most.

The preview reads the stored file as a stream, so memory does not grow with
the file's size. Confirming or cancelling deletes the file; so does the first
preview anyone makes after it expired, and a confirmation that comes too late.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import IO, Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from headway.core.errors import HeadwayError, NotFound
from headway.exchange import linkedin, vcard
from headway.exchange.contact_records import StreamedContacts
from headway.network.importing import (
    ImportReport,
    contacts_import,
    contacts_import_preview,
)
from headway.network.models import ImportPreview

PREVIEW_TTL = timedelta(hours=1)
STREAM_PARSERS: dict[str, Callable[[IO[bytes]], StreamedContacts]] = {
    "linkedin": linkedin.parse_stream,
    "vcard": vcard.parse_stream,
}


class PreviewExpired(HeadwayError):
    """The preview is older than an hour; its file is gone."""

    status = 410


def previews_expired_delete(*, now: datetime | None = None) -> int:
    """Delete every owner's expired previews and their files; return how many."""
    now = now or timezone.now()
    expired = list(ImportPreview.objects.filter(expires_at__lte=now))
    for preview in expired:
        _forget(preview)
    return len(expired)


def preview_create(
    *, owner: Any, source: str, upload: Any
) -> tuple[ImportReport, ImportPreview | None]:
    """Store the upload, preview its import; keep it only if it can be imported.

    Returns the report and, when the file has no errors, the preview to confirm.
    """
    if source not in STREAM_PARSERS:
        raise HeadwayError("Import source is linkedin or vcard.")
    previews_expired_delete()
    token = uuid.uuid4()
    name = default_storage.save(f"imports/{owner.pk}/{token}.{source}", upload)
    try:
        with default_storage.open(name, "rb") as stored:
            report = contacts_import_preview(
                owner=owner, parsed=STREAM_PARSERS[source](stored)
            )
        if report.errors:
            default_storage.delete(name)
            return report, None
        with transaction.atomic():
            preview = ImportPreview.objects.create(
                owner=owner,
                token=token,
                source=source,
                blob_name=name,
                expires_at=timezone.now() + PREVIEW_TTL,
            )
    except BaseException:
        default_storage.delete(name)
        raise
    return report, preview


def _preview_get(*, owner: Any, token: str) -> ImportPreview:
    try:
        wanted = uuid.UUID(str(token))
    except ValueError:
        raise NotFound("No such import preview; upload the file again.") from None
    preview: ImportPreview | None = (
        ImportPreview.objects.for_owner(owner).filter(token=wanted).first()
    )
    if preview is None:
        raise NotFound("No such import preview; upload the file again.")
    return preview


def preview_confirm(*, owner: Any, token: str) -> ImportReport:
    """Import the previewed file, then delete it (imported or refused).

    An expired preview is refused (and deleted): the owner uploads it again.
    """
    preview = _preview_get(owner=owner, token=token)
    try:
        if preview.expires_at <= timezone.now():
            raise PreviewExpired(
                "This preview has expired (a preview is kept for an hour); "
                "nothing was imported. Upload the file again."
            )
        with default_storage.open(preview.blob_name, "rb") as stored:
            return contacts_import(
                owner=owner, parsed=STREAM_PARSERS[preview.source](stored)
            )
    finally:
        _forget(preview)


def preview_cancel(*, owner: Any, token: str) -> None:
    """Drop a preview without importing: its file is deleted."""
    _forget(_preview_get(owner=owner, token=token))


def _forget(preview: ImportPreview) -> None:
    default_storage.delete(preview.blob_name)
    ImportPreview.objects.filter(pk=preview.pk).delete()
