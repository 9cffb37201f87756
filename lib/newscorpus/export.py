"""Write every table of a corpus to CSV or Parquet, one file per table, for R, spreadsheets or DuckDB."""

from __future__ import annotations

import importlib
import os
import warnings
from pathlib import Path

import pandas as pd

from newscorpus.corpus import Corpus

FORMATS = ("csv", "parquet")
# Analysis tables: (table name, module, function). Each function takes the Corpus.
ANALYSES = [
    ("dates", "newscorpus.timeline", "find_dates"),
    ("quotes", "newscorpus.sources", "find_quotes"),
    ("sources", "newscorpus.sources", "find_sources"),
    ("sentiment", "newscorpus.sentiment", "score_sentences"),
]


def all_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The reader's tables plus every analysis table the installed modules produce."""
    tables = dict(corpus.tables)
    for name, module_name, function in ANALYSES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if not hasattr(module, function):
            continue
        try:
            tables[name] = getattr(module, function)(corpus)
        except Exception as exc:  # one failing analysis must not stop the others being exported
            warnings.warn(f"{name} table not exported: {type(exc).__name__}: {exc}", stacklevel=2)
    return tables


def export(corpus: Corpus, out: str | os.PathLike, fmt: str = "csv") -> list[Path]:
    """Write each table to `out/<table>.<fmt>`; return the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not supported (expected one of: {', '.join(FORMATS)})")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in all_tables(corpus).items():
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            table.to_csv(path, index=False, lineterminator="\n")
        else:
            table.to_parquet(path, index=False)
        written.append(path)
    return written
