"""Quotes in headlines: "Senator Lee: ‘We Will Not Back Down’", "Mayor Calls Rival ‘Reckless’".

A headline quotes the person it names before a colon or before a speech verb; headlines use
single marks (‘…’) as body text uses double ones. `headline_rows` reads an article's title
line into rows of the `quotes` table (kind `direct` when the quote is all that follows the
colon or the verb, else `partial`, spanning the claim); a lone title ("Mayor") is the person
the body names with it ("Mayor Ana Ruiz"). Rules written for this package (issue 19); no
outside source.
"""

from __future__ import annotations

import re

from newscorpus.sources.lexicon import Lexicon
from newscorpus.sources.speaker_checks import contrasted_labels, joint_names
from newscorpus.sources.speakers import Who, analyse_phrase, longest_prefix
from newscorpus.sources.words import PARTIAL_RE, TITLES

# A quote in a headline: single curly marks (a closing one not followed by a letter, so "Don’t"
# stays inside), straight single marks (an apostrophe between letters stays inside: 'Bill
# Clinton's fair game.'), double curly or straight marks.
_HEAD_QUOTE = re.compile(
    r"‘(?P<a>[^‘]+?)’(?![\w])|“(?P<b>[^“”]+)”|(?<![\w])'(?P<c>(?:[^']|(?<=\w)'(?=\w))+?)'(?![\w])"
    r"|\"(?P<d>[^\"]+)\""
)
_COLON = re.compile(r"^\s*(?P<np>[^:‘’“”\"]{2,60}?)\s*:\s+")
_SPEAKER_KINDS = ("person", "organization", "outlet", "anonymous")  # "Black Lawmakers Rip …"
# Verbs of headlines that report what someone thinks of something, beside the speech verbs:
# "Obama Sees ‘Personal Insult’ if …", "Lawmakers Rip Trump As A ‘Fraud’", "X fears ‘…’".
_HEAD_VERBS = re.compile(r"(?<![\w’'-])((?i:rips?|sees?|fears?|knocks?|speaks))(?![\w’'-])")


def _speaker(np_text: str, body: str, lex: Lexicon) -> Who | None:
    """The person or organisation `np_text` names ("Senator Lee", "Trump", "GOP"); a lone title
    ("Mayor") is the first person the body names with it ("Mayor Ana Ruiz"); else None."""
    np_text = " ".join(np_text.split())
    if not np_text or len(np_text.split()) > 6:
        return None
    joint = joint_names(np_text)
    if joint is not None:  # "Pelosi & Schumer: …" both (never Pelosi alone); "A Vs. B": none
        who = analyse_phrase(np_text.replace(" & ", " and "), lex) if joint == "joint" else None
        return who if who is not None and who.plural else None
    words = np_text.split()
    if len(words) == 1 and words[0].lower().strip(".") in TITLES:
        m = re.search(
            r"(?<![\w’'-])(?i:" + re.escape(words[0]) + r")\.?\s+(?:[A-Z][\w’'.-]*\s+){0,2}"
            r"[A-Z][\w’'-]+(?=\s+[a-z]|[,.;:]|$)",
            body,
        )
        who = analyse_phrase(m.group(), lex) if m else None
        return who if who is not None and who.kind == "person" else None
    who = analyse_phrase(np_text, lex) or longest_prefix(np_text, lex)
    if who is None or who.kind not in _SPEAKER_KINDS:
        return None
    return who


