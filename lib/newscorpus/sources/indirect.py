"""Indirect attributions: sentences without quotation marks that attribute a claim
(`officials said`, `the Post reported`, `according to the report`).
"""

from __future__ import annotations

import re

from newscorpus.sources.lexicon import Lexicon
from newscorpus.sources.speakers import (
    Who,
    analyse_phrase,
    appositive_role,
    longest_prefix,
    longest_suffix,
    subject_before,
)
from newscorpus.sources.words import (
    ADV,
    CUE_WORDS,
    IND_ALT,
    IND_RE,
    PARTICIPLES,
    RELATIVE_END_RE,
    TO_BY_RE,
)

_INDIRECT_FINAL = re.compile(
    r",\s*(?:(?P<np>[^,;:“”\"]{1,80}?)"
    + ADV
    + r"\s+(?P<verb>"
    + IND_ALT.replace(" ", r"\s+")
    + r")|(?P<verb2>reports|reported|says|said|writes|wrote|according\s+to)\s+(?P<np2>[^,;:“”\"]{1,60}?))"
    r"(?:\s+(?:on|in|last|this|earlier|late|[A-Z]\w+day|a|an|the)(?:\s+[\w’'-]+){0,4})?\s*[.?!]?\s*$"
)


_ACCORDING = re.compile(r"(?<![\w’'-])[Aa]ccording\s+to\s+(?P<np>[^,;:“”\"]+)")


_SENT_SUBJECT = re.compile(
    r"^(?:[A-Z][\w ]{0,20},\s+)?(?P<np>(?:[Tt]he\s+)?[A-Z][^,;:]{0,80}?)\s+(?:also\s+|has\s+|have\s+|had\s+)*(?:put|issued|released|published|spoke|posted|made)\b"
)


_BELIEF_VERBS = frozenset("fear fears feared believe believes".split())


_BELIEF_OBJECT = re.compile(
    r"\s+(?:that\s|(?:[\w’'-]+\s+){1,3}(?:could|would|will|may|might|is|are|was|were|has|have"
    r"|had|can)\s)"
)


_DATA_VERBS = frozenset(
    "indicated indicate indicates recording recorded estimate estimates estimated".split()
)


_WHEN_SPLIT_RE = re.compile(r"\s+(?:on|in|last|this|earlier)\s+(?=[A-Z0-9]|\w+day)")


THAT_RE = re.compile(
    r"\s+(?:also\s+)?(?:(?:to|on|in)\s+[\w’'.-]+(?:\s+[\w’'.-]+)?\s+)?(?:that\s+)?"
)


def _indirect(sent: str, lex: Lexicon) -> list[tuple[Who, str, tuple[int, int]]]:
    """Attributions in one sentence: (speaker, verb, span of the attributed words)."""
    out = []
    body = sent.rstrip()
    m = _ACCORDING.search(body) if "ccording" in body else None
    if m:
        np_text = _WHEN_SPLIT_RE.split(m.group("np"))[0]
        who = longest_prefix(np_text, lex)
        if who is not None:
            if m.start() < 3:
                span = (m.end(), len(body))
            else:
                span = (0, m.start())
            out.append((who, "according to", _trim_span(sent, span)))
    tail_words = body[-90:].lower().replace(",", " ").replace(".", " ").split()[-9:]
    final_cue = not CUE_WORDS.isdisjoint(tail_words)
    m = (
        _INDIRECT_FINAL.search(body, max(0, body.rfind(",", 0, len(body) - 100)))
        if final_cue
        else None
    )
    if m and not out:
        np_text = m.group("np") or m.group("np2")
        verb = m.group("verb") or m.group("verb2")
        who = longest_suffix(np_text, lex) if m.group("np") else analyse_phrase(np_text, lex)
        if who is not None and who.kind == "pronoun" and not m.group("np"):
            who = None  # "…, said he had been arrested" is not an inverted attribution
        if who is not None and (who.kind != "person" or " " in who.speaker or m.group("np")):
            out.append((who, " ".join(verb.lower().split()), _trim_span(sent, (0, m.start()))))
            return out
    if out:
        return out
    for m in IND_RE.finditer(body):
        verb = " ".join(m.group(1).lower().split())
        window = body[max(0, m.start() - 60) : m.start()]
        if ("who" in window or "which" in window or "that" in window) and RELATIVE_END_RE.search(
            window
        ):
            continue  # the verb of a relative clause ("…, who has reported from Iraq, says")
        if verb in _BELIEF_VERBS and not _BELIEF_OBJECT.match(body, m.end()):
            continue
        if verb in _DATA_VERBS and TO_BY_RE.match(body, m.end()):
            continue
        if verb in PARTICIPLES:
            sm = _SENT_SUBJECT.match(body)
            who = analyse_phrase(sm.group("np"), lex) if sm else None
        else:
            who, appos = subject_before(body[: m.start()], lex)
            if who is not None and appos and who.kind == "person":
                who.role, who.organisation = appositive_role(appos, lex)
        if who is None:
            continue
        if (
            who.kind == "person"
            and " " not in who.speaker
            and not verb.startswith(("sa", "to", "wr"))
        ):
            continue
        q0 = m.end()
        tm = THAT_RE.match(body, q0)  # match(body[q0:]) without the copy
        q0 = tm.end() if tm else q0
        out.append((who, verb, _trim_span(sent, (q0, len(body)))))
        break
    return out


def indirect_rows(sent: str, lex: Lexicon):
    """`_indirect`, plus a second attribution after a leading "According to X, …"."""
    found = _indirect(sent, lex)
    m = _ACCORDING.match(sent.lstrip()) if found and "ccording" in sent else None
    if found and m:
        offset = len(sent) - len(sent.lstrip())
        comma = sent.find(",", offset + m.start())
        if comma > 0:
            rest = _indirect(" " * (comma + 1) + sent[comma + 1 :], lex)
            found += [r for r in rest if r[1] != "according to"]
    return found


def _trim_span(sent: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while a < b and sent[a] in " ,;:\u00a0":
        a += 1
    while b > a and sent[b - 1] in " ,;:.\u00a0":
        b -= 1
    if b > a and any(c.isalnum() for c in sent[a:b]):
        return a, b
    a, b = 0, len(sent.rstrip())
    return a, b
