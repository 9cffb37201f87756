"""Reader speed: read + repair + paragraphs + sentences + tokens, per input kind.

Prints articles/s per core (CPU time, one process, no date inference) for the folder of .txt
files, the same articles as one CSV and one JSON-lines table file, then the folder on every core.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd

from newscorpus import read_corpus

from common import timed


def _per_core(label: str, path: Path, n: int) -> None:
    start = time.process_time()
    with timed(label, n):
        read_corpus(path, workers=1, infer_published=False)
    cpu = time.process_time() - start
    print(f"{'':55} {cpu:8.2f} s CPU  {n / cpu:10.0f} articles/s per core (CPU time)")


def run(corpus_dir, corpus) -> None:
    """Print articles/s for each input kind (1 process), then the folder on every core."""
    corpus_dir = Path(corpus_dir)
    n = len(corpus.articles)
    cores = os.cpu_count() or 1
    _per_core("read_corpus(.txt folder), 1 process", corpus_dir, n)
    a = corpus.articles
    rows = pd.DataFrame(
        {
            "id": a["article_id"],
            "title": a["title"],
            "text": [t.split("\n", 1)[1] for t in a["text"]],
            "media_name": a["outlet"],
            "publish_date": a["published"].dt.strftime("%Y-%m-%d"),
        }
    )
    tables = corpus_dir.parent / "tables"
    tables.mkdir(exist_ok=True)
    rows.to_csv(tables / "articles.csv", index=False)
    rows.to_json(tables / "articles.jsonl", orient="records", lines=True)
    _per_core("read_corpus(one .csv table file), 1 process", tables / "articles.csv", n)
    _per_core("read_corpus(one .jsonl table file), 1 process", tables / "articles.jsonl", n)
    with timed(f"read_corpus(.txt folder), {cores} processes", n):
        parallel = read_corpus(corpus_dir, workers=cores)
    assert len(parallel.tokens) == len(corpus.tokens)
    words = int(corpus.articles["n_words"].sum())
    print(f"{'':55} {n} articles, {words / n:.0f} body words each, {len(corpus.tokens)} tokens")
