"""The NEAR coach: Numbers, Example, Achievement, Result — and a resume bullet.

It reads the structured NEAR fields and the free text the same way: by the
shape and role of words (a past-tense verb after the subject, a number and
the noun it counts, a "from A to B" change), not by a list of example
sentences. It never raises: any text gets a report.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from itertools import islice, pairwise
from typing import Any, Literal

from headway.coach.near_words import (
    ANY_DIGIT,
    AUXILIARIES,
    BENCHMARK,
    BENEFICIARY,
    CLAUSE_BREAK,
    CODE_LIKE,
    COUNTED_NOUN,
    DETERMINED,
    DIGITS,
    GAIN,
    IRREGULAR_BASE,
    IRREGULAR_PAST,
    LEAD_FILLERS,
    LEADING_MARKER,
    LIGHT_VERBS,
    MONEY,
    MONTHS,
    MULTIPLIER,
    NOT_VERBS_ED,
    OBJECT_STARTERS,
    OUTCOME_WON,
    PARTICLES,
    PERCENT,
    PRODUCT_NUMBER,
    PROPER,
    RESULT_MARKERS,
    SENTENCE_END,
    STOP,
    SUBJECT,
    VAGUE_OBJECTS,
    VAGUE_QUANTITIES,
    VERB_PLACEHOLDER,
    VERSION_WORDS,
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
    products = product_number_starts(everything)
    found = quantities(lower, skip=products)
    verb = main_verb(action_text)
    return NearReport(
        numbers=_numbers_part(given, lower, found, products),
        example=_example_part(given, everything),
        achievement=_achievement_part(action_text, opening, verb),
        result=_result_part(given, lower, found),
        weak_opening=opening,
        bullet=resume_bullet(given, verb=verb, opening=opening),
    )


# --- Numbers ---------------------------------------------------------------


def quantities(
    lower: str, *, enough: int = 12, skip: frozenset[int] = frozenset()
) -> list[str]:
    """Numbers that measure something (years and versions are not), the first few.

    `skip` holds where product and version numbers start ("Angular 6").
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
        if match.start() in skip:
            continue
        if not (YEAR.match(value) or _is_version_or_date(lower, match.start())):
            found.append(value)
    for match in WORD_NUMBER.finditer(lower):
        if len(found) >= enough:
            break
        phrase = match.group(0)
        if phrase not in SPECIAL and parse_number(phrase) is not None:
            found.append(phrase)
    return found


def product_number_starts(text: str) -> frozenset[int]:
    """Where the numbers that name a product, version or model start.

    A number is part of a name when it follows one: a capitalised word that
    does not open the sentence ("Windows 11"), a word with capitals or dots
    inside ("iPhone 15", "ASP.NET 3.5"), "version"/"model", or a month.
    """
    starts: set[int] = set()
    for match in islice(PRODUCT_NUMBER.finditer(text[:TEXT_MAX]), 200):
        if _names_a_product(text, match.group("name"), match.start()):
            starts.add(match.start("num"))
    return frozenset(starts)


def _names_a_product(text: str, name: str, start: int) -> bool:
    bare = name.strip(".").lower()
    if bare in VERSION_WORDS or bare in MONTHS or "." in name:
        return True
    if not name[:1].isupper() and not any(c.isupper() for c in name[1:]):
        return False
    if any(c.isupper() for c in name[1:]):
        return True  # "iPhone", "WooCommerce", "AWS"
    opens_sentence = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:;"
    return not opens_sentence


def _is_version_or_date(lower: str, start: int) -> bool:
    before = lower[max(0, start - 2) : start]
    return before.endswith(("v", "q", "#", "/", ":", "-")) or before in {"v ", "q "}


