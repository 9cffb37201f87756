"""Keyness of groups: each group (outlet, period) against the rest of the corpus, over- and
under-use alike (Dunning log-likelihood, Hardie's Log Ratio), from the per-article term counts
or a `group_counts` table; and the top key terms of each group."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newscorpus.shared import shared
from newscorpus.terms.aggregate import (
    group_sums,
    group_table_parts,
    is_group_table,
    label_column,
    log_likelihood,
    log_ratio,
)
from newscorpus.terms.base import PER
from newscorpus.terms.style import fold_names, own_name_mask, style_terms

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
ONE_ARTICLE_SHARE = 0.5  # a count more than half of which is one article's is that article's
KEY_TERM_RULE = (
    "a key term occurs in at least {k} of the group's articles (all of them in a smaller "
    "group), an under-used one in at least {k} of the rest's, and no one article holds more "
    "than half of the count behind it"
)


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
    With `top_n`, only each group's `top_n` over- and `top_n` under-used terms are kept, a
    term that is a piece of a longer one among them left out (NESTED_SHARE: "hampshire" beside
    "new hampshire").
    Key terms rest on several articles (KEY_TERM_RULE): an over-used term is kept only when
    in at least `min_articles` of the group's articles (all of them in a smaller group:
    `group_sizes`, else the most articles any term of the group is in), an under-used one
    when in at least `min_articles` of the rest's: one live blog's pet word ("svp") is never
    key. Nor is a count carried by one article (ONE_ARTICLE_SHARE): an over-use of which
    one article of the group (of at least `min_articles`) holds more than half, an under-use
    of which one article of the rest holds more than half of the rest's count (one list
    repeating "property damage" 185 times); needs the per-article counts or a `group_counts`
    table with `max_count`. `leave_out` ({group: [name, ...]}, `own_outlet_names`) drops in that group its own
    name (`own_name_mask`: "politico", "told politico"), key by construction. House style by
    its words (`style.style_terms`: honorifics "mr", "mrs", clock times "p.m.", middle
    initials "donald j"; and ALWAYS_HOUSE_STYLE words alone: months, weekdays, wire units,
    the wire agencies of datelines "(AP)", the attribution verbs alone "said", "says") is never key: it is style, not coverage. A full
    name is counted once (`style.fold_names`: "donald" is
    left out beside "trump"; the folds in `.attrs["folded_names"]`). Terms dropped
    per rule: `.attrs["left_out"]` ({group: {"few_articles": n, "one_article": n,
    "own_name": [terms], "house_style": n}}).
    With fewer than two groups there is no rest to compare with: warns and returns an empty
    table. Raises as `group_counts`.
    """
    _check_whole(min_count=min_count, min_articles=min_articles)
    if top_n is not None:
        _check_whole(top_n=top_n)
    if is_group_table(counts):
        if groups is not None:
            raise ValueError("groups: pass None with a group_counts table (it holds its groups)")
        categories, table, group_words = group_table_parts(counts)
    else:
        categories, table, group_words, _ = group_sums(counts, groups, "groups", words=words)
    table = fold_names(table)  # a full name counted once ("donald" beside "trump")
    folded = table.attrs["folded_names"]
    present = np.flatnonzero(group_words > 0)
    if len(present) < 2:
        return _no_rest(len(present))
    grid, docs, most, total, term_names, term_ngram = _keyness_grid(
        table, len(categories), min_count
    )
    docs_total = docs.sum(axis=1)
    top_two = np.sort(most, axis=1)[:, -2:] if most.shape[1] > 1 else np.c_[most, most]
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
        carried = _one_article(most, top_two, gi, a, total, over_all, sizes[gi], min_articles)
        carried &= ~few
        rest = (total - a, (c, total_words - c))
        mine = own_name_mask(names[name_codes], a, own[gi], *rest) if gi in own else a < 0
        left_out[str(categories[gi])] = {
            "few_articles": int((few & ~mine & ~style).sum()),
            "one_article": int((carried & ~mine & ~style).sum()),
            "own_name": sorted(set(names[name_codes[mine & (a > 0)]].tolist())),
            "house_style": int((style & ~mine & (a > 0)).sum()),
        }
        order = np.lexsort((name_codes, -ll))
        order = order[~(few | carried | mine | style)[order]]
        if top_n is not None:  # the group's top_n over- and top_n under-used terms only
            over = over_all[order]
            chosen = np.r_[
                _unnested(np.flatnonzero(over), order, names[name_codes], total, top_n),
                _unnested(np.flatnonzero(~over), order, names[name_codes], total, top_n),
            ]
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
    out.attrs["left_out"] = shared(left_out)
    out.attrs["folded_names"] = shared(folded)
    out.attrs["min_articles"] = int(min_articles)
    return out


NESTED_SHARE = 0.8  # a term this often inside a longer key term is that term's piece


def _unnested(at: np.ndarray, order: np.ndarray, terms: np.ndarray, total: np.ndarray, top_n: int):
    """The first `top_n` of the ranked positions `at` (into `order`, term indices) without a
    term that is a piece of a longer one among the candidates: its words run inside the longer
    term's and the longer term holds at least NESTED_SHARE of its corpus count ("hampshire"
    beside "new hampshire", "senator bernie" beside "senator bernie sanders")."""
    window = at[: 4 * top_n]
    words = [f" {terms[order[i]]} " for i in window]
    keep = []
    for j, i in enumerate(window):
        t = order[i]
        inside = any(
            k != j
            and len(w) > len(words[j])
            and words[j] in w
            and total[order[window[k]]] >= NESTED_SHARE * total[t]
            for k, w in enumerate(words)
        )
        if not inside:
            keep.append(i)
        if len(keep) == top_n:
            break
    return np.asarray(keep, dtype=np.int64)


def _one_article(most, top_two, gi, a, total, over_all, size, min_articles) -> np.ndarray:
    """Which terms of group `gi` rest on one article (ONE_ARTICLE_SHARE): an over-use of which
    the group's heaviest user holds more than half (in a group of at least `min_articles`), an
    under-use of which the rest's heaviest user holds more than half of the rest's count.
    `most`: terms x groups, the most one article uses each term; `top_two`: each term's two
    highest of those. No rule with `min_articles` 1."""
    if min_articles <= 1:
        return np.zeros(len(a), dtype=bool)
    rest_most = np.where(most[:, gi] == top_two[:, 1], top_two[:, 0], top_two[:, 1])
    return np.where(
        over_all,
        (most[:, gi] > ONE_ARTICLE_SHARE * a) & (size >= min_articles),
        rest_most > ONE_ARTICLE_SHARE * (total - a),
    )


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
    most = np.zeros_like(grid)  # the most one article of the group uses each term
    if "max_count" in table.columns:  # (none in a table from before the column: no rule)
        np.maximum.at(most, cells, table["max_count"].to_numpy(dtype=np.int64)[rows])
    total = total[keep]
    term_names = np.asarray(vocab, dtype=object)[term_keys[keep] // 4]
    return grid, docs, most, total, term_names, term_keys[keep] % 4


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
