"""The Corpus container, its table columns and the reader's error type."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ARTICLE_COLUMNS = [
    "article_id",
    "path",
    "title",
    "byline",
    "outlet",
    "published",
    "published_from",
    "dateline",
    "encoding",
    "duplicate_of",
    "text",
    "n_words",
    "n_sentences",
]
PARAGRAPH_COLUMNS = ["article_id", "paragraph_id", "kind", "reason", "text", "start", "end"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "text", "start", "end"]
TOKEN_COLUMNS = [
    "article_id",
    "sentence_id",
    "token",
    "norm",
    "stem",
    "is_stop",
    "is_word",
    "start",
    "end",
]
# `analysis` is "read" for the reader's own rows; the analysis pass adds rows naming its table.
PROBLEM_COLUMNS = ["path", "article_id", "analysis", "problem", "action"]
TABLE_NAMES = ("articles", "paragraphs", "sentences", "tokens", "problems")
PARAGRAPH_KINDS = ["title", "dek", "byline", "caption", "body", "boilerplate"]


class CorpusError(ValueError):
    """A corpus path or parameter that cannot be used at all."""


@dataclass
class Corpus:
    """The tables read from one corpus (a folder of articles or one table file)."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    problems: pd.DataFrame
    folder: Path | None = None

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The five tables by name, in contract order."""
        return {name: getattr(self, name) for name in TABLE_NAMES}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(df)}" for name, df in self.tables.items())
        name = self.folder.name if self.folder is not None else None
        return f"Corpus({name!r}, {sizes})"


def problem(
    path, problem: str, action: str, article_id=None, analysis: str = "read"
) -> dict[str, str | None]:
    """One `problems` row (path, article_id, analysis, problem, action)."""
    return {
        "path": None if path is None else str(path),
        "article_id": article_id,
        "analysis": analysis,
        "problem": problem,
        "action": action,
    }


def problems_frame(rows: list[dict]) -> pd.DataFrame:
    """The `problems` table from row dicts: every column a string column (NA where unknown)."""
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS).astype("str")


def file_item(path: Path, article_id: str) -> tuple[dict, bytes | None]:
    """A file's article input with nothing read yet, and the file's bytes (None when the file
    cannot be read, with a note in the item saying why)."""
    item = {
        "article_id": article_id,
        "path": str(path),
        "text": None,
        "encoding": "",
        "notes": [],
        "has_title": True,
        "meta": {},
    }
    try:
        return item, path.read_bytes()
    except OSError as exc:
        item["notes"].append(f"cannot read file: {exc}")
        return item, None