def _numbers_part(
    given: NearInput, lower: str, found: list[str], products: frozenset[int]
) -> NearPart:
    measured = change_find(lower) or PERCENT.search(lower) or MONEY.search(lower)
    counted = [q for q in found if not q.replace(",", "").replace(".", "").isdigit()]
    counted += [
        m.group(1)
        for m in islice(COUNTED_NOUN.finditer(lower), 6)
        if m.start(1) not in products and not YEAR.match(m.group(1))
    ][:3]
    benchmarked = bool(found) and BENCHMARK.search(lower)
    if measured or counted or benchmarked or (given.numbers.strip() and found):
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
    """The action's verb as written: the first verb after the subject.

    Recognised by shape and role, not by a list of good verbs: a past form
    (a regular -ed ending or an irregular past), or a word opening the
    clause that takes an object ("manage a team", "own the process").
    Fillers and adverbs before it ("so basically", "successfully") are
    passed over; a passive ("was migrated") has no verb of the user's.
    """
    words = _opening_words(text)
    for index, word in enumerate(words[:8]):
        if word in AUXILIARIES:
            following = words[index + 1] if index + 1 < len(words) else ""
            if _past_shaped(following):
                return None  # passive ("was migrated"): no one acts
            if word in LIGHT_VERBS and following in OBJECT_STARTERS:
                return word  # "got the certification": a light verb acting
            continue
        if _past_shaped(word) or (index == 0 and word in NOT_VERBS_ED):
            return word
        if index == 0 and _verb_by_role(word, words[1:2]):
            return word
        if index >= 1 and word not in STOP:
            break
    return None


def _opening_words(text: str) -> list[str]:
    lower = SUBJECT.sub("", " ".join(text[:ACTION_MAX].lower().split()), count=1)
    words: list[str] = WORD.findall(lower)[:16]
    index = 0
    while index < len(words) and (
        words[index] in LEAD_FILLERS
        or words[index] in {"i", "we"}
        or (words[index].endswith("ly") and len(words[index]) > 5)
    ):
        index += 1
    return words[index:]


def passive_opening(text: str) -> bool:
    """'The pipeline was rebuilt…': something was done, by no one named."""
    words = _opening_words(text)[:8]
    return any(
        word in AUXILIARIES and _past_shaped(after) for word, after in pairwise(words)
    )


def _past_shaped(word: str) -> bool:
    if word in IRREGULAR_PAST:
        return True
    return (
        len(word) >= 4
        and word.endswith("ed")
        and word not in NOT_VERBS_ED
        and not word.endswith(("eed", "ied") if len(word) < 5 else ("eed",))
    )


def _verb_by_role(word: str, following: list[str]) -> bool:
    """A word opening a bullet acts when an object follows it ("own the…"),
    when it has a verb's ending, or when it is an irregular verb's base."""
    if not following or len(word) < 3:
        return False
    if following[0] in OBJECT_STARTERS or word in IRREGULAR_BASE:
        return True
    return len(word) > 4 and word.endswith(("ize", "ise", "ate", "ify", "en"))


def gerund_to_past(word: str) -> str:
    """'migrating' -> 'migrated', 'building' -> 'built', 'running' -> 'ran'."""
    stem = word[:-3]
    for base in (stem, stem + "e", stem[:-1]):
        if base in IRREGULAR_BASE:
            return IRREGULAR_BASE[base]
    return stem + "ed"


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
    if verb is None and passive_opening(text):
        return NearPart(
            "weak", "Says what was done, but not that you did it.", question
        )
    if verb is None:
        return NearPart("missing", "No verb says what you did.", question)
    if verb in LIGHT_VERBS and not _phrasal(text, verb):
        return NearPart(
            "weak",
            f"{verb!r} is a light verb; a precise one would show the skill.",
            question,
        )
    return NearPart("present", f"Opens with an action: {verb!r}.", "")


def _phrasal(text: str, verb: str) -> bool:
    """'took over', 'set up': a light verb with a particle means something."""
    words = _opening_words(text)
    if verb not in words:
        return False
    after = words.index(verb) + 1
    return after < len(words) and words[after] in PARTICLES


# --- Result ----------------------------------------------------------------


def _result_part(given: NearInput, lower: str, known: list[str]) -> NearPart:
    question = "What changed, and for whom? By how much?"
    source = given.result.lower() if given.result.strip() else lower
    found = (
        known
        if source is lower
        else quantities(source, skip=product_number_starts(given.result))
    )
    measured = bool(found) or bool(change_find(source))
    won = _outcome(source, measured=measured)
    if won:
        return NearPart("present", won, "")
    change = RESULT_MARKERS.search(source) or (given.result.strip() and source)
    if not change:
        return NearPart("missing", "Nothing says what changed because of it.", question)
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


def _outcome(source: str, *, measured: bool) -> str:
    """Why the text has a result on its own: a change, a win, a benchmark…

    A count of activity ("processed 100 transactions") is not one: the
    number must be a change, set against a benchmark, or money and people
    brought in, saved or won.
    """
    if change_find(source) or MULTIPLIER.search(source):
        return "Says what changed and by how much."
    won = OUTCOME_WON.search(source)
    if won:
        return f"Names what was won or reached ({won.group(0).strip()})."
    if measured and BENCHMARK.search(source):
        return "Sets its number against a benchmark."
    if measured and GAIN.search(source):
        return "Says what it brought in or saved, with its size."
    return ""


