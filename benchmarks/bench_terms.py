"""Term counts and keyness on the generated corpus (target: under 10 s on one core)."""

from __future__ import annotations

import warnings
from pathlib import Path

from newscorpus import terms

from common import timed


def run(corpus_dir: Path, corpus) -> None:
    """Time counting and keyness as the 02-terms notebook runs them, and print the figures."""
    n = len(corpus.articles)
    print(f"tokens: {len(corpus.tokens):,}")
    with timed("encode tokens (factorize, once per corpus)", n):
        terms.find_terms(corpus, ["desert"])
    with timed("term_counts by article, unigrams", n):
        counts = terms.term_counts(corpus, by="article")
    with timed("keyness (log-likelihood + tf-idf) from those counts", n):
        key = terms.keyness(corpus, counts=counts)
    with timed("term counts + keyness, unigrams, from scratch", n):
        terms._CACHE.clear()
        terms.keyness(corpus)
    print(
        f"  {len(counts):,} (article, term) rows; {counts['term'].nunique():,} terms; "
        f"{int(key['log_likelihood'].gt(terms.LL_THRESHOLD).sum()):,} keyness rows p < 0.001"
    )
    with timed("term_counts by article, 1- to 3-grams", n):
        grams = terms.term_counts(corpus, by="article", ngram_range=(1, 3))
    with timed("keyness, 1- to 3-grams", n):
        terms.keyness(corpus, counts=grams)
    print(f"  {len(grams):,} (article, n-gram) rows")
    with timed("distinctive_terms top 10 per article, unigrams", n):
        top = terms.distinctive_terms(corpus, top_n=10, counts=counts)
    print(f"  {len(top):,} rows")
    with timed("kwic 'sleeper cells' + dispersion of 5 terms", n):
        hits = terms.kwic(corpus, "sleeper cells")
        terms.dispersion(
            corpus, ["guerrilla", "desert", "sleeper cells", "caliphate", "insurgency"]
        )
    print(f"  {len(hits):,} KWIC lines")
    with timed("vocabulary summary", n):
        terms.vocabulary(corpus)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with timed("collocations (NLTK bigram finder, min count 3)", n):
            terms.collocations(corpus, ngram=2, min_count=3)
