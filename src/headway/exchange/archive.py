"""The Headway archive: every row of one owner as JSON, plus the sample files.

A zip with three kinds of member:

- `data.json`: the rows, `{"format", "version", "models": {label: [row]}}`;
- `samples/<sha256>`: one member per stored work-sample file, named by its
  digest;
- `manifest.json`: the format, its version, what was left out and why, and
  the SHA-256 of every other member.

Writing is deterministic (sorted keys, fixed member dates, members in name
order) so two archives of the same data are the same bytes. Reading checks
everything before the caller sees a row: a zip that opens, a manifest, a
version this code reads, member names that stay inside the archive, each
member's digest, and caps on member count and unpacked size (zip bombs).
Pure Python: no Django, no app.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

FORMAT = "headway-archive"
VERSION = 1
DATA = "data.json"
MANIFEST = "manifest.json"
SAMPLES = "samples/"
# 2 GiB unpacked and 200,000 members: far above a decade of log entries with
# their samples (a sample is at most 25 MB), far below what fills a disk.
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_MEMBERS = 200_000
# The zip epoch: members carry no clock time, so archives compare byte for byte.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
CHUNK = 1024 * 1024
DIGEST = re.compile(r"[0-9a-f]{64}")


class ArchiveError(Exception):
    """The archive cannot be read; the message is one line for the owner."""


def dumps(value: Any) -> bytes:
    """The one JSON spelling the archive uses: sorted keys, UTF-8, a newline."""
    text = json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def sample_member(digest: str) -> str:
    return f"{SAMPLES}{digest}"


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100600 & 0xFFFF) << 16
    info.create_system = 3  # unix, so the mode above means what it says
    return info


def archive_write(
    target: IO[bytes],
    *,
    data: Mapping[str, Any],
    samples: Iterable[tuple[str, Callable[[], IO[bytes]]]],
    notes: Sequence[str] = (),
) -> dict[str, Any]:
    """Write the archive to `target`; return the manifest.

    `data` is the JSON body (its `format` and `version` are set here);
    `samples` pairs each file's SHA-256 with a way to open its bytes.
    """
    body = dumps({**data, "format": FORMAT, "version": VERSION})
    sums: dict[str, str] = {DATA: hashlib.sha256(body).hexdigest()}
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(_info(DATA), body)
        for digest, opener in sorted(samples, key=lambda pair: pair[0]):
            if not DIGEST.fullmatch(digest):
                raise ArchiveError(f"{digest!r} is not a SHA-256 digest.")
            name = sample_member(digest)
            if name in sums:
                continue
            hasher = hashlib.sha256()
            with opener() as source, archive.open(_info(name), "w") as member:
                while chunk := source.read(CHUNK):
                    hasher.update(chunk)
                    member.write(chunk)
            sums[name] = hasher.hexdigest()
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "notes": list(notes),
            "sha256": dict(sorted(sums.items())),
        }
        archive.writestr(_info(MANIFEST), dumps(manifest))
    return manifest


def member_name_safe(name: str) -> bool:
    """A name that unpacks inside the archive's folder and nowhere else."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name:
        return False
    if re.match(r"^[A-Za-z]:", name):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


@dataclass(frozen=True)
class ArchiveReader:
    """A checked archive: its data, its manifest and its sample files."""

    zip: zipfile.ZipFile
    manifest: dict[str, Any]
    data: dict[str, Any]
    samples: frozenset[str]

    def open_sample(self, digest: str) -> IO[bytes]:
        return self.zip.open(sample_member(digest))

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _json(raw: bytes, name: str) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ArchiveError(f"{name} in the archive is not valid JSON.") from None
    if not isinstance(value, dict):
        raise ArchiveError(f"{name} in the archive is not a JSON object.")
    return value


def _version_check(document: Mapping[str, Any], name: str) -> None:
    if document.get("format") != FORMAT:
        raise ArchiveError(f"{name} does not describe a Headway archive.")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ArchiveError(f"{name} has no valid format version.")
    if version > VERSION:
        raise ArchiveError(
            f"The archive is format {version}, made by a newer Headway; this "
            f"one reads up to format {VERSION}. Update Headway to import it."
        )


def _digest(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    hasher = hashlib.sha256()
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            hasher.update(chunk)
    return hasher.hexdigest()


def archive_read(
    source: IO[bytes] | str,
    *,
    max_total_bytes: int = MAX_TOTAL_BYTES,
    max_members: int = MAX_MEMBERS,
) -> ArchiveReader:
    """Open and check an archive; every problem is one ArchiveError."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ArchiveError("The file is not a readable zip archive.") from None
    try:
        return _checked(archive, max_total_bytes, max_members)
    except ArchiveError:
        archive.close()
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
    ) as error:
        archive.close()
        raise ArchiveError(f"The zip archive is corrupted ({error}).") from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted, odd method
        archive.close()
        raise ArchiveError(f"The zip archive cannot be read ({error}).") from None


def _checked(
    archive: zipfile.ZipFile, max_total_bytes: int, max_members: int
) -> ArchiveReader:
    infos = archive.infolist()
    if len(infos) > max_members:
        raise ArchiveError(
            f"The archive has {len(infos)} members; the limit is {max_members}."
        )
    total = sum(info.file_size for info in infos)
    if total > max_total_bytes:
        raise ArchiveError(
            f"The archive unpacks to {total} bytes; the limit is {max_total_bytes}."
        )
    names: set[str] = set()
    for info in infos:
        if not member_name_safe(info.filename):
            raise ArchiveError(
                f"The archive has a member named {info.filename!r}, outside its "
                "folder; it is refused."
            )
        if info.filename in names:
            raise ArchiveError(f"The archive has {info.filename!r} twice.")
        names.add(info.filename)
    if MANIFEST not in names:
        raise ArchiveError("The archive has no manifest.json; it is not a Headway one.")
    manifest = _json(archive.read(MANIFEST), MANIFEST)
    _version_check(manifest, MANIFEST)
    sums = manifest.get("sha256")
    if not isinstance(sums, dict) or DATA not in sums:
        raise ArchiveError("The manifest lists no checksum for data.json.")
    samples: set[str] = set()
    for info in infos:
        name = info.filename
        if name == MANIFEST or info.is_dir():
            continue
        expected = sums.get(name)
        if not isinstance(expected, str):
            raise ArchiveError(f"{name} is in the archive but not in its manifest.")
        if name.startswith(SAMPLES):
            digest = name.removeprefix(SAMPLES)
            if not DIGEST.fullmatch(digest) or digest != expected:
                raise ArchiveError(f"{name} is not named by its SHA-256.")
            samples.add(digest)
        elif name != DATA:
            raise ArchiveError(f"{name} is not a member a Headway archive has.")
        if _digest(archive, info) != expected:
            raise ArchiveError(
                f"{name} does not match its SHA-256 in the manifest; the archive "
                "is damaged or was changed."
            )
    missing = sorted(set(sums) - names)
    if missing:
        raise ArchiveError(f"The manifest lists {missing[0]}, which is missing.")
    data = _json(archive.read(DATA), DATA)
    _version_check(data, DATA)
    if not isinstance(data.get("models"), dict):
        raise ArchiveError("data.json has no models.")
    return ArchiveReader(
        zip=archive, manifest=manifest, data=data, samples=frozenset(samples)
    )