def headline_rows(
    title: str, offset: int, body: str, lex: Lexicon
) -> list[tuple[int, int, str, Who, str]]:
    """(start, end, kind, speaker, verb) of the quotes of a headline `title` starting at
    `offset` in the article's text; `body` is the text the title's speaker may be named in.

    "Name: ‘…’" is a direct quote of Name (verb ":"), "Name: claim with ‘quoted words’" a
    partial one spanning the claim; "Name Verbs … ‘…’" (a speech, naming or blaming verb,
    any case) a partial quote from after the verb to the last closing mark, direct when the
    quote is all there is, indirect when words follow the last quote and the claim does not
    begin with one (body text's rule). A prefix that names no one ("The Latest: …") or two
    sides ("Obama & Romney: …") is passed over. No rows when the title holds no quotation
    marks, its quoted words are labels set against each other ("‘X’ Vs. ‘Y’"), or no speaker
    is found.
    """
    marks = list(_HEAD_QUOTE.finditer(title))
    if not marks or contrasted_labels(title, marks):
        return []  # "‘Corporate Executive’ Vs. The ‘Government Professor’": two labels
    start = 0
    m = _COLON.match(title)
    if m is not None and m.end() <= marks[0].start():
        who = _speaker(m.group("np"), body, lex)
        if who is not None:
            return [_span(title, offset, m.end(), marks, who, ":")]
        start = m.end()  # "The Latest: Sanders declares ‘revolution,’"
    verbs = [*PARTIAL_RE.finditer(title, start, marks[0].start())]
    verbs += _HEAD_VERBS.finditer(title, start, marks[0].start())
    for v in sorted(verbs, key=lambda m: m.start()):
        who = _speaker(title[start : v.start()], body, lex)
        if who is not None:
            verb = " ".join(v.group(1).lower().split())
            return [_span(title, offset, v.end(), marks, who, verb)]
    return _tail_row(title, offset, start, marks, body, lex)


# An attribution ending a headline: "Cruz Is A ‘Natural Born Citizen,’ Board Of Election Finds."
_TAIL = re.compile(
    r"[,;]?\s+(?P<np>(?:[A-Z][\w’'.-]*\s+){0,5}?[A-Z][\w’'.-]*)\s+"
    r"(?P<v>(?i:says|finds|warns|claims|insists|argues|declares|admits|writes))\.?\s*$"
)


def _tail_row(title: str, offset: int, start: int, marks: list, body: str, lex: Lexicon) -> list:
    """The row of a headline whose attribution comes last ("CLAIM, Name Says."): the claim
    from `start` to the comma, direct when it is one quote, partial when it begins or ends
    with one, else indirect; no row when the tail names no one or precedes the last quote."""
    m = _TAIL.search(title, marks[-1].end())
    if m is None:
        return []
    who = _speaker(m.group("np"), body, lex)
    if who is None:
        return []
    claim, end = start, len(title[: m.start()].rstrip(" ,;"))
    while claim < end and title[claim] in " \u00a0":
        claim += 1
    verb = m.group("v").lower()
    last = marks[-1]
    if len(marks) == 1 and claim == last.start() and end in (last.end(), last.end() - 1):
        return [(offset + last.start() + 1, offset + last.end() - 1, "direct", who, verb)]
    ends_quote = end >= last.end() - 1 and not title[last.end() : end].strip(" ,;")
    kind = "partial" if claim == marks[0].start() or ends_quote else "indirect"
    return [(offset + claim, offset + end, kind, who, verb)]


def _span(title: str, offset: int, claim: int, marks: list, who: Who, verb: str):
    """(start, end, kind, who, verb) of the claim of `title` from `claim` to the closing mark
    of its last quote (or the title's end when words follow it to a full stop); direct when
    the claim is one quote, whose words (marks excluded) are the span."""
    while claim < len(title) and title[claim] in " \u00a0":
        claim += 1
    if title[claim:].lower().startswith("that "):
        claim += 5
    last = marks[-1]
    rest = title[last.end() :].strip(" .")
    # Words after the quote go on with the claim ("… ‘To Come a Long Way’ On Ethanol", "‘No
    # Idea’ If I …") unless the quote closed its clause ("declares ‘revolution,’ ignores …").
    closed = last.group()[-2:-1] in (",", ";") or rest[:1] in (",", ";", "—", "-")
    end = len(title.rstrip(" .")) if rest and not closed else last.end()
    if len(marks) == 1 and claim == marks[0].start() and end == last.end():
        inner = last.start() + 1, last.end() - 1
        return offset + inner[0], offset + inner[1], "direct", who, verb
    # As in body text, a claim is a partial quote when it begins or ends with the quoted
    # words; "Republicans ‘Waving The Flag’ To Trump" reports the claim (indirect).
    kind = "partial" if claim == marks[0].start() or end == last.end() else "indirect"
    return offset + claim, offset + end, kind, who, verb
