"""The NEAR coach's vocabulary: the words and patterns it reads text with.

Kept apart from the rules in `near.py` so each stays readable; everything
here is data or a compiled pattern, except `change_find`.
"""

from __future__ import annotations

import functools
import re

from headway.coach.numbers import NUMBER_WORDS

# Openings that say you were near the work, not what you did.
WEAK_OPENINGS = (
    "was responsible for",
    "were responsible for",
    "responsible for",
    "was in charge of",
    "was working on",
    "were working on",
    "was involved in",
    "was involved with",
    "involved in",
    "was part of",
    "took part in",
    "participated in",
    "helped with",
    "helped to",
    "helped out with",
    "helped",
    "worked on",
    "worked with",
    "working on",
    "working with",
    "helping with",
    "helping to",
    "helping",
    "assisted with",
    "assisted in",
    "assisted",
    "assisting with",
    "assisting",
    "supporting",
    "participating in",
    "involved with",
    "contributed to",
    "was tasked with",
    "tasked with",
    "duties included",
    "in charge of",
    "handled",
    "supported",
    "tried to",
    "did",
)
# Grammatical words that can sit where a verb sits but carry no action.
AUXILIARIES = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "am",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "did",
        "do",
        "does",
        "got",
        "get",
        "gets",
        "could",
        "would",
        "should",
        "might",
        "must",
        "may",
        "can",
        "will",
        "shall",
    ]
)
SUBJECT = re.compile(
    r"^(?:(?:together|finally|recently|today|yesterday|this\s+week|last\s+\w+),?\s+)?"
    r"(?:i|we|me\s+and\s+\w+|\w+\s+and\s+i|my\s+team\s+and\s+i|our\s+team|"
    r"the\s+team|my\s+team)\s+",
)
# English irregular past forms: grammar, not a list of examples.
IRREGULAR_PAST = frozenset(
    [
        "arose",
        "awoke",
        "bore",
        "beat",
        "became",
        "began",
        "bent",
        "bet",
        "bid",
        "bit",
        "bled",
        "blew",
        "broke",
        "bred",
        "brought",
        "built",
        "burnt",
        "bought",
        "caught",
        "chose",
        "clung",
        "came",
        "cost",
        "crept",
        "cut",
        "dealt",
        "dug",
        "drew",
        "dreamt",
        "drank",
        "drove",
        "ate",
        "fell",
        "fed",
        "felt",
        "fought",
        "found",
        "fled",
        "flew",
        "forbade",
        "forgot",
        "forgave",
        "froze",
        "gave",
        "went",
        "ground",
        "grew",
        "hung",
        "heard",
        "hid",
        "hit",
        "held",
        "hurt",
        "kept",
        "knelt",
        "knew",
        "laid",
        "led",
        "leapt",
        "learnt",
        "left",
        "lent",
        "let",
        "lay",
        "lit",
        "lost",
        "made",
        "meant",
        "met",
        "paid",
        "proved",
        "put",
        "quit",
        "read",
        "rode",
        "rang",
        "rose",
        "ran",
        "sawed",
        "said",
        "saw",
        "sought",
        "sold",
        "sent",
        "set",
        "sewed",
        "shook",
        "shed",
        "shone",
        "shot",
        "showed",
        "shrank",
        "shut",
        "sang",
        "sank",
        "sat",
        "slept",
        "slid",
        "spoke",
        "sped",
        "spent",
        "spun",
        "split",
        "spread",
        "sprang",
        "stood",
        "stole",
        "stuck",
        "stung",
        "struck",
        "strove",
        "swore",
        "swept",
        "swam",
        "swung",
        "took",
        "taught",
        "tore",
        "told",
        "thought",
        "threw",
        "thrust",
        "understood",
        "woke",
        "wore",
        "wove",
        "wept",
        "won",
        "wound",
        "wrote",
        "rebuilt",
        "rewrote",
        "overcame",
        "oversaw",
        "undertook",
        "withdrew",
        "upheld",
        "outgrew",
        "overthrew",
        "mentored",
    ]
)
# -ed words that are adjectives or nouns far more often than actions.
NOT_VERBS_ED = frozenset(
    [
        "red",
        "bed",
        "need",
        "seed",
        "feed",
        "speed",
        "shed",
        "weed",
        "bred",
        "hundred",
        "kindred",
        "wicked",
        "naked",
        "sacred",
        "rugged",
        "ragged",
        "beloved",
        "learned",
        "aged",
        "based",
        "related",
        "advanced",
        "skilled",
        "detailed",
        "dedicated",
        "experienced",
        "interested",
        "involved",
        "limited",
        "united",
        "distributed",
        "automated",
    ]
)
LIGHT_VERBS = frozenset(
    ["made", "did", "got", "went", "took", "put", "had", "set", "kept"]
)
VAGUE_QUANTITIES = re.compile(
    r"\b(?:many|lots?\s+of|a\s+lot|several|numerous|various|tons?\s+of|"
    r"significant(?:ly)?|huge|massive(?:ly)?|greatly|dramatically|a\s+bunch|"
    r"countless|plenty|a\s+few|some)\b"
)
VAGUE_OBJECTS = re.compile(
    r"\b(?:stuff|things?|tasks?|various|misc(?:ellaneous)?|different\s+\w+|"
    r"some\s+\w+|multiple\s+\w+|day[- ]to[- ]day|general\s+\w+|etc)\b"
)
# Starts only at the start of a digit run and is bounded, so no regex using it
# can backtrack over a long run of digits.
NUMBER = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,15})(?:\.\d{1,6})?(?![\d])"
SMALL_WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+dozen)"
)
CHANGE_NUMBER = rf"(?:[$€£]?{NUMBER}|{SMALL_WORD_NUMBER})"
UNIT = (
    r"(?:%|percent|x|times|k|m|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|"
    r"hours?|days?|weeks?|months?|years?|gb|mb|tb|kb|usd|eur|gbp)"
)
MONEY = re.compile(
    rf"[$€£]\s?{NUMBER}\s?(?:k|m|bn|million|billion)?\b|{NUMBER}\s?(?:usd|eur|gbp|dollars|euros|pounds)\b"
)
PERCENT = re.compile(rf"{NUMBER}\s?(?:%|percent\b|per\s+cent\b|pp\b)")
MULTIPLIER = re.compile(
    rf"\b{NUMBER}\s?x\b|\b(?:twice|doubled?|doubling|tripled?|quadrupled?|halved?|"
    r"halving|ten\s?fold|two\s?fold|three\s?fold|in\s+half|by\s+(?:half|a\s+third|"
    r"a\s+quarter|two\s+thirds))\b"
)
WORD_NUMBER = re.compile(
    r"\b(?:(?:"
    + "|".join(sorted(NUMBER_WORDS - {"zero"}, key=len, reverse=True))
    + r"|dozen)(?:[\s-]+(?:and\s+)?(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"))*)\b"
)
DIGITS = re.compile(rf"(?<![\w.]){NUMBER}(?:\s?{UNIT}\b|%)?")
COUNTED_NOUN = re.compile(
    rf"(?<![\w.])({NUMBER}|{SMALL_WORD_NUMBER})(?:\+?\s+|-)(?!(?:to|and|or|in|on|at|of|"
    r"by|for|the|a|an|is|was|were|are)\b)[a-z]{3,}"
)
ANY_DIGIT = re.compile(r"\d")
YEAR = re.compile(r"^(?:19|20)\d\d$")
CHANGE_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<a>{CHANGE_NUMBER})\s?(?P<ua>{UNIT}\b|%)?\s*"
    rf"(?:to|→|->|=>|down\s+to|up\s+to)\s*(?P<b>{CHANGE_NUMBER})\b\s?(?P<ub>{UNIT}\b|%)?"
)
CHANGE_ARROW = re.compile(
    rf"(?P<a>[$€£]?{NUMBER})\s?(?P<ua>{UNIT}\b|%)?\s*"
    rf"(?:→|->|=>)\s*(?P<b>[$€£]?{NUMBER})\s?(?P<ub>{UNIT}\b|%)?"
)


