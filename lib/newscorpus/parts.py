"""The analysis cache's storage: each table a folder of Parquet parts, one per partition.

`<cache>/<table>/part-NNNNN.parquet`; text is stored once, in articles.text, and the
paragraphs' and sentences' `text` is cut back out of it when they are read.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from pandas.api.types import union_categoricals

# Text is stored once, in articles.text: these tables keep offsets (start, end) into it and
# get their `text` column back when loaded (`Analysis.table`, `read_parts`).
TEXT_FROM_ARTICLES = {"paragraphs": 4, "sentences": 3}  # table -> position of its text column


def publish(tmp: Path, final: Path) -> None:
    """Move a finished temporary folder into place; another process may have won the race."""
    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp.rename(final)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)


def write_part(table: pd.DataFrame, folder: Path, part: int) -> None:
    """One partition's rows of a table as `<folder>/part-NNNNN.parquet` (text stored once)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if folder.name in TEXT_FROM_ARTICLES and "text" in table.columns:
        table = table.drop(columns="text")
    table = compact(table)
    table.to_parquet(folder / f"part-{part:05d}.parquet", index=False)


_INT32_COLUMNS = ("sentence_id", "paragraph_id", "start", "end")  # ids and text offsets


def compact(table: pd.DataFrame) -> pd.DataFrame:
    """64-bit ids and offsets as 32-bit (when they fit): half the bytes on disk and on load."""
    wide = [
        c
        for c in _INT32_COLUMNS
        if c in table.columns
        and table[c].dtype == "int64"
        and (not len(table) or (table[c].min() >= -(2**31) and table[c].max() < 2**31))
    ]
    return table.astype({c: "int32" for c in wide}) if wide else table


def part_files(folder: Path) -> list[Path]:
    """The Parquet parts of one table folder, in order. Raises FileNotFoundError when none."""
    parts = sorted(Path(folder).glob("part-*.parquet"))
    if not parts:
        raise FileNotFoundError(f"no Parquet parts in {folder}")
    return parts


