"""Keyness: which terms set an article apart (Dunning log-likelihood, tf-idf), and
collocations (NLTK's finders scored by log-likelihood and PMI)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from newscorpus import resources
from newscorpus.corpus import Corpus
from newscorpus.terms.base import (
    NUMBER,
    PER,
    TokenArrays,
    empty_frame,
    fold_case,
    token_arrays,
)
from newscorpus.terms.counts import term_counts

KEYNESS_COLUMNS = [
    "article_id",
    "term",
    "ngram",
    "count",
    "n_words",
    "rate",
    "count_rest",
    "n_words_rest",
    "rate_rest",
    "log_likelihood",
    "overused",
    "n_articles",
    "tf_idf",
]
COLLOCATION_COLUMNS = ["collocation", "ngram", "count", "log_likelihood", "pmi"]


def keyness(
    corpus: Corpus | TokenArrays, counts: pd.DataFrame | None = None, **options: Any
) -> pd.DataFrame:
    """Every (article, term) with its keyness against the rest of the corpus.

    `log_likelihood` is Dunning's G2 as Rayson computes it from the article's count and words
    against the rest of the corpus (10.83 = p < 0.001); `overused` says whether the article's
    rate is above the rest's. `tf_idf` = rate per 10,000 words x ln(articles / n_articles).
    Needs at least two articles with body text: otherwise warns and returns an empty table.
    `counts` may be a `term_counts(corpus, by="article", ...)` table already computed;
    `options` are those of `term_counts`.
    """
    t = token_arrays(corpus)
    per = counts if counts is not None else term_counts(t, by="article", **options)
    n_docs = int((t.n_words > 0).sum())
    if n_docs < 2:
        warnings.warn(
            f"keyness compares each article with the rest of the corpus and needs at least two "
            f"articles with body text; this corpus has {n_docs}. Returning an empty table.",
            UserWarning,
            stacklevel=2,
        )
        return empty_frame(KEYNESS_COLUMNS)
    total_words = int(t.n_words.sum())
    codes, uniques = pd.factorize(per["term"])
    term_total = np.bincount(codes, weights=per["count"].to_numpy(float), minlength=len(uniques))
    term_total = term_total[codes]
    df = np.bincount(codes, minlength=len(uniques))[codes].astype(np.int64)
    a = per["count"].to_numpy(float)
    c = per["n_words"].to_numpy(float)
    b = term_total - a
    d = total_words - c
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        ll = 2 * (
            np.where(a > 0, a * np.log(a / e1), 0.0) + np.where(b > 0, b * np.log(b / e2), 0.0)
        )
        rate_rest = np.where(d > 0, b / d * PER, np.nan)
    out = per[["article_id", "term", "ngram", "count", "n_words", "rate"]].copy()
    out["count_rest"] = b.astype(np.int64)
    out["n_words_rest"] = d.astype(np.int64)
    out["rate_rest"] = rate_rest
    out["log_likelihood"] = np.round(ll, 6)
    out["overused"] = out["rate"].to_numpy() > np.nan_to_num(rate_rest)
    out["n_articles"] = df
    out["tf_idf"] = np.round(out["rate"].to_numpy() * np.log(n_docs / df), 6)
    return out[KEYNESS_COLUMNS].reset_index(drop=True)


def distinctive_terms(
    corpus: Corpus | TokenArrays,
    top_n: int = 10,
    score: str = "log_likelihood",
    counts: pd.DataFrame | None = None,
    **options: Any,
) -> pd.DataFrame:
    """The `top_n` most distinctive terms of each article by `score` (log_likelihood or tf_idf).

    Only terms an article uses more than the rest of the corpus are ranked; ties go to the
    higher count, then alphabetical order. Columns are those of `keyness` plus `rank`.
    """
    if score not in ("log_likelihood", "tf_idf"):
        raise ValueError(f"score={score!r}: expected 'log_likelihood' or 'tf_idf'")
    if isinstance(top_n, bool) or not isinstance(top_n, (int, np.integer)) or top_n < 1:
        raise ValueError(f"top_n={top_n!r}: expected an integer >= 1")
    k = keyness(corpus, counts=counts, **options)
    k = k[k["overused"] & (k[score] > 0)]
    # sort on integer codes and floats (fast on millions of rows): article, score, count, term
    articles, _ = pd.factorize(k["article_id"], sort=True)
    term_codes, _ = pd.factorize(k["term"], sort=True)
    order = np.lexsort((term_codes, -k["count"].to_numpy(), -k[score].to_numpy(), articles))
    rank = np.arange(len(order)) - np.searchsorted(articles[order], articles[order])
    keep = order[rank < top_n]
    k = k.take(keep).reset_index(drop=True)
    k.insert(1, "rank", (rank[rank < top_n] + 1).astype("int64"))
    return k[["article_id", "rank", *KEYNESS_COLUMNS[1:]]]


# --------------------------------------------------------------------------- collocations


def collocations(
    corpus: Corpus | TokenArrays,
    ngram: int = 2,
    min_count: int = 3,
    top_n: int | None = 20,
    extra_stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """Collocations by NLTK's bigram or trigram finder, scored by log-likelihood and PMI.

    Sentences are fed as separate documents (no collocation spans a sentence), punctuation breaks
    adjacency, and any n-gram holding a stopword (the shipped list plus `extra_stopwords`) or a
    number is dropped, so this runs offline. Sorted by log-likelihood.
    """
    if ngram not in (2, 3):
        raise ValueError(f"ngram={ngram!r}: expected 2 (bigrams) or 3 (trigrams)")
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count={min_count!r}: expected an integer >= 1")
    t = token_arrays(corpus)
    if t.n == 0:
        return empty_frame(COLLOCATION_COLUMNS)
    norms = t.norms[t.norm_codes].copy()
    norms[~t.is_word] = None  # punctuation breaks adjacency like a sentence end
    # one None after each sentence: NLTK's finders skip windows that start or hold None
    words = np.insert(norms, np.flatnonzero(~t.same[:-1]) + 1, None).tolist() + [None]
    stop = resources.stopwords() | {fold_case(w) for w in extra_stopwords} | {"'s"}
    from nltk.collocations import (  # here: importing NLTK costs about 1.5 s per process
        BigramAssocMeasures,
        BigramCollocationFinder,
        TrigramAssocMeasures,
        TrigramCollocationFinder,
    )

    if ngram == 2:
        finder = BigramCollocationFinder.from_words(words)
        measures = BigramAssocMeasures
    else:
        finder = TrigramCollocationFinder.from_words(words)
        measures = TrigramAssocMeasures
    finder.apply_word_filter(lambda w: w is None or w in stop or bool(NUMBER.match(w)))
    finder.apply_freq_filter(min_count)
    ll = dict(finder.score_ngrams(measures.likelihood_ratio))
    pmi = dict(finder.score_ngrams(measures.pmi))
    rows = [
        {
            "collocation": " ".join(g),
            "ngram": ngram,
            "count": int(finder.ngram_fd[g]),
            "log_likelihood": round(float(s), 6),
            "pmi": round(float(pmi[g]), 6),
        }
        for g, s in ll.items()
    ]
    out = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    out = out.sort_values(
        ["log_likelihood", "collocation"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    return out.head(top_n) if top_n else out
