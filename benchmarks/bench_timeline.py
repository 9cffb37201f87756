"""Dates for 10,000 seed-sized articles: `find_dates` on the whole corpus, single process."""

from __future__ import annotations

import time
from pathlib import Path

from newscorpus.timeline import anchor_dates, find_dates

from common import timed


def run(corpus_dir: Path, corpus) -> None:
    """Time find_dates (target: under 10 s on one core) and report what it found."""
    n = len(corpus.articles)
    cpu = time.process_time()
    with timed("find_dates (extract, anchor, resolve), 1 process", n):
        dates = find_dates(corpus)
    cpu = time.process_time() - cpu
    with timed("anchor_dates alone", n):
        anchor_dates(corpus)
    resolved = dates["start_date"].notna().mean() if len(dates) else 0.0
    print(
        f"{'':<55} find_dates CPU time {cpu:.2f} s; {len(dates):,} expressions, "
        f"{len(dates) / max(n, 1):.1f} per article, {resolved:.0%} with a resolved interval"
    )
