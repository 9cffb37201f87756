"""Quotes and sources for the generated 10,000-article corpus (single process)."""

from __future__ import annotations

import time

from newscorpus.sources import find_quotes, find_sources

from common import timed


def run(corpus_dir, corpus) -> None:
    """Time find_quotes and find_sources over the whole corpus and print what they found."""
    n = len(corpus.articles)
    cpu = time.process_time()
    with timed("find_quotes", n):
        quotes = find_quotes(corpus)
    cpu_quotes = time.process_time() - cpu
    cpu = time.process_time()
    with timed("find_sources (reusing quotes)", n):
        sources = find_sources(corpus, quotes)
    cpu_sources = time.process_time() - cpu
    # CPU time as well: wall time on a shared machine counts other people's work too.
    print(
        f"quotes + sources CPU: {cpu_quotes:.2f} s + {cpu_sources:.2f} s = "
        f"{cpu_quotes + cpu_sources:.2f} s (issue 5 target: under 10 s for 10,000 articles)"
    )
    kinds = quotes["kind"].value_counts().to_dict()
    print(
        f"quotes: {len(quotes)} rows ({kinds.get('direct', 0)} direct, "
        f"{kinds.get('partial', 0)} partial, {kinds.get('indirect', 0)} indirect); "
        f"sources: {len(sources)} rows"
    )
