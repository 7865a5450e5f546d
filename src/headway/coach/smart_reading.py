"""How the SMART coach reads a goal statement: clauses, verbs by role, counts.

A statement is cut into clauses ("and", commas, "in order to"); each clause
turns on a verb whose role decides what it promises: a vague verb asks for
more or better, an outcome verb names something that will be done or exist.
Numbers count only when they are counts: "Angular 6" or "Windows 11" name a
version, "by June 30" a date.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from headway.coach.goal_dates import (
    find_dates,
    find_recurrence,
    find_repeat,
    recurrence_spans,
)
from headway.coach.numbers import NUMBER_WORDS, parse_number
from headway.coach.smart_words import (
    AREA_ENDINGS,
    AREA_EXCEPTIONS,
    ARTIFACT_NOUNS,
    COMPARATIVES,
    EMPTY_WORDS,
    GENERIC_BY_LETTER,
    GENERIC_NOUNS,
    LEAD_IN,
    OUTCOME_STEMS,
    ROLE_WORDS,
    VAGUE_TIMES,
    VAGUE_VERB_STEMS,
    lexicon,
)

ANALYSED_MAX = 2000  # statements are at most 1,000 characters; pasted essays stop here

_VAGUE_TIME = re.compile(
    r"\b(?:" + "|".join(re.escape(phrase) for phrase in VAGUE_TIMES) + r")\b"
)
_WORD = re.compile(r"[a-z0-9][a-z0-9'\u2019+#.:-]*", re.IGNORECASE)
PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|percent\b|per\s*cent\b|pct\b)", re.I)
_PERCENT_WORDS = re.compile(
    r"\b(?:[a-z]+[\s-])?[a-z]+\s+(?:percent|per\s*cent)\b", re.IGNORECASE
)
_MONEY = re.compile(
    r"[$€£¥]\s*\d|\d\s*[$€£¥]|\b\d+(?:[.,]\d+)?\s*(?:k|m|bn)?\s*"
    r"(?:dollars?|euros?|pounds?|usd|eur|gbp|chf|bucks)\b|\b\d+(?:[.,]\d+)?k\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"(?<![a-z:])\d+(?:[.,]\d+)*(?![:\d])", re.IGNORECASE)
_FREQUENCY = re.compile(
    r"\b(?P<word>once|twice|thrice)\s+(?:a|an|per|every|each)\b"
    r"|\b(?P<times>\d+|[a-z]+)\s+times\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[,;!?]|\.(?:\s|$)|\b(?:and|then|while|plus|but|so\s+that|in\s+order\s+to|"
    r"which|so\s+i\s+can|as\s+well\s+as)\b",
    re.IGNORECASE,
)
_TOKEN_BEFORE = re.compile(r"(\S+)\s*$")
_TOKEN_AFTER = re.compile(r"^\s*([^\s,;]+)")
# Passive outcomes: "get certified", "be promoted", "become licensed".
_BE_VERBS = frozenset({"get", "be", "become", "got", "getting", "being"})
_HAVE_VERBS = frozenset(
    {"get", "gain", "receive", "have", "hold", "own", "land", "secure", "win", "earn"}
    | {"do"}  # do a masters, do the AWS course
)
# Words left in front of the verb once a date is taken out ("by june 30 write …").
_SKIPPED_BEFORE_VERB = lexicon(
    """a an the more to by before until till no later than in within over during
    on at for from of after goal goals objective aim is are"""
)
_STATE_ENDINGS = ("able", "ible", "ent", "ant", "ful", "ive", "ous", "ic", "ar")
_PRAISE = lexicon("good great best excellent")  # "be a good mentor"
_POSITIONS = lexicon("role roles job jobs position positions post")
_DETERMINERS = frozenset({"a", "an", "the", "my", "our", "one", "first", "new", "this"})
_UNITS = lexicon(
    """people persons staff hours hrs minutes mins days weeks months km miles kg
    lbs x times percent pct % k"""
)


@dataclass(frozen=True)
class Clause:
    """One verb and what follows it, up to the next "and" or comma."""

    head: str
    vague: bool
    outcome: bool
    things: tuple[str, ...]
    names: tuple[str, ...]
    content: tuple[str, ...]
    more: bool = False  # asks for more or better of something, with no number


@dataclass(frozen=True)
class Reading:
    """What the statement says."""

    text: str
    words: tuple[str, ...]
    head: str
    clauses: tuple[Clause, ...]
    quantity: str
    percent: bool
    money: bool
    recurrence: str
    repeat: str
    parsed_due: date | None
    vague_time: bool
    numbers: tuple[float, ...]

    @property
    def outcome(self) -> bool:
        return any(clause.outcome for clause in self.clauses)

    @property
    def things(self) -> tuple[str, ...]:
        """Concrete things named, outside clauses that only ask for more of them."""
        return tuple(t for c in self.clauses if not c.more for t in c.things)

    @property
    def anchors(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(a for c in self.clauses for a in (*c.things, *c.names))
        )

    @property
    def content(self) -> tuple[str, ...]:
        return tuple(w for clause in self.clauses for w in clause.content)

    @property
    def all_vague(self) -> bool:
        return bool(self.clauses) and all(clause.vague for clause in self.clauses)


def read(statement: str, today: date) -> Reading:
    text = " ".join(statement[:ANALYSED_MAX].split())
    parsed_due, date_spans = find_dates(text, today)
    rest = _blank_out(text, date_spans + recurrence_spans(text))
    numbers, quantity = _quantities(rest)
    frequency = _FREQUENCY.search(text)
    if frequency and not quantity and _frequency_count(frequency):
        quantity = frequency.group()
        numbers = (*numbers, _frequency_count(frequency))
    words = tuple(_normal(w) for w in _WORD.findall(rest))
    clauses = tuple(
        clause for part in _CLAUSE_BREAK.split(rest) if (clause := _clause(part))
    )
    return Reading(
        text=text,
        words=words,
        head=clauses[0].head if clauses else "",
        clauses=clauses,
        quantity=quantity,
        percent=bool(PERCENT.search(rest) or _PERCENT_WORDS.search(rest)),
        money=bool(_MONEY.search(rest)),
        recurrence=find_recurrence(text),
        repeat=find_repeat(text),
        parsed_due=parsed_due,
        vague_time=_VAGUE_TIME.search(text.lower()) is not None,
        numbers=numbers,
    )


def _frequency_count(match: re.Match[str]) -> float:
    word = (match["word"] or "").lower()
    if word:
        return float({"once": 1, "twice": 2, "thrice": 3}[word])
    return parse_number(match["times"] or "") or 0.0


@functools.lru_cache(maxsize=4096)
def _normal(word: str) -> str:
    return word.lower().replace("\u2019", "'").rstrip(".:,")


def _blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# --- Counts -------------------------------------------------------------------


def _quantities(text: str) -> tuple[tuple[float, ...], str]:
    """Numbers in digits or words that count something, and the first as written."""
    numbers: list[float] = []
    first = ""
    for match in _DIGITS.finditer(text):
        if _is_version(text, match):
            continue
        value = parse_number(match.group().replace(",", ""))
        if value is not None:
            numbers.append(value)
            first = first or match.group()
    run: list[str] = []
    for word in (*(_normal(w) for w in _WORD.findall(text)), ""):
        if is_number_word(word) or (run and word == "and"):
            run.append(word)
            continue
        if run:
            value = parse_number(" ".join(run))
            if value is not None and value > 0:
                numbers.append(value)
                first = first or " ".join(run)
            run = []
    return tuple(numbers), first


def _is_version(text: str, match: re.Match[str]) -> bool:
    """ "Angular 6", "ASP.NET 3.5", "Windows 11 rollout": a name's number, not a count.

    A number belongs to the name before it when that word is written as a
    name (a capital mid-sentence, an acronym, a dotted name) and the word
    after it is not something counted (a plural noun or a unit).
    """
    if match.group().count(".") >= 2:
        return True  # 3.5.1
    before = _TOKEN_BEFORE.search(text[: match.start()])
    if before is None:
        return False
    name = before.group(1)
    first_word = not text[: before.start()].strip()
    if not _written_as_name(name, first_word=first_word):
        return False
    after = _TOKEN_AFTER.match(text[match.end() :])
    return after is None or not _counted_noun(after.group(1))


@functools.lru_cache(maxsize=4096)
def _written_as_name(word: str, *, first_word: bool) -> bool:
    bare = word.strip("()\"'")
    if not bare or not bare[0].isalpha() or bare.lower() in LEAD_IN:
        return False
    inner_capital = any(ch.isupper() for ch in bare[1:])
    if "." in bare.rstrip(".") or inner_capital:
        return True  # ASP.NET, iOS, PowerShell, AWS
    return bare[0].isupper() and not first_word and bare.lower() not in EMPTY_WORDS


@functools.lru_cache(maxsize=4096)
def _counted_noun(word: str) -> bool:
    lowered = word.lower().strip(".()\"'")
    if lowered in _UNITS or lowered in ARTIFACT_NOUNS or lowered in ROLE_WORDS:
        return True
    return (
        len(lowered) > 2
        and lowered.endswith("s")
        and not lowered.endswith(("ss", "us", "is"))
    )


@functools.lru_cache(maxsize=4096)
def is_number_word(word: str) -> bool:
    parts = word.split("-")
    return all(part in NUMBER_WORDS or part in {"dozen", "couple"} for part in parts)


# --- Clauses and the role of their verb ---------------------------------------


def _clause(part: str) -> Clause | None:
    raw = tuple(_WORD.findall(part))
    words = tuple(_normal(w) for w in raw)
    start = _head_index(words)
    if start is None:
        return None
    head = words[start]
    rest = words[start + 1 :]
    things = tuple(
        word
        for index, word in enumerate(words)
        # index != start: in "lead a team", "lead" is the verb, not the role
        if (
            index != start
            and _is_thing(word)
            and _heads_its_phrase(words[index + 1 : index + 2])
        )
        or _names_a_position(words[max(index - 1, 0) : index + 2], index > 0)
    )
    names = tuple(
        words[i]
        for i in range(len(raw))
        if i > 0 and looks_like_a_name(raw[i], words[i - 1])
    )
    content = tuple(w for w in words if _is_content(w))
    more = _asks_for_more(words)
    vague = _is_vague_head(head, rest) or more
    verb = " ".join(words[start : start + 2])
    outcome = not vague and _promises_outcome(verb, rest, things, names)
    return Clause(head, vague, outcome, things, names, content, more)


def _heads_its_phrase(following: tuple[str, ...]) -> bool:
    """ "customer service": "customer" only qualifies the noun after it."""
    if not following:
        return True
    return not is_area(following[0])


def _names_a_position(words: tuple[str, ...], after_first: bool) -> bool:
    """ "a product management role", "a position managing a team": a named role."""
    padded = ("", *words) if not after_first else words
    before, word, after = (*padded, "", "")[:3]
    if word not in _POSITIONS:
        return False
    if after.endswith("ing") and len(after) > 4:
        return True  # the role is said by what it does
    return (
        bool(before)
        and before not in EMPTY_WORDS
        and before not in _DETERMINERS
        and (before not in COMPARATIVES and not is_generic(before))
    )


def _head_index(words: tuple[str, ...]) -> int | None:
    """The verb the clause turns on: the first word after the wish ("I want to")."""
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word == "be" and following not in LEAD_IN:
            return index  # "be a manager", not "be able to"
        if word in LEAD_IN or word in _SKIPPED_BEFORE_VERB:
            continue
        if word.endswith("ly") and not word.endswith("ply") and len(word) > 4:
            continue  # "successfully", "finally"; not "apply", "reply"
        return index
    return None


def _is_vague_head(head: str, rest: tuple[str, ...]) -> bool:
    if is_vague_verb(head):
        return True
    if head in _BE_VERBS or head in {"do", "make", "have"}:
        # "be better", "be a good mentor", "get comfortable": a quality, not a fact
        following = next((w for w in rest if w not in _DETERMINERS), "")
        return (
            following in COMPARATIVES
            or following in {"good", "great", "well", "best"}
            or _is_state_adjective(following)
        )
    return False


@functools.lru_cache(maxsize=4096)
def _is_state_adjective(word: str) -> bool:
    """ "get comfortable", "be fluent", "become confident": a feeling, not a fact."""
    if word in ROLE_WORDS or word in ARTIFACT_NOUNS or len(word) < 5:
        return False
    return word.endswith(_STATE_ENDINGS)


def _asks_for_more(words: tuple[str, ...]) -> bool:
    """ "manage my time better", "be more visible": more, with nothing to count."""
    return any(w in COMPARATIVES or w in _PRAISE for w in words) and not any(
        w[:1].isdigit() or is_number_word(w) for w in words
    )


def _promises_outcome(
    verb: str, rest: tuple[str, ...], things: tuple[str, ...], names: tuple[str, ...]
) -> bool:
    """A yes/no you can observe once it happened: pass the exam, run the postmortem."""
    head = verb.split(" ")[0]
    following = rest[0] if rest else ""
    if head in _BE_VERBS and following.endswith("ed") and len(following) > 4:
        return True  # get certified, be promoted, become licensed
    if head in _BE_VERBS and any(thing in ROLE_WORDS for thing in things):
        return True  # be a manager, become head of design
    if head in _HAVE_VERBS:
        return bool(things or names)
    if verb.startswith(OUTCOME_STEMS) or head in ARTIFACT_NOUNS:
        # "blog weekly", "podcast": a thing's name used as the verb makes one
        return bool(things or names or _names_an_object(rest) or head in ARTIFACT_NOUNS)
    # Any other verb acting on a named artifact is an event that happens or
    # not ("finalize the vendor contract"); acting on people ("help the junior
    # developers") is ongoing work.
    artifacts = [t for t in things if t not in ROLE_WORDS]
    return bool(artifacts) and _names_an_object(rest)


def _names_an_object(rest: tuple[str, ...]) -> bool:
    """ "the postmortem", "a mentor", "our onboarding guide": a thing, not an area."""
    for index, word in enumerate(rest[:-1]):
        if word in _DETERMINERS:
            nouns = [w for w in rest[index + 1 : index + 4] if _is_content(w)]
            if nouns and not is_area(nouns[-1]):
                return True
    return False


@functools.lru_cache(maxsize=4096)
def _is_thing(word: str) -> bool:
    singular = word[:-1] if word.endswith("s") else word
    return word in ARTIFACT_NOUNS or singular in ARTIFACT_NOUNS or word in ROLE_WORDS


@functools.lru_cache(maxsize=4096)
def _is_content(word: str) -> bool:
    return (
        word not in LEAD_IN
        and word not in EMPTY_WORDS
        and word not in COMPARATIVES
        and not is_generic(word)
        and not is_vague_verb(word)
        and not is_number_word(word)
        and not word[:1].isdigit()
        and len(word) > 1
    )


@functools.lru_cache(maxsize=4096)
def is_area(word: str) -> bool:
    """A noun naming an area of skill: leadership, time management, speaking."""
    if word in AREA_EXCEPTIONS or _is_thing(word):
        return False
    return is_generic(word) or word.endswith(AREA_ENDINGS)


@functools.lru_cache(maxsize=4096)
def is_vague_verb(word: str) -> bool:
    """A verb of more/better, also misspelt ("improove", "imrpove")."""
    if word in ARTIFACT_NOUNS:
        return False
    if word.startswith(VAGUE_VERB_STEMS):
        return True
    return len(word) >= 5 and any(
        _one_edit(word[: len(stem)], stem) or _one_edit(word[: len(stem) + 1], stem)
        for stem in VAGUE_VERB_STEMS
        if len(stem) >= 5 and stem[0] == word[0]
    )


@functools.lru_cache(maxsize=4096)
def is_generic(word: str) -> bool:
    """A noun too broad to count as an outcome, also misspelt ("carrer")."""
    if word in GENERIC_NOUNS:
        return True
    return len(word) >= 5 and any(
        _one_edit(word, noun) for noun in GENERIC_BY_LETTER.get(word[0], ())
    )


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, change or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
        return len(diffs) == 1 or swapped
    short, long = (a, b) if len(a) < len(b) else (b, a)
    index = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return short[index:] == long[index + 1 :]


@functools.lru_cache(maxsize=4096)
def looks_like_a_name(original: str, before: str) -> bool:
    """Python, AWS, Kubernetes, C#: capitalised mid-sentence or an acronym."""
    lowered = original.lower()
    if lowered in LEAD_IN or lowered in EMPTY_WORDS or is_area(lowered):
        return False
    if original[:1].isupper() and before not in {".", "i"}:
        return lowered not in GENERIC_NOUNS
    return bool(re.fullmatch(r"[a-z]+[#+]+|[a-z]\d*", original)) and len(original) > 1
