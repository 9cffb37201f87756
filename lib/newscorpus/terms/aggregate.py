"""Group-level term tables built from the per-article counts alone, never from tokens.

The analysis pass stores `term_counts(corpus, by="article", ngram_range=(1, 3))` once per
partition of articles. These functions take that table (or an iterable of its partitions, or a
folder of them as Parquet files, so the whole per-article table never has to sit in memory at
once) with one label per article (`newscorpus.groups.assign`: a Series article_id -> group or
period) and give:

- `group_counts`: term x group counts and rates per 10,000 body words;
- `group_keyness`: each group against the rest of the corpus, Dunning log-likelihood with both
  counts and the log ratio effect size, signed by over- or under-use;
- (`period_trends.term_trends`: rates of chosen terms per period, Voyant's Trends, built on `group_sums`);
- `collocations_from_counts`: adjacent pairs scored by G2 and PMI against their words' counts;
- `top_keyness`: the few key terms of each group, with both counts.

Each partition is reduced to (group, term) sums before the partitions are combined, so memory
grows with the number of distinct terms, not with the number of articles.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newscorpus.terms.base import PER, ll_2x2

GROUP_COUNT_COLUMNS = [
    "group",
    "term",
    "ngram",
    "count",
    "rate",
    "n_articles",
    "n_words",
    "max_count",
]
_NEEDED = ("article_id", "term", "ngram", "count", "n_words")


def count_partitions(counts) -> Iterable[pd.DataFrame]:
    """The per-article counts one partition at a time: a DataFrame, an iterable of them, or a
    folder of Parquet files (one partition each, read in name order). TypeError for anything
    else (a string that is no folder, a number)."""
    if isinstance(counts, pd.DataFrame):
        yield counts
        return
    if isinstance(counts, (str, os.PathLike)) and Path(counts).is_dir():
        for path in sorted(Path(counts).glob("*.parquet")):
            yield pd.read_parquet(path)
        return
    if isinstance(counts, (str, bytes, os.PathLike)) or not isinstance(counts, Iterable):
        raise TypeError(
            f"counts={counts!r:.80}: expected a DataFrame from term_counts(corpus, by='article'), "
            "an iterable of such DataFrames (partitions) or a folder of them as Parquet files"
        )
    yield from counts


def _reiterable(counts) -> bool:
    """Can `counts` be read twice (a list, a folder, `Analysis.parts`), unlike a generator?"""
    if isinstance(counts, pd.DataFrame):
        return False
    if isinstance(counts, (str, os.PathLike)):
        return Path(counts).is_dir()
    return isinstance(counts, Iterable) and iter(counts) is not counts


def frequent_terms(counts, min_total: int) -> pd.Index:
    """The terms used at least `min_total` times in the whole corpus.

    Input: per-article counts as `count_partitions` takes them (read once more here, only the
    term and count columns when `counts` is `Analysis.parts`); output: an Index of terms. A
    first pass of `group_sums` on partitions, so the (group, term) sums hold only these terms:
    at 100,000 articles most of the 2.8 million distinct 1-3-grams occur once or twice, and
    summing them all per group took 3.5 GiB. Memory follows the distinct terms (strings once).
    """
    select = getattr(counts, "select", None)
    parts = select(["term", "count"]) if callable(select) else counts
    totals: list[pd.Series] = []
    combined = 0

    def combine(series: list[pd.Series]) -> list[pd.Series]:
        return [pd.concat(series).groupby(level=0, sort=False).sum()]

    for part in count_partitions(parts):
        term, vocab = _codes(part["term"])
        ok = term >= 0
        sums = np.bincount(term[ok], weights=part["count"].to_numpy()[ok], minlength=len(vocab))
        used = sums > 0
        totals.append(pd.Series(sums[used], index=vocab[used].astype("str")))
        if len(totals) > 1 and sum(len(t) for t in totals) > 2 * combined + 1_000_000:
            totals = combine(totals)
            combined = len(totals[0])
    if not totals:
        return pd.Index([], dtype="str")
    total = combine(totals)[0] if len(totals) > 1 else totals[0]
    return total.index[total.to_numpy() >= min_total]


def is_group_table(counts) -> bool:
    """Is `counts` a `group_counts` table (a group column, no article_id) rather than
    per-article counts?"""
    return (
        isinstance(counts, pd.DataFrame)
        and "group" in counts.columns
        and "article_id" not in counts.columns
    )


def group_table_parts(table: pd.DataFrame) -> tuple[pd.Index, pd.DataFrame, np.ndarray]:
    """A `group_counts` table as (group categories, rows with label codes, words per group)."""
    missing = [c for c in GROUP_COUNT_COLUMNS[:-1] if c not in table.columns]
    if missing:
        raise ValueError(
            f"counts is missing column(s) {', '.join(missing)}: expected a group_counts table "
            "or the per-article term_counts table"
        )
    label, categories = _codes(table["group"])
    categories = pd.Index(pd.Series(categories, dtype="object").astype("str"))
    rows = pd.DataFrame(
        {
            "label": label,
            "ngram": table["ngram"].to_numpy(dtype=np.int64),
            "count": table["count"].to_numpy(dtype=np.int64),
            "n_articles": table["n_articles"].to_numpy(dtype=np.int64),
            "term": table["term"].to_numpy(dtype=object),
        }
    )
    if "max_count" in table.columns:  # a table from before the column has none
        rows["max_count"] = table["max_count"].to_numpy(dtype=np.int64)
    words = np.zeros(len(categories), dtype=np.int64)
    per_group = pd.Series(table["n_words"].to_numpy(dtype=np.int64)).groupby(label).first()
    words[per_group.index.to_numpy(dtype=np.int64)] = per_group.to_numpy()
    return categories, rows, words


def _check_counts(part: pd.DataFrame) -> None:
    missing = [c for c in _NEEDED if c not in part.columns]
    if missing:
        raise ValueError(
            f"counts is missing column(s) {', '.join(missing)}: expected the table of "
            "term_counts(corpus, by='article') (article_id, term, ngram, count, n_words)"
        )


def _check_labels(groups: pd.Series, name: str) -> tuple[pd.Index, pd.Series]:
    """Label categories in their order, and article_id -> label code."""
    if not isinstance(groups, pd.Series):
        raise TypeError(
            f"{name}={type(groups).__name__}: expected a Series article_id -> label "
            "(newscorpus.groups.assign)"
        )
    if isinstance(groups.dtype, pd.CategoricalDtype):
        labels = groups.cat.remove_unused_categories()
        categories = pd.Index(labels.cat.categories.astype("str"))
        codes = pd.Series(labels.cat.codes.to_numpy(), index=groups.index.astype("str"))
    else:
        values = groups.astype("str")
        categories = pd.Index(sorted(values.dropna().unique()), dtype="str")
        codes = pd.Series(categories.get_indexer(values), index=groups.index.astype("str"))
    return categories, codes


def _codes(column: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes and distinct values of a column (a Categorical's own codes when it is one,
    without a copy)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(), pd.Index(column.cat.categories)
    codes, uniques = pd.factorize(column)
    return codes, pd.Index(uniques)


def _take(values: pd.Index, index: np.ndarray) -> np.ndarray:
    """values[index] as Python strings, only for the rows asked (a vocabulary has millions)."""
    return values.take(index).to_numpy(dtype=object) if len(index) else np.zeros(0, dtype=object)


CHUNK_ROWS = 2_000_000  # rows summed at a time, so temporary arrays stay small at any size


def _reduce(
    part: pd.DataFrame,
    codes: pd.Series,
    name: str,
    terms: Callable | None,
    min_total: int = 1,
    kept: pa.Array | None = None,
) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """One partition summed per (label code, term): counts, articles; words and articles per label.

    Rows are summed in chunks of CHUNK_ROWS on integer keys; words per article are taken once
    per article over the whole partition. `kept` (`frequent_terms`) leaves the other terms out.
    """
    _check_counts(part)
    article, ids = _codes(part["article_id"])
    # body words of each article (the same on every row of an article), and its label
    present = np.zeros(len(ids), dtype=bool)
    present[article] = True
    words = np.zeros(len(ids), dtype=np.int64)
    words[article] = part["n_words"].to_numpy()
    label = codes.reindex(ids.astype("str")).to_numpy(dtype=float)
    # an article absent from the labels is left out: groups.assign leaves duplicates out
    present &= ~np.isnan(label)
    missing = present & (label < 0)
    if missing.any():
        bad = ids[missing]
        raise ValueError(
            f"{name} has no label for {len(bad)} article(s) of counts, e.g. {bad[0]!r}: "
            "expected one label per article_id (newscorpus.groups.assign(articles, ...))"
        )
    label = np.where(present, label, -1).astype(np.int64)
    used = label >= 0
    label_words = pd.Series(words[used]).groupby(label[used]).sum()
    label_articles = pd.Series(label[used]).value_counts()
    term, vocab = _codes(part["term"])
    ngram_all, count_all = part["ngram"].to_numpy(), part["count"].to_numpy()
    lut = None  # original term code -> code in `vocab`, -1 to drop the row
    if min_total > 1:  # terms used fewer times in this table are dropped before summing
        totals = np.zeros(len(vocab), dtype=np.float64)
        for a in range(0, len(part), CHUNK_ROWS):  # chunks: no table-length temporaries
            t, n = term[a : a + CHUNK_ROWS], count_all[a : a + CHUNK_ROWS]
            totals += np.bincount(t[t >= 0], weights=n[t >= 0], minlength=len(vocab))
        lut = np.where(totals >= min_total, np.arange(len(vocab)), -1)
    if kept is not None:  # an Arrow set lookup: no Python string per term of the vocabulary
        known = pc.is_in(pa.array(vocab, type=pa.string()), value_set=kept)
        lut = np.where(known.to_numpy(zero_copy_only=False), np.arange(len(vocab)), -1)
    if terms is not None:  # only the traced terms, each counted term renamed to its trace key
        renamed = terms(vocab)
        wanted = pd.notna(renamed) & (lut >= 0 if lut is not None else True)
        new_codes, new_vocab = pd.factorize(renamed[wanted])
        lut = np.full(len(renamed), -1, dtype=np.int64)
        lut[np.flatnonzero(wanted)] = new_codes
        vocab = pd.Index(new_vocab)
    span = max(len(vocab), 1) * 4
    sums: list[pd.DataFrame] = []
    combined = 0  # rows of the last combined table

    def combine(frames: list[pd.DataFrame]) -> list[pd.DataFrame]:
        inverse, keys = pd.factorize(np.concatenate([f["key"].to_numpy() for f in frames]))
        sums = {
            column: np.bincount(
                inverse,
                weights=np.concatenate([f[column].to_numpy() for f in frames]),
                minlength=len(keys),
            )
            for column in ("count", "n_articles")
        }
        sums["max_count"] = np.zeros(len(keys))
        np.maximum.at(sums["max_count"], inverse, np.concatenate([f["max_count"] for f in frames]))
        return [pd.DataFrame({"key": np.asarray(keys, dtype=np.int64), **sums})]

    for a in range(0, len(part), CHUNK_ROWS):
        rows = slice(a, a + CHUNK_ROWS)
        t = term[rows].astype(np.int64)
        if lut is not None:
            t = np.where(t >= 0, lut[np.maximum(t, 0)], -1)
        keep = (t >= 0) & (label[article[rows]] >= 0)  # unlabelled articles are not counted
        key = label[article[rows][keep]] * span + t[keep] * 4 + ngram_all[rows][keep]
        inverse, keys = pd.factorize(key)
        count = count_all[rows][keep]
        most = np.zeros(len(keys))  # the most one article uses the term
        np.maximum.at(most, inverse, count)
        sums.append(
            pd.DataFrame(
                {
                    "key": np.asarray(keys, dtype=np.int64),
                    "count": np.bincount(inverse, weights=count, minlength=len(keys)),
                    "n_articles": np.bincount(inverse, minlength=len(keys)),
                    "max_count": most,
                }
            )
        )
        # combine once the pending rows double, so memory follows the distinct keys
        if len(sums) > 1 and sum(len(f) for f in sums) > 2 * combined + CHUNK_ROWS:
            sums = combine(sums)
            combined = len(sums[0])
    if len(sums) > 1:
        summed = combine(sums)[0]
    elif sums:
        summed = sums[0]
    else:
        summed = pd.DataFrame(
            {"key": np.zeros(0, np.int64), "count": [], "n_articles": [], "max_count": []}
        )
    keys = summed["key"].to_numpy(dtype=np.int64)
    out = pd.DataFrame(
        {
            "label": keys // span,
            "ngram": keys % 4,
            "count": summed["count"].to_numpy().astype(np.int64),
            "n_articles": summed["n_articles"].to_numpy().astype(np.int64),
            "max_count": summed["max_count"].to_numpy().astype(np.int64),
            "term": _take(vocab, keys % span // 4),
        }
    )
    return out, label_words, label_articles


def group_sums(
    counts: pd.DataFrame | Iterable[pd.DataFrame],
    groups: pd.Series,
    name: str,
    terms: Callable | None = None,
    words: pd.Series | None = None,
    min_total: int = 1,
) -> tuple[pd.Index, pd.DataFrame, np.ndarray, np.ndarray]:
    """(label categories, summed rows with label codes, words per label, articles per label)."""
    categories, codes = _check_labels(groups, name)
    parts, label_words, label_articles = [], [], []
    single = isinstance(counts, pd.DataFrame)
    # partitions read twice: the corpus's frequent terms first, then only their sums
    kept = None
    if min_total > 1 and _reiterable(counts):
        kept = pa.array(frequent_terms(counts, min_total), type=pa.string())
    combined = 0  # rows of the last combined table

    def combine(frames: list[pd.DataFrame]) -> list[pd.DataFrame]:
        both = pd.concat(frames, ignore_index=True)
        summed = both.groupby(["label", "term", "ngram"], sort=False, as_index=False)
        return [
            summed.agg(
                count=("count", "sum"),
                n_articles=("n_articles", "sum"),
                max_count=("max_count", "max"),
            )
        ]

    for part in count_partitions(counts):
        # one table: rare terms dropped before summing; partitions: by `kept`, or (read once)
        # only once all are summed
        summed, lw, la = _reduce(part, codes, name, terms, min_total if single else 1, kept)
        parts.append(summed)
        label_words.append(lw)
        label_articles.append(la)
        # combine once the pending rows double: memory follows distinct terms, not articles,
        # and each row is combined a bounded number of times
        if len(parts) > 1 and sum(len(p) for p in parts) > 2 * combined + 1_000_000:
            parts = combine(parts)
            combined = len(parts[0])
    if len(parts) > 1:
        parts = combine(parts)
    columns = ["label", "ngram", "count", "n_articles", "max_count", "term"]
    table = parts[0] if parts else pd.DataFrame({c: [] for c in columns})
    n = len(categories)
    group_words = np.zeros(n, dtype=np.int64)
    group_articles = np.zeros(n, dtype=np.int64)
    for lw in label_words:
        group_words[lw.index.to_numpy(dtype=np.int64)] += lw.to_numpy(dtype=np.int64)
    for la in label_articles:
        group_articles[la.index.to_numpy(dtype=np.int64)] += la.to_numpy(dtype=np.int64)
    if words is not None:  # exact body words per label, counting articles with no terms too
        w = pd.Series(words.to_numpy(dtype=np.int64), index=words.index.astype("str"))
        lab = codes.reindex(w.index)
        known = lab.notna() & (lab >= 0)
        group_words = np.bincount(
            lab[known].to_numpy(dtype=np.int64), weights=w[known].to_numpy(), minlength=n
        ).astype(np.int64)
    table = table.astype(
        {"label": "int64", "ngram": "int64", "count": "int64", "max_count": "int64"}
    )
    return categories, table, group_words, group_articles


def label_column(codes: np.ndarray, categories: pd.Index, ordered: bool = True) -> pd.Categorical:
    """A categorical of group labels from integer `codes` into `categories` (as str)."""
    return pd.Categorical.from_codes(
        codes.astype(np.int64), categories=categories.astype("str"), ordered=ordered
    )


def group_counts(
    counts: pd.DataFrame | Iterable[pd.DataFrame],
    groups: pd.Series,
    min_count: int = 1,
    words: pd.Series | None = None,
    min_total: int = 1,
) -> pd.DataFrame:
    """Term x group counts and rates per 10,000 body words, from per-article counts.

    Input: `counts`, the table of `term_counts(corpus, by="article", ...)` (article_id, term,
    ngram, count, n_words) or an iterable of such tables (partitions); `groups`, a Series
    article_id -> label (`newscorpus.groups.assign`); `min_count`, the least count a term needs
    in a group to be listed there; `words`, optional Series article_id -> body words
    (`articles.n_words`) so articles with no counted term still count in a group's words
    (without it, a group's words are those of the articles in `counts`); `min_total`, the least
    count a term needs in the whole corpus to be listed at all (on one table, rare terms are
    dropped before summing, which keeps a 100,000-article table small: most 3-grams occur
    once).
    Output: one row per group and term used in it: `group` (Categorical, groups' order),
    `term`, `ngram`, `count`, `rate` (per 10,000 body words of the group), `n_articles`
    (articles of the group using the term), `n_words` (body words of the group), `max_count`
    (the most any one article of the group uses the term: a count carried by one article
    shows). Sorted by
    group, count (highest first), term.
    Articles of `counts` absent from `groups` are not counted (`groups.assign` leaves reprinted
    duplicates out by default). Raises ValueError when `counts` lacks a column or an article's
    label is missing (NA), TypeError when `counts` or `groups` is of the wrong kind.
    """
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count={min_count!r}: expected an integer >= 1")
    if isinstance(min_total, bool) or not isinstance(min_total, (int, np.integer)) or min_total < 1:
        raise ValueError(f"min_total={min_total!r}: expected an integer >= 1")
    categories, table, group_words, _ = group_sums(
        counts, groups, "groups", words=words, min_total=min_total
    )
    if min_total > 1 and not isinstance(counts, pd.DataFrame) and not _reiterable(counts):
        table = table[table.groupby(["term", "ngram"])["count"].transform("sum") >= min_total]
    table = table[table["count"] >= min_count]
    labels = table["label"].to_numpy(dtype=np.int64)
    n_words = group_words[labels]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n_words > 0, table["count"].to_numpy() / n_words * PER, np.nan)
    out = pd.DataFrame(
        {
            "group": label_column(labels, categories),
            "term": pd.array(table["term"].to_numpy(dtype=object), dtype="str"),
            "ngram": table["ngram"].to_numpy(dtype=np.int64),
            "count": table["count"].to_numpy(dtype=np.int64),
            "rate": rate,
            "n_articles": table["n_articles"].to_numpy(dtype=np.int64),
            "n_words": n_words,
            "max_count": table["max_count"].to_numpy(dtype=np.int64),
        }
    )
    out = out.sort_values(
        ["group", "count", "term"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)
    return out[GROUP_COUNT_COLUMNS]


def log_likelihood(a, b, c, d) -> np.ndarray:
    """Dunning's log-likelihood G2 as Rayson & Garside (2000) compute it for two corpora.

    a, b: the term's counts in corpus 1 and 2; c, d: the corpora's sizes in words.
    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G2 = 2(a ln(a/E1) + b ln(b/E2)); a zero count adds 0.
    3.84 is p < 0.05, 10.83 p < 0.001 (1 degree of freedom). Arrays in, float array out.
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    with np.errstate(divide="ignore", invalid="ignore"):
        e1 = c * (a + b) / (c + d)
        e2 = d * (a + b) / (c + d)
        g2 = 2 * (
            np.where(a > 0, a * np.log(a / e1), 0.0) + np.where(b > 0, b * np.log(b / e2), 0.0)
        )
    return g2


def log_ratio(a, b, c, d) -> np.ndarray:
    """Hardie's (2014) Log Ratio: log2 of the ratio of the two relative frequencies.

    a, b: counts in corpus 1 and 2; c, d: sizes. A zero count is taken as 0.5 so the ratio stays
    finite. +1 means twice as frequent in corpus 1, -1 half as frequent.
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))


COLLOCATION_COUNT_COLUMNS = [
    "collocation",
    "count",
    "n_articles",
    "count_first",
    "count_second",
    "log_likelihood",
    "pmi",
]


def _term_totals(counts: pd.DataFrame | Iterable[pd.DataFrame]) -> tuple[pd.DataFrame, int]:
    """Corpus totals per (term, ngram): count and articles; and the corpus's body words."""
    totals, words = [], 0
    for part in count_partitions(counts):
        _check_counts(part)
        article, _ = _codes(part["article_id"])
        n_words = np.zeros(int(article.max()) + 1 if len(article) else 0, dtype=np.int64)
        n_words[article] = part["n_words"].to_numpy(dtype=np.int64)
        words += int(n_words.sum())
        term, vocab = _codes(part["term"])
        key = term.astype(np.int64) * 4 + part["ngram"].to_numpy(dtype=np.int64)
        inverse, keys = pd.factorize(key)
        keys = np.asarray(keys, dtype=np.int64)
        totals.append(
            pd.DataFrame(
                {
                    "term": _take(vocab, keys // 4),
                    "ngram": keys % 4,
                    "count": np.bincount(
                        inverse, weights=part["count"].to_numpy(), minlength=len(keys)
                    ).astype(np.int64),
                    "n_articles": np.bincount(inverse, minlength=len(keys)).astype(np.int64),
                }
            )
        )
        if len(totals) > 1:
            both = pd.concat(totals, ignore_index=True)
            totals = [both.groupby(["term", "ngram"], as_index=False, sort=False).sum()]
    empty = pd.DataFrame({"term": [], "ngram": [], "count": [], "n_articles": []})
    return (totals[0] if totals else empty), words


def collocations_from_counts(
    counts: pd.DataFrame | Iterable[pd.DataFrame], min_count: int = 3, top_n: int | None = 20
) -> pd.DataFrame:
    """Two-unit collocations scored from the stored counts (no tokens needed).

    Input: per-article `term_counts(..., ngram_range=(1, 3))` (or its partitions, or a
    `group_counts` table of it made with min_count 1), which hold
    every pair of adjacent content units in a sentence (`ngram` 2) and every unit (`ngram` 1).
    A pair's score compares its count with its units' counts over the corpus's body words N:
    Dunning's log-likelihood G2 of the 2x2 table (Dunning 1993; >= 10.83 is p < 0.001) and
    PMI = log2(count x N / (count_first x count_second)) (Church & Hanks 1990). Pairs seen fewer
    than `min_count` times are left out.
    Output: `collocation`, `count`, `n_articles`, `count_first`, `count_second`,
    `log_likelihood`, `pmi`; the `top_n` highest G2 (all with top_n None). Raises ValueError
    for min_count < 1.
    """
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count={min_count!r}: expected an integer >= 1")
    if top_n is not None and (
        isinstance(top_n, bool) or not isinstance(top_n, (int, np.integer)) or top_n < 1
    ):
        raise ValueError(f"top_n={top_n!r}: expected an integer >= 1 or None")
    if is_group_table(counts):
        _, rows, group_words = group_table_parts(counts)
        totals = rows.groupby(["term", "ngram"], as_index=False, sort=False)[
            ["count", "n_articles"]
        ].sum()
        words = int(group_words.sum())
    else:
        totals, words = _term_totals(counts)
    unigram = totals[totals["ngram"] == 1].set_index("term")["count"]
    pairs = totals[(totals["ngram"] == 2) & (totals["count"] >= min_count)]
    if pairs.empty or not words:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLLOCATION_COUNT_COLUMNS})
    first, second = [], []
    known = set(unigram.index)
    for pair in pairs["term"]:
        # a unit may be a name with spaces: split where both sides are counted units
        cuts = [i for i, ch in enumerate(pair) if ch == " "]
        cut = next((i for i in cuts if pair[:i] in known and pair[i + 1 :] in known), cuts[0])
        first.append(pair[:cut])
        second.append(pair[cut + 1 :])
    n1 = unigram.reindex(first).fillna(0).to_numpy(dtype=float)
    n2 = unigram.reindex(second).fillna(0).to_numpy(dtype=float)
    n11 = pairs["count"].to_numpy(dtype=float)
    n1, n2 = np.maximum(n1, n11), np.maximum(n2, n11)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log2(n11 * words / (n1 * n2))
    out = pd.DataFrame(
        {
            "collocation": pd.array(pairs["term"].to_numpy(dtype=object), dtype="str"),
            "count": n11.astype(np.int64),
            "n_articles": pairs["n_articles"].to_numpy(dtype=np.int64),
            "count_first": n1.astype(np.int64),
            "count_second": n2.astype(np.int64),
            "log_likelihood": np.round(ll_2x2(n11, n1, n2, float(words)), 6),
            "pmi": np.round(pmi, 6),
        }
    )
    out = out.sort_values(
        ["log_likelihood", "collocation"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    return out.head(top_n) if top_n else out
