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
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.terms.base import PER, ll_2x2
from newscorpus.terms.style import fold_names, own_name_mask, style_terms

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
    "n_articles",
    "n_articles_rest",
]
MIN_ARTICLES = 3  # a key term occurs in at least this many of the group's articles
KEY_TERM_RULE = (
    "a key term occurs in at least {k} of the group's articles (all of them in a smaller "
    "group), an under-used one in at least {k} of the rest's"
)
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


def is_group_table(counts) -> bool:
    """Is `counts` a `group_counts` table (a group column, no article_id) rather than
    per-article counts?"""
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
    combined = 0  # rows of the last combined table

    def combine(frames: list[pd.DataFrame]) -> list[pd.DataFrame]:
        both = pd.concat(frames, ignore_index=True)
        return [both.groupby(["label", "term", "ngram"], sort=False, as_index=False).sum()]

    for part in count_partitions(counts):
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
    categories, table, group_words, _ = group_sums(
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
            "group": label_column(labels, categories),
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
    min_articles: int = MIN_ARTICLES,
    leave_out: dict | None = None,
    group_sizes: pd.Series | dict | None = None,
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
    `n_articles`, `n_articles_rest`: the articles of the group, and of the rest, using the term.
    With `top_n`, only each group's `top_n` over- and `top_n` under-used terms are kept.
    Key terms rest on several articles (KEY_TERM_RULE): an over-used term is kept only when
    in at least `min_articles` of the group's articles (all of them in a smaller group:
    `group_sizes`, else the most articles any term of the group is in), an under-used one
    when in at least `min_articles` of the rest's: one live blog's pet word ("svp") is never
    key. `leave_out` ({group: [name, ...]}, `own_outlet_names`) drops in that group its own
    name (`own_name_mask`: "politico", "told politico"), key by construction. House style by
    its words (`style.style_terms`: honorifics "mr", "mrs", clock times "p.m.", middle
    initials "donald j"; and ALWAYS_HOUSE_STYLE words alone: months, weekdays, wire units,
    the wire agencies of datelines "(AP)") is never key: it is style, not coverage. A full
    name is counted once (`style.fold_names`: "donald" is
    left out beside "trump"; the folds in `.attrs["folded_names"]`). Terms dropped
    per rule: `.attrs["left_out"]` ({group: {"few_articles": n, "own_name": [terms],
    "house_style": n}}).
    With fewer than two groups there is no rest to compare with: warns and returns an empty
    table. Raises as `group_counts`.
    """
    _check_whole(min_count=min_count, min_articles=min_articles)
    if top_n is not None:
        _check_whole(top_n=top_n)
    if is_group_table(counts):
        if groups is not None:
            raise ValueError("groups: pass None with a group_counts table (it holds its groups)")
        categories, table, group_words = _from_group_table(counts)
    else:
        categories, table, group_words, _ = group_sums(counts, groups, "groups", words=words)
    table = fold_names(table)  # a full name counted once ("donald" beside "trump")
    folded = table.attrs["folded_names"]
    present = np.flatnonzero(group_words > 0)
    if len(present) < 2:
        return _no_rest(len(present))
    grid, docs, total, term_names, term_ngram = _keyness_grid(table, len(categories), min_count)
    docs_total = docs.sum(axis=1)
    sizes = _group_sizes(group_sizes, categories, docs)
    # one group at a time (memory follows the terms, not terms x groups), sorted on integer
    # ranks: G2 highest first, then term; the term kept as a Categorical
    name_codes, names = pd.factorize(term_names, sort=True)  # codes in alphabetical order
    names = np.asarray(names, dtype=object)
    style = style_terms(names[name_codes], term_ngram)  # honorifics, clock times, initials
    total_words = int(group_words.sum())
    parts: dict[str, list[np.ndarray]] = {k: [] for k in ("g", "t", "a", "c", "ll", "lr")}
    left_out: dict[str, dict] = {}
    where = {str(g): i for i, g in enumerate(categories)}
    own = {where[str(g)]: f for g, f in (leave_out or {}).items() if str(g) in where}
    for gi in present:
        a = grid[:, gi]
        c = int(group_words[gi])
        ll = np.round(log_likelihood(a, total - a, c, total_words - c), 6)
        # the rules: enough articles behind an over- (under-) use; not the group's own name
        over_all = a / c > (total - a) / max(total_words - c, 1)
        need = min(min_articles, max(int(sizes[gi]), 1))
        few = np.where(over_all, docs[:, gi] < need, (docs_total - docs[:, gi]) < min_articles)
        rest = (total - a, (c, total_words - c))
        mine = own_name_mask(names[name_codes], a, own[gi], *rest) if gi in own else a < 0
        left_out[str(categories[gi])] = {
            "few_articles": int((few & ~mine & ~style).sum()),
            "own_name": sorted(set(names[name_codes[mine & (a > 0)]].tolist())),
            "house_style": int((style & ~mine & (a > 0)).sum()),
        }
        order = np.lexsort((name_codes, -ll))
        order = order[~(few | mine | style)[order]]
        if top_n is not None:  # the group's top_n over- and top_n under-used terms only
            over = over_all[order]
            chosen = np.r_[np.flatnonzero(over)[:top_n], np.flatnonzero(~over)[:top_n]]
            order = order[np.sort(chosen)]
        a = a[order]
        parts["g"].append(np.full(len(order), gi, dtype=np.int64))
        parts["t"].append(order)
        parts["a"].append(a)
        parts["c"].append(np.full(len(order), c, dtype=np.int64))
        parts["ll"].append(ll[order])
        parts["lr"].append(np.round(log_ratio(a, total[order] - a, c, total_words - c), 6))
    out = _keyness_table(
        parts, total, total_words, categories, names, name_codes, term_ngram, docs, docs_total
    )
    out.attrs["left_out"] = left_out
    out.attrs["folded_names"] = folded
    out.attrs["min_articles"] = int(min_articles)
    return out


def _keyness_table(
    parts: dict[str, list[np.ndarray]],
    total: np.ndarray,
    total_words: int,
    categories: pd.Index,
    names: np.ndarray,
    name_codes: np.ndarray,
    term_ngram: np.ndarray,
    docs: np.ndarray,
    docs_total: np.ndarray,
) -> pd.DataFrame:
    """The keyness rows of `group_keyness` from its per-group pieces (`parts`: group, term,
    count, group words, log-likelihood, log ratio): rates per PER words, the use (over, under,
    same) and the articles of the group and of the rest; columns GROUP_KEYNESS_COLUMNS."""
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
            "group": label_column(g, categories),
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
            "n_articles": docs[t, g],
            "n_articles_rest": docs_total[t] - docs[t, g],
        }
    )
    return out[GROUP_KEYNESS_COLUMNS]


def _no_rest(n_present: int) -> pd.DataFrame:
    """Warn that keyness needs two groups with body text; the empty keyness table."""
    warnings.warn(
        f"group keyness compares each group with the rest of the corpus and needs at least "
        f"two groups with body text; there are {n_present}. Returning an empty table.",
        UserWarning,
        stacklevel=3,
    )
    return pd.DataFrame({c: pd.Series(dtype="object") for c in GROUP_KEYNESS_COLUMNS})


def _check_whole(**values) -> None:
    """ValueError naming the first of `values` that is not an integer >= 1."""
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name}={value!r}: expected an integer >= 1")


def _keyness_grid(table: pd.DataFrame, n_groups: int, min_count: int):
    """Dense term x group grids of counts and of articles using each term, for the (term,
    ngram) pairs used at least `min_count` times (so under-use, a count of 0, is scored too);
    with each kept term's corpus total, name and ngram."""
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
    grid = np.zeros((len(keep), n_groups), dtype=np.int64)
    cells = (new_code[term_codes[rows]], table["label"].to_numpy(dtype=np.int64)[rows])
    np.add.at(grid, cells, counts_[rows])
    docs = np.zeros_like(grid)  # articles using each term in each group
    np.add.at(docs, cells, table["n_articles"].to_numpy(dtype=np.int64)[rows])
    total = total[keep]
    term_names = np.asarray(vocab, dtype=object)[term_keys[keep] // 4]
    return grid, docs, total, term_names, term_keys[keep] % 4


def _group_sizes(group_sizes, categories: pd.Index, docs: np.ndarray) -> np.ndarray:
    """Articles per group (in `categories` order): from `group_sizes` where given, else the
    most articles any term of the group occurs in (a lower bound, exact enough to tell a group
    smaller than MIN_ARTICLES)."""
    seen = docs.max(axis=0) if docs.size else np.zeros(len(categories), dtype=np.int64)
    if group_sizes is None:
        return seen
    given = {str(k): int(v) for k, v in dict(pd.Series(group_sizes).items()).items()}
    return np.array(
        [given.get(str(g), int(s)) for g, s in zip(categories, seen, strict=True)], dtype=np.int64
    )


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
    "n_articles",
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
            "log_likelihood": np.round(ll_2x2(n11, n1, n2, float(words)), 6),
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
    key), `term`, `count`, `count_rest`, `rate`, `rate_rest`, `log_likelihood`, `log_ratio`,
    `n_articles` (the group's articles using the term; the keyness table's rule set its least).
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
    if "n_articles" not in rows.columns:  # a keyness table from before the column existed
        rows["n_articles"] = pd.NA
    out = rows[TOP_KEYNESS_COLUMNS].reset_index(drop=True)
    floats = out.select_dtypes("float").columns
    return out.astype(dict.fromkeys(floats, "float64")).round(dict.fromkeys(floats, 2))
