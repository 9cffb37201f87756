"""Speakers read as a named person that name no one: plural groups, party labels and
nationalities (issue 16, round 7).

A run of capitalised words is read as a person's name by `speakers`, so a word capitalised
because it opens a sentence or is a proper adjective became a "person": "Lawyers said",
"Insurers warned", "Iowa Republican", "Another Democrat", "Russian". `group_kind` tells
these apart, once the article's body is known (`kinds.refine_kind` calls it):

- a party or ideology label alone, with only modifiers before it ("Republican", "Iowa
  Republican", "House Democrat", "Another Democrat") is one unnamed member: `anonymous`;
  its plural ("Senate Republicans", "Democrats") is `collective`;
- a nationality alone ("Russian", "Chinese", "Taiwanese-American": the adjectives of
  `data/countries.csv` and a few regional ones) is one unnamed national (`anonymous`); its
  plural ("Russians") is `collective`; unless the article names a person with that word as a
  surname after a given name ("Mark Cuban");
- a plural common noun alone ("Lawyers", "Insurers", "Meteorologists", "Claimants") is a
  category of people, `collective`: a word ending in -s whose singular is a person noun of
  `words.PERSON_NOUNS` or `kinds`' lists, or which the same article also writes in lowercase
  ("lawyers"); never when the article writes it after a given name or a title ("Maxine
  Waters", "Mr. Powers": a surname).

Rules of thumb of news style written for this package; no outside source.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from newscorpus.paths import DATA_DIR
from newscorpus.sources.given_names import is_first_name
from newscorpus.sources.words import PERSON_NOUNS, TITLES

# Party and ideology labels, singular: "a Republican" is one member, never a name.
PARTY_MEMBERS = frozenset(
    "republican democrat independent libertarian conservative liberal progressive moderate "
    "socialist centrist populist".split()
)
# Nationalities and regions beyond `data/countries.csv`'s adjectives.
_MORE_NATIONALITIES = frozenset(
    "european asian african latin palestinian afghan yemeni libyan cuban kurd kurdish arab "
    "somali sudanese haitian vietnamese korean estonian latvian lithuanian serbian croatian "
    "bosnian georgian armenian azerbaijani kazakh uzbek tunisian moroccan algerian "
    "ethiopian congolese belarusian".split()
)
_DETERMINERS = frozenset("a an one another other some the this that".split())
_FUNCTION_WORDS = frozenset("to of for and or in on at by with from as than".split())
_POSSESSIVE = re.compile(r"[’']s?$")
_TITLE_BEFORE = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Judge|Justice|Senator|Governor)\.?\s+"


@lru_cache(maxsize=1)
def nationalities() -> frozenset[str]:
    """Nationality adjectives, lowercase ("russian", "chinese"): the one-word adjectives of
    `data/countries.csv` (column `adjectives`; never a country's or a city's own name) and
    `_MORE_NATIONALITIES`."""
    table = pd.read_csv(DATA_DIR / "countries.csv", dtype=str, keep_default_na=False)
    names = {c.lower() for c in table["country"]}
    own = {
        a.lower()
        for adjectives in table["adjectives"]
        for a in adjectives.split("|")
        if a.isalpha() and len(a) > 3 and a.lower() not in names
    }
    return frozenset(own | _MORE_NATIONALITIES)


def _is_nationality(word: str) -> bool:
    """ "Russian", "Russians", "Taiwanese-American": every hyphenated part a nationality."""
    parts = word.lower().split("-")
    return all(
        p in nationalities() or (p.endswith("s") and p[:-1] in nationalities()) for p in parts
    )


def _singular(word: str) -> list[str]:
    """Possible singulars of a plural: "lawyers" → lawyer, "witnesses" → witness."""
    out = [word[:-1]]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    return out


def _named_as_surname(word: str, body: str) -> bool:
    """Whether the body writes `word` after a given name or a title ("Mark Cuban", "Mr.
    Powers"): then it is someone's surname."""
    rx = re.compile(
        r"(?:\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?|\b" + _TITLE_BEFORE + r")" + re.escape(word) + r"\b"
    )
    return any(m.group(1) is None or is_first_name(m.group(1)) for m in rx.finditer(body))


def _modifiers_only(words: list[str]) -> bool:
    """Whether the words before a label are modifiers, not a person's given name: "Iowa",
    "House", "California-based", "Another", "Court’s" (never a known first name)."""
    return all(
        w.lower() in _DETERMINERS
        or (
            w[:1].isupper()  # "Obama To Iranians": a headline, no description
            and w.lower() not in _FUNCTION_WORDS
            and not is_first_name(w)
            and w.lower().strip(".") not in TITLES
        )
        for w in words
    )


def group_kind(name: str, body: str, nouns: frozenset[str] = frozenset()) -> str | None:
    """The kind of a "person" speaker that names no individual: `anonymous` (one unnamed
    member: "Iowa Republican", "Russian"), `collective` (a group: "Lawyers", "Democrats",
    "Russians"), or None for a person's name. Input: the speaker's name as read and the
    article's body text (for the lowercase and surname tests of the module's docstring), and
    more person nouns beside `words.PERSON_NOUNS` (the caller's lists: "insurers")."""
    words = str(name).split()
    if not words or len(words) > 4:
        return None
    last = _POSSESSIVE.sub("", words[-1])
    low = last.lower()
    if not last[:1].isupper() or not _modifiers_only(words[:-1]):
        return None
    plural = low.endswith("s") and not low.endswith(("ss", "us", "is"))
    if low in PARTY_MEMBERS:
        return "anonymous"
    if plural and low[:-1] in PARTY_MEMBERS:
        return "collective"
    if _is_nationality(last) and not _named_as_surname(last, body):
        return "collective" if plural and low[:-1] in nationalities() else "anonymous"
    if len(words) > 1 or not plural or len(low) < 5 or is_first_name(low):
        return None
    nouns = PERSON_NOUNS | nouns
    known = low in nouns or any(s in nouns for s in _singular(low))
    written_low = re.search(r"(?<![\w’'-])" + re.escape(low) + r"(?![\w’'-])", body)
    if (known or written_low) and not _named_as_surname(last, body):
        return "collective"
    return None


def unnamed_name(name: str, kind: str) -> str:
    """The canonical name of a speaker `group_kind` re-kinded: a plural common noun in
    lowercase ("Lawyers" → "lawyers"), one unnamed member with its article ("Iowa
    Republican" → "an Iowa Republican", "Another Democrat" → "another Democrat")."""
    words = str(name).split()
    if words[0].lower() in _DETERMINERS:
        return " ".join([words[0].lower(), *words[1:]])
    if kind == "collective":
        last = words[-1]
        proper = last.lower().rstrip("s") in PARTY_MEMBERS or _is_nationality(last)
        return name if proper or len(words) > 1 else name.lower()
    return ("an " if name[:1] in "AEIO" else "a ") + name  # "a Utah Republican"


_HOLDER = r"((?:[A-Z][\w’'-]+|[A-Z]\.)(?: (?:[A-Z][\w’'-]+|[A-Z]\.)){1,3})"


def label_holder(label: str, body: str, pos: int) -> str | None:
    """The person a party or nationality label is the appositive of, near `pos` ("said
    Representative Tom Cole, an Oklahoma Republican" → "Tom Cole"), or None: then the label
    is an unnamed member. The name must open with a known given name (titles before it are
    dropped)."""
    rx = re.compile(_HOLDER + r", (?:an?|the) " + re.escape(label) + r"(?![\w’'-])")
    for m in rx.finditer(body, max(0, pos - 400), pos + 400):
        words = m.group(1).split()
        while words and words[0].lower().strip(".") in TITLES:
            words = words[1:]
        if len(words) >= 2 and is_first_name(words[0]):
            return " ".join(words)
    return None
