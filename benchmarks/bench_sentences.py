"""Sentence splitting on the generated corpus: newscorpus vs Punkt (+ news abbreviations, the
previous splitter) vs pySBD, in CPU milliseconds per article and paragraphs per second.

Only body paragraphs are split (as `read_corpus` does). Punkt runs on the first 1,000 articles and
pySBD (when installed) on the first 100; figures are per article, so they compare. Run alone with
`python benchmarks/bench_sentences.py` (generates 1,000 articles) or through `make bench`.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from newscorpus.eval.sentences import splitters


def _time(split, texts: list[str], repeat: int = 3) -> float:
    """Best CPU seconds of `repeat` runs of `split` over `texts`."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            split(text)
        best = min(best, time.process_time() - start)
    return best


def run(corpus_dir: Path, corpus) -> None:
    """Print CPU time per article and paragraphs per second for each splitter."""
    body = corpus.paragraphs[corpus.paragraphs["kind"] == "body"]
    ids = corpus.articles["article_id"].tolist()
    limits = {"newscorpus": len(ids), "punkt+news": 1_000, "punkt": 1_000, "pysbd": 100}
    results = {}
    for name, split in splitters().items():
        subset = set(ids[: limits[name]])
        texts = body.loc[body["article_id"].isin(subset), "text"].tolist()
        seconds = _time(split, texts, repeat=3 if name != "pysbd" else 1)
        results[name] = seconds / len(subset)
        print(
            f"split sentences, {name:<11} {len(subset):6d} articles "
            f"{1000 * seconds / len(subset):7.3f} ms/article {len(texts) / seconds:9.0f} paragraphs/s"
        )
    if "pysbd" in results:
        print(f"newscorpus is {results['pysbd'] / results['newscorpus']:.0f}x pySBD's speed")
    print(f"newscorpus is {results['punkt+news'] / results['newscorpus']:.1f}x Punkt+news's speed")


if __name__ == "__main__":
    from newscorpus import read_corpus

    from common import make_corpus  # benchmarks/ is on sys.path when run as a script

    with tempfile.TemporaryDirectory() as tmp:
        folder = make_corpus(Path(tmp) / "corpus", n=1_000)
        run(folder, read_corpus(folder, workers=1))
