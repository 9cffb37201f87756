"""Quotes and sources for the generated 10,000-article corpus (single process)."""

from __future__ import annotations

from newscorpus.sources import find_quotes, find_sources

from common import timed


def run(corpus_dir, corpus) -> None:
    """Time find_quotes and find_sources over the whole corpus and print what they found."""
    n = len(corpus.articles)
    with timed("find_quotes", n):
        quotes = find_quotes(corpus)
    with timed("find_sources (reusing quotes)", n):
        sources = find_sources(corpus, quotes)
    kinds = quotes["kind"].value_counts().to_dict()
    print(
        f"quotes: {len(quotes)} rows ({kinds.get('direct', 0)} direct, "
        f"{kinds.get('partial', 0)} partial, {kinds.get('indirect', 0)} indirect); "
        f"sources: {len(sources)} rows"
    )
