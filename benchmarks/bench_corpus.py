"""Reader speed: read + paragraphs + sentences + tokens, single process vs all cores."""

from __future__ import annotations

import os

from newscorpus import read_corpus

from common import timed


def run(corpus_dir, corpus) -> None:
    """Print articles/s for the reader using every core (the 1-process figure is printed by run.py)."""
    n = len(corpus.articles)
    cores = os.cpu_count() or 1
    with timed(f"read_corpus, {cores} processes", n):
        parallel = read_corpus(corpus_dir, workers=cores)
    assert len(parallel.tokens) == len(corpus.tokens)
    words = int(corpus.articles["n_words"].sum())
    print(f"{'':55} {n} articles, {words / n:.0f} body words each, {len(corpus.tokens)} tokens")
