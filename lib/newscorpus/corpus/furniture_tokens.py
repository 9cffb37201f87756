"""The tokens site furniture is compared on (`newscorpus.corpus.furniture`), and its summaries
(`furniture_summary`) normalise phrases with: each token normalised (lower case, every digit
run `0`, curly quotes straight) and classed (word, stopword, plain number, date-like number,
punctuation)."""

from __future__ import annotations

import functools
import re

from newscorpus import resources

_TOKEN = re.compile(r"\d+(?:[.,:/-]\d+)*|[^\W\d_]+|[^\w\s]")
_DATE_NUMBER = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?"
    r"|1[89]\d\d|20\d\d"
)
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "«": '"'})

# token classes: word, stopword, plain number, date-like number, punctuation
_W, _S, _N, _D, _P = range(5)


@functools.cache
def _stopwords() -> frozenset[str]:
    return resources.stopwords()


def _tokens(text: str) -> list[tuple[str, int, int, int]]:
    """(normalised token, class, start, end) for each token of `text`."""
    stop = _stopwords()
    out = []
    for m in _TOKEN.finditer(text):
        tok = m.group()
        c0 = tok[0]
        if c0.isdigit():  # a date, a time, a year or a count in brackets "(3 images)" is free
            free = _DATE_NUMBER.fullmatch(tok) or (out and out[-1][0] == "(")
            norm, cls = "0", (_D if free else _N)
        elif c0.isalpha():
            norm = tok.lower()
            cls = _S if norm in stop else _W
        else:
            norm, cls = tok.translate(_FOLD), _P
        out.append((norm, cls, m.start(), m.end()))
    return out
