"""Quick capture: which kind of entry one line of text is, and what it says.

A line is read the way a person files it: by the role of its words (a verb
that passes an exam, a talk given, a failure), weighed kind against kind.
A failure outweighs its topic; a plan or a question is a note; two kinds
that pull equally make a note rather than a guess. Pure: the contacts to
recognise come in as plain names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from headway.coach import capture_words as words
from headway.coach.near import looks_like_accomplishment, main_verb
from headway.coach.numbers import parse_number

TEXT_MAX = 2_000  # a capture is one line; the kind is read from its opening
KINDS = (
    "accomplishment",
    "learning",
    "content",
    "talk",
    "feedback",
    "reading",
    "initiative",
    "meeting",
    "setback",
    "note",
)
ARTICLES = {"learning": "a learning entry", "initiative": "an initiative"}
CLEAR_MARGIN = 1.0  # how far the first kind must lead the second
ACCOMPLISHMENT_WEIGHT = 2.0


@dataclass(frozen=True)
class Capture:
    """The kind chosen for a line, why, and the fields read from it."""

    kind: str
    reason: str
    details: tuple[tuple[str, str | int], ...] = ()
    contact: str | None = None
    alternatives: tuple[str, ...] = field(default=())

    @property
    def details_dict(self) -> dict[str, str | int]:
        return dict(self.details)

    @property
    def ambiguous(self) -> bool:
        return bool(self.alternatives)


def capture_classify(text: str, *, contacts: Sequence[str] = ()) -> Capture:
    """The kind of entry `text` is, the fields it fills, the contact it names."""
    line = (text if isinstance(text, str) else "")[:TEXT_MAX].replace("\x00", " ")
    line = " ".join(line.split())
    contact = contact_find(line, contacts)
    lower = line.lower()
    if not lower:
        return Capture("note", "the line is empty", contact=contact)
    if words.INTENT.search(lower):
        return Capture("note", "it reads as a plan or a question", contact=contact)
    scores, evidence = kind_scores(line)
    ranked = sorted(scores.items(), key=lambda pair: pair[1], reverse=True)
    if not ranked:
        return Capture("note", "nothing in it names another kind", contact=contact)
    (best, top), rest = ranked[0], ranked[1:]
    rivals = tuple(kind for kind, score in rest if top - score < CLEAR_MARGIN)
    if rivals:
        return Capture(
            "note",
            f"it could be {_a(best)} or {_a(rivals[0])}",
            contact=contact,
            alternatives=(best, *rivals),
        )
    details = tuple(sorted(kind_details(best, line).items()))
    return Capture(best, f"it says {evidence[best]!r}", details, contact)


def kind_scores(line: str) -> tuple[dict[str, float], dict[str, str]]:
    """Each kind's strongest cue (plus a little for each further one)."""
    lower = line.lower()
    scores: dict[str, float] = {}
    evidence: dict[str, str] = {}
    fragment = main_verb(line) is None
    for cue in words.CUES:
        match = cue.pattern.search(lower)
        if match is None or (cue.fragment_only and not fragment):
            continue
        if cue.kind in scores:
            scores[cue.kind] = max(scores[cue.kind], cue.weight) + 0.25
            continue
        scores[cue.kind] = cue.weight
        evidence[cue.kind] = match.group(0).strip()
    if looks_like_accomplishment(line):
        scores["accomplishment"] = ACCOMPLISHMENT_WEIGHT
        evidence["accomplishment"] = "an action with a number to show for it"
    return scores, evidence


def capture_message(capture: Capture, *, entry_id: int | None = None) -> str:
    """One line for stderr: what was chosen, why, and how to change it."""
    change = (
        f"`headway entry edit {entry_id}` changes it"
        if entry_id is not None
        else "--kind changes it"
    )
    filled = ", ".join(
        f"{name.replace('_', ' ')} {value}" for name, value in capture.details
    )
    fields = f"; filled in {filled}" if filled else ""
    who = f"; linked to {capture.contact}" if capture.contact else ""
    return (
        f"Logged as {_a(capture.kind)} ({capture.reason}){fields}{who}. "
        f"Not right? {change}, or log with --kind KIND."
    )


def _a(kind: str) -> str:
    if kind in ARTICLES:
        return ARTICLES[kind]
    return ("an " if kind[0] in "aeiou" else "a ") + kind


# --- fields ----------------------------------------------------------------


def kind_details(kind: str, line: str) -> dict[str, str | int]:
    """The fields of `kind` that the line itself fills; nothing is guessed."""
    reader = _READERS.get(kind)
    found = reader(line, line.lower()) if reader else {}
    return {name: value for name, value in found.items() if value not in ("", None)}


def _learning(line: str, lower: str) -> dict[str, str | int]:
    found: dict[str, str | int] = {}
    found["subtype"] = _first_label(words.LEARNING_SUBTYPES, lower)
    provider = words.PROVIDER.search(line)
    if provider:
        found["provider"] = _trim_name(provider.group(1) or provider.group(2))
    score = words.SCORE.search(lower)
    if score:
        found["outcome"] = " ".join(score.group(0).split())
    elif words.PASSED.search(lower):
        found["outcome"] = "passed"
    elif words.COMPLETED.search(lower):
        found["outcome"] = "completed"
    return found


