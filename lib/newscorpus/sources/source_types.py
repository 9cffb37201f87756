"""The `source_type` column: what kind of source a speaker is (government, military/security,
expert/research, media, business, civilian, militant; else unknown), from the lexicon's type of
the speaker or its organisation, or from the words of its name and role."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newscorpus.sources.lexicon import Lexicon

if TYPE_CHECKING:
    from newscorpus.sources.speakers import Who


_TYPE_RULES = [
    ("militant", r"jihadist|militant|insurgent|islamic state|isis|al-qaeda|taliban"),
    ("media", r"correspondent|journalist|reporter|editor|columnist|newspaper|broadcaster"),
    (
        "expert/research",
        r"expert|analyst|research|scholar|professor|fellow|academic|director at|think tank"
        r"|observer|monitor|study|studies|institute|university",
    ),
    (
        "military/security",
        r"army|military|officer|general|\bgen\.|\bcol\.|colonel|commander|soldier|fighter"
        r"|security|counter-terror|intelligence|police|defen[cs]e|troops|forces?\b|spokesman for"
        r" .*command|militia|peshmerga|\bforce\b",
    ),
    (
        "business",  # "chairman of Comdata Network Inc", "a Shearson Lehman analyst" is expert
        r"\b(?:corp|inc|ltd|plc|llc)\b|\bco\b(?!-)|corporation|company|chairman|chief executive"
        r"|executive vice|vice president|treasurer|\bceo\b|brokerage|\bfirm\b",
    ),
    (
        "government",
        r"official|minister|president|government|diplomat|governor|mayor|ambassador"
        r"|spokes(?:man|woman|person)|authorit|inspector|ministry|leaders?\b|state department",
    ),
    (
        "civilian",
        r"resident|local|civilian|man\b|woman|villager|farmer|shop|people|citizen"
        r"|rights|survivor|father|mother|driver|teacher|doctor|tribal|elder|refugee",
    ),
]


_TYPE_RES = [(t, re.compile(p, re.IGNORECASE)) for t, p in _TYPE_RULES]


def source_type(who: Who | None, lex: Lexicon) -> str:
    """The `source_type` column's value for speaker `who` ("unknown" when None), cached in
    the lexicon."""
    if who is None:
        return "unknown"
    key = ("type", who.kind, who.type, who.role, who.speaker, who.organisation)
    found = lex.cache.get(key)
    if found is None:
        found = lex.cache[key] = _infer_type(who, lex)
    return found


def _infer_type(who: Who, lex: Lexicon) -> str:
    if who.kind == "poll":
        return "unknown"
    if who.type:
        return who.type
    if who.organisation and who.organisation in lex.entities:
        return lex.entities[who.organisation].type
    if who.kind == "outlet":
        return "media"
    text = " ".join(x for x in (who.role, who.speaker, who.organisation) if x)
    for t, rx in _TYPE_RES:
        if rx.search(text):
            return t
    return "unknown"
