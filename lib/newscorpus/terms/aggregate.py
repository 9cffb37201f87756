"""Group-level term tables built from the per-article counts alone, never from tokens.

The analysis pass stores `term_counts(corpus, by="article", ngram_range=(1, 3))` once per
partition of articles. These functions take that table (or an iterable of its partitions, or a
folder of them as Parquet files, so the whole per-article table never has to sit in memory at
once) with one label per article (`newscorpus.groups.assign`: a Series article_id -> group or
period) and give:

- `group_counts`: term x group counts and rates per 10,000 body words;
- `group_keyness`: each group against the rest of the corpus, Dunning log-likelihood with both
  counts and the log ratio effect size, signed by over- or under-use;
- `term_trends`: rates of chosen terms per period (Voyant's Trends);
- `collocations_from_counts`: adjacent pairs scored by G2 and PMI against their words' counts;
- `top_keyness`: the few key terms of each group, with both counts.

Each partition is reduced to (group, term) sums before the partitions are combined, so memory
grows with the number of distinct terms, not with the number of articles.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.terms._base import PER, _ll_2x2, _selector, _trace_keys

GROUP_COUNT_COLUMNS = ["group", "term", "ngram", "count", "rate", "n_articles", "n_words"]
GROUP_KEYNESS_COLUMNS = [
    "group",
    "term",
    "ngram",
    "use",
    "log_likelihood",
    "log_ratio",
    "count",
    "rate",
    "count_rest",
    "rate_rest",
    "n_words",
    "n_words_rest",
]
TERM_TREND_COLUMNS = [
    "period",
    "term",
    "counted_as",
    "count",
    "rate",
    "n_articles",
    "n_words",
    "n_period_articles",
]
_NEEDED = ("article_id", "term", "ngram", "count", "n_words")


def _partitions(counts) -> Iterable[pd.DataFrame]:
    """The per-article counts one partition at a time: a DataFrame, an iterable of them, or a
    folder of Parquet files (one partition each, read in name order)."""
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


def _is_group_table(counts) -> bool:
    return (
        isinstance(counts, pd.DataFrame)
        and "group" in counts.columns
        and "article_id" not in counts.columns
    )


def _from_group_table(table: pd.DataFrame) -> tuple[pd.Index, pd.DataFrame, np.ndarray]:
    """A `group_counts` table as (group categories, rows with label codes, words per group)."""
    missing = [c for c in GROUP_COUNT_COLUMNS if c not in table.columns]
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
    part: pd.DataFrame, codes: pd.Series, name: str, terms: Callable | None, min_total: int = 1
) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """One partition summed per (label code, term): counts, articles; words and articles per label.

    Rows are summed in chunks of CHUNK_ROWS on integer keys; words per article are taken once
    per article over the whole partition.
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
        sums.append(
            pd.DataFrame(
                {
                    "key": np.asarray(keys, dtype=np.int64),
                    "count": np.bincount(inverse, weights=count, minlength=len(keys)),
                    "n_articles": np.bincount(inverse, minlength=len(keys)),
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
        summed = pd.DataFrame({"key": np.zeros(0, np.int64), "count": [], "n_articles": []})
    keys = summed["key"].to_numpy(dtype=np.int64)
    out = pd.DataFrame(
        {
            "label": keys // span,
            "ngram": keys % 4,
            "count": summed["count"].to_numpy().astype(np.int64),
            "n_articles": summed["n_articles"].to_numpy().astype(np.int64),
            "term": _take(vocab, keys % span // 4),
        }
    )
    return out, label_words, label_articles


def _group_sums(
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
    combined = 0  # rows of the last combined table

    def combine(frames: list[pd.DataFrame]) -> list[pd.DataFrame]:
        both = pd.concat(frames, ignore_index=True)
        return [both.groupby(["label", "term", "ngram"], sort=False, as_index=False).sum()]

    for part in _partitions(counts):
        # one table: rare terms dropped before summing; partitions: only once all are summed
        single = isinstance(counts, pd.DataFrame)
        summed, lw, la = _reduce(part, codes, name, terms, min_total if single else 1)
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
    columns = ["label", "ngram", "count", "n_articles", "term"]
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
    table = table.astype({"label": "int64", "ngram": "int64", "count": "int64"})
    return categories, table, group_words, group_articles


def _label_column(codes: np.ndarray, categories: pd.Index, ordered: bool = True) -> pd.Categorical:
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
    (articles of the group using the term), `n_words` (body words of the group). Sorted by
    group, count (highest first), term.
    Articles of `counts` absent from `groups` are not counted (`groups.assign` leaves reprinted
    duplicates out by default). Raises ValueError when `counts` lacks a column or an article's
    label is missing (NA), TypeError when `counts` or `groups` is of the wrong kind.
    """
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count={min_count!r}: expected an integer >= 1")
    if isinstance(min_total, bool) or not isinstance(min_total, (int, np.integer)) or min_total < 1:
        raise ValueError(f"min_total={min_total!r}: expected an integer >= 1")
    categories, table, group_words, _ = _group_sums(
        counts, groups, "groups", words=words, min_total=min_total
    )
    if min_total > 1 and not isinstance(counts, pd.DataFrame):
        table = table[table.groupby(["term", "ngram"])["count"].transform("sum") >= min_total]
    table = table[table["count"] >= min_count]
    labels = table["label"].to_numpy(dtype=np.int64)
    n_words = group_words[labels]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n_words > 0, table["count"].to_numpy() / n_words * PER, np.nan)
    out = pd.DataFrame(
        {
            "group": _label_column(labels, categories),
            "term": pd.array(table["term"].to_numpy(dtype=object), dtype="str"),
            "ngram": table["ngram"].to_numpy(dtype=np.int64),
            "count": table["count"].to_numpy(dtype=np.int64),
            "rate": rate,
            "n_articles": table["n_articles"].to_numpy(dtype=np.int64),
            "n_words": n_words,
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


def group_keyness(
    counts: pd.DataFrame | Iterable[pd.DataFrame],
    groups: pd.Series | None = None,
    min_count: int = 5,
    words: pd.Series | None = None,
    top_n: int | None = None,
) -> pd.DataFrame:
    """Keyness of each group against the rest of the corpus, over- and under-use alike.

    Input: as `group_counts` (`counts` per article or its partitions, `groups` article_id ->
    label, optional `words` article_id -> body words), or a `group_counts` table made with
    min_count 1 and `groups` None, so the per-article counts are read once for both. Terms used fewer than `min_count` times
    in the whole corpus are left out (log-likelihood is unreliable on very small counts).
    Output: one row per group and term (terms a group never uses included, as under-use):
    `group`, `term` (Categorical), `ngram`, `use` ("over" when the group's rate is above the
    rest's, "under" below it, "same"; Categorical), `log_likelihood` (Dunning G2 of the group against the rest, Rayson & Garside
    2000; >= 10.83 is p < 0.001), `log_ratio` (Hardie 2014: log2 of rate / rate of the rest,
    positive = over-use, a zero count taken as 0.5), `count`, `rate`, `count_rest`,
    `rate_rest` (rates per 10,000 body words), `n_words`, `n_words_rest`. Sorted by group,
    then log-likelihood (highest first), then term.
    With `top_n`, only each group's `top_n` over-used and `top_n` under-used terms are kept
    (a few rows instead of terms x groups on a large corpus).
    With fewer than two groups there is no rest to compare with: warns and returns an empty
    table. Raises as `group_counts`.
    """
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count={min_count!r}: expected an integer >= 1")
    if top_n is not None and (
        isinstance(top_n, bool) or not isinstance(top_n, (int, np.integer)) or top_n < 1
    ):
        raise ValueError(f"top_n={top_n!r}: expected an integer >= 1 or None")
    if _is_group_table(counts):
        if groups is not None:
            raise ValueError("groups: pass None with a group_counts table (it holds its groups)")
        categories, table, group_words = _from_group_table(counts)
    else:
        categories, table, group_words, _ = _group_sums(counts, groups, "groups", words=words)
    present = np.flatnonzero(group_words > 0)
    if len(present) < 2:
        warnings.warn(
            f"group keyness compares each group with the rest of the corpus and needs at least "
            f"two groups with body text; there are {len(present)}. Returning an empty table.",
            UserWarning,
            stacklevel=2,
        )
        return pd.DataFrame({c: pd.Series(dtype="object") for c in GROUP_KEYNESS_COLUMNS})
    # one row per (term, ngram) used min_count times; a dense term x group grid of those only,
    # so under-use (count 0 in a group) is scored too
    names, vocab = pd.factorize(table["term"].to_numpy(dtype=object))
    key = names.astype(np.int64) * 4 + table["ngram"].to_numpy(dtype=np.int64)
    term_codes, term_keys = pd.factorize(key)
    term_keys = np.asarray(term_keys, dtype=np.int64)
    counts_ = table["count"].to_numpy(dtype=np.int64)
    total = np.bincount(term_codes, weights=counts_, minlength=len(term_keys)).astype(np.int64)
    keep = np.flatnonzero(total >= min_count)
    new_code = np.full(len(term_keys), -1, dtype=np.int64)
    new_code[keep] = np.arange(len(keep))
    rows = new_code[term_codes] >= 0
    grid = np.zeros((len(keep), len(categories)), dtype=np.int64)
    np.add.at(
        grid,
        (new_code[term_codes[rows]], table["label"].to_numpy(dtype=np.int64)[rows]),
        counts_[rows],
    )
    total = total[keep]
    term_names = np.asarray(vocab, dtype=object)[term_keys[keep] // 4]
    term_ngram = term_keys[keep] % 4
    # one group at a time (memory follows the terms, not terms x groups), sorted on integer
    # ranks: G2 highest first, then term; the term kept as a Categorical
    name_codes, names = pd.factorize(term_names, sort=True)  # codes in alphabetical order
    names = np.asarray(names, dtype=object)
    total_words = int(group_words.sum())
    parts: dict[str, list[np.ndarray]] = {k: [] for k in ("g", "t", "a", "c", "ll", "lr")}
    for gi in present:
        a = grid[:, gi]
        c = int(group_words[gi])
        ll = np.round(log_likelihood(a, total - a, c, total_words - c), 6)
        order = np.lexsort((name_codes, -ll))
        if top_n is not None:  # the group's top_n over- and top_n under-used terms only
            over = (a / c)[order] > ((total - a) / max(total_words - c, 1))[order]
            chosen = np.r_[np.flatnonzero(over)[:top_n], np.flatnonzero(~over)[:top_n]]
            order = order[np.sort(chosen)]
        a = a[order]
        parts["g"].append(np.full(len(order), gi, dtype=np.int64))
        parts["t"].append(order)
        parts["a"].append(a)
        parts["c"].append(np.full(len(order), c, dtype=np.int64))
        parts["ll"].append(ll[order])
        parts["lr"].append(np.round(log_ratio(a, total[order] - a, c, total_words - c), 6))
    g, t, a, c, ll, lr = (np.concatenate(parts[k]) for k in ("g", "t", "a", "c", "ll", "lr"))
    b = total[t] - a
    d = total_words - c
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = a / c * PER
        rate_rest = np.where(d > 0, b / d * PER, np.nan)
    use = pd.Categorical.from_codes(
        np.select([rate > rate_rest, rate < rate_rest], [0, 1], 2).astype(np.int8),
        categories=pd.Index(["over", "under", "same"], dtype="str"),
    )
    out = pd.DataFrame(
        {
            "group": _label_column(g, categories),
            "term": pd.Categorical.from_codes(
                name_codes[t], categories=pd.Index(names, dtype="str")
            ),
            "ngram": term_ngram[t].astype(np.int8),
            "use": use,
            "log_likelihood": ll,
            "log_ratio": lr,
            "count": a,
            "rate": rate,
            "count_rest": b,
            "rate_rest": rate_rest,
            "n_words": c,
            "n_words_rest": d,
        }
    )
    return out[GROUP_KEYNESS_COLUMNS]


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
    behind each point). Calendar periods (`groups.assign(articles, "month")`) are completed
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
        asked = _trace_keys(terms)
    categories, table, period_words, period_articles = _group_sums(
        counts, periods, "periods", terms=_selector(asked.values()), words=words
    )
    table = table.groupby(["label", "term"], as_index=False)[["count", "n_articles"]].sum()
    categories, period_words, period_articles, where = _all_periods(
        categories, period_words, period_articles
    )
    table["label"] = where[table["label"].to_numpy(dtype=np.int64)]
    rows = []
    for shown, counted in asked.items():
        part = table[table["term"] == counted].set_index("label")
        count = part["count"].reindex(range(len(categories)), fill_value=0).to_numpy()
        n_articles = part["n_articles"].reindex(range(len(categories)), fill_value=0).to_numpy()
        rows.append(
            pd.DataFrame(
                {
                    "label": np.arange(len(categories)),
                    "term": shown,
                    "count": count,
                    "n_articles": n_articles,
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
            "period": _label_column(labels, categories),
            "term": pd.array(out["term"].to_numpy(dtype=object), dtype="str"),
            "counted_as": pd.array(out["term"].map(asked).to_numpy(dtype=object), dtype="str"),
            "count": out["count"].to_numpy(dtype=np.int64),
            "rate": rate,
            "n_articles": out["n_articles"].to_numpy(dtype=np.int64),
            "n_words": n_words,
            "n_period_articles": period_articles[labels],
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
    if not len(labels) or not grouping._is_periods(labels):
        return categories, words, articles, same
    dated = [v for v in labels if v != grouping.NO_DATE]
    period = _period_kind(dated[0])
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


COLLOCATION_COUNT_COLUMNS = [
    "collocation",
    "count",
    "n_articles",
    "count_first",
    "count_second",
    "log_likelihood",
    "pmi",
]
TOP_KEYNESS_COLUMNS = [
    "group",
    "rank",
    "term",
    "count",
    "count_rest",
    "rate",
    "rate_rest",
    "log_likelihood",
    "log_ratio",
]


def _term_totals(counts: pd.DataFrame | Iterable[pd.DataFrame]) -> tuple[pd.DataFrame, int]:
    """Corpus totals per (term, ngram): count and articles; and the corpus's body words."""
    totals, words = [], 0
    for part in _partitions(counts):
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
    if _is_group_table(counts):
        _, rows, group_words = _from_group_table(counts)
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
            "log_likelihood": np.round(_ll_2x2(n11, n1, n2, float(words)), 6),
            "pmi": np.round(pmi, 6),
        }
    )
    out = out.sort_values(
        ["log_likelihood", "collocation"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    return out.head(top_n) if top_n else out


def top_keyness(keyness: pd.DataFrame, top_n: int = 5, use: str = "over") -> pd.DataFrame:
    """The `top_n` terms of each group by log-likelihood among those it over- (or under-) uses.

    Input: a `group_keyness` table; `use` "over" or "under". Output: `group`, `rank` (1 = most
    key), `term`, `count`, `count_rest`, `rate`, `rate_rest`, `log_likelihood`, `log_ratio`.
    Raises ValueError for a bad `use` or top_n < 1.
    """
    if use not in ("over", "under"):
        raise ValueError(f"use={use!r}: expected 'over' or 'under'")
    if isinstance(top_n, bool) or not isinstance(top_n, (int, np.integer)) or top_n < 1:
        raise ValueError(f"top_n={top_n!r}: expected an integer >= 1")
    if keyness.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in TOP_KEYNESS_COLUMNS})
    rows = keyness[keyness["use"] == use]
    rows = rows.sort_values(
        ["group", "log_likelihood", "term"], ascending=[True, False, True], kind="stable"
    )
    rows = rows.groupby("group", observed=True, sort=False).head(top_n).copy()
    rows["rank"] = rows.groupby("group", observed=True).cumcount() + 1
    out = rows[TOP_KEYNESS_COLUMNS].reset_index(drop=True)
    floats = out.select_dtypes("float").columns
    return out.astype(dict.fromkeys(floats, "float64")).round(dict.fromkeys(floats, 2))


# Words every news story uses, whatever it is about: reporting verbs, titles, modals and
# generic counts. Left out of the default traced terms (they are still counted).
NEWS_FUNCTION_WORDS = frozenset(
    """said says say saying told tells according mr mrs ms dr would could should will may
    might must can also one two three new year years time times people last first just like
    get got make made many much even well still back going know think sen rep gov gen among
    amid within without despite however although though since across around toward towards
    upon whether yet already""".split()
)


def frequent_terms(by_group: pd.DataFrame, n: int = 5, given: Iterable[str] = ()) -> list[str]:
    """`given` terms when there are any, else the corpus's `n` most frequent terms.

    Input: the table of `group_counts`; `n` ≥ 1; the terms an analyst asked for. Output: a list
    of terms: words and multiword names (1-grams of the counts), summed over groups, highest
    count first (ties by term), leaving out NEWS_FUNCTION_WORDS (said, mr, would …), so a
    notebook run on a new corpus traces its own vocabulary instead of a seed corpus's.
    Raises ValueError for n < 1.
    """
    given = [str(t) for t in given if str(t).strip()]
    if given:
        return given
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n={n!r}: expected a whole number of at least 1")
    if by_group.empty:
        return []
    ones = by_group[by_group["ngram"] == 1] if "ngram" in by_group else by_group
    ones = ones[~ones["term"].astype("str").isin(NEWS_FUNCTION_WORDS)]
    totals = ones.groupby("term", observed=True)["count"].sum().reset_index()
    totals = totals.sort_values(["count", "term"], ascending=[False, True])
    return totals["term"].astype("str").head(n).tolist()


def distinctive_terms_of(
    by_group: pd.DataFrame,
    n_articles: int,
    n: int = 5,
    given: Iterable[str] = (),
    group_sizes: pd.Series | dict | None = None,
    names=None,
) -> list[str]:
    """`given` terms when there are any, else the corpus's `n` most distinctive terms.

    Rule (stated in 02-terms): among words and multiword names (1-grams of the counts) used in
    at least 3 articles, leaving out NEWS_FUNCTION_WORDS and (with three groups or more) terms
    one group uses more than half of the time, and, with `group_sizes` (articles per group),
    house-style terms and terms spread evenly across the groups (`term_spread`: used in 20 %
    of the articles of 3/4 of the groups, or Gries's DP < 0.3), rank by corpus tf-idf, the term's
    count times log(articles in the corpus / articles using it) (Spärck Jones 1972; Salton &
    Buckley 1988). A word every article uses scores 0 however frequent it is, so the traced
    terms are the frequent words and names that belong to part of the corpus (a candidate, an
    event, a place) rather than the most frequent word. Ties by count, then term.

    Input: the table of `group_counts`; `n_articles`, the articles counted (the labels' length);
    `n` ≥ 1; `names` (a `name_terms` table or terms) are not house style. Output: a list of
    terms. Raises ValueError for n < 1.
    """
    given = [str(t) for t in given if str(t).strip()]
    if given:
        return given
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n={n!r}: expected a whole number of at least 1")
    table = corpus_tf_idf(by_group, n_articles, group_sizes, names)
    return table["term"].head(n).tolist()


HOUSE_SHARE = 0.2  # a house-style term is used in at least this share of a group's articles
HOUSE_GROUPS = 0.75  # … in at least this share of the groups of 5 articles or more
HOUSE_SHARE_ONE_GROUP = 0.5  # with fewer than two such groups: in half the corpus's articles
EVEN_DP = 0.3  # Gries's DP at most this: spread across groups like their words
SPREAD_COLUMNS = [
    "term",
    "ngram",
    "count",
    "n_articles",
    "dp",
    "n_groups",
    "n_groups_common",
    "house_style",
]
HOUSE_STYLE_RULE = (
    "house style left out: news function words (said, mr, would …) and terms used in "
    "≥ 20 % of the articles of ≥ 3/4 of the groups, names (capitalised mid-sentence) excepted"
)
# Capitalised, yet house style however widespread: dateline months and weekdays, wire units,
# and the agency's own name (its sign-off is furniture, `newscorpus.furniture`).
ALWAYS_HOUSE_STYLE = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat mln bln dlrs dlr pct cts reuters
    reuter""".split()
)
NAME_SHARE = 0.5  # a name: at least half of its mid-sentence occurrences are capitalised
NAME_MIN_READ = 5  # … among at least this many occurrences read
NAME_SAMPLE = 200  # mid-sentence occurrences read per candidate term (then reading stops)
NAME_MAX_PARTS = 3  # token partitions (≤ 2,000 articles each) read at most
NAME_COLUMNS = ["term", "n_read", "n_capitalised", "capitalised", "name"]


def _name_set(names) -> frozenset[str]:
    """Terms that are names, from a `name_terms` table (rows with `name` True) or an iterable."""
    if names is None:
        return frozenset()
    if isinstance(names, pd.DataFrame):
        if names.empty:
            return frozenset()
        names = names.loc[names["name"].astype(bool), "term"]
    elif isinstance(names, str):
        names = [names]
    return frozenset(str(n) for n in names) - ALWAYS_HOUSE_STYLE


def term_spread(
    by_group: pd.DataFrame, group_sizes: pd.Series | dict | None, names=None
) -> pd.DataFrame:
    """How evenly each term is spread over the groups, and whether it is house style.

    Input: a `group_counts` table; `group_sizes`, articles per group (`labels.value_counts()`).
    Output, one row per (term, ngram): `count`, `n_articles` (over all groups), `dp` (Gries's
    2008 deviation of proportions: half the sum over groups of |the group's share of the
    term's count − the group's share of the corpus's words|; 0 = spread exactly like the
    words, near 1 = all in one small group; NaN with fewer than two groups), `n_groups`
    (groups of 5 articles or more), `n_groups_common` (of those, groups where at least 20 %
    of the articles use the term) and `house_style`: the term is used in at least 20 % of the
    articles of at least three quarters of those groups (with fewer than two such groups: in
    at least half of all articles). Wire style (said, month names of datelines, mln, pct,
    dlrs) is house style: it carries no content that sets a group or an article apart.
    `names` (a `name_terms` table or an iterable of terms) are never house style, however
    widespread: a corpus's subject (trump, clinton, u.s.) stays, except month and weekday names,
    wire units and the agency's name (ALWAYS_HOUSE_STYLE), which are house style even though
    capitalised. Sorted by count, highest first, then term.
    """
    if by_group.empty:
        return pd.DataFrame({c: [] for c in SPREAD_COLUMNS})
    named = _name_set(names)
    sizes = pd.Series(dict(pd.Series(group_sizes).items())) if group_sizes is not None else None
    group = by_group["group"].astype("str")
    if sizes is None:
        sizes = by_group.groupby(group, observed=True)["n_articles"].max()
    sizes.index = sizes.index.astype("str")
    words = by_group.groupby(group, observed=True)["n_words"].first()
    words = words[words > 0]
    key = pd.MultiIndex.from_arrays([by_group["term"].astype("str"), by_group["ngram"]])
    count = pd.Series(by_group["count"].to_numpy(dtype=float), index=key)
    total = count.groupby(level=[0, 1]).sum()
    arts = pd.Series(by_group["n_articles"].to_numpy(dtype=float), index=key)
    n_articles = arts.groupby(level=[0, 1]).sum()
    expected = (words / words.sum()).reindex(group.to_numpy()).fillna(0).to_numpy()
    share = count.to_numpy() / total.reindex(key).to_numpy()
    # DP = 0.5 (sum over groups using it of (|share - expected| - expected) + 1)
    part = pd.Series(np.abs(share - expected) - expected, index=key)
    dp = 0.5 * (part.groupby(level=[0, 1]).sum() + 1) if len(words) >= 2 else total * np.nan
    big = sizes[sizes >= 5]
    size_of = sizes.reindex(group.to_numpy()).to_numpy(dtype=float)
    is_big = group.isin(big.index).to_numpy()
    common = pd.Series(
        is_big & (by_group["n_articles"].to_numpy() >= HOUSE_SHARE * size_of), index=key
    )
    n_common = common.groupby(level=[0, 1]).sum()
    if len(big) >= 2:
        house = n_common >= HOUSE_GROUPS * len(big)
    else:
        house = n_articles >= HOUSE_SHARE_ONE_GROUP * max(int(sizes.sum()), 1)
    if named:
        house &= ~house.index.get_level_values(0).isin(list(named))
    out = pd.DataFrame(
        {
            "count": total.astype(np.int64),
            "n_articles": n_articles.astype(np.int64),
            "dp": dp.round(3),
            "n_groups": len(big),
            "n_groups_common": n_common.astype(np.int64),
            "house_style": house.astype(bool),
        }
    )
    out.index = out.index.set_names(["term", "ngram"])
    out = out.reset_index().sort_values(["count", "term"], ascending=[False, True])
    return out[SPREAD_COLUMNS].reset_index(drop=True)


def house_style_candidates(
    by_group: pd.DataFrame, group_sizes: pd.Series | dict | None
) -> list[str]:
    """The widespread terms whose case decides whether they are house style or a name.

    Input: a `group_counts` table and articles per group. Output: the terms (any n-gram)
    `term_spread` marks house style, most frequent first, leaving out NEWS_FUNCTION_WORDS and
    ALWAYS_HOUSE_STYLE (house style whatever their case): the handful of terms `name_terms`
    reads the tokens for.
    """
    spread = term_spread(by_group, group_sizes)
    keep = spread["house_style"] & ~spread["term"].isin(NEWS_FUNCTION_WORDS | ALWAYS_HOUSE_STYLE)
    return spread.loc[keep, "term"].astype("str").tolist()


def name_terms(
    tokens,
    by_group: pd.DataFrame,
    group_sizes: pd.Series | dict | None = None,
    candidates: Iterable[str] | None = None,
    per_term: int = NAME_SAMPLE,
    max_parts: int = NAME_MAX_PARTS,
) -> pd.DataFrame:
    """Which candidate terms are proper names: mostly capitalised where case is free.

    Input: the analysis pass's `tokens` table (a DataFrame or an iterable of its partitions,
    e.g. `data.parts("tokens", columns=["article_id", "sentence_id", "token", "norm",
    "is_word"])`); the `group_counts` table and articles per group; `candidates`, counted terms
    (lowercase, words joined by spaces; default `house_style_candidates(by_group,
    group_sizes)`). A word is not read inside the corpus's multiword names counted as one unit
    (1-grams with a space: "states" inside "united states"). Output columns: term, n_read
    (occurrences read that are not the first word of their sentence, in sentences less than half
    capitalised, so headlines and the sentence's first word, where case is not free, are not
    read), n_capitalised (of those, first letter upper case; for a multiword term, its first and
    last word), capitalised (the share) and name: capitalised ≥ NAME_SHARE over at least
    NAME_MIN_READ occurrences. Reading stops once every candidate has `per_term` occurrences or
    after `max_parts` partitions, so the cost is bounded whatever the corpus's size (the usual
    rule of thumb for proper nouns in truecasing: Lita et al. 2003). Raises ValueError for
    per_term or max_parts < 1.
    """
    for label, value in (("per_term", per_term), ("max_parts", max_parts)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{label}={value!r}: expected a whole number of at least 1")
    if candidates is None:
        candidates = house_style_candidates(by_group, group_sizes) if len(by_group) else []
    wanted = list(dict.fromkeys(str(c) for c in candidates if str(c).strip()))
    read = dict.fromkeys(wanted, 0)
    caps = dict.fromkeys(wanted, 0)
    units = by_group["term"].astype("str")[by_group["ngram"] == 1] if len(by_group) else []
    inside = {tuple(m.split(" ")) for m in pd.unique(np.asarray(units, dtype=object)) if " " in m}
    parts = [tokens] if isinstance(tokens, pd.DataFrame) else tokens
    for n_part, part in enumerate(parts):
        if n_part >= max_parts or not wanted or min(read.values()) >= per_term:
            break
        _read_case(part, wanted, inside, read, caps, per_term)
    n_read = np.array([read[t] for t in wanted], dtype=np.int64)
    n_caps = np.array([caps[t] for t in wanted], dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(n_read > 0, n_caps / np.maximum(n_read, 1), np.nan)
    return pd.DataFrame(
        {
            "term": pd.array(wanted, dtype="str"),
            "n_read": n_read,
            "n_capitalised": n_caps,
            "capitalised": np.round(share, 3),
            "name": (n_read >= NAME_MIN_READ) & (np.nan_to_num(share) >= NAME_SHARE),
        }
    )[NAME_COLUMNS]


def _read_case(part: pd.DataFrame, wanted, inside, read: dict, caps: dict, per_term: int):
    """Add one tokens partition's mid-sentence occurrences (and capitalised ones) of `wanted`."""
    if part.empty:
        return
    codes, vocab = pd.factorize(part["norm"].astype("str"))
    code_of = {str(w): i for i, w in enumerate(vocab)}
    norm = np.asarray(vocab, dtype=object)[codes] if len(vocab) else np.zeros(0, dtype=object)
    token = part["token"].astype("str")
    is_word = (
        part["is_word"].to_numpy(dtype=bool)
        if "is_word" in part
        else token.str.contains(r"\w", regex=True).to_numpy(dtype=bool)
    )
    upper = token.str.contains(r"^[^A-Za-z]*[A-Z]", regex=True).to_numpy(dtype=bool)
    art = pd.factorize(part["article_id"])[0]
    sent = part["sentence_id"].to_numpy()
    n = len(part)
    start = np.ones(n, dtype=bool)
    start[1:] = (art[1:] != art[:-1]) | (sent[1:] != sent[:-1])
    sid = np.cumsum(start) - 1
    words = np.cumsum(is_word)
    before = words - is_word  # word tokens before this one in the part
    first = before[np.flatnonzero(start)][sid]  # … before the sentence's first token
    mid = is_word & (before - first >= 1)
    n_w = np.bincount(sid, weights=is_word)
    n_up = np.bincount(sid, weights=is_word & upper)
    plain = (n_up < 0.5 * np.maximum(n_w, 1))[sid]  # not a headline or an all-caps line

    def at(i: np.ndarray, k: int) -> np.ndarray:
        """norm of the token k places after i within the same sentence ('' beyond it)."""
        j = i + k
        ok = (j >= 0) & (j < n)
        out = np.full(len(i), "", dtype=object)
        jj = j[ok]
        same = sid[jj] == sid[i[ok]]
        out[np.flatnonzero(ok)[same]] = norm[jj[same]]
        return out

    for term in wanted:
        if read[term] >= per_term:
            continue
        words_of = term.split(" ")
        if any(w not in code_of for w in words_of):
            continue
        hits = np.flatnonzero(codes == code_of[words_of[0]])
        for k, w in enumerate(words_of[1:], start=1):
            hits = hits[at(hits, k) == w]
        hits = hits[mid[hits] & plain[hits]]
        if len(words_of) == 1 and inside and len(hits):
            prev, nxt = at(hits, -1), at(hits, 1)
            prev2, nxt2 = at(hits, -2), at(hits, 2)
            inner = np.array(
                [
                    (p, term) in inside
                    or (term, q) in inside
                    or (p2, p, term) in inside
                    or (p, term, q) in inside
                    or (term, q, q2) in inside
                    for p, q, p2, q2 in zip(prev, nxt, prev2, nxt2, strict=True)
                ],
                dtype=bool,
            )
            hits = hits[~inner]
        hits = hits[: per_term - read[term]]
        last = hits + len(words_of) - 1
        read[term] += len(hits)
        caps[term] += int((upper[hits] & upper[last]).sum())


def content_terms(
    by_group: pd.DataFrame, group_sizes: pd.Series | dict | None, names=None
) -> pd.DataFrame:
    """A `group_counts` table without its house style, for the top-terms chart: the terms
    `term_spread` marks house style (`names`, a `name_terms` table or an iterable of terms,
    are not) and NEWS_FUNCTION_WORDS (said, mr, would …); the terms left out are in
    `.attrs["house_style"]` (most frequent first)."""
    spread = term_spread(by_group, group_sizes, names)
    news = spread["term"].isin(NEWS_FUNCTION_WORDS) & (spread["ngram"] == 1)
    house = spread[spread["house_style"] | news]
    drop = set(zip(house["term"], house["ngram"], strict=True))
    keys = zip(by_group["term"].astype("str"), by_group["ngram"], strict=True)
    keep = np.array([k not in drop for k in keys], dtype=bool)
    out = by_group[keep].reset_index(drop=True)
    out.attrs["house_style"] = house["term"].tolist()
    return out


def corpus_tf_idf(
    by_group: pd.DataFrame,
    n_articles: int,
    group_sizes: pd.Series | dict | None = None,
    names=None,
) -> pd.DataFrame:
    """Words and names of the corpus scored by tf-idf over the whole corpus, highest first.

    Input: a `group_counts` table, the number of articles counted and, optionally, articles
    per group (`labels.value_counts()`). Output columns: term, count, n_articles (articles
    using it), dp (Gries's deviation of proportions over the groups, `term_spread`; NaN
    without group_sizes), tf_idf (count × ln(n_articles of the corpus / n_articles)); 1-grams
    used in at least 3 articles, NEWS_FUNCTION_WORDS left out, and, with three groups or more,
    terms one group uses more than half of the time left out (a group's house style or page
    furniture, such as "photos" or "caption": the keyness chart shows those). With
    `group_sizes`, house-style terms (`term_spread`) are left out too, and with two groups or
    more, terms spread evenly across them (dp < 0.3: pct and dlrs in wire copy), which set
    no group apart. `names` (a `name_terms` table or terms) are not house style.
    """
    columns = ["term", "count", "n_articles", "dp", "tf_idf"]
    if by_group.empty or n_articles < 1:
        return pd.DataFrame({c: [] for c in columns})
    ones = by_group[by_group["ngram"] == 1] if "ngram" in by_group else by_group
    ones = ones[~ones["term"].astype("str").isin(NEWS_FUNCTION_WORDS)]
    terms = ones["term"].astype("str")
    totals = ones.groupby(terms)[["count", "n_articles"]].sum()
    totals = totals[totals["n_articles"] >= 3]
    if "group" in ones.columns and ones["group"].nunique() >= 3:
        # a term one group uses almost alone is its house style or page furniture
        top = ones.groupby(terms)["count"].max().reindex(totals.index)
        totals = totals[top <= 0.5 * totals["count"]]
    totals["dp"] = np.nan
    if group_sizes is not None and "group" in ones.columns:
        spread = term_spread(by_group[by_group["ngram"] == 1], group_sizes, names)
        spread = spread.set_index("term")
        spread = spread.reindex(totals.index)
        totals["dp"] = spread["dp"]
        keep = ~spread["house_style"].fillna(False).astype(bool)
        if spread["dp"].notna().any():
            keep &= ~(spread["dp"] < EVEN_DP)
        totals = totals[keep.to_numpy()]
    totals = totals.reset_index()
    used = totals["n_articles"].clip(upper=n_articles).to_numpy(dtype=float)
    totals["tf_idf"] = (totals["count"] * np.log(n_articles / used)).round(2)
    totals = totals.sort_values(["tf_idf", "count", "term"], ascending=[False, False, True])
    return totals[columns].reset_index(drop=True)


def default_term(counts, n_articles: int | None = None) -> str:
    """The corpus's top distinctive term, for a view that needs one term by default.

    Input: the per-article `term_counts` table (or its partitions) or a `group_counts` table;
    `n_articles`, articles counted (default: the articles in the counts). Output: the first
    term of `corpus_tf_idf` over the corpus as one group (house style: in half the articles
    or more, and NEWS_FUNCTION_WORDS, left out), "" when nothing was counted.
    """
    if _is_group_table(counts):
        table = counts
    else:
        parts = list(_partitions(counts))
        ids = pd.concat([p["article_id"].astype("str") for p in parts]) if parts else []
        labels = pd.Series("all articles", index=pd.Index(pd.unique(np.asarray(ids))))
        table = group_counts(parts, labels, min_total=3) if parts else pd.DataFrame()
        n_articles = n_articles or len(labels)
    if table.empty:
        return ""
    if n_articles is None:
        n_articles = int(table.groupby("group", observed=True)["n_articles"].max().sum())
    sizes = {"all articles": n_articles} if table["group"].nunique() == 1 else None
    top = corpus_tf_idf(table, n_articles, sizes)
    return str(top["term"].iloc[0]) if len(top) else ""
