"""VADER, word by word: VADER's words, each word's valence after its rules, and the scores.

Two rule sets, each a reimplementation of a reference analyzer's ``polarity_scores`` that runs
only the rules for lexicon words (every other word scores 0 there too), caches token clean-up
and can report why each word scored as it did:

- ``rules="nltk"``: NLTK 3.10's ``SentimentIntensityAnalyzer`` (this module);
- ``rules="vader-3.3"``: vaderSentiment 3.3.2's (`newscorpus.sentiment.rules33`), which adds
  "no" as a negation, more idioms and boosters, and scores a repeated word in its own place.

Each gives the same neg/neu/pos/compound as its reference (checked in the tests on every seed
sentence and on the gold sets, and in the benchmark on 10,000 articles).
"""

from __future__ import annotations

import math
import multiprocessing
import os
import string
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
from nltk.sentiment.vader import VaderConstants

from newscorpus.sentiment import rules33
from newscorpus.sentiment.lexicon import (
    base_lexicon,
    extra_valences,
    lexicon_dict,
    merge_valences,
    nltk_analyzer,
)
from newscorpus.workers import default_workers

RULES = ("nltk", "vader-3.3")
DEFAULT_RULES = "vader-3.3"  # scores better on the VADER gold sets: README, Accuracy: tone

_K = VaderConstants
_PUNCT = frozenset(string.punctuation)
_PUNC_AFFIXES = frozenset(_K.PUNC_LIST)
_BOOSTERS = _K.BOOSTER_DICT
_NEGATE = _K.NEGATE
_IDIOMS = _K.SPECIAL_CASE_IDIOMS

# --------------------------------------------------------------------------- rule sets


def check_rules(rules: str) -> str:
    """`rules` itself when it names a rule set; ValueError naming the value and the choices."""
    if rules not in RULES:
        raise ValueError(f"rules={rules!r}: expected one of {', '.join(map(repr, RULES))}")
    return rules


def analyzer(
    lexicon: str | os.PathLike | Mapping[str, float] | None = None, rules: str = DEFAULT_RULES
):
    """The reference analyzer of a rule set, with `lexicon` valences added to its lexicon.

    ``rules="nltk"``: NLTK's SentimentIntensityAnalyzer (lexicon loaded offline);
    ``rules="vader-3.3"``: vaderSentiment 3.3.2's (its lexicon ships with the package).
    Raises ValueError for an unknown rule set or a bad lexicon.
    """
    if check_rules(rules) == "nltk":
        return nltk_analyzer(lexicon)
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    merge_valences(sia.lexicon, extra_valences(lexicon))
    return sia


def scored_text(text: str, rules: str = DEFAULT_RULES) -> str:
    """The text a rule set scores (vader-3.3 first replaces emoji by their descriptions)."""
    return text if check_rules(rules) == "nltk" else rules33.scored_text(text)


# --------------------------------------------------------------------------- VADER, word by word


def vader_words(text: str, rules: str = DEFAULT_RULES) -> list[str]:
    """VADER's words of one text under a rule set.

    ``nltk`` (NLTK's ``SentiText.words_and_emoticons``): whitespace split, 1-char tokens
    dropped, and a token becomes `w` when it is punctuation-affix + `w` or `w` + affix, the
    affix in VADER's PUNC_LIST and `w` 2+ characters without ASCII punctuation.
    ``vader-3.3``: emoji replaced by their descriptions, whitespace split, each token stripped
    of leading and trailing ASCII punctuation unless 2 characters or fewer would remain.
    """
    if check_rules(rules) == "vader-3.3":
        return rules33.words(rules33.scored_text(text))
    cache = _AFFIX_CACHE
    return [cache.get(t) or _strip_affix(t) for t in text.split() if len(t) > 1]


_AFFIX_CACHE: dict[str, str] = {}


