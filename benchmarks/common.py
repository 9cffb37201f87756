"""Shared benchmark helpers: a generated corpus of seed-sized articles, timing and peak memory."""

from __future__ import annotations

import random
import resource
import time
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from newscorpus.paths import SEEDS_DIR

N_ARTICLES = 10_000


OUTLETS = ["Reuters", "The Washington Post", "Al Jazeera", "BBC News", "Fox News", "The Guardian"]


def make_corpus(
    folder: Path, n: int = N_ARTICLES, words: int = 800, seed: int = 0, manifest: bool = False
) -> Path:
    """Write `n` articles of about `words` body words each, made by reshuffling seed paragraphs.

    Each article keeps a seed's header (title, byline, captions) and a shuffled body, so every
    code path (boilerplate, quotes, dates) is exercised at realistic density. About one word in
    twelve is swapped for another seed word, so sentences are nearly all distinct and
    per-sentence caches cannot flatter a benchmark. With `manifest`, a manifest.csv gives each
    article an outlet (six, unevenly) and a publication date spread over 2017–2019.
    """
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    paragraphs = [
        line for text in seeds for line in text.splitlines()[3:] if len(line.split()) > 12
    ]
    vocabulary = sorted({w for p in paragraphs for w in p.split() if w.isalpha() and w.islower()})
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        header = seeds[i % len(seeds)].splitlines()[:3]
        body, count = [], 0
        while count < words:
            para = rng.choice(paragraphs).split(" ")
            for _ in range(len(para) // 12):
                j = rng.randrange(len(para))
                if para[j].isalpha() and para[j].islower():
                    para[j] = rng.choice(vocabulary)
            body.append(" ".join(para))
            count += len(para)
        (folder / f"{i:06d}_bench.txt").write_text(
            "\n".join(header + body) + "\n", encoding="utf-8"
        )
    if manifest:
        lines = ["article_id,outlet,published"]
        weights = [6, 5, 4, 3, 2, 1]
        for i in range(n):
            outlet = rng.choices(OUTLETS, weights)[0]
            day = rng.randrange(3 * 365)
            published = date(2017, 1, 1) + timedelta(days=day)
            lines.append(f"{i:06d}_bench,{outlet},{published.isoformat()}")
        (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def peak_memory_mb() -> float:
    """Peak resident memory of this process and its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


@contextmanager
def timed(label: str, n: int, unit: str = "articles"):
    """Print `label: seconds, n/s` for the block."""
    start = time.perf_counter()
    yield
    seconds = time.perf_counter() - start
    print(
        f"{label:<55} {seconds:8.2f} s  {n / seconds:10.0f} {unit}/s  peak {peak_memory_mb():7.0f} MB"
    )
