"""Command line: `python -m newscorpus export CORPUS --out DIR [--format csv|parquet]`."""

from __future__ import annotations

import argparse
import sys

from newscorpus.corpus import CorpusError, read_corpus
from newscorpus.export import FORMATS, export


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command."""
    parser = argparse.ArgumentParser(prog="python -m newscorpus", description="News-corpus tables.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="write every table of a corpus, one file each")
    ex.add_argument("corpus", help="folder of .txt articles")
    ex.add_argument("--out", required=True, help="folder to write the tables into")
    ex.add_argument("--format", default="csv", choices=FORMATS, help="file format (default: csv)")
    ex.add_argument(
        "--workers", type=int, default=None, help="processes for reading (default: all cores)"
    )
    args = parser.parse_args(argv)
    try:
        corpus = read_corpus(args.corpus, workers=args.workers)
    except CorpusError as exc:
        parser.error(str(exc))
    for path in export(corpus, args.out, args.format):
        print(path)
    if len(corpus.problems):
        print(f"{len(corpus.problems)} input problems: see problems.{args.format}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
