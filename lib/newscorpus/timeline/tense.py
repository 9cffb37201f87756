"""Tense of the clause around an expression: future, past, or unknown (from marker words)."""

from __future__ import annotations

import re

import pandas as pd

_FUTURE_WORDS = frozenset({"will", "won't", "won’t", "shall", "upcoming", "would"})
_FUTURE_AFTER_BE = frozenset({"going", "set", "due", "expected", "scheduled", "planned", "slated"})
_BE = frozenset({"is", "are", "am", "be"})
_PAST_WORDS = frozenset(
    "was were had did said says told went came took made began fled fought won lost saw got met"
    " ago last spent sent built brought bought caught felt kept meant paid ran sold spoke stood"
    " thought wrote gave found became chose drove fell flew grew knew rode rose shot sat slept"
    " struck swore threw woke wore".split()
)
_WEAK_PAST = frozenset({"held", "led", "left", "killed"})
_TENSE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _marker(words: list[str], i: int) -> str | None:
    """'fut', 'past' or 'weak' (an -ed form) for words[i], or None."""
    w = words[i].lower()
    if w in _FUTURE_WORDS or w.endswith(("'ll", "’ll")):
        return "fut"
    if w in ("to",) and i >= 2 and words[i - 1].lower() in ("plans", "plan", "intends", "intend"):
        return "fut"
    if w in _FUTURE_AFTER_BE and i >= 1 and words[i - 1].lower() in _BE:
        return "fut"
    if w in _FUTURE_AFTER_BE and i + 1 < len(words) and words[i + 1].lower() in ("for", "to"):
        return "fut"  # planned for the summer, scheduled to open
    if w in _PAST_WORDS:
        return "past"
    if w in _WEAK_PAST or (len(w) > 3 and w.endswith("ed")):
        return "weak"
    return None


def _is_future(sentence: str, start: int, end: int) -> bool | None:
    """Is the clause around sentence[start:end] about the future? None when nothing says.

    The tense marker nearest before the expression decides (will, would, 'll, is expected,
    planned for ... against was, had, said, ago; an -ed form only when nothing stronger
    precedes); without any marker before it, the first one after it.
    """
    before = _TENSE_WORD.findall(sentence, max(0, start - 100), start)
    strong = weak = None
    for i in range(len(before) - 1, -1, -1):
        kind = _marker(before, i)
        if kind in ("fut", "past"):
            strong = kind
            break
        if kind == "weak" and weak is None:
            weak = kind
    if strong:
        return strong == "fut"
    if weak:
        return False
    after = _TENSE_WORD.findall(sentence, end, end + 80)
    for i in range(len(after)):
        kind = _marker(after, i)
        if kind:
            return kind == "fut"
    return None


class _Tense:
    """Future-or-not of each found expression, computed on demand and cached."""

    def __init__(self, texts: list[str], found: pd.DataFrame) -> None:
        self.texts = texts
        self.rows = found["row"].tolist()
        self.s = found["s"].tolist()
        self.e = found["e"].tolist()
        self.cache: dict[int, bool] = {}

    def __call__(self, i: int) -> bool:
        if i not in self.cache:
            self.cache[i] = _is_future(self.texts[self.rows[i]], self.s[i], self.e[i])
        return self.cache[i]
