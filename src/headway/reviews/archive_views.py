"""The profile page's "Download all my data" and the upload that restores it."""

from __future__ import annotations

import tempfile

from django import forms
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from headway.core.errors import HeadwayError
from headway.core.rendering import render_page
from headway.exchange.archive import MAX_TOTAL_BYTES, ArchiveError, archive_read
from headway.reviews.archive import archive_export, archive_import

SPOOL_BYTES = 8 * 1024 * 1024


class ArchiveImportForm(forms.Form):
    archive = forms.FileField(
        label="Archive (.zip)",
        help_text="A file from “Download all my data” or `headway export archive`.",
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
    merge = forms.BooleanField(
        required=False,
        label="Add to the data I have (rows I already have are kept once)",
    )
    confirm = forms.BooleanField(
        label="I want to import this archive into my account",
        help_text="Nothing changes unless the whole archive imports.",
    )


@require_GET
@never_cache
def archive_download(request: HttpRequest) -> FileResponse:
    """Everything the signed-in owner has, as one zip; nobody else's rows."""
    # FileResponse closes it once the body is sent.
    target = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    archive_export(owner=request.user, target=target)
    target.seek(0)
    day = timezone.localdate().isoformat()
    return FileResponse(
        target,
        as_attachment=True,
        filename=f"headway-archive-{day}.zip",
        content_type="application/zip",
    )


@require_http_methods(["GET", "POST"])
def archive_upload(request: HttpRequest) -> HttpResponse:
    """Restore an archive: every check first, then all rows or none."""
    form = ArchiveImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["archive"]
        try:
            if upload.size > MAX_TOTAL_BYTES:
                raise ArchiveError("The file is larger than any archive can be.")
            with archive_read(upload) as reader:
                report = archive_import(
                    owner=request.user,
                    reader=reader,
                    merge=form.cleaned_data["merge"],
                )
        except ArchiveError as error:
            form.add_error("archive", f"Nothing imported: {error}")
        except HeadwayError as error:
            form.add_error("archive", error.message)
    status = 400 if request.method == "POST" and report is None else 200
    return render_page(
        request,
        "reviews/archive_import.html",
        {"form": form, "report": report},
        status=status,
    )
