"""Write every table of a corpus to CSV or Parquet, one file per table, for R, spreadsheets or DuckDB.

The tables come from the analysis pass (`newscorpus.analysis`): a corpus that was analysed
before is exported from its cache without recomputing anything; tables are copied part by
part, so memory stays bounded at any corpus size.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newscorpus import analysis, topics
from newscorpus.corpus import Corpus

FORMATS = ("csv", "parquet")


def all_tables(corpus: Corpus, n_topics: int | None = None) -> dict[str, pd.DataFrame]:
    """Every table for an in-memory Corpus: the reader's five plus the analysis tables, and
    topics and topic_terms (`n_topics`: None chosen by `topics.fit_topics`'s rule).

    Articles an analysis cannot handle are listed in `problems` (article_id, analysis, error).
    Raises RuntimeError naming the table when it cannot be built for any article.
    """
    tables = dict(corpus.tables)
    tables.update(analysis.run_steps(corpus))
    tables.update(topics.tables(tables["term_counts"], n_topics))
    return tables


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not supported (expected one of: {', '.join(FORMATS)})")


def _write_frames(frames, path: Path, fmt: str) -> None:
    """Write a sequence of DataFrames (the parts of one table) to one file, part by part."""
    tmp = path.with_name(path.name + ".tmp")
    writer = None
    try:
        for i, frame in enumerate(frames):
            if fmt == "csv":
                frame.to_csv(
                    tmp,
                    index=False,
                    lineterminator="\n",
                    mode="w" if i == 0 else "a",
                    header=i == 0,
                )
            else:
                table = pa.Table.from_pandas(frame, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(tmp, table.schema)
                writer.write_table(table.cast(writer.schema))
    finally:
        if writer is not None:
            writer.close()
    tmp.replace(path)


def export(
    corpus: Corpus | str | os.PathLike,
    out: str | os.PathLike,
    fmt: str = "csv",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool | None = None,
    n_topics: int | None = None,
    **read_options,
) -> list[Path]:
    """Write each table to `out/<table>.<fmt>`; return the paths written, in table order.

    Input: a corpus path (analysed once through the cache, with `read_options` for
    `read_corpus`) or an in-memory Corpus. Output: files articles, paragraphs, sentences,
    tokens, problems, dates, quotes, sources, sentiment, term_counts (and any other analysis
    table), then topics and topic_terms (`n_topics` topics; None: chosen from the corpus; both
    empty when the corpus has too few articles to model). Raises ValueError for
    an unknown format, CorpusError for an unreadable corpus, RuntimeError naming the table
    when a table cannot be built at all.
    """
    _check_format(fmt)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if isinstance(corpus, Corpus):
        for name, table in all_tables(corpus, n_topics).items():
            path = out / f"{name}.{fmt}"
            _write_frames([table], path, fmt)
            written.append(path)
        return written
    folder = analysis.analyse(
        corpus, workers=workers, scheduler=scheduler, progress=progress, **read_options
    )
    for name in analysis.TABLES:
        path = out / f"{name}.{fmt}"
        _write_frames(analysis.read_parts(folder, name), path, fmt)  # part by part, with text
        written.append(path)
    for name in ("topics", "topic_terms"):  # fitted on a sample, assigned part by part
        path = out / f"{name}.{fmt}"
        parts = topics.parts(folder, name, n_topics, workers=workers, scheduler=scheduler)
        _write_frames(parts, path, fmt)
        written.append(path)
    return written