def _talk(line: str, lower: str) -> dict[str, str | int]:
    found: dict[str, str | int] = {"venue_kind": _first_label(words.VENUE_KINDS, lower)}
    size = audience_size(lower)
    if size is not None:
        found["audience_size"] = size
    return found


def audience_size(lower: str) -> int | None:
    """'~60 people', '200+ attendees', 'for thirty engineers' -> the number."""
    for match in words.AUDIENCE.finditer(lower):
        value = parse_number(match.group(1).replace("-", " "))
        if value is not None and value >= 1 and value == int(value):
            return int(value)
    return None


def _content(line: str, lower: str) -> dict[str, str | int]:
    found: dict[str, str | int] = {
        "subtype": _first_label(words.CONTENT_SUBTYPES, lower)
    }
    places = list(words.PUBLISHED_WHERE.finditer(line))
    if places:  # the last: "an article on CSS went live on Smashing Magazine"
        found["published_where"] = _trim_name(places[-1].group(1))
    url = words.URL.search(line)
    if url:
        found["url"] = url.group(0).rstrip(".,;")
    return found


def _feedback(line: str, lower: str) -> dict[str, str | int]:
    found: dict[str, str | int] = {
        "direction": "given" if words.FEEDBACK_GIVEN.search(lower) else "received",
        "tone": _first_label(words.TONE, lower),
    }
    found["person"] = feedback_person(line, given=found["direction"] == "given")
    return found


def feedback_person(line: str, *, given: bool) -> str:
    """Who gave the feedback (or received it): a name or 'my manager'."""
    patterns = (words.RECIPIENT,) if given else (words.SPEAKER, words.SOURCE)
    for pattern in patterns:
        match = pattern.search(line)
        if match:
            return _trim_person(match.group(1))
    return ""


def _trim_person(phrase: str) -> str:
    kept: list[str] = []
    for word in phrase.split():
        if word.lower() in words.PERSON_STOP:
            break
        kept.append(word)
    return " ".join(kept)


def _reading(line: str, lower: str) -> dict[str, str | int]:
    shared = words.SHARED_WHERE.search(line)
    return {"shared_where": _trim_person(shared.group(1)) if shared else ""}


def _initiative(line: str, lower: str) -> dict[str, str | int]:
    return {"subtype": _first_label(words.INITIATIVE_SUBTYPES, lower)}


def _meeting(line: str, lower: str) -> dict[str, str | int]:
    if words.MENTOR.search(lower):
        return {"with_role": "mentor"}
    if words.MANAGER.search(lower):
        return {"with_role": "manager"}
    return {}


def _first_label(labelled: tuple[tuple[str, re.Pattern[str]], ...], lower: str) -> str:
    for label, pattern in labelled:
        if pattern.search(lower):
            return label
    return ""


def _trim_name(name: str) -> str:
    return name.strip(" .,;:!?)(")


_READERS = {
    "learning": _learning,
    "talk": _talk,
    "content": _content,
    "feedback": _feedback,
    "reading": _reading,
    "initiative": _initiative,
    "meeting": _meeting,
}


# --- contacts --------------------------------------------------------------


def contact_find(line: str, contacts: Sequence[str]) -> str | None:
    """The one contact the line names: by full name, else by a first name
    written as a name (capitalised, or lower-case right after "with", "from"…)
    that no other contact shares and that no other surname follows.

    The line's words are looked up in the contacts, not each contact in the
    line, so thousands of contacts cost one pass over a short line.
    """
    words = _WORD.findall(line[:TEXT_MAX])
    spaced = " " + " ".join(word.lower() for word in words) + " "
    firsts: dict[str, list[str]] = {}
    for name in contacts:
        parts = _WORD.findall(name.lower()) if isinstance(name, str) else []
        if len(parts) > 1 and " " + " ".join(parts) + " " in spaced:
            return name
        if parts:
            firsts.setdefault(parts[0], []).append(name)
    for index, word in enumerate(words):
        names = firsts.get(word.lower(), [])
        if len(names) == 1 and _named_here(words, index, names[0]):
            return names[0]
    return None


_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_CALLING = frozenset(
    ["with", "from", "to", "by", "told", "gave", "thanked", "and", "w"]
)


def _named_here(words: list[str], index: int, contact: str) -> bool:
    """Is `words[index]` this contact's first name, used as a name?"""
    written = words[index]
    called = index > 0 and words[index - 1].lower() in _CALLING
    if not (written[:1].isupper() or called):
        return False
    surname = _WORD.findall(contact)[-1] if len(_WORD.findall(contact)) > 1 else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    # Another person with the same first name: "Tom Clancy" is not Tom Becker.
    return not (after[:1].isupper() and surname and after.lower() != surname.lower())
