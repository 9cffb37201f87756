"""Who speaks, read from the words around a quote: the attribution after its closing mark
(`attribute_tail`: "…,” said Ana Ruiz", "…” ― Ana Ruiz", "…,” according to X"), a plain noun
phrase the lexicon does not know ("the note says"), and the subject opening a clause
(`sentence_subject`, `opening_subject`, `colon_subject`). Used by `sources.quotes`."""

from __future__ import annotations

import re

from newscorpus.sources.lexicon import Lexicon
from newscorpus.sources.speakers import (
    Who,
    analyse_phrase,
    last_clause_break,
    longest_prefix,
    subject_before,
)
from newscorpus.sources.words import ADV, INTRO, NP, VERB_ALT

_TAIL_INVERTED = re.compile(
    r"^[\s,—–-]*(?P<verb>" + VERB_ALT.replace(" ", r"\s+") + r")\s+(?P<np>[^,;:“”\"«»?!]+?)"
    r"(?:\s*,\s*(?!\w+ing\s)(?P<appos>[^“”\"«»]*?))?\s*(?:[.?!]\s*$|$|,?\s+(?:\w+ing\s|who\s|"
    r"in an? |on |during |at a |after |before |when |while |last |this |earlier |in \w+ |to ))"
)


_TAIL_NORMAL = re.compile(
    r"^[\s,—–-]*" + NP + ADV + r"\s+(?P<verb>" + VERB_ALT.replace(" ", r"\s+") + r")(?![\w’'-])"
)


# A quote signed after its closing mark: "“…” ― Ana Ruiz" (a horizontal bar or a dash).
_TAIL_SIGNED = re.compile(r"^\s*[―—–-]\s*(?P<np>[A-Z][^,.;:“”\"«»\n]{1,60}?)\s*[,.]?\s*$")


_TAIL_OTHER = re.compile(
    r"^[\s,—–-]*(?:(?:is|was|are|were)\s+(?:an?\s+[\w\s-]{1,30}?\s+)?attributed\s+to\s+(?P<np1>[^,.;“”\"]+)"
    r"|as\s+(?P<np2>[^,.;“”\"]{1,80}?)"
    + ADV
    + r"\s+(?P<verb2>"
    + VERB_ALT.replace(" ", r"\s+")
    + r")(?![\w’'-])|according\s+to\s+(?P<np3>[^,.;“”\"]+))"
)


def attribute_tail(tail: str, lex: Lexicon) -> tuple[Who | None, str | None, str | None]:
    """(speaker, verb, appositive) from the words right after a closing quotation mark."""
    m = _TAIL_SIGNED.match(tail)
    if m:
        who = longest_prefix(m.group("np"), lex)
        if who is not None and who.kind in ("person", "organization", "outlet"):
            return who, "signed", None
    m = _TAIL_OTHER.match(tail)
    if m:
        if m.group("np1"):
            return longest_prefix(m.group("np1"), lex), "attributed to", None
        if m.group("np2"):
            return analyse_phrase(m.group("np2"), lex), m.group("verb2").lower(), None
        return longest_prefix(m.group("np3"), lex), "according to", None
    m = _TAIL_INVERTED.match(tail)
    if m:
        who = analyse_phrase(m.group("np"), lex) or plain_np(m.group("np"), lex)
        if who is None:  # "said the base chief known as Bob": the longest reading that opens it
            who = longest_prefix(m.group("np"), lex)
        if who is not None:
            return who, " ".join(m.group("verb").lower().split()), m.group("appos")
    m = _TAIL_NORMAL.match(tail)
    if m:
        np_text = m.group("np")
        appos = None
        if "," in np_text:
            named, rest = subject_before(np_text, lex)  # "the mayor, Paul Ingram, said"
            if named is not None and named.kind == "person" and " " in named.speaker:
                return named, " ".join(m.group("verb").lower().split()), rest or None
            np_text, appos = np_text.split(",", 1)
        who = analyse_phrase(np_text, lex) or plain_np(np_text, lex)
        if who is None and appos is not None:  # "… that the border is safe, he said"
            who, appos = analyse_phrase(appos.rsplit(",", 1)[-1], lex), None
        if who is not None:
            return who, " ".join(m.group("verb").lower().split()), appos
    return None, None, None


