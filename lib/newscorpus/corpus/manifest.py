"""`manifest.csv` beside a folder of articles: metadata that overrides what the text says."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.corpus.dates import parse_date
from newscorpus.corpus.decode import describe_repairs, repair_values
from newscorpus.corpus.model import problem

_PROTECTED = ("text", "path", "n_words", "n_sentences", "encoding", "published_from")
_NOT_REPAIRED = ("article_id", "url", "path", "published")  # ids, addresses and dates as given


def load_manifest(path: Path, problems: list[dict], repair: bool = True) -> pd.DataFrame | None:
    """The manifest's rows (article_id stripped, last row per id kept), or None when unusable.

    Input: the manifest path, the problems list (appended to: unreadable file, no article_id
    column, values repaired). Output: a DataFrame of `str` columns, or None when there is no
    usable manifest; an `author` (or `authors`) column also fills `byline` when there is no
    `byline` column. With `repair`, every text column but article_id, url and published is
    repaired as article text is (`decode.repair`: mojibake such as `GOPÃ¢â‚¬â„¢s` -> `GOP’s`,
    entities, odd spaces and quotes), one `problems` row per repaired value.
    """
    if not path.exists():
        return None
    try:
        manifest = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        problems.append(problem(path, f"unreadable manifest: {exc}", "manifest ignored"))
        return None
    if "article_id" not in manifest.columns:
        problems.append(problem(path, "manifest has no article_id column", "manifest ignored"))
        return None
    manifest["article_id"] = manifest["article_id"].str.strip()
    if repair:
        for col in manifest.columns:
            if col in _NOT_REPAIRED:
                continue
            fixed, done = repair_values(manifest[col])
            if not done:
                continue
            manifest[col] = pd.Series(fixed, index=manifest.index, dtype="str")
            for i, counts in done.items():
                aid = manifest["article_id"].iloc[i]
                what = describe_repairs(counts)[len("text repaired: ") :]
                problems.append(
                    problem(path, f"manifest {col} repaired: {what}", "repaired in place", aid)
                )
    for alias in ("author", "authors"):  # the usual export names for the byline
        if "byline" not in manifest.columns and alias in manifest.columns:
            manifest["byline"] = manifest[alias]
    return manifest


def unknown_rows(manifest: pd.DataFrame, known, path: Path) -> list[dict]:
    """`problems` rows for manifest rows naming no article in `known` (in manifest order)."""
    unknown = ~manifest["article_id"].isin(set(known))
    return [
        problem(path, f"manifest row for unknown article_id {aid!r}", "row ignored", aid)
        for aid in manifest.loc[unknown, "article_id"]
    ]


def apply_manifest(folder: Path, articles: pd.DataFrame, problems: list[dict]) -> pd.DataFrame:
    """`articles` with the manifest's non-empty values in place of the text's.

    Input: the corpus folder, the articles table, the problems list (appended to). Output: the
    articles table; `published` from the manifest sets `published_from = "manifest"`; extra
    columns are added as `str`. An unreadable manifest, one without `article_id`, a row for an
    unknown article or a date that is not a date are `problems` rows, never errors.
    """
    path = folder / "manifest.csv"
    manifest = load_manifest(path, problems)
    if manifest is None:
        return articles
    problems.extend(unknown_rows(manifest, articles["article_id"], path))
    return merge_manifest(manifest, articles, problems, path)


def merge_manifest(
    manifest: pd.DataFrame, articles: pd.DataFrame, problems: list[dict], path: Path
) -> pd.DataFrame:
    """`articles` with the non-empty values of `manifest` rows (from `load_manifest`) applied.

    Rows for articles not in `articles` are ignored here (`unknown_rows` reports them); a
    `published` value that is not a date is a `problems` row (appended to `problems`).
    """
    manifest = manifest[manifest["article_id"].isin(set(articles["article_id"]))]
    manifest = manifest.drop_duplicates("article_id", keep="last")
    manifest = manifest.set_index("article_id")
    articles = articles.set_index("article_id", drop=False)
    for col in manifest.columns:
        if col in _PROTECTED:
            continue
        values = manifest[col].str.strip()
        values = values[values != ""]
        if values.empty:
            if col not in articles.columns:
                articles[col] = pd.Series(pd.NA, index=articles.index, dtype="str")
            continue
        if col == "published":
            parsed = pd.Series(
                np.array([parse_date(v) for v in values], dtype="datetime64[s]"),
                index=values.index,
            )
            for aid, value in values[parsed.isna()].items():
                problems.append(
                    problem(
                        path,
                        f"manifest published {value!r} for {aid} is not a date",
                        "date from text kept",
                        aid,
                    )
                )
            parsed = parsed.dropna()
            articles.loc[parsed.index, "published"] = parsed
            articles.loc[parsed.index, "published_from"] = "manifest"
            continue
        if col not in articles.columns:
            articles[col] = pd.Series(pd.NA, index=articles.index, dtype="str")
        articles.loc[values.index, col] = values
    return articles.reset_index(drop=True)
