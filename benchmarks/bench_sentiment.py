"""Sentiment speed, per rule set: the reference analyzer once per sentence against ours.

For each rule set ("nltk": NLTK's SentimentIntensityAnalyzer; "vader-3.3": vaderSentiment
3.3.2's), on every body sentence of the generated corpus, with a check that every
neg/neu/pos/compound is identical to the rule set's reference:
1. the reference's polarity_scores, once per sentence;
2. the whole `sentiment` table (score_sentences: identical sentences scored once, all cores when
   there are many distinct sentences, in_quote included);
3. the scoring loop alone, one process, no cache (the reimplementation's own speed).
Speed-ups are printed against NLTK's analyzer (the issue's yardstick) and against the reference.
"""

from __future__ import annotations

import os
import time

from newscorpus import sentiment
from newscorpus.sentiment import rules33
from newscorpus.sentiment import vader as scoring

from common import timed


def _clock(label: str, n: int, fn):
    start = time.perf_counter()
    with timed(label, n, "sentences"):
        result = fn()
    return result, time.perf_counter() - start


def _check(ours: list[tuple], reference: list[dict], what: str) -> None:
    mismatches = sum(
        1
        for a, b in zip(ours, reference, strict=True)
        if tuple(a[:4]) != (b["neg"], b["neu"], b["pos"], b["compound"])
    )
    print(
        f"    {what}: {len(ours)} sentences compared (neg, neu, pos, compound), {mismatches} differ"
    )
    if mismatches:
        raise SystemExit(f"bench_sentiment: {what} scores differ from the reference")


def run(corpus_dir, corpus) -> None:
    """Time each rule set's reference and newscorpus.sentiment on the corpus; print the ratios."""
    texts = corpus.sentences["text"].tolist()
    n = len(texts)
    print(
        f"    {n} body sentences, {len(set(texts))} distinct, "
        f"{corpus.articles.shape[0]} articles, {os.cpu_count()} cores"
    )
    lexicon = sentiment.lexicon_dict()
    seconds: dict[str, float] = {}
    for rules in sentiment.RULES:
        print(f"  rules={rules!r}")
        reference = sentiment.analyzer(rules=rules)
        expected, seconds[rules] = _clock(
            f"{type(reference).__module__} polarity_scores, once per sentence",
            n,
            lambda reference=reference: [reference.polarity_scores(t) for t in texts],
        )
        table, t_table = _clock(
            "score_sentences (sentiment table, cache + cores)",
            n,
            lambda rules=rules: sentiment.score_sentences(corpus, rules=rules),
        )
        rows = list(table[["neg", "neu", "pos", "compound"]].itertuples(index=False, name=None))
        _check(rows, expected, "score_sentences")
        scoring._AFFIX_CACHE.clear()
        rules33._WORD_CACHE.clear()
        raw, t_raw = _clock(
            "scoring loop alone: 1 process, no cache",
            n,
            lambda rules=rules: scoring._score_texts(texts, lexicon, rules),
        )
        _check(raw, expected, "scoring loop")
        nltk = seconds["nltk"]
        own = seconds[rules]
        print(
            f"    speed-up vs NLTK's analyzer: table {nltk / t_table:5.1f}x, "
            f"scoring loop alone {nltk / t_raw:5.1f}x"
        )
        if rules != "nltk":
            print(
                f"    speed-up vs vaderSentiment's analyzer: table {own / t_table:5.1f}x, "
                f"scoring loop alone {own / t_raw:5.1f}x"
            )