@functools.lru_cache(maxsize=32)
def change_find(lower: str) -> re.Match[str] | None:
    """A before→after change: 'from 20 to 8 min' or '20 → 8 min'.

    Cached: the numbers, the result and the bullet all ask it of one text.
    """
    return CHANGE_FROM_TO.search(lower) or CHANGE_ARROW.search(lower)


RESULT_MARKERS = re.compile(
    r"\b(?:so\s+that|so|which|resulting\s+in|result(?:ed|ing)?|leading\s+to|"
    r"led\s+to|meaning|now|no\s+longer|allowing|enabling|letting|thanks\s+to|"
    r"saving|saved|saves|cutting|reducing|reduced|increasing|increased|"
    r"improv(?:ed|ing)|grew|growing|raised|raising|lowered|lowering|dropped|"
    r"dropping|boost(?:ed|ing)|lift(?:ed|ing)|growth|increase|decrease|"
    r"reduction|rise|uplift|improvement|shortened|eliminat(?:ed|ing)|prevent(?:ed|ing)|"
    r"avoid(?:ed|ing)|unblock(?:ed|ing)|freed|freeing|halved|doubled|went\s+"
    r"(?:from|down|up)|fell|rose|cut|won|earned|generated|fewer|faster|"
    r"less|more|lower|higher|quicker|shorter|better|cheaper|remov(?:ed|ing)|"
    r"(?:up|down|by)\s+[\d$€£])"
)
BENEFICIARY = re.compile(
    r"\b(?:for|to|helping|across|serving)\s+(?:(?:the|our|all|every|each|"
    r"\d[\d,]*|[a-z]+ty(?:-\w+)?|[a-z]+)\s+){0,3}(?:users?|customers?|clients?|"
    r"teams?|engineers?|developers?|devs|people|colleagues|staff|students?|"
    r"patients?|members?|readers?|subscribers?|employees|managers?|analysts?|"
    r"partners?|stakeholders?|company|business|org(?:anisation|anization)?|"
    r"department|squads?|visitors?|buyers?|sellers?|agents?|nurses?|"
    r"doctors?|teachers?|volunteers?|community|everyone)\b"
)
PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+[A-Z]?\w*|\b[A-Z]{2,}\w*\b")
CODE_LIKE = re.compile(r"\b\w+[./_]\w+\b|\b[a-z]+\d+\w*\b|`[^`]+`|\"[^\"]{2,}\"")
DETERMINED = re.compile(
    r"\b(?:the|our|their|a|an|my|its|this|that)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]{2,}"
)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
CLAUSE_BREAK = re.compile(
    r",?\s+(?=(?:so\s+that|so|which|resulting\s+in|leading\s+to|and\s+(?:this|that|it)|"
    r"meaning)\s)|\s*[,;:\u2014\u2013]\s+|\s+-\s+"  # em and en dashes break clauses
)
LEADING_MARKER = re.compile(
    r"^(?:so\s+that|so|which|and\s+(?:this|that|it)|meaning|resulting\s+in|"
    r"leading\s+to)\s+"
)
CHANGE_VERB_BEFORE = re.compile(
    r"(?:went|dropped|fell|rose|grew|came|moved|climbed|shrank|jumped|sank|"
    r"decreased|increased|improved|went\s+down|went\s+up)\s+(?:down\s+|up\s+)?$"
)
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "i",
        "we",
        "my",
        "our",
        "me",
        "us",
        "they",
        "them",
        "their",
        "he",
        "she",
        "his",
        "her",
        "you",
        "your",
        "so",
        "very",
        "just",
        "also",
        "then",
        "than",
        "there",
        "here",
    ]
)


