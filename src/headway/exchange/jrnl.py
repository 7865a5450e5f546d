"""jrnl's journals, in and out: its plain-text file and its JSON export.

Each format is a small class that turns text into records and records back
into text. Reading is strict: a line that cannot be read is reported with
its number, and the caller imports nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

DEFAULT_TIMEFORMAT = "%Y-%m-%d %H:%M"
_TAG = re.compile(r"(?<![\w@])@([\w][\w\-./+]*)")
_SENTENCE = re.compile(r"^(.*?[.?!]+)(?:\s+|$)(.*)$", re.S)
# strftime directives and what each looks like, to find entry starts.
_DIRECTIVES = {
    "%Y": r"\d{4}", "%m": r"\d{1,2}", "%d": r"\d{1,2}", "%H": r"\d{1,2}",
    "%I": r"\d{1,2}", "%M": r"\d{1,2}", "%S": r"\d{1,2}", "%p": r"[AaPp][Mm]",
    "%y": r"\d{2}", "%b": r"[A-Za-z]{3}", "%B": r"[A-Za-z]+", "%a": r"[A-Za-z]{3}",
    "%A": r"[A-Za-z]+", "%j": r"\d{1,3}", "%%": "%",
}  # fmt: skip


class JrnlError(ValueError):
    """A journal that cannot be read; carries every problem with its line."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors[:5]))
        self.errors = errors


@dataclass
class JrnlEntry:
    when: datetime
    title: str
    body: str = ""
    starred: bool = False
    tags: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def key(self) -> str:
        """The same entry always gives the same key: what makes imports idempotent."""
        seed = f"{self.when:%Y-%m-%d %H:%M}\x1f{self.title}\x1f{self.body}"
        return hashlib.sha256(seed.encode()).hexdigest()


def tags_in(text: str) -> list[str]:
    return list(dict.fromkeys(t.rstrip(".,;:!?").lower() for t in _TAG.findall(text)))


def split_title(text: str) -> tuple[str, str]:
    """jrnl's rule: the title is the first sentence, the rest is the body."""
    match = _SENTENCE.match(text.strip())
    if not match:
        return text.strip(), ""
    return match.group(1).strip(), match.group(2).strip()


class JrnlText:
    """jrnl's own file: `[2026-03-01 09:15] Title. Body…`, blank lines inside."""

    name = "text"

    def __init__(self, timeformat: str = DEFAULT_TIMEFORMAT) -> None:
        self.timeformat = timeformat
        pattern = re.escape(timeformat)
        for directive, shape in _DIRECTIVES.items():
            pattern = pattern.replace(re.escape(directive), shape)
        self._start = re.compile(rf"^(\[)?(?P<when>{pattern})(?(1)\]) ?(?P<rest>.*)$")
        self._loose = re.compile(r"^\[?\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}\]? ")

    def read(self, text: str) -> list[JrnlEntry]:
        entries: list[JrnlEntry] = []
        lines: list[list[str]] = []
        errors: list[str] = []
        for number, line in enumerate(text.splitlines(), start=1):
            match = self._start.match(line)
            if match:
                when = self._when(match.group("when"))
                if when is None:
                    errors.append(
                        f"line {number}: cannot read the date "
                        f"{match.group('when')!r} (timeformat {self.timeformat})"
                    )
                    continue
                entries.append(JrnlEntry(when=when, title="", line=number))
                lines.append([match.group("rest")])
            elif lines:
                lines[-1].append(line)
            elif line.strip():
                hint = "does not start with a date"
                if self._loose.match(line):
                    hint = "has a date in another format; try --timeformat"
                errors.append(f"line {number}: {hint}: {line[:40]!r}")
        if errors:
            raise JrnlError(errors)
        return [
            self._finish(entry, body)
            for entry, body in zip(entries, lines, strict=True)
        ]

    def _when(self, text: str) -> datetime | None:
        try:
            return datetime.strptime(text, self.timeformat)  # noqa: DTZ007 - jrnl stores local wall time
        except ValueError:
            return None

    def _finish(self, entry: JrnlEntry, lines: list[str]) -> JrnlEntry:
        first, rest = lines[0].rstrip(), "\n".join(lines[1:])
        if first.endswith("*"):
            entry.starred = True
            first = first[:-1].rstrip()
        title, more = split_title(first)
        entry.title = title
        entry.body = "\n".join(
            part for part in (more, rest.strip("\n")) if part
        ).strip()
        entry.tags = tags_in(f"{title}\n{entry.body}")
        return entry

    def write(self, entries: Iterable[JrnlEntry]) -> str:
        blocks = []
        for entry in entries:
            star = " *" if entry.starred else ""
            head = f"[{entry.when.strftime(self.timeformat)}] {entry.title}{star}"
            blocks.append(f"{head}\n{entry.body}".rstrip() + "\n")
        return "\n".join(blocks)


