"""The SMART coach's vocabulary: words grouped by the role they play in a goal.

Kept apart from the rules so the lists can grow without touching the logic.
"""

from __future__ import annotations


def lexicon(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- The words, by the role they play in a goal statement -------------------

# What people put before the goal itself: the subject, wishes, intentions.
LEAD_IN = lexicon(
    """i i'd id i'll ill im i'm we my our me to want wanna would like love hope wish
    will shall should must need try aim plan intend going gonna really just finally
    somehow also so and then please be able"""
)
# Verbs that say "more/better" without saying of what: they fail when alone.
VAGUE_VERB_STEMS = (
    "improv",
    "grow",
    "develop",
    "enhanc",
    "progress",
    "advanc",
    "better",
    "upskill",
    "level",
    "work",
    "focus",
    "strengthen",
    "expand",
    "broaden",
    "excel",
    "succeed",
    "thriv",
    "evolv",
    "boost",
    "optimi",
    "maximi",
    "refin",
    "sharpen",
    "polish",
    "step",
    "push",
    "keep",
    "continu",
    "stay",
    "learn",
    "understand",
    "explor",
    "know",
    "study",
    "tri",
    "master",
    "practi",
    "build up",
    "increas",
    "reduc",
    "decreas",
    "cut",
    "lower",
    "minimi",
    "enrich",
    "deepen",
    "familiari",
    "gain experience",
)
# Comparatives that ask for more or better of something without a measure.
COMPARATIVES = lexicon(
    """better more stronger greater bigger higher faster smarter clearer
    easier deeper wider broader richer improved enhanced"""
)
# Endings of nouns that name an area of skill or behaviour, not an outcome:
# "time management", "leadership", "public speaking", "communication".
AREA_ENDINGS = ("ment", "ship", "ness", "ity", "ence", "ance", "ism", "ing", "ion")
# Nouns that end like an area but name a thing that will exist or happen.
AREA_EXCEPTIONS = lexicon(
    """presentation certification publication application promotion position
    session meeting offering posting opening listing ending wedding building
    bootcamp migration integration submission competition contribution
    qualification nomination election evaluation investment requirement
    agreement document assignment placement announcement entity university
    community city opportunity license licence conference job jobs role roles
    position positions"""
)
# Words that keep a vague verb vague: "get better", "do more", "be great".
EMPTY_WORDS = lexicon(
    """a an the of in on at for with about into up out more most better best
    good great well much many lot lots bit some any things thing stuff everything
    something overall general generally way ways do doing did get getting got be
    being been become make making go going have having really very quite more
    even further own this that these those it its myself yourself self by to from
    at least than within before after until and or my our your their per"""
)
# Nouns too broad to name an outcome by themselves.
GENERIC_NOUNS = lexicon(
    """job jobs career work role position skills skill abilities ability knowledge
    performance game life growth success progress promotion promoted raise level
    person professional employee worker leader team company stuff things field
    industry craft potential impact visibility presence profile network
    networking experience competence competency competencies strengths
    weaknesses habits productivity communication confidence area areas
    service services side aspects aspect space domain stuff"""
)
# Nouns that name something that will exist or happen when the goal is done.
ARTIFACT_NOUNS = lexicon(
    """certification certificate certified exam exams course courses degree diploma
    mba phd masters master's bootcamp talk talks presentation presentations
    keynote meetup meetups conference conferences workshop workshops article
    articles post posts blog newsletter paper papers book books chapter chapters
    podcast video videos application applications applications posting postings
    interview interviews offer offers project projects app library release
    releases feature features pr prs pull contribution contributions commit
    commits portfolio website site demo prototype course mentee mentees mentor
    mentors coach meeting meetings 1:1 one-on-ones client clients customer
    customers deal deals sale sales revenue salary budget hire hires report
    reports review reviews design designs system systems model models paper
    patent dashboard pipeline migration launch team-lead sessions session
    lessons lesson hours kilometres km miles marathon language postmortem
    post-mortem retrospective proposal plan roadmap playbook guide tutorial
    documentation docs handbook course module training curriculum test
    tests exam license licence degree award scholarship grant contract
    website tool tools script api framework prototype poc mvp
    product campaign event hackathon webinar panel interview certificate
    bonus internship apprenticeship
    thesis dissertation survey analysis audit spreadsheet deck
    slides newsletter issue episode"""
)
# Words of role titles: "Senior Marketing Manager", "staff engineer".
ROLE_WORDS = lexicon(
    """senior sr junior staff principal lead head chief director manager managers
    engineer engineers developer architect analyst scientist designer
    consultant specialist officer vp president partner owner supervisor
    coordinator administrator editor writer researcher professor lecturer
    teacher nurse doctor accountant cto ceo cfo cio coo em pm po sre devops"""
)
# Verbs whose outcome is a yes/no you can observe once it has happened.
OUTCOME_STEMS = (
    "become",
    "pass",
    "earn",
    "obtain",
    "achiev",
    "land",
    "get certified",
    "certif",
    "publish",
    "ship",
    "launch",
    "release",
    "complet",
    "finish",
    "graduat",
    "speak",
    "present",
    "deliver",
    "submit",
    "win",
    "join",
    "move",
    "transfer",
    "switch",
    "lead",
    "run",
    "organi",
    "write",
    "build",
    "start",
    "found",
    "open",
    "get promoted",
    "secure",
    "sign",
    "hire",
    "apply",
    "give",
    "host",
    "teach",
    "mentor",
    "read",
    "attend",
    "creat",
    "implement",
    "design",
    "produce",
    "set up",
    "take",
    "record",
    "file",
    "close",
    "negotiat",
    "buy",
    "sell",
    "make",
    "migrat",
    "upgrad",
    "deploy",
    "roll out",
    "automat",
    "introduc",
    "establish",
    "draft",
    "prepar",
    "sit",
    "enrol",
    "register",
    "volunteer",
    "interview",
    "reach",
    "hit",
    "double",
    "find",
    "recruit",
    "onboard",
    "coach",
    "facilitat",
    "conduct",
    "schedule",
    "book",
    "invite",
    "post",
    "upload",
    "contribut",
    "merge",
    "refactor",
    "rewrite",
    "replace",
    "retire",
    "document",
    "obtain",
    "acquir",
    "score",
    "qualif",
    "send",
    "email",
    "finali",
    "fix",
    "resolv",
    "solv",
    "translat",
    "meet",
    "hand in",
    "pair",
)
GENERIC_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _noun in sorted(GENERIC_NOUNS):
    GENERIC_BY_LETTER[_noun[0]] = (*GENERIC_BY_LETTER.get(_noun[0], ()), _noun)
BIG_MOVES = lexicon(
    """promotion promoted senior director head chief vp principal staff lead manager
    cto ceo role job"""
)
VAGUE_TIMES = (
    "soon",
    "someday",
    "some day",
    "eventually",
    "one day",
    "in the future",
    "at some point",
    "asap",
    "sometime",
    "later",
    "when i can",
    "in a while",
)
