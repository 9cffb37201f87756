"""Epithets: a definite description that refers back to a person the article names ("the real
estate mogul", "the billionaire", "the former secretary of state", "the Harvard professor")
is that person, not an anonymous source (issue 16, round 7).

News style introduces a person with a description ("billionaire Tom Steyer", "Donald Trump,
the real estate mogul,", "former Secretary of State Hillary Clinton") and later calls them by
it with "the" ("the billionaire said"). `epithet_holder` finds the description's antecedent:
the nearest mention before the row of its head noun (or, for an office, its title: "Gov."
for "governor"), where

- a name right after the noun ("mogul Donald Trump", "Secretary of State Hillary Clinton")
  or before it in an appositive ("Donald Trump, the real estate mogul") makes the epithet that
  person;
- an indefinite mention with no name ("a senior official", "one lawyer") makes it the unnamed
  source introduced there: the row stays anonymous;
- a mention that is itself definite ("the mogul") is passed over for the one before it.

The description's capitalised words, numbers and "former" must be near the mention ("the
former Massachusetts governor" is "former Massachusetts Gov. Mitt Romney", never "Gov. Deval
Patrick"; "the 41st president" no "President Tom Lee"). A description of people in general
(source, person, man, woman, …) is never an epithet. Rules of thumb written for this package;
no outside source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newscorpus.sources.collectives import PARTY_MEMBERS
from newscorpus.sources.given_names import is_first_name
from newscorpus.sources.words import DOCUMENT_NOUNS, NONNAME, ORG_NOUNS, PERSON_NOUNS, TITLES

# Heads that describe no one in particular: never read as an epithet.
GENERIC_HEADS = frozenset(
    "source sources person people man men woman women boy girl child children teen teenager "
    "insider insiders someone individual individuals".split()
)
_STOP = re.compile(r"\s(?:of|for|at|from|in|on|with|who|which|that|whose)\s")
_NAME = r"((?:[A-Z][a-z]{1,4}\. )?(?:[A-Z][\w’'-]+|[A-Z]\.)(?: (?:[A-Z][\w’'-]+|[A-Z]\.|[A-Z]\.[A-Z]\.)){1,3})"
# A word before a title that makes it another office ("Vice President", "former Gov."): the
# mention is that office's holder only for a description with the same word.
_OTHER_OFFICE = re.compile(
    r"(?i)\b(vice|deputy|assistant|associate|acting|former|ex|lieutenant)[\s-]*$"
)
_ADJECTIVES = frozenset("new outgoing incoming current top senior longtime veteran".split())
_MARKED = re.compile(r"(?i)^(?:former|ex-\S*|late|\d\S*)$")


def _person_head(head: str) -> bool:
    """Whether a description's head noun names a person ("mogul", "barber", "professor",
    "chief"): a person noun or title of `words`, or an agent noun by its ending; never an
    organisation or a document ("the administration", "the order")."""
    if head in ORG_NOUNS or head in DOCUMENT_NOUNS:
        return False
    return (
        head in PERSON_NOUNS
        or head in TITLES
        or head in PARTY_MEMBERS  # "the Oklahoma Republican" of "Republican Rep. Tom Cole"
        or head.endswith(_AGENT_ENDS)
    )


_AGENT_ENDS = ("er", "or", "ist", "ian", "man", "woman", "ee", "aire")


def _head(phrase: str, titles: dict) -> tuple[str, list[str]] | None:
    """(pattern of the head noun or its titles, the qualifiers to find near a mention) of a
    definite description, or None when it is no epithet."""
    m = re.match(r"(?i)the\s+(.+)$", " ".join(str(phrase).split()))
    if m is None:
        return None
    text = " " + m.group(1) + " "
    inside = [  # "secretary of state": an office, its "of" cuts nothing
        (i.start(), i.end())
        for t in titles
        if " of " in t
        for i in re.finditer(re.escape(t), text, re.IGNORECASE)
    ]
    cut = next(
        (c for c in _STOP.finditer(text) if not any(a <= c.start() < b for a, b in inside)), None
    )
    rest = text[cut.end() :] if cut else ""  # "of the National Institute …": must agree too
    complement = [w.strip(",.") for w in rest.split() if w[:1].isupper()][:3]
    text = (text[: cut.start()] if cut else text).strip()
    if re.search(r"[’']s?\s", text):
        return None  # "the president's son", "the city's attorney": named by a relation
    words = [w.strip(",.") for w in text.split()]
    words = [w for w in words if w]
    if not words or words[-1].lower() in GENERIC_HEADS or len(words) > 7:
        return None
    head = words[-1].lower()
    if head.endswith("s") and not head.endswith("ss"):
        return None  # a plural: a group, no one person
    if not _person_head(head) and not any(
        " ".join(words[k:]).lower() in titles for k in range(len(words))
    ):
        return None  # "the administration", "the board": no person
    role = next(
        (
            " ".join(words[k:]).lower()
            for k in range(len(words))
            if " ".join(words[k:]).lower() in titles
        ),
        None,
    )
    forms = [re.escape(f) for f in titles.get(role, ())] if role else []
    head_words = role.split() if role else [head]
    if not role and len(words) > 1 and head in TITLES and words[-2].islower():
        if not _MARKED.match(words[-2]) and words[-2] not in _ADJECTIVES:
            head_words = [words[-2].lower(), head]  # "inspector general" is no "General X"
    forms.append(" ".join(re.escape(w) for w in head_words))
    qualifiers = [
        w for w in words[: len(words) - len(head_words)] if w[:1].isupper() or _MARKED.match(w)
    ] + complement
    return "(?:" + "|".join(forms) + ")", qualifiers


@lru_cache(maxsize=512)
def _patterns(head: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    after = re.compile(r"(?i:(?<![\w’'-])" + head + r")\.? " + _NAME + r"(?![\w’'-])")
    appositive = re.compile(
        _NAME
        + r", (?i:(?:a|an|the|his|her|their|its) )?(?:(?!(?i:said|says|told)\b)[\w’'-]+ ){0,6}?"
        r"(?i:" + head + r")(?![\w’'-])"
    )
    mention = re.compile(
        r"(?i)(?<![\w’'-])(a|an|one|another|the|this|that) (?:[\w’'-]+ ){0,5}?"
        + head
        + r"(?![\w’'-])"
    )
    return after, appositive, mention


def epithet_holder(phrase: str, body: str, pos: int, titles: dict) -> str | None:
    """The name of the person a definite description refers back to ("the billionaire" →
    "Tom Steyer" after "billionaire Tom Steyer"), or None when it names no one the article
    names before `pos` (see the module's docstring). Input: the description, the article's
    body, the row's offset in it, and the offices with their titles (`kinds.ROLE_TITLES`).
    A description the article never attaches to a name stays unresolved: taking the
    article's most quoted person instead was wrong about half the time on allsides
    ("the author" of an anonymous op-ed, "the piece", "the audience")."""
    found = _head(phrase, titles)
    if found is None:
        return None
    head, qualifiers = found
    after, appositive, mention = _patterns(head)
    cands: list[tuple[int, str | None, int, int]] = []  # (position, name, window)
    own = {w.lower().strip("-") for w in str(phrase).split()}
    for m in after.finditer(body, 0, pos):  # "former Massachusetts Gov. Mitt Romney"
        other = _OTHER_OFFICE.search(body, max(0, m.start() - 16), m.start())
        if other is None or other.group(1).lower() in own:  # "Vice President X" is not "the
            # president"; the qualifiers in the same phrase ("Vermont senator", never a
            # "California" of the sentence before)
            lo = max(body.rfind(c, max(0, m.start() - 50), m.start()) for c in ".,;(\n")
            cands.append((m.start(), m.group(1), max(lo, m.start() - 50, 0), m.end()))
    for m in appositive.finditer(body, 0, pos):  # "Mitt Romney, the former Massachusetts …"
        cands.append((m.end(), m.group(1), m.start(), m.end()))
    named = {c[0] for c in cands}
    for m in mention.finditer(body, 0, pos):
        if m.group(1).lower() in ("a", "an", "one", "another") and not any(
            m.start() <= p <= m.end() + 2 for p in named
        ):  # "a senior official": an unnamed one
            cands.append((m.end(), None, m.start(), m.end()))
    for _, name, lo, hi in sorted(cands, key=lambda c: c[0], reverse=True):
        if all(q.lower() in body[lo:hi].lower() for q in qualifiers):
            return _trimmed(name) if name else None
    named = {n for _, name, _, _ in cands if name and (n := _trimmed(name))}
    if str(phrase).split()[-1].lower() in PARTY_MEMBERS and len(named) == 1:
        return named.pop()  # "the Oklahoma Republican": the one "Republican Rep. Tom Cole"
    return None


def _trimmed(name: str) -> str | None:
    """A person's name read after a noun, without the titles before it and the words that
    end no name ("Justice John Roberts Tuesday" → "John Roberts"); None when one word or
    fewer is left or the name opens with no known given name ("The Lancet", "New York")."""
    words = re.sub(r"[’']s$", "", name).split()
    while words and words[-1].lower().strip(".") in NONNAME:
        words.pop()
    while words and words[0].lower().strip(".") in TITLES:
        words.pop(0)
    if len(words) < 2 or not is_first_name(words[0]):
        return None
    return " ".join(words)
