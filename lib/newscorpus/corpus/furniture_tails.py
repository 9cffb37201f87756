"""Repeated tails of site furniture (`newscorpus.corpus.furniture`): galleries of captions, each
closed by a label the outlet repeats ("… the casket. Hide Caption 17 of 17 Photos: …").

A **tail** is the end of a line that ends without sentence punctuation on a short label (at
most MAX_TAIL_TOKENS tokens, a unit from a capital letter after a sentence end). `tails` gives
a line's candidate tails (hashed and counted across articles by `furniture.Counts`, digits as
`0`); `mark_tails` sets aside, in one article, every body line made of captions that each end
with a tail the outlet (or the corpus) repeats, when:
- the label **closes at least two captions** in the article: text with a letter before it on
  its line (since the line's start or the label's previous occurrence), the label a unit of its
  own (after a sentence end, before the line's end or a capital); a line that is only the label
  closes no caption: a whole line is the line rule's to judge, which keeps a plain number
  between two words as data ("Revs 291.8 mln vs 151.1 mln", "Net 1,037,690 vs 1,270,460": the
  template of a wire's earnings table repeats, its figures do not);
- the label's **numbers repeat** from one occurrence to the next, or are whole numbers with no
  decimal point or separator (a slide counter: "Hide Caption 3 of 12", "… 4 of 12"); a figure
  such as 291.8 or 1,037,690 that differs between occurrences is data, never furniture;
- no caption before it is MAX_CAPTION_WORDS words or longer, and what follows the last label
  on the line is short (under SHORT_LEAD words) or opens with the same heading as a caption
  ("Photos: …").
Method: the layout of flattened photo galleries in scraped news exports (CNN "Hide Caption k
of n"); the number rule from Reuters-21578 earnings tables, whose labels repeat in every item.
"""

from __future__ import annotations

import re
from hashlib import blake2b

from newscorpus.corpus.furniture_rules import TAIL
from newscorpus.corpus.furniture_tokens import TOKEN_RE, WORD, tokens

MAX_TAIL_TOKENS = 8  # longest label tail of a line ("Hide Caption 1 of 12"), in tokens
MAX_CAPTION_WORDS = 150  # longest caption before a repeated tail, in words
SHORT_LEAD = 12  # what follows the last label on its line: shorter is the next caption's heading

_LABEL_END = frozenset(".!?:;,\"'”’)]")
_UNIT_BEFORE = re.compile(r"[.!?][\"'”’)\]]*\s+$")
_UNIT_AFTER = re.compile(r"\s*$|\s+[A-Z\"“'‘(]")
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
_LETTER = re.compile(r"[^\W\d_]")


def unit_start(text: str, pos: int) -> bool:
    """Whether a unit starts at `pos`: the line's start, or after a sentence end."""
    return pos == 0 or bool(_UNIT_BEFORE.search(text, max(0, pos - 8), pos))


def tails(text: str) -> list[tuple[int, str, int]]:
    """The label tails of a line that ends without sentence punctuation: its last k tokens
    (k <= MAX_TAIL_TOKENS) that start a unit (the line, or after a sentence end) with a
    capital letter and hold a content word ("… the casket. Hide Caption 17 of 17").

    Output: (start offset, normalised key, hash) per tail, shortest first; none when the line
    ends a sentence (`.`, `!`, `?`, a closing quote or bracket, `:`, `;` or `,`).
    """
    if not text or text[-1] in _LABEL_END:
        return []
    cut = max(0, len(text) - 160)
    toks = tokens(text[cut:])[-MAX_TAIL_TOKENS:]
    out = []
    content = False
    for k in range(1, len(toks) + 1):
        tok = toks[-k]
        content = content or (tok[1] == WORD and len(tok[0]) >= 3)
        if content and text[cut + tok[2]].isupper() and unit_start(text, cut + tok[2]):
            key = " ".join(t[0] for t in toks[-k:])
            h = blake2b(b"t\x1f" + key.encode("utf-8"), digest_size=8).digest()
            out.append((cut + tok[2], key, int.from_bytes(h, "little")))
    return out