# --- The bullet ------------------------------------------------------------


def resume_bullet(given: NearInput, *, verb: str | None, opening: str | None) -> str:
    """Action, scope, result with its number, as one line for a resume."""
    action_text = (given.achievement or _first_sentence(given.text) or given.example)[
        :ACTION_MAX
    ]
    if verb is None and not opening and not passive_opening(action_text):
        return _with_placeholder(action_text)
    clause = _clauses(action_text)[0] if action_text.strip() else ""
    action = _action_phrase(clause, verb=verb, opening=opening)
    result = _result_phrase(given, action_text, action)
    scope = _scope_phrase(given, action + " " + result)
    bullet = " ".join(part for part in (action, result, scope) if part)
    bullet = re.sub(r"\s+([,;]|\.(?!\w))", r"\1", " ".join(bullet.split()))
    bullet = bullet.strip(" ,.;-")
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
    """The user's own words, subject dropped; never a verb they did not write."""
    rest = _without_subject(" ".join(clause.split()).rstrip(".!?"))
    return rewrite_change(rest) if rest else ""


def _with_placeholder(text: str) -> str:
    """No verb at all: the text as written, a placeholder where the verb goes."""
    rest = _without_subject(" ".join(text.split()).rstrip(".!?"))
    if not rest:
        return ""
    if rest.split()[0].lower() in OBJECT_STARTERS:
        rest = rest[:1].lower() + rest[1:]
    bullet = f"{VERB_PLACEHOLDER} {rest}"
    return bullet if len(bullet) <= 220 else bullet[:217].rsplit(" ", 1)[0] + "…"


def _without_subject(words: str) -> str:
    lower = words.lower()
    while True:
        first, _, after = lower.partition(" ")
        if first.strip(",") not in LEAD_FILLERS or not after:
            break
        lower = after
    stripped = SUBJECT.sub("", lower, count=1)
    return words[len(words) - len(stripped) :] if stripped else ""


def _result_phrase(given: NearInput, action_text: str, action: str) -> str:
    source = given.result or given.numbers or _after_action(given.text, action_text)
    source = " ".join(source.split()).rstrip(".!?")
    source = LEADING_MARKER.sub("", source[:1].lower() + source[1:], count=1)
    if not source or source.lower() in action.lower():
        return ""
    return ", " + rewrite_change(source)


def rewrite_change(phrase: str) -> str:
    """'build time went from 20 to 8 min' -> 'build time went from 20 to 8 min (-60%)'.

    The size of the change is worked out from the user's own numbers and
    put beside them; no word of the user's is replaced.
    """
    change = change_find(phrase.lower())
    if not change:
        return phrase
    ratio = _change_ratio(change)
    if ratio is None:
        return phrase
    size, _arrow, falling = ratio
    end = change.start() + len(change.group(0).rstrip())
    sign = "-" if falling else ("+" if size.endswith("%") else "")
    return f"{phrase[:end]} ({sign}{size}){phrase[end:]}"


def _after_action(text: str, action_text: str) -> str:
    rest = text.strip()
    if action_text and rest.startswith(action_text):
        rest = rest[len(action_text) :]
    clauses = _clauses(action_text)
    tail = " ".join(clauses[1:]) if len(clauses) > 1 else ""
    rest = (tail + " " + rest).strip(" .,;")
    for piece in SENTENCE_END.split(rest):
        lower = piece.lower()
        if piece.strip() and (
            RESULT_MARKERS.search(lower)
            or _outcome(lower, measured=bool(quantities(lower, enough=1)))
        ):
            return piece.strip()
    return ""


def _change_ratio(change: re.Match[str]) -> tuple[str, str, bool] | None:
    """'20 to 8 min' -> ('60%', '20 → 8 min', True): the size, the arrow, falling?"""
    a_text, b_text = change.group("a"), change.group("b")
    a = parse_number(a_text.lstrip("$€£"))
    b = parse_number(b_text.lstrip("$€£"))
    unit = change.group("ub") or change.group("ua") or ""
    if (
        change.group("ua")
        and change.group("ub")
        and (change.group("ua").rstrip("s") != change.group("ub").rstrip("s"))
    ):
        return None  # "three weeks to five days": not one unit, no ratio
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
