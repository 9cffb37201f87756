"""Upper-case acronyms that lower-case onto a function word (round 10 of issue 16).

`tokens.norm` is the lower-cased token, so "US" (the country) and "us" (the pronoun), "WHO"
(the World Health Organization) and "who", "IS" (the Islamic State) and "is", "IT" and "it",
"AM" (a time) and "am" would be one term, and a stopword or a pronoun at that. An all-capital
token of this list gets its own norm when it is written as an acronym: the nearest word before
or after it in its sentence (punctuation skipped, up to two tokens away) holds a lower-case
letter, so the token stands in mixed-case text ("WHO says", "the IS stronghold", "US troops",
"10 AM on", "WHO's"), never in an all-capital line ("THERE IS A LOT OF", "GET IT DONE",
"IT'S"). "AM" after a
number ("10 AM.") is a time as well. A title-case "Us" at a sentence's start stays the pronoun.

The country's norm is "u.s." (the form "U.S." already has, so the country is one term); "AM" is
"a.m."; an acronym without a dotted form keeps its capitals ("WHO", "IS", "IT"), which no
stopword list holds.
"""

from __future__ import annotations

import numpy as np

ACRONYM_NORMS = {"US": "u.s.", "AM": "a.m.", "IT": "IT", "WHO": "WHO", "IS": "IS"}
REACH = 2  # tokens looked at on each side for the nearest word


def _has_lower(token: str) -> bool:
    return any(c.islower() for c in token)


def _is_word(token: str) -> bool:
    # a possessive or contraction's tail counts: "IT'S" (capital S) is an all-capital word,
    # "WHO's" a mixed-case one
    return token[:1].isalnum() or (token[:1] in "'’" and len(token) > 1)


def _nearest_word(words: list[str], group: np.ndarray, i: int, step: int) -> str | None:
    """The nearest word token to `i` in direction `step` within its sentence, or None."""
    for k in range(1, REACH + 1):
        j = i + step * k
        if j < 0 or j >= len(words) or group[j] != group[i]:
            return None
        if _is_word(words[j]):
            return words[j]
    return None


def acronym_norms(words: list[str], group: np.ndarray) -> dict[int, str]:
    """Norms of the acronym tokens among `words` (see the module docstring).

    Input: the tokens in order and, for each, a sentence key (equal for tokens of one sentence
    of one article; an int array as long as `words`). Output: {position: norm} for each token
    read as an acronym; the other tokens keep their lower-cased norm. No errors.
    """
    out: dict[int, str] = {}
    for i, w in enumerate(words):
        norm = ACRONYM_NORMS.get(w)
        if norm is None:
            continue
        before = _nearest_word(words, group, i, -1)
        after = _nearest_word(words, group, i, 1)
        time = w == "AM" and before is not None and before[:1].isdigit()
        if time or any(n is not None and _has_lower(n) for n in (before, after)):
            out[i] = norm
    return out
