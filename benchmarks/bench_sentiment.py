"""Sentiment speed: NLTK's polarity_scores once per sentence against newscorpus.sentiment.

Both ways side by side on the same sentences, with a check that every score is identical:
1. the whole `sentiment` table (score_sentences: identical sentences scored once, all cores when
   there are many distinct sentences, in_quote included) against NLTK per sentence;
2. the scoring loop alone, one process, no cache (the reimplementation's own speed);
3. 100,000 distinct sentences (each made unique, so the cache cannot help), on every core.
"""

from __future__ import annotations

import os
import time

from newscorpus import sentiment

from common import timed

DISTINCT = 100_000


def _clock(label: str, n: int, unit: str, fn):
    start = time.perf_counter()
    with timed(label, n, unit):
        result = fn()
    return result, time.perf_counter() - start


def _check(ours: list[float], nltk: list[float], what: str) -> None:
    mismatches = sum(1 for a, b in zip(ours, nltk, strict=True) if a != b)
    print(f"    {what}: {len(ours)} compound scores compared, {mismatches} differ")
    if mismatches:
        raise SystemExit(f"bench_sentiment: {what} scores differ from NLTK's")


def run(corpus_dir, corpus) -> None:
    """Time NLTK per sentence and newscorpus.sentiment on the generated corpus; print the ratios."""
    texts = corpus.sentences["text"].tolist()
    n = len(texts)
    print(
        f"    {n} body sentences, {len(set(texts))} distinct, "
        f"{corpus.articles.shape[0]} articles, {os.cpu_count()} cores"
    )
    sia = sentiment.analyzer()
    nltk_scores, t_nltk = _clock(
        "NLTK polarity_scores, once per sentence",
        n,
        "sentences",
        lambda: [sia.polarity_scores(t) for t in texts],
    )
    table, t_table = _clock(
        "score_sentences (sentiment table, cache + cores)",
        n,
        "sentences",
        lambda: sentiment.score_sentences(corpus),
    )
    _check(table["compound"].tolist(), [s["compound"] for s in nltk_scores], "score_sentences")
    for col in ("neg", "neu", "pos"):
        _check(table[col].tolist(), [s[col] for s in nltk_scores], f"score_sentences {col}")
    lexicon = sentiment.lexicon_dict()
    raw, t_raw = _clock(
        "scoring loop alone: 1 process, no cache",
        n,
        "sentences",
        lambda: sentiment.vader._score_texts(texts, lexicon),
    )
    _check([r[3] for r in raw], [s["compound"] for s in nltk_scores], "scoring loop")

    # Distinct sentences: a unique, valence-free suffix defeats the cache on every sentence
    # (the first DISTINCT of them, enough to use the process pool, to keep the bench short).
    distinct = [f"{t} (#{i})" for i, t in enumerate(texts[:DISTINCT])]
    nltk_distinct, t_nltk_d = _clock(
        "NLTK polarity_scores, distinct sentences",
        len(distinct),
        "sentences",
        lambda: [sia.polarity_scores(t)["compound"] for t in distinct],
    )
    ours_distinct, t_ours_d = _clock(
        f"score_texts, distinct sentences, {os.cpu_count()} cores",
        len(distinct),
        "sentences",
        lambda: sentiment.score_texts(distinct)["compound"].tolist(),
    )
    _check(ours_distinct, nltk_distinct, "distinct sentences")
    print(f"    speed-up, sentiment table vs NLTK per sentence:   {t_nltk / t_table:6.1f}x")
    print(f"    speed-up, scoring loop alone (1 process, no cache): {t_nltk / t_raw:6.1f}x")
    print(f"    speed-up, distinct sentences (no cache, all cores): {t_nltk_d / t_ours_d:6.1f}x")
