"""Rates of chosen terms per period (Voyant's Trends) from the per-article counts alone, every
calendar period from the first to the last kept (an empty month is a row, not a jump)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newscorpus.terms.aggregate import group_counts, group_sums, label_column
from newscorpus.terms.base import PER, trace_keys, trace_selector

TERM_TREND_COLUMNS = [
    "period",
    "term",
    "counted_as",
    "count",
    "rate",
    "n_articles",
    "n_words",
    "n_period_articles",
    "max_count",
]


def term_trends(
    counts: pd.DataFrame | Iterable[pd.DataFrame],
    periods: pd.Series,
    terms: str | Iterable[str] | None = None,
    top_n: int = 8,
    words: pd.Series | None = None,
) -> pd.DataFrame:
    """Rates of terms per period (Voyant's Trends), from per-article counts.

    Input: `counts` (per-article `term_counts` table or its partitions); `periods`, a Series
    article_id -> period label (`newscorpus.groups.assign(articles, "month")`; its category
    order is the time order); `terms`, the terms to trace (matched as counted: lowercase, a
    phrase as its words joined by spaces, shipped aliases folded, so "ISIS" traces "islamic
    state"; a trailing * sums every counted term it begins, `desert*`); without `terms`, the `top_n` most frequent terms of the corpus. `words` as in
    `group_counts`.
    Output: one row per period and term, zeros included: `period` (Categorical in the periods'
    order), `term` (as asked), `counted_as` (the counted term it was looked up as), `count`,
    `rate` (per 10,000 body words of the period; NaN for a period with no article, so a line
    shows a gap there), `n_articles` (articles of the period using it), `n_words` (body words
    of the period), `n_period_articles` (articles of the period with any counted term: the n
    behind each point), `max_count` (the most one article of the period uses it: a point more
    than half of whose count is one article's rests on that article). Calendar periods (`groups.assign(articles, "month")`) are completed
    from the first to the last period of the data, so an empty month is a row, not a jump.
    An empty list of terms (a corpus with no counted term) gives an empty table.
    Raises ValueError for blank terms or top_n < 1, and as `group_counts`.
    """
    if isinstance(top_n, bool) or not isinstance(top_n, (int, np.integer)) or top_n < 1:
        raise ValueError(f"top_n={top_n!r}: expected an integer >= 1")
    if terms is None:
        if not isinstance(counts, pd.DataFrame):
            raise ValueError(
                "terms=None with partitioned counts: pass the terms to trace "
                "(an iterable of partitions can be read only once)"
            )
        overall = group_counts(counts, pd.Series("all", index=periods.index), words=words)
        top = overall["term"].head(top_n).tolist()
        asked = dict(zip(top, top, strict=True))
    else:
        terms = [terms] if isinstance(terms, str) else list(terms)
        if not terms:
            return pd.DataFrame({c: [] for c in TERM_TREND_COLUMNS})  # nothing to trace
        asked = trace_keys(terms)
    categories, table, period_words, period_articles = group_sums(
        counts, periods, "periods", terms=trace_selector(asked.values()), words=words
    )
    table = table.groupby(["label", "term"], as_index=False).agg(
        count=("count", "sum"), n_articles=("n_articles", "sum"), max_count=("max_count", "max")
    )
    categories, period_words, period_articles, where = _all_periods(
        categories, period_words, period_articles
    )
    table["label"] = where[table["label"].to_numpy(dtype=np.int64)]
    rows = []
    for shown, counted in asked.items():
        part = table[table["term"] == counted].set_index("label")
        count = part["count"].reindex(range(len(categories)), fill_value=0).to_numpy()
        n_articles = part["n_articles"].reindex(range(len(categories)), fill_value=0).to_numpy()
        most = part["max_count"].reindex(range(len(categories)), fill_value=0).to_numpy()
        rows.append(
            pd.DataFrame(
                {
                    "label": np.arange(len(categories)),
                    "term": shown,
                    "count": count,
                    "n_articles": n_articles,
                    "max_count": most,
                }
            )
        )
    out = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["label", "term"])
    labels = out["label"].to_numpy(dtype=np.int64)
    n_words = period_words[labels]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n_words > 0, out["count"].to_numpy() / n_words * PER, np.nan)
    result = pd.DataFrame(
        {
            "period": label_column(labels, categories),
            "term": pd.array(out["term"].to_numpy(dtype=object), dtype="str"),
            "counted_as": pd.array(out["term"].map(asked).to_numpy(dtype=object), dtype="str"),
            "count": out["count"].to_numpy(dtype=np.int64),
            "rate": rate,
            "n_articles": out["n_articles"].to_numpy(dtype=np.int64),
            "n_words": n_words,
            "n_period_articles": period_articles[labels],
            "max_count": out["max_count"].to_numpy(dtype=np.int64),
        }
    )
    term_order = np.repeat(np.arange(len(asked)), len(categories))
    result = result.take(np.lexsort((term_order, labels)))
    return result.reset_index(drop=True)[TERM_TREND_COLUMNS]


def _all_periods(
    categories: pd.Index, words: np.ndarray, articles: np.ndarray
) -> tuple[pd.Index, np.ndarray, np.ndarray, np.ndarray]:
    """Calendar-period categories completed from first to last ("no date" kept last), with
    zero words and articles for an added period, and each old code's new code; other labels
    are returned unchanged (codes mapped to themselves)."""
    from newscorpus import groups as grouping  # groups imports nothing from terms

    labels = pd.Series(categories.astype("str"))
    same = np.arange(len(labels), dtype=np.int64)
    if not len(labels) or not grouping.is_periods(labels):
        return categories, words, articles, same
    dated = [v for v in labels if v != grouping.NO_DATE]
    period = _period_kind(next((v for v in dated if not grouping.is_bucket(v)), dated[0]))
    full = grouping.period_range(dated, period) if period else dated
    if len(full) == len(dated):
        return categories, words, articles, same
    order = full + ([grouping.NO_DATE] if len(dated) < len(labels) else [])
    where = pd.Index(order).get_indexer(labels)
    new_words = np.zeros(len(order), dtype=np.int64)
    new_articles = np.zeros(len(order), dtype=np.int64)
    new_words[where] = words
    new_articles[where] = articles
    return pd.Index(order, dtype="str"), new_words, new_articles, where.astype(np.int64)


def _period_kind(label: str) -> str | None:
    """The period a label from `groups.period_labels` is of ("2017-03" -> "month")."""
    for kind, pattern in (
        ("day", r"\d{4}-\d{2}-\d{2}"),
        ("week", r"\d{4}-W\d{2}"),
        ("quarter", r"\d{4}-Q[1-4]"),
        ("month", r"\d{4}-\d{2}"),
        ("year", r"\d{4}"),
    ):
        if re.fullmatch(pattern, label):
            return kind
    return None
