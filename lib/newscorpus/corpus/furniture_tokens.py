"""The tokens site furniture is compared on (`newscorpus.corpus.furniture`), and its summaries
(`furniture_summary`) normalise phrases with: each token normalised (lower case, every digit
run `0`, curly quotes straight) and classed (word, stopword, plain number, date-like number,
punctuation)."""

from __future__ import annotations

import functools
import re

from newscorpus import resources

TOKEN_RE = re.compile(r"\d+(?:[.,:/-]\d+)*|[^\W\d_]+|[^\w\s]")
_DATE_NUMBER = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?"
    r"|1[89]\d\d|20\d\d"
)
QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "«": '"'})

# token classes: word, stopword, plain number, date-like number, punctuation
WORD, STOPWORD, NUMBER, DATE, PUNCT = range(5)


@functools.cache
def stopwords() -> frozenset[str]:
    """The shipped English stopwords (`resources.stopwords`), read once."""
    return resources.stopwords()


def tokens(text: str) -> list[tuple[str, int, int, int]]:
    """(normalised token, class, start, end) for each token of `text`."""
    stop = stopwords()
    out = []
    for m in TOKEN_RE.finditer(text):
        tok = m.group()
        c0 = tok[0]
        if c0.isdigit():  # a date, a time, a year or a count in brackets "(3 images)" is free
            free = _DATE_NUMBER.fullmatch(tok) or (out and out[-1][0] == "(")
            norm, cls = "0", (DATE if free else NUMBER)
        elif c0.isalpha():
            norm = tok.lower()
            cls = STOPWORD if norm in stop else WORD
        else:
            norm, cls = tok.translate(QUOTE_FOLD), PUNCT
        out.append((norm, cls, m.start(), m.end()))
    return out
