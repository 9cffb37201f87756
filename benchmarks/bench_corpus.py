"""Reader speed: read + paragraphs + sentences + tokens, single process vs all cores."""

from __future__ import annotations

import os
import time

from newscorpus import read_corpus

from common import timed


def run(corpus_dir, corpus) -> None:
    """Print articles/s for the reader (1 process without date inference, then every core)."""
    n = len(corpus.articles)
    cores = os.cpu_count() or 1
    start = time.process_time()
    with timed("read_corpus, 1 process, infer_published=False", n):
        read_corpus(corpus_dir, workers=1, infer_published=False)
    cpu = time.process_time() - start
    print(f"{'':55} {cpu:8.2f} s CPU  {n / cpu:10.0f} articles/s per core (CPU time)")
    with timed(f"read_corpus, {cores} processes", n):
        parallel = read_corpus(corpus_dir, workers=cores)
    assert len(parallel.tokens) == len(corpus.tokens)
    words = int(corpus.articles["n_words"].sum())
    print(f"{'':55} {n} articles, {words / n:.0f} body words each, {len(corpus.tokens)} tokens")
