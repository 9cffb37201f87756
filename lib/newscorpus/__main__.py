"""Command line: `python -m newscorpus export CORPUS --out DIR [--format csv|parquet]`."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from newscorpus.corpus import CorpusError
from newscorpus.export import FORMATS, export
from newscorpus.run import READ_FLAGS


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command; 0 on success, 1 when a table fails."""
    parser = argparse.ArgumentParser(prog="python -m newscorpus", description="News-corpus tables.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="write every table of a corpus, one file each")
    ex.add_argument("corpus", help="folder of .txt/.html articles, or one table file")
    ex.add_argument("--out", required=True, help="folder to write the tables into")
    ex.add_argument("--format", default="csv", choices=FORMATS, help="file format (default: csv)")
    ex.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ex.add_argument("--scheduler", help="address of an existing Dask cluster (tcp://HOST:PORT)")
    ex.add_argument(
        "--n-topics", type=int, metavar="K", help="topics in the topic model (default: chosen)"
    )
    for flag, option in READ_FLAGS.items():
        ex.add_argument(
            f"--{flag.replace('_', '-')}", dest=flag, help=f"table files: the {option} to read"
        )
    args = parser.parse_args(argv)
    read_options = {
        option: getattr(args, flag)
        for flag, option in READ_FLAGS.items()
        if getattr(args, flag) is not None
    }
    try:
        paths = export(
            args.corpus,
            args.out,
            args.format,
            workers=args.workers,
            scheduler=args.scheduler,
            n_topics=args.n_topics,
            **read_options,
        )
    except CorpusError as exc:
        parser.error(str(exc))
    except RuntimeError as exc:
        print(f"export failed: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    problems = next(p for p in paths if p.stem == "problems")
    n = len(pd.read_parquet(problems) if problems.suffix == ".parquet" else pd.read_csv(problems))
    if n:
        print(f"{n} problems (input or analysis): see {problems.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
