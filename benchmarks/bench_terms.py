"""Term counts and keyness on the generated corpus (target: under 10 s on one core)."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

from newscorpus import terms

from common import timed

TRACED = ["guerrilla", "desert", "sleeper cells", "caliphate", "insurgency"]


def run(corpus_dir: Path, corpus) -> None:
    """Time counting and keyness as the 02-terms notebook runs them, and print the figures."""
    n = len(corpus.articles)
    print(f"tokens: {len(corpus.tokens):,}")
    cpu = time.process_time()
    with timed("term counts + keyness, unigrams, cold (target < 10 s)", n):
        counts = terms.term_counts(corpus, by="article")
        key = terms.keyness(corpus, counts=counts)
    # CPU seconds of this process: the single-core cost even when other jobs share the machine
    print(f"  cpu time {time.process_time() - cpu:.2f} s")
    print(
        f"  {len(counts):,} (article, term) rows; {counts['term'].nunique():,} terms; "
        f"{int(key['log_likelihood'].gt(terms.LL_THRESHOLD).sum()):,} rows with G2 > 10.83"
    )
    with timed("term_counts by article, unigrams, warm", n):
        counts = terms.term_counts(corpus, by="article")
    with timed("keyness (log-likelihood + tf-idf) from those counts", n):
        terms.keyness(corpus, counts=counts)
    with timed("distinctive_terms, top 10 per article", n):
        top = terms.distinctive_terms(corpus, top_n=10, counts=counts)
    print(f"  {len(top):,} rows")
    with timed("term_counts by article, 1- to 3-grams", n):
        grams = terms.term_counts(corpus, by="article", ngram_range=(1, 3))
    with timed("keyness, 1- to 3-grams", n):
        terms.keyness(corpus, counts=grams)
    print(f"  {len(grams):,} (article, n-gram) rows")
    with timed("kwic 'sleeper cells' + dispersion of 5 terms", n):
        hits = terms.kwic(corpus, "sleeper cells")
        terms.dispersion(corpus, TRACED)
    print(f"  {len(hits):,} KWIC lines")
    with timed("trends of 5 terms + vocabulary summary", n):
        terms.trends(corpus, TRACED)
        terms.vocabulary(corpus)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with timed("collocations (NLTK bigram finder, min count 3)", n):
            terms.collocations(corpus, ngram=2, min_count=3)