def concat_parts(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Parts of one table as one frame; a categorical article_id stays one categorical."""
    non_empty = [f for f in frames if len(f)] or frames[:1]
    if len(non_empty) == 1:
        return non_empty[0].reset_index(drop=True)
    cats = [
        f["article_id"]
        for f in non_empty
        if "article_id" in f and isinstance(f["article_id"].dtype, pd.CategoricalDtype)
    ]
    if len(cats) == len(non_empty):
        ids = union_categoricals(cats)
        out = pd.concat([f.drop(columns="article_id") for f in non_empty], ignore_index=True)
        out.insert(list(non_empty[0].columns).index("article_id"), "article_id", ids)
        return out
    return pd.concat(non_empty, ignore_index=True)


def text_map(articles: pd.DataFrame) -> dict[str, str]:
    """{article_id: text} of an articles table (article_id and text columns)."""
    return dict(zip(articles["article_id"].astype("str"), articles["text"], strict=True))


def texts_of(table: pd.DataFrame, texts: dict[str, str]) -> list[str]:
    """Each row's text: its article's text between `start` and `end`, a newline read as a space
    (a span across a hard-wrapped line, as the reader's paragraph and sentence texts)."""
    ids = table["article_id"].astype("str").tolist()
    return [
        texts[a][s:e].replace("\n", " ")
        for a, s, e in zip(ids, table["start"].tolist(), table["end"].tolist(), strict=True)
    ]


def with_text(name: str, table: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Table `name` with its `text` column restored from `texts` (paragraphs, sentences)."""
    if name not in TEXT_FROM_ARTICLES or "text" in table.columns or "start" not in table:
        return table
    table = table.copy()
    where = min(TEXT_FROM_ARTICLES[name], len(table.columns))
    table.insert(where, "text", pd.array(texts_of(table, texts), dtype="str"))
    return table


def _read_one(path: Path, articles: list[str] | None, columns: list[str] | None):
    if articles is not None and not len(articles):  # no ids: the columns, no rows, nothing read
        schema = pq.read_schema(path)
        names = columns if columns is not None else schema.names
        return schema.empty_table().select(names).to_pandas()
    filters = [("article_id", "in", list(articles))] if articles is not None else None
    return pd.read_parquet(path, columns=columns, filters=filters)


class Parts:
    """Table `name` of an analysis cache folder part by part, readable any number of times:
    each iteration reads the Parquet files again (`read_parts`), so an aggregate may make two
    passes (first the frequent terms, then their sums) without holding the table whole.
    `select(columns)` is the same table with fewer columns read."""

    def __init__(self, folder, name: str, articles=None, columns=None):
        self.folder, self.name = Path(folder), name
        self.articles = None if articles is None else [str(a) for a in articles]
        self.columns = None if columns is None else list(columns)

    def __iter__(self):
        return read_parts(self.folder, self.name, articles=self.articles, columns=self.columns)

    def select(self, columns: Iterable[str]) -> Parts:
        """The same parts with only `columns` read."""
        return Parts(self.folder, self.name, self.articles, columns)

    def __repr__(self) -> str:
        return f"Parts({self.name!r} of {self.folder.name!r}, columns={self.columns})"


def read_parts(
    folder: str | os.PathLike,
    name: str,
    articles: Iterable[str] | None = None,
    columns: Iterable[str] | None = None,
):
    """Yield table `name` of an analysis cache folder part by part (each a DataFrame).

    `articles` keeps those ids only and `columns` those columns (both read with Parquet
    filters, so nothing else is loaded); paragraphs and sentences get their `text` from
    articles.text. For writing a large table out without holding it whole (`export`).
    """
    folder = Path(folder)
    ids = None if articles is None else [str(a) for a in articles]
    cols = None if columns is None else list(columns)
    needs_text = name in TEXT_FROM_ARTICLES and (cols is None or "text" in cols)
    read_cols = cols
    if needs_text and cols is not None:
        read_cols = list(dict.fromkeys(["article_id", "start", "end"] + cols))
        read_cols.remove("text")
    for i, path in enumerate(part_files(folder / name)):
        part = _read_one(path, ids, read_cols)
        if needs_text:
            arts = folder / "articles" / path.name
            if not arts.exists():  # a variant folder: parts align with the articles' parts
                arts = part_files(folder / "articles")[i]
            wanted = part["article_id"].astype("str").unique().tolist()
            texts = _read_one(arts, wanted, ["article_id", "text"])
            part = with_text(name, part, text_map(texts))
            if cols is not None:
                part = part[cols]
        yield part


def read_table(folder: Path, articles=None, columns=None) -> pd.DataFrame:
    """One table folder as one DataFrame (some articles' rows, some columns when given)."""
    folder = Path(folder)
    table = concat_parts(list(read_parts(folder.parent, folder.name, articles, columns)))
    if "published" in table.columns and folder.name == "articles":
        # Parquet has no second unit: `published` comes back in ms; the contract is seconds.
        table["published"] = table["published"].astype("datetime64[s]")
    return table


def columns_of(folder: str | os.PathLike) -> list[str]:
    """The column names of a table folder (from its first part's schema; [] with no parts)."""
    files = part_files(Path(folder))
    return list(pq.read_schema(files[0]).names) if files else []


def row_count(folder: str | os.PathLike) -> int:
    """Rows of a table folder, from the Parquet footers (nothing else is read)."""
    return sum(pq.ParquetFile(p).metadata.num_rows for p in part_files(Path(folder)))


SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "text"]


def sentences_of(sentences, article_ids) -> pd.DataFrame:
    """The sentences of these articles (article_id, sentence_id, start, end, text): the rows
    of a `sentences` table in memory, or read from an analysed corpus (`Analysis`, anything
    with `table`) with Parquet filters, so the whole table is never loaded."""
    ids = sorted({str(a) for a in article_ids})
    if isinstance(sentences, pd.DataFrame):
        return sentences[sentences["article_id"].astype("str").isin(ids)]
    return sentences.table("sentences", articles=ids, columns=SENTENCE_COLUMNS)


def sentences_at(sentences, keys: pd.DataFrame) -> pd.DataFrame:
    """The sentences that `keys` (article_id, sentence_id rows, e.g. the dates table) point at:
    article_id, sentence_id, start, end, text. A `sentences` table in memory is filtered; an
    analysed corpus (`Analysis`) is read part by part, keeping only those sentences."""
    wanted = keys[["article_id", "sentence_id"]].astype(
        {"article_id": "str", "sentence_id": "int64"}
    )
    wanted = wanted.drop_duplicates()
    if isinstance(sentences, pd.DataFrame):
        frames = [sentences]
    elif hasattr(sentences, "parts"):  # an analysed corpus
        frames = sentences.parts("sentences", columns=SENTENCE_COLUMNS)
    else:  # a Corpus
        frames = [sentences.sentences]
    want = pd.MultiIndex.from_frame(wanted)
    found = []
    for part in frames:
        at = [part["article_id"].astype("str"), part["sentence_id"].astype("int64")]
        found.append(part[pd.MultiIndex.from_arrays(at).isin(want)])
    if not found:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in SENTENCE_COLUMNS})
    return concat_parts(found).reset_index(drop=True)


def article_metadata(data) -> pd.DataFrame:
    """Every column of an analysis's `articles` table but `text` and `path` (one row per
    article), read from its cache without the text, so a view that needs titles, outlets,
    dates and counts does not hold the corpus's text (500 MB at 100,000 articles)."""
    columns = [c for c in columns_of(data.folder / "articles") if c not in ("text", "path")]
    return data.table("articles", columns=columns)


def paragraph_words(data) -> pd.DataFrame:
    """The `paragraphs` table with each paragraph's word count and the text of the paragraphs
    set aside only, read part by part (the body's text is never held whole).

    Output: the paragraphs table's columns (article_id, paragraph_id, kind, reason, start, end),
    `n_words` (runs of non-space characters, int64) and `text` (the paragraph's text where kind
    is not "body", missing for body paragraphs), one row per paragraph.
    """
    frames = []
    for part in data.parts("paragraphs"):
        words = part["text"].str.count(r"\S+").fillna(0).astype("int64")
        text = part["text"].where(part["kind"].astype("str") != "body")
        frames.append(part.assign(n_words=words.to_numpy(), text=text))
    return concat_parts(frames)
