"""Terms on the generated corpus: per-article n-gram counts (as the analysis pass stores them),
the group tables built from them, and the token-level views, with CPU time and extra memory.

Extra memory is the peak resident memory a step adds over what the process held before it
(Linux: the peak is reset through /proc/self/clear_refs before each step), so the corpus held
by the bench itself does not count. CPU and wall seconds are scaled to 10,000 articles; the extra
peak is as measured on the bench corpus (for partitions: the largest partition's).
"""

from __future__ import annotations

import dataclasses
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus import terms

TRACED = ["guerrilla", "desert", "sleeper cells", "caliphate", "insurgency"]
PARTITION = 2_000


def _status() -> dict[str, int]:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            rows = dict(line.split(":", 1) for line in fh)
        return {k: int(rows[k].split()[0]) // 1024 for k in ("VmRSS", "VmHWM")}
    except OSError:
        return {"VmRSS": 0, "VmHWM": 0}


@contextmanager
def measured(label: str, n: int):
    """Print CPU and wall seconds per 10,000 articles and the extra peak memory of the block."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")  # reset the peak (VmHWM) to the current resident size
    except OSError:
        pass
    before = _status()["VmRSS"]
    cpu, wall = time.process_time(), time.perf_counter()
    yield
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    extra = _status()["VmHWM"] - before
    scale = 10_000 / max(n, 1)
    print(
        f"{label:<58} cpu {cpu * scale:6.2f} s  wall {wall * scale:6.2f} s  "
        f"extra peak {extra:6.0f} MB"
    )


def _mb(table: pd.DataFrame) -> float:
    return table.memory_usage(deep=True).sum() / 2**20


def run(corpus_dir: Path, corpus) -> None:
    """Time what the analysis pass and notebook 02 run, and print the figures."""
    n = len(corpus.articles)
    print(f"articles: {n:,}; tokens: {len(corpus.tokens):,}")
    with measured("term_counts by article, 1-3-grams, whole corpus at once", n):
        grams = terms.term_counts(corpus, by="article", ngram_range=(1, 3))
    print(
        f"  {len(grams):,} (article, term) rows, {_mb(grams):.0f} MB in memory "
        f"({_mb(grams) / max(len(grams), 1) * 2**20:.1f} bytes a row)"
    )
    ids = corpus.articles["article_id"].tolist()
    chunks = [ids[i : i + PARTITION] for i in range(0, len(ids), PARTITION)]
    parts = []
    with measured(f"term_counts by article, 1-3-grams, {PARTITION:,}-article partitions", n):
        for chunk in chunks:
            keep = set(chunk)
            sub = dataclasses.replace(
                corpus,
                **{
                    name: table[table["article_id"].isin(keep)].reset_index(drop=True)
                    for name, table in corpus.tables.items()
                    if "article_id" in table.columns
                },
            )
            parts.append(terms.term_counts(sub, by="article", ngram_range=(1, 3)))
            del sub
    print(f"  {sum(len(p) for p in parts):,} rows over {len(parts)} partitions")

    # groups as the notebook makes them: seven outlets and twelve months
    index = pd.Index(corpus.articles["article_id"].astype("str"))
    order = np.arange(len(index))
    outlets = pd.Series([f"outlet {i % 7}" for i in order], index=index).astype("category")
    months = pd.Series([f"2020-{i % 12 + 1:02d}" for i in order], index=index)
    months = months.astype(pd.CategoricalDtype(sorted(set(months)), ordered=True))
    with measured("group_counts (7 groups) from the partitions", n):
        table = terms.group_counts(iter(parts), outlets)
    print(f"  {len(table):,} (group, term) rows")
    with measured("group_keyness (7 groups, min count 5) from the partitions", n):
        key = terms.group_keyness(iter(parts), outlets)
    print(
        f"  {len(key):,} rows; {int(key['log_likelihood'].ge(terms.LL_THRESHOLD).sum()):,} G2 >= 10.83"
    )
    with measured("term_trends (5 terms, 12 months) from the partitions", n):
        terms.term_trends(iter(parts), months, TRACED)
    with measured("group_keyness + collocations from the group table (notebook)", n):
        terms.group_keyness(table)
        terms.collocations_from_counts(table)
    with measured("articles_using + sample_corpus of 8 articles + kwic + dispersion", n):
        chosen = terms.articles_using(grams, TRACED, 8)
        sample = terms.sample_corpus(corpus, chosen["article_id"])
        terms.kwic(sample, "sleeper cells", max_per_article=3)
        terms.dispersion(sample, TRACED)
    del parts, table, key, grams

    encoded = terms.token_arrays(corpus)
    with measured("token_arrays (encoding shared by the token-level views)", n):
        encoded = terms.token_arrays(corpus)
    with measured("keyness per article, unigrams", n):
        counts = terms.term_counts(encoded, by="article")
        terms.keyness(encoded, counts=counts)
    with measured("kwic 'sleeper cells' + dispersion of 5 terms", n):
        hits = terms.kwic(encoded, "sleeper cells")
        terms.dispersion(encoded, TRACED)
    print(f"  {len(hits):,} KWIC lines")
    with measured("find_phrases (corpus-level name candidates)", n):
        found = terms.find_phrases(encoded)
    print(f"  {len(found):,} names")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with measured("collocations (NLTK bigram finder, min count 3)", n):
            terms.collocations(encoded, ngram=2, min_count=3)
