"""The NEAR coach: Numbers, Example, Achievement, Result — and a resume bullet.

It reads the structured NEAR fields and the free text the same way: by the
shape and role of words (a past-tense verb after the subject, a number and
the noun it counts, a "from A to B" change), not by a list of example
sentences. It never raises: any text gets a report.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from itertools import islice
from typing import Any, Literal

from headway.coach.near_words import (
    ANY_DIGIT,
    AUXILIARIES,
    BENEFICIARY,
    CHANGE_VERB_BEFORE,
    CLAUSE_BREAK,
    CODE_LIKE,
    COUNTED_NOUN,
    DETERMINED,
    DIGITS,
    IRREGULAR_BASE,
    IRREGULAR_PAST,
    LEADING_MARKER,
    LIGHT_VERBS,
    MONEY,
    MULTIPLIER,
    NOT_VERBS_ED,
    OBJECT_STARTERS,
    PERCENT,
    PROPER,
    RESULT_MARKERS,
    SENTENCE_END,
    STOP,
    SUBJECT,
    VAGUE_OBJECTS,
    VAGUE_QUANTITIES,
    WEAK_OPENINGS,
    WORD,
    WORD_NUMBER,
    YEAR,
    change_find,
)
from headway.coach.numbers import SPECIAL, parse_number

Verdict = Literal["present", "weak", "missing"]
TEXT_MAX = 20_000  # longer text is read up to here; a bullet needs no more
ACTION_MAX = 300  # the action is read from the opening of the text


@dataclass(frozen=True)
class NearInput:
    """What the coach reads: the free text and the four structured fields."""

    text: str = ""
    numbers: str = ""
    example: str = ""
    achievement: str = ""
    result: str = ""


@dataclass(frozen=True)
class NearPart:
    verdict: Verdict
    reason: str
    question: str


@dataclass(frozen=True)
class NearReport:
    numbers: NearPart
    example: NearPart
    achievement: NearPart
    result: NearPart
    weak_opening: str | None
    bullet: str

    @property
    def score(self) -> int:
        """Two points per present part, one per weak part: 0 to 8."""
        points = {"present": 2, "weak": 1, "missing": 0}
        parts = (self.numbers, self.example, self.achievement, self.result)
        return sum(points[part.verdict] for part in parts)

    @property
    def looks_like_accomplishment(self) -> bool:
        """A done action with something to show for it: worth logging as one."""
        return self.achievement.verdict == "present" and (
            self.numbers.verdict == "present" or self.result.verdict == "present"
        )

    def as_dict(self) -> dict[str, Any]:
        parts = ("numbers", "example", "achievement", "result")
        report: dict[str, Any] = {name: asdict(getattr(self, name)) for name in parts}
        report["weak_opening"] = self.weak_opening
        report["bullet"] = self.bullet
        return report


def near_score(given: NearInput | str) -> NearReport:
    """Score an accomplishment on the four NEAR parts; never raises."""
    if isinstance(given, str):
        given = NearInput(text=given)
    return _score(_clip(given))


def looks_like_accomplishment(text: str) -> bool:
    """The quick-capture question alone, cheaply: most notes fail the first test.

    Without a number, a multiplier or a word of change there is nothing to
    show, so the full score is only computed for the texts that have one.
    """
    lower = text[:ACTION_MAX].lower()
    if not (
        ANY_DIGIT.search(lower)
        or MULTIPLIER.search(lower)
        or WORD_NUMBER.search(lower)
        or RESULT_MARKERS.search(lower)
    ):
        return False
    return near_score(text[:ACTION_MAX]).looks_like_accomplishment


def _clip(given: NearInput) -> NearInput:
    def clip(value: object) -> str:
        text = value if isinstance(value, str) else ""
        return text[:TEXT_MAX].replace("\x00", " ")

    return NearInput(
        clip(given.text),
        clip(given.numbers),
        clip(given.example),
        clip(given.achievement),
        clip(given.result),
    )


def _score(given: NearInput) -> NearReport:
    everything = " \n".join(
        part
        for part in (
            given.achievement,
            given.text,
            given.example,
            given.numbers,
            given.result,
        )
        if part.strip()
    )
    lower = everything.lower()
    action_text = (given.achievement or _first_sentence(given.text) or everything)[
        :ACTION_MAX
    ]
    opening = weak_opening(action_text)
    found = quantities(lower)
    verb = main_verb(action_text)
    return NearReport(
        numbers=_numbers_part(given, lower, found),
        example=_example_part(given, everything),
        achievement=_achievement_part(action_text, opening, verb),
        result=_result_part(given, lower, found),
        weak_opening=opening,
        bullet=resume_bullet(given, verb=verb, opening=opening),
    )


# --- Numbers ---------------------------------------------------------------


def quantities(lower: str, *, enough: int = 12) -> list[str]:
    """Numbers that measure something (years and versions are not), the first few.

    Stops after `enough`: a verdict needs a few, and a text of a thousand
    numbers must not cost a thousand look-ups.
    """
    found: list[str] = []
    for pattern in (MONEY, PERCENT, MULTIPLIER):
        found += [m.group(0) for m in islice(pattern.finditer(lower), enough)]
    for match in DIGITS.finditer(lower):
        if len(found) >= enough:
            return found
        value = match.group(0).strip()
        if not (YEAR.match(value) or _is_version_or_date(lower, match.start())):
            found.append(value)
    for match in WORD_NUMBER.finditer(lower):
        if len(found) >= enough:
            break
        phrase = match.group(0)
        if phrase not in SPECIAL and parse_number(phrase) is not None:
            found.append(phrase)
    return found


def _is_version_or_date(lower: str, start: int) -> bool:
    before = lower[max(0, start - 2) : start]
    return before.endswith(("v", "q", "#", "/", ":", "-")) or before in {"v ", "q "}


def _numbers_part(given: NearInput, lower: str, found: list[str]) -> NearPart:
    measured = change_find(lower) or PERCENT.search(lower) or MONEY.search(lower)
    counted = [q for q in found if not q.replace(",", "").replace(".", "").isdigit()]
    counted += [m.group(1) for m in islice(COUNTED_NOUN.finditer(lower), 3)]
    if measured or counted or (given.numbers.strip() and found):
        shown = ", ".join(dict.fromkeys(found[:3])) or "a number"
        return NearPart("present", f"Counts what changed: {shown}.", "")
    if found:
        return NearPart(
            "weak",
            f"Has a bare number ({found[0]}) but not what it counts.",
            "What does that number count: people, minutes, money, requests?",
        )
    vague = VAGUE_QUANTITIES.search(lower)
    if vague:
        return NearPart(
            "weak",
            f"Says {vague.group(0)!r} where a number would convince.",
            "How many, exactly — or roughly, in round numbers?",
        )
    return NearPart(
        "missing",
        "Nothing is counted.",
        "How many people used it, or how much time or money did it save?",
    )


# --- Example ---------------------------------------------------------------


def _example_part(given: NearInput, everything: str) -> NearPart:
    if len(content_words(given.example)) >= 3:
        return NearPart("present", "Names the concrete case.", "")
    content = content_words(everything)
    named = PROPER.search(everything) or CODE_LIKE.search(everything)
    lower = everything.lower()
    specific = [
        m.group(0)
        for m in DETERMINED.finditer(lower)
        if not VAGUE_OBJECTS.search(m.group(0))
    ]
    if not content:
        return NearPart(
            "missing",
            "No concrete case is described.",
            "Which project, system or situation was it? Name it.",
        )
    if (named or specific) and len(content) >= 3 and not _only_vague(lower):
        what = named.group(0) if named else specific[0]
        return NearPart("present", f"Names the concrete case ({what.strip()}).", "")
    vague = VAGUE_OBJECTS.search(lower)
    reason = (
        f"Speaks of {vague.group(0)!r} rather than one named case."
        if vague
        else "Too general to picture the case."
    )
    return NearPart(
        "weak", reason, "Which project, system or situation was it? Name it."
    )


def _only_vague(lower: str) -> bool:
    objects = [m.group(0) for m in DETERMINED.finditer(lower)]
    return (
        bool(objects)
        and all(VAGUE_OBJECTS.search(o) for o in objects)
        and not (PROPER.search(lower))
    )


def content_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 1]


# --- Achievement -----------------------------------------------------------


def weak_opening(text: str) -> str | None:
    """The weak phrase the action opens with ("worked on"), if any."""
    lower = " ".join(text[:ACTION_MAX].lower().split())
    lower = SUBJECT.sub("", lower, count=1)
    for phrase in WEAK_OPENINGS:
        if lower == phrase or lower.startswith(phrase + " "):
            return phrase
    return None


def main_verb(text: str) -> str | None:
    """The action's verb: the first past-tense word after the subject.

    Recognised by shape (a regular -ed ending, an irregular past form, or a
    verb-like word opening the clause) rather than by a list of good verbs.
    """
    lower = SUBJECT.sub("", " ".join(text[:ACTION_MAX].lower().split()), count=1)
    words: list[str] = WORD.findall(lower)[:8]
    for index, word in enumerate(words):
        if word in AUXILIARIES:
            if index + 1 < len(words) and _past_shaped(words[index + 1]):
                return None  # passive ("was migrated"): no one acts
            continue
        if _past_shaped(word) or (index == 0 and word in NOT_VERBS_ED):
            return word
        if index == 0 and _imperative_shaped(word, words[1:2]):
            return _to_past(word)
        if index == 0 and words[1:2] and words[1] in OBJECT_STARTERS and len(word) > 4:
            return _to_past(word)  # by its role: a word before "the …" acts
        if index >= 1 and word not in STOP:
            break
    return None


def _past_shaped(word: str) -> bool:
    if word in IRREGULAR_PAST:
        return True
    return (
        len(word) >= 4
        and word.endswith("ed")
        and word not in NOT_VERBS_ED
        and not word.endswith(("eed", "ied") if len(word) < 5 else ("eed",))
    )


def _imperative_shaped(word: str, following: list[str]) -> bool:
    """A bare verb opening a bullet ("automate the deploys"): a verb ending."""
    verb_endings = ("ize", "ise", "ate", "ify", "en")
    return len(word) > 4 and word.endswith(verb_endings) and bool(following)


def gerund_to_past(word: str) -> str:
    """'migrating' -> 'migrated', 'building' -> 'built', 'running' -> 'ran'."""
    stem = word[:-3]
    for base in (stem, stem + "e", stem[:-1]):
        if base in IRREGULAR_BASE:
            return IRREGULAR_BASE[base]
    return stem + "ed"


def _to_past(word: str) -> str:
    if word.endswith("ed"):
        return word
    if word.endswith("d") and not word.endswith(("ld", "nd", "ad", "od")):
        return word[:-1] + "ed"  # a typo'd past: "refactord"
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y"):
        return word[:-1] + "ied"
    return word + "ed"


def _achievement_part(text: str, opening: str | None, verb: str | None) -> NearPart:
    question = "What did you do yourself? Start with the verb: built, led, cut…"
    if not text.strip():
        return NearPart("missing", "Nothing says what you did.", question)
    if opening:
        return NearPart(
            "weak",
            f"Opens with {opening!r}, which says you were there, not what you did.",
            question,
        )
    if verb is None:
        return NearPart(
            "weak" if content_words(text) else "missing",
            "No action verb in the past tense says what you did.",
            question,
        )
    if verb in LIGHT_VERBS:
        return NearPart(
            "weak",
            f"{verb!r} is a light verb; a precise one would show the skill.",
            question,
        )
    return NearPart("present", f"Opens with an action: {verb!r}.", "")


# --- Result ----------------------------------------------------------------


def _result_part(given: NearInput, lower: str, known: list[str]) -> NearPart:
    question = "What changed, and for whom? By how much?"
    source = given.result.lower() if given.result.strip() else lower
    found = known if source is lower else quantities(source)
    change = RESULT_MARKERS.search(source) or (given.result.strip() and source)
    if not change:
        return NearPart("missing", "Nothing says what changed because of it.", question)
    measured = bool(found) or bool(change_find(source))
    whom = BENEFICIARY.search(source)
    if measured and whom:
        return NearPart(
            "present", f"Says what changed, by how much, {whom.group(0).strip()}.", ""
        )
    if measured:
        return NearPart("present", "Says what changed and by how much.", "")
    if whom:
        return NearPart(
            "weak",
            f"Says who benefited ({whom.group(0).strip()}) but not by how much.",
            "By how much did it change: time, money, errors, people?",
        )
    return NearPart("weak", "Names a change without its size or who felt it.", question)


# --- The bullet ------------------------------------------------------------


def resume_bullet(given: NearInput, *, verb: str | None, opening: str | None) -> str:
    """Action, scope, result with its number, as one line for a resume."""
    action_text = (given.achievement or _first_sentence(given.text) or given.example)[
        :ACTION_MAX
    ]
    clause = _clauses(action_text)[0] if action_text.strip() else ""
    action = _action_phrase(clause, verb=verb, opening=opening)
    result = _result_phrase(given, action_text, action)
    scope = _scope_phrase(given, action + " " + result)
    bullet = " ".join(part for part in (action, result, scope) if part)
    bullet = re.sub(r"\s+([,.;])", r"\1", " ".join(bullet.split())).strip(" ,.;-")
    if len(bullet) > 220:
        bullet = bullet[:217].rsplit(" ", 1)[0] + "…"
    return bullet[:1].upper() + bullet[1:] if bullet else ""


def _first_sentence(text: str) -> str:
    for piece in SENTENCE_END.split(text[: ACTION_MAX * 2].strip()):
        if piece.strip():
            return piece.strip()
    return ""


def _clauses(text: str) -> list[str]:
    return [piece for piece in CLAUSE_BREAK.split(text) if piece and piece.strip()] or [
        ""
    ]


def _action_phrase(clause: str, *, verb: str | None, opening: str | None) -> str:
    words = " ".join(clause.split()).rstrip(".!?")
    stripped = SUBJECT.sub("", words.lower(), count=1)
    rest = words[len(words) - len(stripped) :] if stripped else ""
    if opening and rest.lower().startswith(opening):
        rest = rest[len(opening) :].strip()
        first, _, tail = rest.partition(" ")
        if first.lower().endswith("ing") and len(first) > 5:
            return f"{gerund_to_past(first.lower()).capitalize()} {tail}".strip()
        return f"Delivered {rest}".strip() if rest else ""
    if verb and rest.lower().startswith(verb):
        return verb.capitalize() + rewrite_change(rest[len(verb) :])
    if verb:
        return verb.capitalize() + " " + rest
    return ("Delivered " + rest) if rest else ""


def _result_phrase(given: NearInput, action_text: str, action: str) -> str:
    source = given.result or given.numbers or _after_action(given.text, action_text)
    source = " ".join(source.split()).rstrip(".!?")
    source = LEADING_MARKER.sub("", source[:1].lower() + source[1:], count=1)
    if not source or source.lower() in action.lower():
        return ""
    return ", " + rewrite_change(source)


def rewrite_change(phrase: str) -> str:
    """'build time went from 20 to 8 min' -> 'cutting build time 60% (20 → 8 min)'."""
    change = change_find(phrase.lower())
    if not change:
        return phrase
    ratio = _change_ratio(change)
    if ratio is None:
        return phrase
    percent, arrow, falling = ratio
    before = phrase[: change.start()].rstrip()
    after = phrase[change.start() + len(change.group(0).rstrip()) :]
    verb = CHANGE_VERB_BEFORE.search(before.lower() + " ")
    if verb:
        metric = before[: verb.start()].strip()
        direction = "cutting" if falling else "raising"
        return f"{direction} {metric} {percent} ({arrow}){after}".replace("  ", " ")
    return f"{before} {percent} ({arrow}){after}"


def _after_action(text: str, action_text: str) -> str:
    rest = text.strip()
    if action_text and rest.startswith(action_text):
        rest = rest[len(action_text) :]
    clauses = _clauses(action_text)
    tail = " ".join(clauses[1:]) if len(clauses) > 1 else ""
    rest = (tail + " " + rest).strip(" .,;")
    for piece in SENTENCE_END.split(rest):
        if piece.strip() and RESULT_MARKERS.search(piece.lower()):
            return piece.strip()
    return ""


def _change_ratio(change: re.Match[str]) -> tuple[str, str, bool] | None:
    """'20 to 8 min' -> ('60%', '20 → 8 min', True): the size, the arrow, falling?"""
    a_text, b_text = change.group("a"), change.group("b")
    a = parse_number(a_text.lstrip("$€£"))
    b = parse_number(b_text.lstrip("$€£"))
    unit = change.group("ub") or change.group("ua") or ""
    arrow = f"{a_text} → {b_text}{' ' + unit if unit and unit != '%' else unit}"
    if not a or b is None or a == b:
        return None
    percent = round(abs(b - a) / a * 100)
    if percent == 0 or percent > 10_000:
        return None
    size = (
        f"{percent}%" if b < a or percent < 100 else f"{b / a:.1f}x".replace(".0x", "x")
    )
    return size, arrow, b < a


def _scope_phrase(given: NearInput, bullet: str) -> str:
    for source in (given.example, given.result, given.text, given.numbers):
        whom = BENEFICIARY.search(source.lower())
        if whom and whom.group(0).split()[-1] not in bullet.lower():
            return whom.group(0)
    return ""