class JrnlJson:
    """`jrnl --export json`: {"tags": {...}, "entries": [{"date", "time", …}]}."""

    name = "json"

    def read(self, text: str) -> list[JrnlEntry]:
        try:
            data = json.loads(text)
            items = data["entries"]
        except (ValueError, KeyError, TypeError):
            raise JrnlError(
                ["not jrnl JSON: expected an object with an 'entries' list"]
            ) from None
        entries, errors = [], []
        for number, item in enumerate(items, start=1):
            try:
                entries.append(self._entry(item, number))
            except (KeyError, TypeError, ValueError) as error:
                errors.append(f"entry {number}: cannot read it ({error})")
        if errors:
            raise JrnlError(errors)
        return entries

    def _entry(self, item: dict[str, Any], number: int) -> JrnlEntry:
        when = datetime.strptime(  # noqa: DTZ007 - jrnl stores local wall time
            f"{item['date']} {item.get('time') or '00:00'}", "%Y-%m-%d %H:%M"
        )
        title, body = str(item.get("title", "")), str(item.get("body", ""))
        tags = [str(t).lstrip("@").lower() for t in item.get("tags", [])]
        return JrnlEntry(
            when=when,
            title=title.strip(),
            body=body.strip(),
            starred=bool(item.get("starred")),
            tags=tags or tags_in(f"{title}\n{body}"),
            line=number,
        )

    def write(self, entries: Iterable[JrnlEntry]) -> str:
        items: list[dict[str, Any]] = [
            {
                "title": e.title,
                "body": e.body,
                "date": e.when.strftime("%Y-%m-%d"),
                "time": e.when.strftime("%H:%M"),
                "tags": [f"@{t}" for t in e.tags],
                "starred": e.starred,
            }
            for e in entries
        ]
        counts: dict[str, int] = {}
        for item in items:
            for tag in item["tags"]:
                counts[tag] = counts.get(tag, 0) + 1
        return json.dumps(
            {"tags": counts, "entries": items}, ensure_ascii=False, indent=2
        )


FORMATS: dict[str, type[JrnlText] | type[JrnlJson]] = {
    "text": JrnlText,
    "json": JrnlJson,
}


def detect(text: str) -> str:
    return "json" if text.lstrip().startswith("{") else "text"


def occurred_on(entry: JrnlEntry) -> date:
    return entry.when.date()


def from_entry(entry: Any) -> JrnlEntry:
    """A log entry as jrnl sees it: tags appended to the body as @words."""
    missing = [
        t for t in entry.tag_names if f"@{t}" not in f"{entry.title} {entry.body}"
    ]
    body = (
        entry.body + ("\n" if entry.body else "") + " ".join(f"@{t}" for t in missing)
    )
    day = entry.occurred_on
    return JrnlEntry(
        when=datetime(day.year, day.month, day.day, 9, 0),  # noqa: DTZ001 - jrnl's wall time
        title=entry.title,
        body=body.strip(),
        starred=entry.starred,
        tags=list(entry.tag_names),
    )
