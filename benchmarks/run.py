"""`make bench`: generate 10,000 seed-sized articles once, then run every benchmarks/bench_*.py.

Each bench module defines `run(corpus_dir: Path, corpus) -> None` and prints its own figures.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

from newscorpus import read_corpus

from common import N_ARTICLES, make_corpus, timed

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Generate the corpus, read it once (single process), and hand it to each bench module."""
    only = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_corpus(Path(tmp) / "corpus")
        print(f"corpus: {N_ARTICLES} generated articles, {os.cpu_count()} cores")
        with timed("read_corpus, 1 process", N_ARTICLES):
            corpus = read_corpus(folder, workers=1)
        for path in sorted(HERE.glob("bench_*.py")):
            if only and not any(o in path.stem for o in only):
                continue
            spec = importlib.util.spec_from_file_location(path.stem, path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            print(f"--- {path.stem}")
            module.run(folder, corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
