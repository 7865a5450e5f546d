"""Quick capture's vocabulary: the cues that say what kind of entry a line is.

Each cue is a word's role in the line (the verb that finishes a course, the
noun a talk is given as, the verb of a failure), not an example sentence.
Kept apart from the rules in `capture.py`, like `near_words.py` for NEAR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    """A pattern on the lower-cased line and how strongly it points at a kind."""

    kind: str
    pattern: re.Pattern[str]
    weight: float
    # A topic noun alone ("an article in HBR…") names the kind only in a
    # fragment; beside an action verb it is what the action was about.
    fragment_only: bool = False


def _cue(kind: str, weight: float, pattern: str, *, fragment_only: bool = False) -> Cue:
    return Cue(kind, re.compile(pattern), weight, fragment_only)


# Words between a verb and its object: "passed *the AWS Security* exam".
GAP = r"(?:[\w'&+./#-]+\s+){0,6}?"
STRONG, TOPIC, HINT = 3.0, 2.0, 1.0
# A failure outweighs its topic: a failed exam is a setback, not learning.
FAILURE = 4.0

LEARN_VERB = (
    r"(?:finish(?:ed)?|complet(?:ed|e)|pass(?:ed)?|clear(?:ed)?|earn(?:ed)?|"
    r"got|gotten|obtain(?:ed)?|renew(?:ed)?|took|taken|attend(?:ed)?|done\s+with|"
    r"wrapped\s+up|got\s+through|achiev(?:ed)?|receiv(?:ed)?|graduat(?:ed)?|"
    r"aced|enrol(?:l?ed)|sat|studied\s+for)"
)
LEARN_NOUN = (
    r"(?:courses?|exams?|certifications?|certificates?|certs?|trainings?|"
    r"workshops?|bootcamps?|class(?:es)?|modules?|moocs?|specialis?z?ations?|"
    r"nanodegrees?|degrees?|diplomas?|masterclass|seminars?|tutorials?\s+series|"
    r"badges?|credentials?|licen[cs]es?)"
)
TALK_NOUN = (
    r"(?:talks?|presentations?|keynotes?|lunch[- ]?(?:and|&|n)[- ]?learns?|"
    r"brown[- ]?bags?|webinars?|panels?|posters?|sessions?|demos?|workshops?|"
    r"lectures?|speech(?:es)?)"
)
CONTENT_NOUN = (
    r"(?:blog(?:\s+post)?|posts?|articles?|pieces?|essays?|videos?|screencasts?|"
    r"podcasts?|newsletters?|pull\s+requests?|prs?|patch(?:es)?|contributions?|"
    r"commits?|open[- ]source|case\s+stud(?:y|ies)|tutorials?|guides?|threads?|"
    r"episodes?|docs|documentation\s+page)"
)
READING_NOUN = (
    r"(?:books?|articles?|papers?|reports?|essays?|chapters?|long\s?reads?|"
    r"surveys?|white\s?papers?|post-?mortems?|studies|study|newsletters?|"
    r"pieces?|reviews?\s+of)"
)
ROLE_NOUN = (
    r"(?:champion|lead|owner|coordinator|organi[sz]er|captain|rep|representative|"
    r"steward|chair|host|point\s+person|buddy|mentor|manager|warden|facilitator|"
    r"scrum\s+master|maintainer)"
)

CUES: tuple[Cue, ...] = (
    # setback: the verb of a failure, a loss or a slip
    _cue(
        "setback",
        FAILURE,
        r"\b(?:fail(?:ed|ing)?|flunk(?:ed)?|bomb(?:ed)?|lost|los(?:e|ing)\s+the|"
        r"missed\s+(?:the|a|an|my|our|\d|two|three|several)|"
        r"(?:did\s*n[o']?t|didn't|did\s+not|couldn't|could\s+not|wasn't|was\s+not)\s+"
        r"(?:get|make|pass|prepare|land|win|hit|meet|finish|ship|deliver|"
        r"selected|chosen|accepted|promoted)|"
        r"rejected|turned\s+down|declined|passed\s+over|went\s+(?:badly|wrong|"
        r"poorly|sideways)|fell\s+(?:through|apart|flat)|slipp?ed|cancell?ed|"
        r"scrapped|crash(?:ed)?|broke\b|blew|screwed\s+up|messed\s+up|"
        r"roll(?:ed)?\s+back|rollback|reverted|postponed|"
        r"caused\s+(?:an?\s+)?" + GAP + r"(?:outage|incident|bug|regression|"
        r"downtime|data\s+loss|delay))",
    ),
    # learning: a verb that finishes or passes, then what was learnt
    _cue("learning", STRONG, rf"\b{LEARN_VERB}\s+{GAP}{LEARN_NOUN}\b"),
    _cue("learning", STRONG, r"\b(?:certified|passed|graduated)\b"),
    _cue("learning", TOPIC, rf"\b{LEARN_NOUN}\s+(?:done|completed|finished)\b"),
    # talk: a talk given, or the verb of speaking to an audience
    _cue(
        "talk",
        STRONG,
        r"\b(?:(?:gave|giving|delivered|did|do|held|ran|run|hosted|taught|"
        r"facilitated|led)\s+" + GAP + TALK_NOUN + r"|presented|presenting|"
        r"spoke\s+(?:at|to|on|about|before)|speaking\s+(?:at|to)|keynote[ds]?|"
        r"demo(?:ed|'d)|lightning\s+talk|(?:conference|meetup|tech|internal)\s+"
        r"talk|lunch[- ]?(?:and|&|n)[- ]?learn|brown[- ]?bag|webinar|panel(?:ist|"
        r"\s+speaker)?|speaker\s+at)\b",
    ),
    _cue("talk", TOPIC, r"(?:^|\b(?:my|a|the|our)\s+" + GAP + r")talks?\b"),
    # content: something the user made public
    _cue(
        "content",
        STRONG,
        r"\b(?:publish(?:ed)?|wrote|written|post(?:ed)|blogged|record(?:ed)|"
        r"releas(?:ed)|upload(?:ed)|sent\s+out|shipped|put\s+out)\s+"
        + GAP
        + CONTENT_NOUN
        + r"\b|\b(?:blogged|published|vlogged)\b",
    ),
    _cue(
        "content",
        STRONG,
        rf"\b{CONTENT_NOUN}\s+{GAP}(?:merged|landed|accepted|went\s+live|is\s+"
        r"(?:out|live|up)|got\s+merged|was\s+merged|published)\b|"
        r"\bmerged\s+" + GAP + r"(?:upstream|into)\b|"
        r"\b(?:got|was|been|is|were)\s+merged\b",
    ),
    # reading: the verb of reading, or a publication named without a maker
    _cue(
        "reading",
        STRONG,
        r"\b(?:read|reading|re-?read|skimmed|devoured|listened\s+to|"
        r"finished\s+reading|went\s+through\s+the)\b"
        r"(?!\s+(?:group|club|list|circle|room)s?\b)",
    ),
    _cue("reading", STRONG, rf"\bfinished\s+{GAP}{READING_NOUN}\b"),
    _cue("reading", TOPIC, rf"\b{READING_NOUN}\b", fragment_only=True),
    # feedback: what someone said about the user's work, or the other way
    _cue(
        "feedback",
        STRONG,
        r"\b(?:feedback|praised?|complimented|compliments?|kudos|shout[- ]?outs?|"
        r"thank(?:ed)?\s+(?:me|us)|thank[- ]you|thanks\s+from|"
        r"(?:said|says|thinks|think|told\s+me|called|found)\s+(?:that\s+)?"
        r"(?:my|i|i'm|i\s+was)\b|told\s+me|told\s+\w+\s+(?:his|her|their|that)|"
        r"(?:great|good|nice|excellent|amazing)\s+(?:job|work)|well\s+done|"
        r"appreciat(?:ed|es)\s+(?:my|me|the\s+way)|recognition|criticis(?:ed|m)|"
        r"complain(?:ed|t)\s+about\s+my)\b",
    ),
    # initiative: the user raised a hand, took something on, spoke up
    _cue(
        "initiative",
        STRONG,
        r"\b(?:volunteer(?:ed|ing)?|raised\s+my\s+hand|put\s+(?:myself|my\s+name)"
        r"\s+forward|took\s+over|taking\s+over|stepped\s+(?:up|in)|offered\s+to|"
        r"signed\s+up\s+(?:to|for|as)|took\s+(?:on|ownership)|agreed\s+to\s+"
        r"(?:run|lead|own|take|organi[sz]e|host|coordinate|mentor|chair|drive)|"
        r"spoke\s+up|pushed\s+back|championed|proposed|kicked\s+off|"
        r"led\s+the\s+(?:effort|initiative|push|drive|work)|"
        r"(?:started|founded|set\s+up)\s+(?:a|an|the|our)\s+"
        + GAP
        + r"(?:club|group|guild|channel|initiative|programme|program|series|"
        r"community|rotation|circle)|"
        rf"(?:became|becoming|am\s+now|i'm\s+now|now)\s+{GAP}{ROLE_NOUN})\b",
    ),
    # meeting: a 1:1, a coffee, a call or a sync with someone
    _cue(
        "meeting",
        STRONG,
        r"(?:(?:^|\b(?:weekly|monthly|quarterly|our|my|a)\s+)(?:1\s?(?::|-|on|o|x)\s?1s?|"
        r"one[- ]on[- ]ones?|skip[- ]?levels?)\b|"
        r"\b(?:1\s?(?::|-|on|o|x)\s?1s?|one[- ]on[- ]ones?|skip[- ]?levels?)\s+"
        r"(?:with|w/)|"
        r"\b(?:coffee|lunch|breakfast|dinner|drinks|call|sync|chat|catch[- ]?up|"
        r"check[- ]?in|meeting|session|walk|zoom|meetup)\s+with\b|"
        r"\b(?:met|meet|meeting|caught\s+up|sat\s+down|talked|spoke)\s+(?:up\s+)?"
        r"with\b|\bmet\s+(?:my|our|the)\s+(?:\w+\s+)?(?:mentor|manager|boss|lead|"
        r"director|coach|mentee|skip)|\bmentoring\s+session|\bintro\s+call|"
        r"\bcoaching\s+session)",
    ),
    _cue(
        "meeting",
        TOPIC,
        r"\b(?:1\s?(?::|-|on|o|x)\s?1s?|one[- ]on[- ]ones?|skip[- ]?levels?)\b",
    ),
)

# A line that is a plan, a wish or a question is a note, whatever it names.
INTENT = re.compile(
    r"^\W*(?:i\s+|we\s+)?(?:need|needs|want|wanna|would\s+like|'d\s+like|should|"
    r"must|have\s+to|has\s+to|plan|planning|going\s+to|gonna|hope|hoping|remember|"
    r"thinking|wondering|maybe|might|todo|to-?do|to\s+do|idea|ideas|consider|"
    r"considering|try\s+to|will|let's|next\s+week|tomorrow)\b"
    r"|\?\s*$"
)

# --- fields a reader can fill from the line --------------------------------

NAME = r"[A-Z][\w&.+-]*(?:\s+(?:of\s+|for\s+|&\s+)?[A-Z][\w&.+-]*){0,4}"
PROVIDER = re.compile(
    rf"\b(?:on|from|by|via|through|run\s+by|with|at)\s+({NAME})|\(({NAME})\)"
)
SCORE = re.compile(
    r"\b(\d{1,4}(?:\.\d+)?\s?(?:%|percent\b)|\d{1,4}\s?/\s?\d{1,4}\b|"
    r"\d{1,4}\s+points\b|(?<=score\s)\d{1,4}\b|(?<=scored\s)\d{1,4}\b|"
    r"(?<=score\sof\s)\d{1,4}\b|grade\s+[a-f][+-]?(?!\w))"
)
PASSED = re.compile(r"\b(?:passed|cleared|got\s+through|aced)\b")
COMPLETED = re.compile(r"\b(?:finished|completed|done\s+with|wrapped\s+up|graduated)\b")
LEARNING_SUBTYPES = (
    ("certification", re.compile(r"\bcert(?:ification|ificate|ified|s)?\b")),
    ("exam", re.compile(r"\bexams?\b")),
    ("workshop", re.compile(r"\b(?:workshop|seminar|masterclass)s?\b")),
    ("course", re.compile(r"\b(?:course|module|class|bootcamp|mooc)s?\b")),
    ("book", re.compile(r"\bbooks?\b")),
)
VENUE_KINDS = (
    ("user_group", re.compile(r"\buser\s+groups?\b")),
    ("meetup", re.compile(r"\bmeet-?ups?\b")),
    (
        "conference",
        re.compile(
            r"\b(?:conference|conf|summit|congress|symposium|expo|keynote)\b|"
            r"\b\w+(?:con|days|conf)\b"
        ),
    ),
    (
        "internal",
        re.compile(
            r"\b(?:lunch[- ]?(?:and|&|n)[- ]?learn|brown[- ]?bag|all[- ]hands|"
            r"town\s?hall|offsite|leadership|board|company|internal|team|"
            r"guild|department|colleagues|org)\b"
        ),
    ),
)
AUDIENCE = re.compile(
    r"(?:~|about\s+|around\s+|roughly\s+|nearly\s+|over\s+|for\s+)?"
    r"\b(\d{1,6}|[a-z]+(?:[- ][a-z]+)?)\+?\s+(?:people|attendees|engineers|folks|"
    r"participants|listeners|viewers|devs|developers|colleagues|guests|students|"
    r"customers|in\s+the\s+room|in\s+the\s+audience|managers|members|"
    r"registrants|signups)\b"
)
CONTENT_SUBTYPES = (
    (
        "open_source",
        re.compile(
            r"\b(?:pull\s+requests?|prs?|patch(?:es)?|merged|upstream|open[- ]source|"
            r"contributions?|commits?)\b"
        ),
    ),
    ("video", re.compile(r"\b(?:videos?|screencasts?|youtube|vlog\w*)\b")),
    ("blog_post", re.compile(r"\b(?:blog(?:ged)?|blog\s+posts?|posts?)\b")),
    ("article", re.compile(r"\b(?:articles?|essays?)\b")),
)
PUBLISHED_WHERE = re.compile(rf"\b(?:on|in|at)\s+(?:the\s+)?({NAME})")
URL = re.compile(r"https?://[^\s<>\"')]+")
SHARED_WHERE = re.compile(
    r"\bshared\s+(?:it\s+|them\s+|this\s+)?(?:on|in|with|to)\s+(?:the\s+)?"
    r"([\w#@.-]+(?:\s+[\w#@.-]+)?)"
)
FEEDBACK_GIVEN = re.compile(
    r"^\W*(?:i\s+)?(?:gave|give|told|sent|shared|offered|wrote)\s+(?!me\b)"
)
TONE = (
    (
        "critical",
        re.compile(
            r"\b(?:critical|criticis\w+|criticiz\w+|complain\w*|harsh|angry|"
            r"disappointed|unhappy|upset|frustrated|negative)\b"
        ),
    ),
    (
        "constructive",
        re.compile(
            r"\b(?:need\s+to|needs\s+to|should|could|too\s+\w+|suggest\w*|"
            r"improve|more\s+\w+|less\s+\w+|weaker|work\s+on|delegate)\b"
        ),
    ),
    (
        "positive",
        re.compile(
            r"\b(?:prais\w+|complimented|compliments?|kudos|thank\w*|shout[- ]?outs?|"
            r"great|well\s+done|nice|lovely|love[ds]?|clearest|best|impressed|"
            r"brilliant|excellent|amazing|awesome|fantastic|proud|appreciat\w+)\b"
        ),
    ),
)
SPEAKER = re.compile(
    r"(?:^|[:;,.(]\s*)((?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|(?:my|our|the|a)\s+"
    r"[a-zA-Z-]+(?:\s+[a-zA-Z-]+)?)\s+(?:said|says|told|praised|complimented|"
    r"thinks|thought|called|thanked|emailed|wrote|mentioned|noted|gave\s+me)\b"
)
SOURCE = re.compile(
    r"\b(?:from|by)\s+((?:my|our|the)\s+[a-zA-Z-]+(?:\s+[a-zA-Z-]+)?|"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
)
RECIPIENT = re.compile(r"\b(?:gave|told|sent|thanked)\s+([A-Z][a-z]+)\b")
PERSON_STOP = frozenset(
    re.findall(
        r"\w+",
        "for on about that at in to after with when who which and or but this "
        "today yesterday was is",
    )
)
INITIATIVE_SUBTYPES = (
    (
        "raised_hand",
        re.compile(r"\b(?:raised\s+my\s+hand|put\s+(?:myself|my\s+name)\s+forward)"),
    ),
    (
        "spoke_up",
        re.compile(
            r"\b(?:spoke\s+up|pushed\s+back|voiced|raised\s+(?:a|the|my)\s+concerns?)"
        ),
    ),
    ("volunteered", re.compile(r"\b(?:volunteer\w*|offered\s+to|signed\s+up)")),
    (
        "led_project",
        re.compile(
            r"\b(?:led|started|founded|set\s+up|kicked\s+off|launched|organi[sz]ed)\b"
        ),
    ),
    (
        "responsibility",
        re.compile(r"\b(?:took|taking|stepped|agreed|became|becoming|now|own)\b"),
    ),
)
MENTOR = re.compile(r"\bment(?:or|oring)\b")
MANAGER = re.compile(r"\b(?:manager|boss|my\s+lead|line\s+manager)\b")