def _tail_pattern(key: str) -> re.Pattern:
    """A regex finding a tail's normalised tokens again in text (digits: any number)."""
    parts = [r"\d+(?:[.,:/-]\d+)*" if t == "0" else re.escape(t) for t in key.split(" ")]
    return re.compile(r"\s*".join(parts), re.IGNORECASE)


def _head(text: str) -> str:
    """The first three normalised tokens of a caption (its gallery's heading, "photos :
    victims"), or "" when it has fewer."""
    toks = TOKEN_RE.findall(text[:80])
    return " ".join(toks[:3]).lower() if len(toks) >= 3 else ""


def numbers_agree(labels: list[str]) -> bool:
    """Whether the occurrences `labels` of one label (text in article order) carry the same
    numbers, place by place, or differ only in whole numbers (a slide counter "3 of 12", a
    gallery's size): False when a figure with a decimal point or a separator (291.8,
    1,037,690) differs between two occurrences, or when they hold different counts of numbers.
    """
    places = [_NUMBER.findall(label) for label in labels]
    if len({len(p) for p in places}) > 1:
        return False
    for values in zip(*places, strict=True):
        if len(set(values)) > 1 and not all(v.isdigit() for v in values):
            return False
    return True


def _captions(text: str, found: list[re.Match]) -> int:
    """How many occurrences `found` of a label in line `text` close a caption: text with a
    letter between the line's start (or the label's previous occurrence) and the label."""
    n, prev = 0, 0
    for m in found:
        n += bool(_LETTER.search(text, prev, m.start()))
        prev = m.end()
    return n


def mark_tails(texts: list[str], out: list[tuple[str, str]], frequent) -> None:
    """Mark `boilerplate` (in `out`, the (kind, reason) of each paragraph, in place) every
    body line made of captions closed by a label tail the outlet repeats (see the module
    docstring). `frequent(h)` says whether a tail's hash recurs in the threshold of articles
    (`furniture.Furniture`'s tiers). A line that ends a sentence is never looked at; one tail
    in an article is not enough (a body paragraph may end with a label), nor a label that
    closes no caption (a line of a table), nor one whose figures differ between occurrences.
    """
    patterns = {}
    for i, text in enumerate(texts):
        if out[i][0] != "body":
            continue
        for _, key, h in reversed(tails(text)):  # the longest repeated tail
            if frequent(h):
                patterns[key] = _tail_pattern(key)
                break
    for pattern in patterns.values():
        hits = {}
        for i, text in enumerate(texts):
            if out[i][0] == "body":
                found = [  # a unit of its own: after a sentence end, before a new one
                    m
                    for m in pattern.finditer(text)
                    if unit_start(text, m.start()) and _UNIT_AFTER.match(text, m.end())
                ]
                if found:
                    hits[i] = found
        if sum(_captions(texts[i], found) for i, found in hits.items()) < 2:
            continue
        if not numbers_agree([m.group() for found in hits.values() for m in found]):
            continue
        heads = (
            {  # every caption's heading in the article ("photos : victims")
                _head(texts[i][m.end() :]) for i, found in hits.items() for m in found
            }
            | {_head(texts[i]) for i in hits}
        )
        heads.discard("")
        for i, found in hits.items():
            text = texts[i]
            prev, ok = 0, True
            for m in found:
                if text.count(" ", prev, m.start()) >= MAX_CAPTION_WORDS:
                    ok = False
                    break
                prev = m.end()
            rest = text[prev:]
            if ok and (
                rest.count(" ") < SHORT_LEAD
                or (rest.count(" ") < MAX_CAPTION_WORDS and _head(rest) in heads)
            ):
                out[i] = ("boilerplate", TAIL)
