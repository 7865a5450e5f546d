"""`headway log`, `headway entries`, `headway entry edit|delete`, `headway near`.

Only what a command needs is imported, inside it: `headway near` never loads
Django, and `--help` loads nothing but Typer.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from headway.cli.output import fail, guarded, print_json, print_table

if TYPE_CHECKING:  # Django is imported inside the commands that need it
    from headway.journal.selectors import CaptureReading

entry_app = typer.Typer(help="Change or delete one entry.", no_args_is_help=True)

KINDS_HELP = (
    "accomplishment, learning, content, talk, feedback, reading, initiative, "
    "meeting, setback or note. Without it, the kind is read from the text and "
    "said on stderr."
)
_AT_TAG = re.compile(r"(?<![\w@])@([\w][\w\-./+]*)")
TITLE_MAX = 300
_FIRST_SENTENCE = re.compile(rf"(.{{1,{TITLE_MAX}}}?[.!?])\s+(\S.*)$", re.S)

# Option name -> key in Entry.details; the service checks each against the kind.
DETAIL_OPTIONS = {
    "subtype": "subtype",
    "provider": "provider",
    "hours": "hours",
    "outcome": "outcome",
    "expires": "expires_on",
    "published_where": "published_where",
    "url": "url",
    "venue_kind": "venue_kind",
    "venue": "venue",
    "audience": "audience_size",
    "slides": "slides_url",
    "direction": "direction",
    "person": "person",
    "tone": "tone",
    "adjustment": "adjustment",
    "publication": "publication",
    "trend": "trend",
    "view": "point_of_view",
    "shared_where": "shared_where",
    "with_role": "with_role",
    "agenda": "agenda",
    "notes": "notes",
    "follow_ups": "follow_ups",
    "went_wrong": "what_went_wrong",
    "differently": "do_differently",
    "lesson": "lesson",
}


def _opt(*names: str, help: str) -> Any:
    return typer.Option("", *names, help=help, rich_help_panel="Kind fields")


def log(
    text: str | None = typer.Argument(
        None,
        help="What happened. The first sentence is the title, the rest the body; "
        "@words become tags. Leave it out to write in $EDITOR.",
    ),
    kind: str = typer.Option("", "--kind", "-k", help=KINDS_HELP),
    date: str = typer.Option(
        "", "--date", "-d", help="When: 2026-03-14, yesterday, 'last friday'."
    ),
    tag: list[str] = typer.Option([], "--tag", "-t", help="A tag; repeat for more."),
    body: str = typer.Option("", "--body", help="Notes, in Markdown."),
    numbers: str = typer.Option("", "--numbers", help="NEAR: what can be counted."),
    example: str = typer.Option("", "--example", help="NEAR: the concrete case."),
    achievement: str = typer.Option("", "--achievement", help="NEAR: what you did."),
    result: str = typer.Option("", "--result", help="NEAR: what changed, for whom."),
    star: bool = typer.Option(False, "--star", help="Mark it as a best-of entry."),
    attach: list[Path] = typer.Option(
        [], "--attach", "-a", help="A work-sample file (≤ 25 MB); repeat for more."
    ),
    link: list[str] = typer.Option(
        [], "--link", help="A work-sample link; repeatable."
    ),
    goal: list[int] = typer.Option([], "--goal", help="A goal id it moves forward."),
    skill: list[str] = typer.Option([], "--skill", help="A skill it shows."),
    contact: list[int] = typer.Option(
        [], "--contact", help="A contact id it involves (headway contact list)."
    ),
    subtype: str = _opt(
        "--subtype",
        help="learning: course/exam/certification/"
        "book/workshop; content: blog_post/article/video/"
        "open_source; initiative: raised_hand/responsibility/"
        "volunteered/led_project/spoke_up.",
    ),
    provider: str = _opt("--provider", help="learning: who ran it."),
    hours: str = _opt("--hours", help="learning: hours spent."),
    outcome: str = _opt("--outcome", help="learning: completed, passed, a score."),
    expires: str = _opt("--expires", help="learning: 'in 3 years', 2029-06-30."),
    published_where: str = _opt("--published-where", help="content: where."),
    url: str = _opt("--url", help="content: its link."),
    venue_kind: str = _opt(
        "--venue-kind", help="talk: user_group, meetup, conference, internal."
    ),
    venue: str = _opt("--venue", help="talk: where."),
    audience: str = _opt("--audience", help="talk: audience size."),
    slides: str = _opt("--slides", help="talk: link to the slides."),
    direction: str = _opt("--direction", help="feedback: received or given."),
    person: str = _opt("--person", help="feedback: from or to whom."),
    tone: str = _opt("--tone", help="feedback: positive, constructive, critical."),
    adjustment: str = _opt("--adjustment", help="feedback: what I will adjust."),
    publication: str = _opt("--publication", help="reading: what I read."),
    trend: str = _opt("--trend", help="reading: the industry or trend."),
    view: str = _opt("--view", help="reading: my point of view."),
    shared_where: str = _opt("--shared-where", help="reading: where I shared it."),
    with_role: str = _opt("--with-role", help="meeting: manager or mentor."),
    agenda: str = _opt("--agenda", help="meeting: agenda."),
    notes: str = _opt("--notes", help="meeting: notes."),
    follow_ups: str = _opt("--follow-ups", help="meeting: follow-ups."),
    went_wrong: str = _opt("--went-wrong", help="setback: what went wrong."),
    differently: str = _opt("--differently", help="setback: what I'd change."),
    lesson: str = _opt("--lesson", help="setback: what I take forward."),
    as_json: bool = typer.Option(False, "--json", help="Print the new entry as JSON."),
) -> None:
    """Log an entry and print its id."""
    given = locals()
    draft = Draft(
        kind=kind,
        date=date,
        tags=list(tag),
        near={"numbers": numbers, "example": example, "achievement": achievement,
              "result": result},
        details={k: given[o] for o, k in DETAIL_OPTIONS.items() if given[o]},
    )  # fmt: skip
    if text is not None:
        draft.title, rest = split_title(text)
        draft.body = "\n\n".join(part for part in (rest, body) if part)
        draft.tags += at_tags(text)
    else:
        draft = draft_from_editor(draft, body=body)
    files = [_open_attachment(path) for path in attach]
    owner = _owner()
    from headway.journal import selectors, services

    chosen, reading = _kind_for(draft, owner=owner)
    if reading is not None:
        draft.details = {**reading.details, **draft.details}
        if reading.contact_id is not None and not contact:
            contact = [reading.contact_id]

    try:
        entry = services.entry_create(
            owner=owner,
            title=draft.title,
            kind=chosen,
            body=draft.body,
            occurred_on=draft.date,
            tags=draft.tags,
            starred=star,
            details=draft.details,
            attachments=files,
            links=link,
            goal_ids=goal,
            contact_ids=contact,
            skills=skill,
            numbers=draft.near.get("numbers", ""),
            example=draft.near.get("example", ""),
            achievement=draft.near.get("achievement", ""),
            result=draft.near.get("result", ""),
        )
    finally:
        for handle in files:
            handle.close()
    if reading is not None:
        from headway.coach.capture import capture_message

        typer.echo(capture_message(reading.capture, entry_id=entry.pk), err=True)
    if as_json:
        print_json(selectors.entry_as_dict(entry))
    else:
        typer.echo(entry.pk)


@dataclass
class Draft:
    """An entry as typed on the command line or in the editor, before the service."""

    title: str = ""
    body: str = ""
    kind: str = ""
    date: str = ""
    tags: list[str] = field(default_factory=list)
    near: dict[str, str] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)


def _owner() -> Any:
    from headway.cli.session import current_owner

    return current_owner()


def split_title(text: str) -> tuple[str, str]:
    """The first line or sentence is the title; the rest becomes the body."""
    text = text.strip()
    first, _, rest = text.partition("\n")
    match = _FIRST_SENTENCE.match(first)
    if match and len(first) > 80:
        first, more = match.group(1), match.group(2)
        rest = f"{more}\n{rest}".strip()
    return first.strip(), rest.strip()


def at_tags(text: str) -> list[str]:
    return [name.rstrip(".,;:!?") for name in _AT_TAG.findall(text)]


def _kind_for(draft: Draft, *, owner: Any) -> tuple[str, CaptureReading | None]:
    """The kind given, or the one quick capture reads in the text (and why)."""
    if draft.kind:
        return draft.kind, None
    if any(draft.near.values()):
        return "accomplishment", None  # NEAR fields say what it is
    from headway.journal import selectors

    reading = selectors.entry_capture_read(
        owner=owner, text=f"{draft.title}\n{draft.body}"
    )
    return reading.capture.kind, reading


def _open_attachment(path: Path) -> Any:
    from django.core.files import File

    if not path.is_file():
        fail(f"No file at {str(path)!r}; --attach takes the path of a file.")
    return File(path.open("rb"), name=path.name)


# --- $EDITOR ---------------------------------------------------------------

HEADER_HELP = (
    "# Fill in the fields after the colons; empty ones are skipped.\n"
    "# Everything after the first blank line is the body, in Markdown.\n"
)


def editor_template(kind: str, values: dict[str, str], body: str = "") -> str:
    from headway.journal.kinds import kind_fields

    names = ["title", "kind", "date", "tags"]
    if kind == "accomplishment":
        names += ["numbers", "example", "achievement", "result"]
    names += [field.name for field in kind_fields(kind)]
    lines = [
        f"{name.replace('_', '-')}: {values.get(name, '')}".rstrip() for name in names
    ]
    return HEADER_HELP + "\n".join(lines) + "\n\n" + body


def editor_parse(text: str) -> tuple[dict[str, str], str]:
    """Header lines `name: value` until the first blank line, then the body."""
    values: dict[str, str] = {}
    lines = text.splitlines()
    index = 0
    for index, line in enumerate(lines):
        if not line.strip():
            break
        if line.startswith("#"):
            continue
        name, colon, value = line.partition(":")
        if not colon:
            fail(f"Line {index + 1} has no 'name:' header: {line[:60]!r}.")
        values[name.strip().lower().replace("-", "_").replace(" ", "_")] = value.strip()
    else:
        index = len(lines)
    return values, "\n".join(lines[index + 1 :]).strip()


def _edit(template: str) -> str:
    import click

    edited = click.edit(template, extension=".md", require_save=True)
    if edited is None:
        fail("Nothing changed: the editor was closed without saving.")
    return edited


def draft_from_editor(draft: Draft, *, body: str = "") -> Draft:
    """Open $EDITOR on the kind's template and read the entry back from it."""
    kind = draft.kind or "note"
    preset = {**draft.near, **draft.details, "kind": kind, "date": draft.date,
              "tags": " ".join(draft.tags), "title": draft.title}  # fmt: skip
    values, text = editor_parse(
        _edit(editor_template(kind, preset, body or draft.body))
    )
    return draft_from_values(values, text, kind=kind)