# A plain noun phrase the lexicon does not know, as the subject of a speech verb right after a
# quote: "the note says", "the designer said", "his friend Ana Ruiz told" (the name after it).
_PLAIN_NP = re.compile(
    r"^(?i:the|a|an|his|her|their|its|one|another)\s+(?P<noun>(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*)"
    r"(?:\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'-]+){0,3}))?$"
)
_NOT_SPEAKER_NOUNS = frozenset("day week month year time way thing point end".split())

_FIRST_VERB = re.compile(r"\s(?:[a-z]+ed|put|sent|took|went|made|got|held|gave)\b")


def plain_subject(clause: str, lex: Lexicon) -> Who | None:
    """A plain noun phrase opening `clause` up to its first past-tense verb ("The town
    released …", "His chief aide doubled down …"), read by `plain_np`; else None."""
    clause = clause.strip()
    m = _FIRST_VERB.search(clause)
    return plain_np(clause[: m.start()], lex) if m else None


def verb_first(after: str, lex: Lexicon) -> Who | None:
    """The speaker after a verb that opens its clause: "Continued Stone:", "Said the mayor:"."""
    after = after.strip(" :,")
    if not after or len(after.split()) > 8:
        return None
    return analyse_phrase(after, lex) or plain_np(after, lex) or longest_prefix(after, lex)


def plain_np(np_text: str, lex: Lexicon) -> Who | None:
    """A speaker from a noun phrase `analyse_phrase` does not read (see `_PLAIN_NP`), or None."""
    m = _PLAIN_NP.match(" ".join(np_text.split()))
    if m is None or m.group("noun").split()[-1] in _NOT_SPEAKER_NOUNS:
        return None
    if m.group("name"):
        who = analyse_phrase(m.group("name"), lex)
        return who if who is not None and who.kind == "person" else None
    return Who(m.group(0), "anonymous")


def colon_subject(lead: str, lex: Lexicon) -> Who | None:
    """Who speaks after a colon without a speech verb: the subject opening the clause.

    `Donald Trump issued the following statement:`, `Kaine has adopted the stance common among
    Catholics:`, `In response, the ministry wrote:`: the longest noun phrase at the start of
    the clause, or after one of its commas (an introductory phrase); a person, an unnamed
    source, an organisation, an outlet or a document.
    """
    clause = lead[last_clause_break(lead[:-1]) + 1 : -1].strip()
    parts = _DASH_RE.split(clause)  # "HEADLINE - Frank Newport and Jim Harter:"
    clause = _MORE_FROM_RE.sub("", parts[-1].strip())  # "More from the report:"
    return sentence_subject(clause, lex)


_DASH_RE = re.compile(r"\s[-—–]\s?")
_MORE_FROM_RE = re.compile(r"^(?:more\s+)?from\s+", re.IGNORECASE)
_OPENING_ADVERBS = frozenset(
    "then but and so also still later now yet meanwhile instead indeed thus again".split()
)
LEADING = frozenset("from with during despite amid among following like unlike as".split())


def sentence_subject(clause: str, lex: Lexicon) -> Who | None:
    """The noun phrase opening `clause`, or opening one of its first comma-separated pieces
    when the clause starts with an introductory phrase ("After the attacks, Trump …")."""
    for piece in clause.split(",")[:4]:
        words = piece.split()
        while len(words) > 1 and words[0].lower() in _OPENING_ADVERBS:
            words = words[1:]  # "Then he cut into Bush": the subject after the adverb
            piece = piece.split(None, 1)[1]
        if len(words) < 2 and not (words and words[0][:1].isupper() and words[0][-1:] != "."):
            continue  # "San Bernardino, Calif., a familiar voice celebrated …"
        if words[0].lower() in INTRO or words[0].lower() in LEADING:
            continue
        who = longest_prefix(piece, lex)
        if who is not None and who.kind not in ("description", "short"):
            return who
    return None


def opening_subject(clause: str, lex: Lexicon) -> Who | None:
    """The capitalised name opening `clause`, up to its first lower-case word other than "of"
    ("Governor Ana Ruiz quickly took to Twitter" → Ana Ruiz), else `sentence_subject`."""
    words = clause.split()
    j = 0
    while j < len(words) and (words[j][:1].isupper() or words[j] in ("of", "the", "de", "for")):
        j += 1
    if j:
        who = longest_prefix(" ".join(words[:j]), lex)
        if who is not None and who.kind in ("person", "organization", "anonymous", "outlet"):
            return who
    return sentence_subject(clause, lex)
