"""Names the tagger calls places that the words around them show are not places.

`not_places` runs on one corpus's `entities` rows typed LOC, reading the article's text at
each name's offsets, and retypes five kinds of name (rules of thumb written for this package
from US news; the review of allsides_fresh5 found one of each):

- a party of a court case ("Marbury v. Madison", "Texas v. Johnson"): MISC, named by the
  whole case, so the case never counts as the town or state;
- a fragment of an organisation's name: a name ending in an organisation's head word
  (`ORG_HEADS`: "Foundation" of "the Foundation for Individual Rights in Education", "Lincoln
  Project") is ORG, named in full when "for", "of" or "on" and capitalised words follow;
- a product named after its maker ("Amazon Echo", "Google Home", "Apple Watch": a maker of
  `MAKERS` or a platform, then a capitalised word that is no landform: "Amazon River", "Amazon Basin"): MISC;
- a person named by a monument or a statue ("the statue of Lincoln", "the Lincoln statue",
  "Lincoln Memorial" cut by the tagger): PER, unless the word is a known place ("Washington
  Monument" stays Washington);
- an abbreviation of two capitals ("VA", "AB") that is no qualifier of a place before it
  ("Arlington, VA") and no place written so in the news (`KEEP_CAPS`: "US", "UK", "DC",
  "LA", "NY"): ORG when it is a federal department's acronym ("the VA": `departments`), else
  MISC ("a 2nd AB test").
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newscorpus.entities.departments import ACRONYMS
from newscorpus.entities.resolve import is_place

ORG_HEADS = frozenset(
    "Foundation Institute Institution Council Committee Association Society Fund Alliance "
    "Coalition Commission Agency Bureau Department Ministry Party Project Network "
    "Federation Caucus Corporation Company".split()
)
MAKERS = frozenset(
    "Amazon Apple Google Microsoft Samsung Sony Nintendo Tesla Netflix Facebook Twitter "
    "Instagram YouTube Snapchat TikTok WhatsApp Huawei Xbox PlayStation Fitbit".split()
)
KEEP_CAPS = frozenset({"US", "UK", "DC", "LA", "NY"})
_PARTY = re.compile(r"[A-Z][\w'’&-]*(?:\.[A-Z]\.?)*|of|the")
_CASE = re.compile(r"\s+v\.\s+")  # "vs." compares anything ("Brooklyn vs. Queens")
# capitalised words that open a clause, never a party's name ("In Heller v. ...")
_NOT_PARTY = frozenset(
    "In The On At After Before But And When While As A An That This Since Until By For From "
    "With Under Its His Her Their Our".split()
)
# the rest of an organisation's name after its head word: "for the Defense of Democracies",
# "for Individual Rights in Education" ("in" and one last word), never a town after "in"
# ("Federation of Midwest in Mount Prospect, Ill.")
_FULL_AFTER = re.compile(
    r"^\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:,?\s+(?:(?:and|of|for|the|on)\s+)*[A-Z][\w'’-]*)*"
    r"(?:\s+in\s+[A-Z][\w'’-]*(?![\w'’-]|,|\s+[A-Z]))?"
)
_MONUMENT_AFTER = re.compile(r"^['’]?s?\s+(?:statue|memorial|monument|bust|Memorial|Monument)\b")
_MONUMENT_BEFORE = re.compile(r"\b(?:statues?|bust|monument|memorial|portrait)\s+(?:of|to)\s+$")
_QUALIFIER = re.compile(r"\b[A-Z][A-Za-z.'’-]*,\s*$")  # "Arlington, VA", "ALEXANDRIA, VA"
_BEFORE_WORD = re.compile(r"\b([A-Z][a-z]+)\s+$")  # "Seattle WA,"
_ENDS = re.compile(r"^(?:[,;:.)!?]|\s*$|\s+[A-Z\d])")
_STATE_CODES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split()
)
_LANDFORM = re.compile(r"\b(?:River|Basin|Rainforest|Forest|Delta|Valley|Sea|Ocean|Lake|Bay)\b")
_SPAN = 80  # characters read either side of a name for its case


_DETERMINERS = frozenset("Every Each Any No Some All Last Next This That".split())


def _party(words: list[str]) -> list[str]:
    """The capitalised words of a case party read outward from "v." (`words` in that order)."""
    out = []
    for w in words:
        bare = w.rstrip(".,;:")
        if not _PARTY.fullmatch(bare) or bare in _NOT_PARTY:
            break
        out.append(bare)
        if bare != w and not re.fullmatch(r"(?:[A-Z]\.)+", w):  # "Heller." ends the sentence
            break
    while out and out[-1] in ("of", "the"):
        out.pop()
    return out


def _case_name(text: str, start: int, end: int) -> str | None:
    """The court case ("Marbury v. Madison") whose party spans [start, end) of `text`."""
    lo, hi = max(0, start - _SPAN), min(len(text), end + _SPAN)
    for m in _CASE.finditer(text, lo, hi):
        if not (m.end() <= start or end <= m.start()):
            continue
        left = _party(text[lo : m.start()].split()[::-1])[::-1]
        right = _party(text[m.end() : hi].split())
        first = m.start() - len(" ".join(left))
        last = m.end() + len(" ".join(right))
        if left and right and first <= start and end <= last:
            return f"{' '.join(left)} v. {' '.join(right)}"
    return None


def _caps_place(name: str, before: str, after: str) -> bool:
    """Whether two capitals are a place where they stand: `KEEP_CAPS`, a qualifier ("Arlington,
    VA"; "Seattle WA" when a punctuation mark follows, not "a Phoenix VA facility"), or a US state's postal code after "in", "from", "to", "across" or in a
    list of codes ("OH/FL/IA")."""
    if name in KEEP_CAPS or _QUALIFIER.search(before):
        return True
    word = _BEFORE_WORD.search(before)
    if word and word.group(1) not in _NOT_PARTY | _DETERMINERS and _ENDS.match(after):
        return True
    if name not in _STATE_CODES:
        return False
    listed = re.search(r"\b([A-Z]{2})/$", before) or re.match(r"^/([A-Z]{2})\b", after)
    return bool(
        (re.search(r"\b(?:in|from|to|across)\s+$", before) and _ENDS.match(after))
        or (listed and listed.group(1) in _STATE_CODES)
    )


def _retyped(name: str, before: str, after: str, text: str, start: int, end: int, place):
    """(type, canonical) for one LOC name the module doc retypes, else None."""
    words = name.split()
    if case := _case_name(text, start, end):
        return "MISC", case
    if words[-1] in ORG_HEADS:
        full = _FULL_AFTER.match(after) if len(words) == 1 else None
        return "ORG", " ".join((name + full.group(0)).split()) if full else None
    if len(words) >= 2 and words[0] in MAKERS and not _LANDFORM.search(name):
        return "MISC", None
    if len(words) == 1 and not place(name) and name.isalpha() and name[:1].isupper():
        if _MONUMENT_AFTER.match(after) or _MONUMENT_BEFORE.search(before):
            return "PER", None
    if re.fullmatch(r"[A-Z]{2}", name) and not _caps_place(name, before, after):
        return ("ORG", None) if name in ACRONYMS else ("MISC", None)
    return None


def not_places(entities: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """`entities` (ENTITY_COLUMNS) with the LOC rows of the module doc retyped and renamed.

    Input: the entities of some articles and {article_id: the article's text} (the offsets'
    text). Output: the same table, same dtypes; rows of an article with no text unchanged."""
    loc = np.flatnonzero(entities["type"].astype("str").eq("LOC").to_numpy())
    if not len(loc):
        return entities
    types = entities["type"].astype("str").to_numpy(dtype=object).copy()
    canon = entities["canonical"].astype("str").to_numpy(dtype=object).copy()
    names = entities["text"].astype("str").to_numpy()
    arts = entities["article_id"].astype("str").to_numpy()
    starts, ends = entities["start"].to_numpy(), entities["end"].to_numpy()
    changed = False
    for k in map(int, loc):
        text = texts.get(arts[k]) or ""
        s, e = int(starts[k]), int(ends[k])
        name = " ".join(names[k].split()).strip(" ,;:")
        if not text or not name:
            continue
        found = _retyped(
            name, text[max(0, s - _SPAN) : s], text[e : e + _SPAN], text, s, e, is_place
        )
        if found:
            types[k] = found[0]
            canon[k] = found[1] or canon[k]
            changed = True
    if not changed:
        return entities
    out = entities.copy()
    out["type"] = pd.Categorical(types, categories=entities["type"].cat.categories)
    out["canonical"] = pd.Series(canon, index=entities.index, dtype=entities["canonical"].dtype)
    return out