IRREGULAR_BASE = dict(
    pair.split(":")
    for pair in [
        "build:built",
        "run:ran",
        "make:made",
        "lead:led",
        "write:wrote",
        "teach:taught",
        "bring:brought",
        "drive:drove",
        "give:gave",
        "speak:spoke",
        "hold:held",
        "win:won",
        "cut:cut",
        "take:took",
        "keep:kept",
        "find:found",
        "grow:grew",
        "sell:sold",
        "spend:spent",
        "begin:began",
        "set:set",
        "put:put",
        "rebuild:rebuilt",
        "rewrite:rewrote",
        "oversee:oversaw",
    ]
)


OBJECT_STARTERS = frozenset(
    ["the", "a", "an", "our", "my", "their", "its", "this", "that", "two", "three"]
)


# --- what a Result is -------------------------------------------------------

# An outcome won or a standing reached: a result even without a number.
OUTCOME_WON = re.compile(
    r"\b(?:won|wins|winning|secured|awarded|landed|clinched|holds?\s+the\s+"
    r"(?:\w+\s+){0,2}record|set\s+(?:a|the)\s+(?:\w+\s+){0,2}record|ranked|placed\s+"
    r"(?:\d+(?:st|nd|rd|th)?|first|second|third|top)|top\s+(?:\d+|three|five|ten)\b|promoted|"
    r"closed\s+(?:a|the|our|\$|€|£|\d)|signed\s+(?:a|the|\d)|beat|"
    r"finished\s+(?:\d+(?:st|nd|rd|th)|first|second|third|top))\b"
)
# A number set against a benchmark: a score reached, not an activity.
BENCHMARK = re.compile(
    r"\b(?:above|below|against|versus|vs\.?|benchmark|baseline|target|quota|"
    r"average|sla|slo|industry|exceed(?:ed|ing)?|outperform(?:ed|ing)?|early|"
    r"ahead\s+of|under\s+budget|on\s+time|before\s+(?:the\s+)?deadline)\b"
)
# Verbs of gain: money or people brought in, adoption won.
GAIN = re.compile(
    r"\b(?:generat(?:ed|ing)|brought\s+in|bringing\s+in|earn(?:ed|ing)|rais(?:ed|ing)|"
    r"recover(?:ed|ing)|clos(?:ed|ing)|book(?:ed|ing)|attract(?:ed|ing)|acquir(?:ed|ing)|"
    r"gain(?:ed|ing)|sign(?:ed|ing)\s+up|used\s+by|adopted\s+by|serv(?:es|ing)|"
    r"drove|driving|drives?\s+(?:a|an|the|up|down|\d)|reach(?:ed|ing)|"
    r"discounts?|savings?|sav(?:ed|ing))\b|\bhandl(?:ed|ing)\s+\d[\d,.]*\s?%"
)
# A version, product or model number follows its name: "Angular 6", ".NET 8".
PRODUCT_NUMBER = re.compile(
    r"(?:(?<=\s)|^)(?P<name>[.\w][\w.+#-]*)\s+v?(?P<num>\d+(?:\.\d+)*)(?![\d,])"
)
VERSION_WORDS = frozenset(
    ["version", "v", "release", "model", "gen", "generation", "series", "mark", "mk"]
)
MONTHS = frozenset(
    re.findall(
        r"\w+",
        "january february march april may june july august september october "
        "november december jan feb mar apr jun jul aug sep sept oct nov dec",
    )
)
# Words that may open a bullet before its verb: fillers and adverbs.
LEAD_FILLERS = frozenset(
    re.findall(
        r"\w+",
        "so basically well ok okay anyway also then just really actually finally "
        "recently together today yesterday personally",
    )
)
# A light verb followed by one of these is a phrasal verb with its own meaning.
PARTICLES = frozenset(
    ["over", "on", "up", "off", "out", "together", "charge", "ownership", "apart"]
)
VERB_PLACEHOLDER = "[Verb]"