def draft_from_values(values: dict[str, str], body: str, *, kind: str) -> Draft:
    from headway.journal.kinds import kind_fields

    if not values.get("title"):
        fail("Nothing logged: the title was empty.")
    kind = values.get("kind") or kind
    known = {field.name for field in kind_fields(kind)}
    near_names = {"numbers", "example", "achievement", "result"}
    unknown = set(values) - known - near_names - {"title", "kind", "date", "tags"}
    if unknown:
        fail(f"A {kind} has no field {sorted(unknown)[0]!r}; remove that line.")
    return Draft(
        title=values["title"],
        body=body,
        kind=kind,
        date=values.get("date", ""),
        tags=values.get("tags", "").replace(",", " ").split()
        + at_tags(values["title"]),
        near={name: values.get(name, "") for name in near_names},
        details={
            name: value for name, value in values.items() if name in known and value
        },
    )


def entries(
    search: str = typer.Option("", "--search", "-s", help="Words to find."),
    kind: str = typer.Option("", "--kind", "-k", help="Only this kind."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Tag; all must match."),
    goal: int | None = typer.Option(None, "--goal", help="Linked to this goal id."),
    skill: str = typer.Option("", "--skill", help="Showing this skill."),
    date_from: str = typer.Option("", "--from", help="From: 'last march', 2026-01-01."),
    date_to: str = typer.Option("", "--to", help="To: today, 2026-06-30."),
    starred: bool = typer.Option(False, "--starred", help="Best-of entries only."),
    limit: int = typer.Option(
        20, "--limit", "-n", min=1, help="How many (any positive number)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array."),
) -> None:
    """List entries, newest first; search and filter them."""
    owner = _owner()
    from headway.journal import selectors

    filters = selectors.entry_filters_parse(
        query=search, kind=kind, tags=tag, goal=goal, skill=skill,
        date_from=date_from, date_to=date_to, starred=starred,
    )  # fmt: skip
    if as_json:
        _json_stream(
            selectors.entry_as_dict(entry)
            for entry in selectors.entries_stream(
                owner=owner, filters=filters, limit=limit
            )
        )
        return
    found, _ = selectors.search_entries(owner=owner, filters=filters, limit=limit)
    if not found:
        typer.echo(
            "Nothing matches; try fewer words or filters."
            if filters.active
            else 'Nothing logged yet. Try: headway log "Shipped the onboarding flow"'
        )
        return
    rows = [
        (
            str(entry.pk),
            entry.occurred_on.isoformat(),
            entry.kind + (" ★" if entry.starred else ""),
            entry.title,
            " ".join(f"#{name}" for name in entry.tag_names),
        )
        for entry in found
    ]
    print_table(("id", "date", "kind", "title", "tags"), rows)


def _json_stream(rows: Any) -> None:
    """A JSON array written row by row as the rows come: memory stays flat.

    The text is the same as `print_json` would write for the whole list.
    """
    import json

    indent = 2 if sys.stdout.isatty() else None
    write = sys.stdout.write
    write("[")
    count = 0
    for count, row in enumerate(rows, start=1):
        text = json.dumps(row, ensure_ascii=False, indent=indent)
        if indent:
            text = "\n" + "\n".join("  " + line for line in text.splitlines())
        elif count > 1:
            text = " " + text
        write(("," if count > 1 else "") + text)
    write(("\n]" if indent and count else "]") + "\n")


@entry_app.command("edit")
@guarded
def entry_edit(
    entry_id: int = typer.Argument(..., help="The entry's id (see `headway entries`)."),
) -> None:
    """Edit an entry in $EDITOR."""
    owner = _owner()
    from headway.journal import selectors, services

    entry = selectors.entry_get(owner=owner, pk=entry_id)
    preset = {
        "title": entry.title, "kind": entry.kind,
        "date": entry.occurred_on.isoformat(), "tags": " ".join(entry.tag_names),
        "numbers": entry.numbers, "example": entry.example,
        "achievement": entry.achievement, "result": entry.result,
        **{key: str(value) for key, value in entry.details.items()},
    }  # fmt: skip
    values, body = editor_parse(_edit(editor_template(entry.kind, preset, entry.body)))
    draft = draft_from_values(values, body, kind=entry.kind)
    services.entry_update(
        owner=owner, pk=entry.pk, title=draft.title, kind=draft.kind, body=draft.body,
        occurred_on=draft.date or entry.occurred_on, tags=draft.tags,
        details=draft.details,
        numbers=draft.near.get("numbers"), example=draft.near.get("example"),
        achievement=draft.near.get("achievement"), result=draft.near.get("result"),
    )  # fmt: skip
    typer.echo(f"Saved entry {entry.pk}.")


@entry_app.command("delete")
@guarded
def entry_delete(
    entry_id: int = typer.Argument(..., help="The entry's id."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """Delete an entry and its work samples (asks first unless --yes)."""
    owner = _owner()
    from headway.journal import selectors, services

    entry = selectors.entry_get(owner=owner, pk=entry_id)
    if not yes and not typer.confirm(f"Delete {entry.pk} “{entry.title}”?"):
        fail("Nothing deleted.")
    trash = services.entry_delete(owner=owner, pk=entry.pk)
    also = f" with {trash.summary}" if trash.summary else ""
    typer.echo(f"Deleted entry {entry_id}{also}. Undo with: headway undo {trash.pk}")


def near(
    texts: list[str] = typer.Argument(
        ..., help="Accomplishments to score; `-` reads one per line from stdin."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print JSON (an array for several)."
    ),
) -> None:
    """Score accomplishments on NEAR and write each as a resume bullet."""
    from headway.coach.near import near_score
    from headway.core.bootstrap import collector_resume

    collector_resume()  # no Django here, so nothing else ends start-up

    given: list[str] = []
    for text in texts:
        if text == "-":
            given += [line.strip() for line in sys.stdin if line.strip()]
        else:
            given.append(text)
    reports = [near_score(text).as_dict() for text in given]
    if as_json:
        print_json(reports[0] if len(texts) == 1 and texts[0] != "-" else reports)
        return
    for text, report in zip(given, reports, strict=True):
        typer.echo(text)
        for part in ("numbers", "example", "achievement", "result"):
            verdict = report[part]
            line = f"  {part:<12} {verdict['verdict']:<8} {verdict['reason']}"
            typer.echo(
                line + (f" {verdict['question']}" if verdict["question"] else "")
            )
        if report["weak_opening"]:
            typer.echo(f"  weak opening: {report['weak_opening']!r}")
        typer.echo(f"  bullet: {report['bullet']}\n")


def register(app: typer.Typer) -> None:
    app.command()(guarded(log))
    app.command()(guarded(entries))
    app.command()(guarded(near))
    app.add_typer(entry_app, name="entry")
