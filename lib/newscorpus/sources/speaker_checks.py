"""Words that cannot stand before or around a speaker's name (issue 17, round 9).

A role read before a name ends in a title or a noun, never in an article, a conjunction or
"vs." ("President Eisenhower addressed the | Governors' Conference", "Obama & | Romney":
the words before are a clause or a second name, not a role). A noun phrase that ends the
object of an infinitive ("The First Amendment to restrict | the federal government began:")
is not the subject of the verb after it. A headline that opens with two names joined by "&",
"and" or "vs." ("Obama & Romney: ‘Corporate Executive’ Vs. The ‘Government Professor’")
names the two sides of the story, not one speaker; quoted words set against each other by
"vs." are labels, not what anyone said. Rules written for this package; no outside source.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newscorpus.sources.words import NAME_TOKEN, TITLES

# The last word of a role before a name can be none of these: an article, a conjunction or
# "vs." leaves the phrase open (a clause or a coordination runs on into the name).
ROLE_END_STOP = frozenset("the a an and & or nor but vs vs. versus v. plus".split())
_JOINING = frozenset("and & or nor but plus".split())


def open_role(role_words: list[str]) -> str | None:
    """How the words read as a role before a name end: "clause" when in an article or "vs."
    ("President Eisenhower addressed the": no role, and the phrase names no one); "joined"
    when in a conjunction (`_JOINING`: "Sens. Rand Paul and", "labeled Obama's policies and",
    "to expect an indictment and": the name after it is the speaker, with no role); None for a
    role, "Speaker of the" too (an office "of the" institution whose name opens the name's
    run). Input: the role's words in order."""
    if not role_words or role_words[-1].lower() not in ROLE_END_STOP:
        return None
    before = role_words[-2] if len(role_words) > 1 else ""
    if before.lower() in _OF and len(role_words) > 2 and _office(role_words[-3]):
        return None  # "Former Speaker of the | House Newt Gingrich": an office's own name
    return "joined" if role_words[-1].lower() in _JOINING else "clause"


_OF = frozenset("of at from for with".split())


def _office(word: str) -> bool:
    """True for a title or office word ("Speaker", "Secretary", "chair", "director")."""
    w = word.lower().strip(",.")
    return w in TITLES or w in _OFFICES


_OFFICES = frozenset(
    "speaker chair chairman chairwoman director secretary minister president head chief "
    "leader member members commissioner governor mayor spokesman spokeswoman spokesperson "
    "editor founder ceo executive dean professor attorney counsel ambassador".split()
)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december today yesterday".split()
)


def person_of(role_words: list[str], name_words: list[str], person: Callable):
    """The person of an organisation read wrongly as a role before the organisation's name:
    "Mr. Morgan of the | Sierra Club" is Morgan (role "Mr.", organisation "Sierra Club"), the
    capitalised run before "of"/"at"/"from"/"for"/"with" + an article, read by `person`
    (`speakers._person_with_role(name_words, role_words)`), with at most 3 words before it;
    None when the role does not end that way or the run names no person (a weekday, a
    month)."""
    if len(role_words) < 3 or role_words[-1].lower() not in ("the", "a", "an"):
        return None
    if role_words[-2].lower() not in _OF or not NAME_TOKEN.match(role_words[-3]):
        return None
    if _office(role_words[-3]):
        return None  # "Speaker of the House …": an office, not a person of an organisation
    j = i = len(role_words) - 2
    while i > 0 and NAME_TOKEN.match(role_words[i - 1]):
        i -= 1
    run = role_words[i:j]
    if i > 3 or run[-1].lower().strip(".,") in _CALENDAR:
        return None  # "Carson took the stage Tuesday at the": a clause, not a person's role
    last_title = max((k for k, w in enumerate(run[:-1]) if w.lower() in TITLES), default=-1)
    who = person(run[last_title + 1 :], role_words[:i] + run[: last_title + 1])
    if who is not None:
        who.organisation = " ".join(name_words)
    return who


# "… to restrict the federal government": an infinitive, then its object to the clause's end
_INFINITIVE_OBJECT = re.compile(
    r"(?<![Aa]ccording )(?<![Uu]p )\bto\s+(?P<verb>[a-z]{3,})\s+"
    r"(?P<object>(?:the|a|an|his|her|its|their|our|this|that)\s+[^,;:()]+)$"
)
_NOT_VERBS = frozenset("the and but his her its their our this that then".split())
# a word that opens another clause: the phrase after it may be that clause's subject
_CLAUSE_WORDS = frozenset(
    "when while as after before because if since where who which that and but or then so "
    "until unless though although whom whose".split()
)


def infinitive_object(clause: str) -> str | None:
    """The noun phrase ending `clause` when it is the object of an infinitive ("The First
    Amendment to restrict the federal government" -> "the federal government"), so the words
    after it have another subject; None otherwise. The object opens with an article or a
    possessive and runs to the clause's end in at most 6 words, with no word opening another
    clause ("when", "and", "who", …); "a speech to lawmakers Trump" has none ("to lawmakers"
    is no infinitive), nor has "trying to ask a question when Trump"."""
    m = _INFINITIVE_OBJECT.search(clause.rstrip())
    if m is None or m.group("verb") in _NOT_VERBS:
        return None
    words = m.group("object").split()
    if len(words) > 6 or any(w.lower() in _CLAUSE_WORDS for w in words[1:]):
        return None  # "to ask a question when Trump": Trump is the next clause's subject
    return m.group("object")


# Two or more capitalised names joined by "&", "and" or "vs." (each up to 4 words): the prefix
_NAME = r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*"
_JOINER = r"\s*(?:&|\b[Aa]nd\b|\b(?:[Vv]s\.?|[Vv]ersus)(?!\w))\s*"
_JOINT = re.compile(rf"^{_NAME}(?:{_JOINER}{_NAME})+$")
_SIDES = re.compile(r"\b(?:[Vv]s\.?|[Vv]ersus)(?!\w)")


def joint_names(np_text: str) -> str | None:
    """How a headline's prefix joins two or more capitalised names: "sides" when set against
    each other by "vs." ("Trump Vs. Biden": the story's two sides, never a speaker), "joint"
    when joined by "&" or "and" ("Obama & Romney", "Pelosi And Schumer": both together at
    most, never the first alone); None for any other prefix. Input: the words before the
    headline's colon."""
    text = " ".join(np_text.split())
    if not _JOINT.match(text):
        return None
    return "sides" if _SIDES.search(text) else "joint"


_VERSUS = re.compile(r"^[\s.,:;!?—–-]*(?:the\s+)?(?:vs\.?|versus|v\.)\s*(?:the\s+)?$", re.I)


def contrasted_labels(title: str, marks: list) -> bool:
    """True when a headline's quoted words are set against each other by "vs." ("‘Corporate
    Executive’ Vs. The ‘Government Professor’"): labels of two sides, not a quotation.
    Input: the title and its quotation matches (`re.Match` objects, in order)."""
    if len(marks) < 2:
        return False
    gaps = [title[a.end() : b.start()] for a, b in zip(marks, marks[1:], strict=False)]
    return any(_VERSUS.match(gap) for gap in gaps)