def _strip_affix(tok: str) -> str:
    word = _AFFIX_CACHE.get(tok)
    if word is not None:
        return word
    word = tok
    lead = 0
    while lead < len(tok) and tok[lead] in _PUNCT:
        lead += 1
    trail = len(tok)
    while trail > lead and tok[trail - 1] in _PUNCT:
        trail -= 1
    core = tok[lead:trail]
    if len(core) > 1 and not any(ch in _PUNCT for ch in core):
        if lead and trail == len(tok) and tok[:lead] in _PUNC_AFFIXES:
            word = core
        elif trail < len(tok) and not lead and tok[trail:] in _PUNC_AFFIXES:
            word = core
    if len(_AFFIX_CACHE) < 500_000:
        _AFFIX_CACHE[tok] = word
    return word


def _negated(word: str) -> bool:
    lower = word.lower()
    return lower in _NEGATE or "n't" in lower


def _scalar(word: str, valence: float, cap_diff: bool) -> float:
    """VADER's booster/dampener increment for a preceding word (VaderConstants.scalar_inc_dec)."""
    scalar = 0.0
    lower = word.lower()
    if lower in _BOOSTERS:
        scalar = _BOOSTERS[lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and cap_diff:
            if valence > 0:
                scalar += _K.C_INCR
            else:
                scalar -= _K.C_INCR
    return scalar


def word_valences(
    words: list[str],
    lexicon: Mapping[str, float],
    notes: list[list[str]] | None = None,
    rules: str = DEFAULT_RULES,
) -> list[float]:
    """Each word's valence after VADER's rules (the reference's `sentiments` list, "but" included).

    `words` are `vader_words` of the same rule set. With `notes` (a list), one list of rule
    descriptions per word is appended to it.
    """
    lowers = [w.lower() for w in words]
    hit_notes: dict[int, list[str]] | None = {} if notes is not None else None
    sentiments: list[float] = [0] * len(words)
    find = lexicon_hits if check_rules(rules) == "nltk" else rules33.hits
    for j, valence in find(words, lowers, lexicon, hit_notes):
        sentiments[j] = valence
    if notes is not None:
        notes.extend(hit_notes.get(j, []) for j in range(len(words)))
    return sentiments


def lexicon_hits(
    words: list[str],
    lowers: list[str],
    lexicon: Mapping[str, float],
    notes: dict[int, list[str]] | None = None,
) -> list[tuple[int, float]]:
    """(position, valence) of the words VADER gives a valence; every other word scores 0.

    A faithful copy of NLTK's SentimentIntensityAnalyzer.polarity_scores loop (and its
    sentiment_valence, _never_check, _idioms_check, _least_check and _but_check), run only for
    lexicon words: the words it skips always score 0 there too.
    """
    hits = [j for j, low in enumerate(lowers) if low in lexicon]
    if not hits:
        return []
    n = len(words)
    n_caps = sum(map(str.isupper, words))
    cap_diff = 0 < n - n_caps < n
    out: list[tuple[int, float]] = []
    for j in hits:
        item = words[j]
        i = words.index(item)  # NLTK's first_index: the first occurrence of this token
        low = lowers[i]
        note: list[str] | None = None
        if notes is not None:
            note = notes.setdefault(j, [])
            if i != j:
                # NLTK scores a repeated word in the context of its first occurrence
                note.append(f"repeated word: scored where it first occurs (word {i + 1})")
        if (i < n - 1 and low == "kind" and lowers[i + 1] == "of") or low in _BOOSTERS:
            out.append((j, 0))
            continue
        valence = lexicon[low]
        if item.isupper() and cap_diff:
            if valence > 0:
                valence += _K.C_INCR
            else:
                valence -= _K.C_INCR
            if note is not None:
                note.append("ALL CAPS ±0.733")
        for start_i in range(3):
            k = i - (start_i + 1)
            if i > start_i and lowers[k] not in lexicon:
                s = _scalar(words[k], valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                if note is not None and s != 0:
                    kind = "booster" if (s > 0) == (valence > 0) else "dampener"
                    note.append(f"{kind} '{words[k]}' {s:+.3f}")
                valence = valence + s
                valence = _never_check(valence, words, start_i, i, note)
                if start_i == 2:
                    valence = _idioms_check(valence, words, i, note)
        # "least" negation
        if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * _K.N_SCALAR
                if note is not None:
                    note.append("negated by 'least' ×-0.74")
        elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            valence = valence * _K.N_SCALAR
            if note is not None:
                note.append("negated by 'least' ×-0.74")
        out.append((j, valence))
    if "but" in lowers:
        bi = lowers.index("but")
        for k, (j, valence) in enumerate(out):
            if j < bi:
                out[k] = (j, valence * 0.5)
                if notes is not None and valence:
                    notes[j].append("before 'but' ×0.5")
            elif j > bi:
                out[k] = (j, valence * 1.5)
                if notes is not None and valence:
                    notes[j].append("after 'but' ×1.5")
    return out


def _never_check(valence, words, start_i, i, note):
    if start_i == 0:
        if _negated(words[i - 1]):
            valence = valence * _K.N_SCALAR
            if note is not None:
                note.append(f"negated by '{words[i - 1]}' ×-0.74")
    if start_i == 1:
        if words[i - 2] == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
            valence = valence * 1.5
            if note is not None:
                note.append(f"'never {words[i - 1]}' ×1.5")
        elif _negated(words[i - 2]):
            valence = valence * _K.N_SCALAR
            if note is not None:
                note.append(f"negated by '{words[i - 2]}' ×-0.74")
    if start_i == 2:
        if (
            words[i - 3] == "never"
            and (words[i - 2] == "so" or words[i - 2] == "this")
            or (words[i - 1] == "so" or words[i - 1] == "this")
        ):
            valence = valence * 1.25
            if note is not None:
                note.append("'so'/'this' emphasis ×1.25")
        elif _negated(words[i - 3]):
            valence = valence * _K.N_SCALAR
            if note is not None:
                note.append(f"negated by '{words[i - 3]}' ×-0.74")
    return valence


def _idioms_check(valence, words, i, note):
    w = words
    sequences = [
        f"{w[i - 1]} {w[i]}",
        f"{w[i - 2]} {w[i - 1]} {w[i]}",
        f"{w[i - 2]} {w[i - 1]}",
        f"{w[i - 3]} {w[i - 2]} {w[i - 1]}",
        f"{w[i - 3]} {w[i - 2]}",
    ]
    for seq in sequences:
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            if note is not None:
                note.append(f"idiom '{seq}'")
            break
    if len(w) - 1 > i:
        seq = f"{w[i]} {w[i + 1]}"
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            if note is not None:
                note.append(f"idiom '{seq}'")
    if len(w) - 1 > i + 1:
        seq = f"{w[i]} {w[i + 1]} {w[i + 2]}"
        if seq in _IDIOMS:
            valence = _IDIOMS[seq]
            if note is not None:
                note.append(f"idiom '{seq}'")
    if sequences[4] in _BOOSTERS or sequences[2] in _BOOSTERS:
        valence = valence + _K.B_DECR
        if note is not None:
            note.append("dampener 'kind of'/'sort of'")
    return valence


def punctuation_emphasis(text: str) -> float:
    """VADER's emphasis from '!' (up to 4) and '?' (2 or more), added in the direction of the sum."""
    ep = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm = 0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep + qm


def _score(sentiments: list[float], text: str) -> tuple[float, float, float, float]:
    """(neg, neu, pos, compound) from a sentiments list, as NLTK's score_valence computes them."""
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    return _score_hits([(j, s) for j, s in enumerate(sentiments) if s != 0], len(sentiments), text)


def _score_hits(
    hits: list[tuple[int, float]], n: int, text: str
) -> tuple[float, float, float, float]:
    """NLTK's score_valence for `n` words of which only `hits` may be non-zero (n > 0)."""
    sum_s = float(sum(v for _, v in hits))  # zeros do not change a float sum
    punct = punctuation_emphasis(text) if hits else 0.0
    if sum_s > 0:
        sum_s += punct
    elif sum_s < 0:
        sum_s -= punct
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n - len(hits)
    for _, s in hits:
        if s > 0:
            pos_sum += float(s) + 1
        if s < 0:
            neg_sum += float(s) - 1
        if s == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


def vader_scores(
    text: str, lexicon: Mapping[str, float] | None = None, rules: str = DEFAULT_RULES
) -> dict[str, float]:
    """polarity_scores for one sentence: the same numbers as the rule set's reference, faster.

    `lexicon` is a word → valence mapping (None: VADER's lexicon). Returns neg, neu, pos,
    compound.
    """
    lex = base_lexicon() if lexicon is None else lexicon
    text = scored_text(text, rules)
    words = vader_words(text, "nltk") if rules == "nltk" else rules33.words(text)
    neg, neu, pos, compound = _score(word_valences(words, lex, rules=rules), text)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


def _score_texts(
    texts: list[str], lexicon: Mapping[str, float], rules: str = DEFAULT_RULES
) -> list[tuple]:
    """(neg, neu, pos, compound, n_words, n_positive, n_negative) for each text."""
    out = []
    nltk = check_rules(rules) == "nltk"
    cache = _AFFIX_CACHE
    find = lexicon_hits if nltk else rules33.hits
    for text in texts:
        if nltk:
            words = [cache.get(t) or _strip_affix(t) for t in text.split() if len(t) > 1]
        else:
            text = rules33.scored_text(text)
            words = rules33.words(text)
        n = len(words)
        if not n:
            out.append((0.0, 0.0, 0.0, 0.0, 0, 0, 0))
            continue
        hits = find(words, [w.lower() for w in words], lexicon)
        n_pos = sum(1 for _, s in hits if s > 0)
        n_neg = sum(1 for _, s in hits if s < 0)
        out.append((*_score_hits(hits, n, text), n, n_pos, n_neg))
    return out


_WORKER: tuple[Mapping[str, float], str] = ({}, DEFAULT_RULES)


def _init_worker(lexicon: Mapping[str, float], rules: str) -> None:
    global _WORKER
    _WORKER = (lexicon, rules)


def _score_chunk(texts: list[str]) -> list[tuple]:
    return _score_texts(texts, *_WORKER)


PARALLEL_MIN = 20_000  # distinct sentences below which one process is faster than a pool


def score_texts(
    texts: list[str],
    lexicon: str | os.PathLike | Mapping[str, float] | None = None,
    workers: int | None = None,
    rules: str = DEFAULT_RULES,
) -> pd.DataFrame:
    """VADER scores for each text: neg, neu, pos, compound, n_words, n_positive, n_negative.

    `rules` names the rule set ("nltk" or "vader-3.3"); `lexicon` adds valences (see
    `lexicon_dict`). Identical texts are scored once; with many distinct texts the work is
    spread over `workers` processes (None: `workers.default_workers()`, or 1 inside a worker
    process). One row
    per text, in order.
    """
    check_rules(rules)
    lex = lexicon_dict(lexicon)
    unique = list(dict.fromkeys(texts))
    if workers is None:
        # every core, unless this is already a worker process (the analysis pass runs
        # partitions in parallel): no pool inside a pool
        workers = 1 if multiprocessing.parent_process() is not None else default_workers()
    workers = max(1, workers)
    if workers > 1 and len(unique) >= PARALLEL_MIN:
        size = max(2_000, len(unique) // (workers * 4))
        chunks = [unique[i : i + size] for i in range(0, len(unique), size)]
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(lex, rules)) as pool:
            scored = [row for part in pool.map(_score_chunk, chunks) for row in part]
    else:
        scored = _score_texts(unique, lex, rules)
    by_text = dict(zip(unique, scored, strict=True))
    columns = ["neg", "neu", "pos", "compound", "n_words", "n_positive", "n_negative"]
    table = pd.DataFrame([by_text[t] for t in texts], columns=columns)
    if table.empty:
        table = table.astype(
            {c: "float64" for c in columns[:4]} | {c: "int64" for c in columns[4:]}
        )
    return table
