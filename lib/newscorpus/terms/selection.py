"""Which terms to show: words every news story uses (`NEWS_FUNCTION_WORDS`), the frequent and
distinctive terms of a group, terms spread evenly across groups (house style), terms mostly
written capitalised mid-sentence (names), content terms, corpus tf-idf and the default term to
trace. Built from the per-article counts of `terms.aggregate`, never from tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newscorpus.shared import shared
from newscorpus.terms.aggregate import count_partitions, group_counts, is_group_table
from newscorpus.terms.keyness_groups import MIN_ARTICLES, ONE_ARTICLE_SHARE
from newscorpus.terms.style import ALWAYS_HOUSE_STYLE as ALWAYS_HOUSE_STYLE
from newscorpus.terms.style import CLOCK_WORDS as CLOCK_WORDS
from newscorpus.terms.style import FOLD_SHARE as FOLD_SHARE
from newscorpus.terms.style import HONORIFIC_WORDS as HONORIFIC_WORDS
from newscorpus.terms.style import STYLE_RULE as STYLE_RULE
from newscorpus.terms.style import fold_names as fold_names
from newscorpus.terms.style import name_folds as name_folds
from newscorpus.terms.style import own_name_mask
from newscorpus.terms.style import style_terms as style_terms

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
    "house style left out: news function words (said, mr, would …), honorifics, clock times, "
    "middle initials, and terms used in ≥ 20 % of the articles of ≥ 3/4 of the groups, names "
    "(capitalised mid-sentence) excepted"
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
    wire units and the agency's name (ALWAYS_HOUSE_STYLE), and any term holding an honorific,
    a clock-time word or a middle initial (`style_terms`), which are house style wherever
    used, however few articles use them and however capitalised. Sorted by count, highest
    first, then term.
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
    # dateline months and weekdays, wire units, the agency's name, honorifics, clock times and
    # middle initials: house style wherever used
    house |= style_terms(house.index.get_level_values(0), house.index.get_level_values(1))
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
    `.attrs["house_style"]` (most frequent first). A term more than half of whose count in a
    group of at least 3 articles is one article's is left out of that group (one article's
    subject, not the group's: `.attrs["one_article"]`). Full names are counted once first
    (`fold_names`: "donald" left out beside "trump"; the folds in `.attrs["folded_names"]`)."""
    folded = fold_names(by_group)
    by_group = folded
    spread = term_spread(by_group, group_sizes, names)
    news = spread["term"].isin(NEWS_FUNCTION_WORDS) & (spread["ngram"] == 1)
    house = spread[spread["house_style"] | news]
    drop = set(zip(house["term"], house["ngram"], strict=True))
    keys = zip(by_group["term"].astype("str"), by_group["ngram"], strict=True)
    keep = np.array([k not in drop for k in keys], dtype=bool)
    one = _one_article_terms(by_group, group_sizes)
    out = by_group[keep & ~one].reset_index(drop=True)
    out.attrs["house_style"] = shared(house["term"].tolist())
    out.attrs["one_article"] = shared(by_group.loc[keep & one, "term"].astype("str").tolist())
    out.attrs["folded_names"] = shared(folded.attrs["folded_names"])
    return out


def _one_article_terms(by_group: pd.DataFrame, group_sizes) -> np.ndarray:
    """Rows of a `group_counts` table whose count one article carries: more than half of it
    (`keyness_groups.ONE_ARTICLE_SHARE`, `max_count`) in a group of at least MIN_ARTICLES
    articles (Politico's "systems": 141 of 145 uses in one article). All False without
    `group_sizes` or `max_count`."""
    if group_sizes is None or "max_count" not in by_group.columns:
        return np.zeros(len(by_group), dtype=bool)
    sizes = {str(k): int(v) for k, v in dict(pd.Series(group_sizes).items()).items()}
    size = by_group["group"].astype("str").map(sizes).fillna(0).to_numpy()
    most = by_group["max_count"].to_numpy(dtype=float)
    return (most > ONE_ARTICLE_SHARE * by_group["count"].to_numpy(dtype=float)) & (
        size >= MIN_ARTICLES
    )


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
    no group apart. `names` (a `name_terms` table or terms) are not house style. Style terms
    (`style_terms`: honorifics, clock times, middle initials) are always left out, and a full
    name is counted once (`fold_names`: "donald" is not a term beside "trump").
    """
    columns = ["term", "count", "n_articles", "dp", "tf_idf"]
    if by_group.empty or n_articles < 1:
        return pd.DataFrame({c: [] for c in columns})
    by_group = fold_names(by_group)
    ones = by_group[by_group["ngram"] == 1] if "ngram" in by_group else by_group
    ones = ones[~ones["term"].astype("str").isin(NEWS_FUNCTION_WORDS)]
    ones = ones[~style_terms(ones["term"], listed=False)]
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
    if is_group_table(counts):
        table = counts
    else:
        parts = list(count_partitions(counts))
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


OWN_NAME_SHARE = 0.9  # an outlet with this share of a group's articles names the group
OWN_NAME_RULE = (
    "each group's own outlet name (its canonical name and listed variants) left out of its terms"
)


def _name_forms(name: str) -> set[str]:
    """A name as counted terms are: lower case, a leading "the" dropped, hyphens, dots and
    underscores read as spaces ("The Huffington Post" -> "huffington post"; "usa-today" ->
    "usa today"), and its letters run together ("huffpost") when that is 4 letters or more.
    A one-word name after "The" keeps that form too ("the hill": "told the hill" is the name
    where "hill" alone may be a common word)."""
    text = " ".join(str(name).lower().replace("’", "'").split())
    the = {text} if text.startswith("the ") and " " not in text[4:] else set()
    text = text[4:] if text.startswith("the ") else text
    forms = {text, " ".join(text.replace("-", " ").replace("_", " ").replace(".", " ").split())}
    forms |= the
    glued = "".join(ch for ch in text if ch.isalnum())
    if len(glued) >= 4:
        forms.add(glued)
    return {f for f in forms if f}


def own_outlet_names(labels: pd.Series, articles: pd.DataFrame | None = None) -> dict:
    """Each group's own outlet names, to leave out of its key and top terms.

    Input: `labels`, article_id -> group (`groups.assign`); `articles` (article_id and, when
    present, outlet). A group's outlet is the one its label names (an outlet, or a folder such
    as "huff-post" whose name key is an outlet's: `corpus.outlets.outlet_key`); a group whose
    label names none takes the outlet of at least 90 % of its labelled articles (an unlisted
    outlet's own group, a year of a one-outlet corpus). Each outlet stands for its canonical
    name and the variants and short forms of the shipped outlet list (`data/outlets.csv`:
    "HuffPost", "Huffington Post", "Huff Post"; "the Monitor" of the Christian Science Monitor,
    left out in its own group only, and alone only: marked "=monitor", so "five times" stays
    in the Times's group while "times" alone goes).
    When `articles` has `text`, a form its group's articles also write in lower case as an
    ordinary word ("week" of The Week, "last week") is the name only as the term alone, and only
    when it is written capitalised as a name ("The Week") at least as often; else no name.
    Output: {group (str): sorted list of name forms as counted terms are (lower case,
    "the" dropped: "huffpost", "huffington post")}; groups with no outlet are absent.
    Method: the outlet list's name keys (`corpus.outlets`).
    """
    from newscorpus.corpus import outlets as outlet_names
    from newscorpus.paths import DATA_DIR

    table = pd.read_csv(DATA_DIR / "outlets.csv", dtype=str, keep_default_na=False)
    listed: dict[str, set[str]] = {}  # outlet key -> the list's names and variants
    for name, variants, short in zip(
        table["name"], table["variants"], table["short_forms"], strict=True
    ):
        forms = [name, *[v for v in variants.split("|") if v.strip()]]
        key = outlet_names.outlet_key(name)
        if key:  # "the Monitor", "the Times": the outlet's own short name, in its own group,
            # alone only ("=": never inside a phrase: "five times", "the post office" stay)
            shorts = (f"={s.strip()}" for s in short.split("|") if s.strip())
            listed.setdefault(key, set()).update(shorts)
        if key:
            listed.setdefault(key, set()).update(forms)
            for v in forms:  # a variant's key ("huffingtonpost") finds the outlet too
                vk = outlet_names.outlet_key(v)
                if vk and len(vk) > 2:
                    listed.setdefault(vk, set()).update(forms)
    lab = labels.dropna().astype("str")
    lab.index = lab.index.astype("str")
    row_of = None  # each article's row, to read how its text writes the name ("The Week")
    if articles is not None and "text" in articles.columns:  # (rows, not a copy of every text:
        # 100,000 texts as Python strings took 1.9 GiB)
        row_of = pd.Series(np.arange(len(articles)), index=articles["article_id"].astype("str"))
        row_of = row_of[~row_of.index.duplicated()].reindex(lab.index)
    majority: dict[str, list[str]] = {}
    if articles is not None and "outlet" in articles.columns and len(lab):
        outlet = pd.Series(
            articles["outlet"].astype("str").to_numpy(),
            index=articles["article_id"].astype("str").to_numpy(),
        )
        outlet = outlet[~outlet.index.duplicated()]
        frame = pd.DataFrame({"group": lab.to_numpy(), "outlet": lab.index.map(outlet)})
        frame = frame.dropna()
        if len(frame):
            share = frame.groupby("group")["outlet"].value_counts(normalize=True)
            for (group, name), s in share.items():
                if s >= OWN_NAME_SHARE:
                    majority.setdefault(str(group), []).append(str(name))
    out = {}
    for group in pd.unique(lab.to_numpy()):
        if outlet_names.outlet_key(group) in listed:
            names = {str(group)}  # the label names the outlet: its articles' credits do not
        else:
            names = set(majority.get(str(group), []))
        forms: set[str] = set()
        for name in names:
            forms |= _name_forms(name)
            for variant in listed.get(outlet_names.outlet_key(name) or "", ()):
                alone = variant.startswith("=")
                found = _name_forms(variant[1:] if alone else variant)
                forms |= {f"={f}" for f in found} if alone else found
        if forms and row_of is not None:
            rows = row_of[(lab == group).to_numpy()].dropna().to_numpy(dtype=np.int64)
            forms = _as_written(forms, articles["text"].iloc[rows])
        else:  # "the hill" only where the text shows it written as the name
            forms = {f for f in forms if not f.startswith("the ")}
        if forms:
            out[str(group)] = sorted(forms)
    return out


AS_WRITTEN_ARTICLES = 2000  # a group's first articles read to see how it writes its name


def _as_written(forms: set[str], texts: pd.Series) -> set[str]:
    """A group's name forms, each checked against how the group's articles write it: a form
    the text also writes as an ordinary word in lower case ("week" of The Week: "last week")
    is the name only where it is capitalised as one ("The Week", "the Times"; without "the",
    after a lower-case word: "told Reason"): alone only ("=week") when the capitalised name is
    at least as frequent as the ordinary word, else not the name at all. At most
    AS_WRITTEN_ARTICLES articles of the group are read. A form with "the" ("the hill") is the
    name, inside phrases too, only when written capitalised after a lower-case word ("told The
    Hill") at least once and at least as often as in lower case."""
    text = "\n".join(texts.dropna().astype("str").head(AS_WRITTEN_ARTICLES))  # bounded
    if not text:
        return forms
    out = set()
    for form in forms:
        bare = form.lstrip("=")
        if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", bare):
            out.add(form)
            continue
        # the word in prose, never inside a web or mail address ("politico.com", "@nytimes")
        # each pattern opens with its literal and looks behind it, so re scans for the
        # literal (15x faster on a group's 10 MB of text than a pattern opening with a
        # lookbehind); the same matches
        n = len(bare)
        ordinary = _count(rf"{re.escape(bare)}(?<![\w./@-].{{{n}}})(?![\w/@-]|\.\w)", text)
        cap = re.escape(" ".join(w.capitalize() for w in bare.split()))
        after_lower = rf"{cap}(?<=[a-z,] .{{{n}}})(?![\w-])"  # "told The Hill"
        if bare.startswith("the "):  # "the hill": the name where written "told The Hill"
            mid = _count(after_lower, text)
            if mid and mid >= ordinary:
                out.add(bare)
            continue
        if not ordinary:
            out.add(form)
            continue
        # "The Week", "the Times": "he <Name>" after T or t that opens a word
        the = rf"he {cap}(?<![\w-][Tt].{{{n + 3}}})(?<=[Tt].{{{n + 3}}})(?![\w-])"
        written = _count(the, text) or _count(after_lower, text)
        if written >= ordinary:
            out.add(f"={bare}")
    return out


def _count(pattern: str, text: str) -> int:
    """Non-overlapping matches of `pattern` in `text` (`.` also matching a line break)."""
    return sum(1 for _ in re.finditer(pattern, text, flags=re.S))


def drop_own_names(table: pd.DataFrame, own: dict) -> pd.DataFrame:
    """A `group_counts` table without, in each group, the terms holding one of its own names
    (`own_outlet_names`) as whole words; the terms dropped per group in
    `.attrs["own_name"]` ({group: [terms]}). Other attrs are kept."""
    if not own or table.empty:
        out = table.copy()
        out.attrs["own_name"] = {}
        return out
    drop = np.zeros(len(table), dtype=bool)
    group = table["group"].astype("str").to_numpy()
    terms = table["term"].astype("str")
    dropped = {}
    count = table["count"].to_numpy(dtype=float)
    total = pd.Series(count).groupby([terms.to_numpy(), table["ngram"].to_numpy()]).transform("sum")
    words = table.groupby(group)["n_words"].first() if "n_words" in table else None
    all_words = float(words.sum()) if words is not None else 1.0
    for g, forms in own.items():
        rows = np.flatnonzero(group == str(g))
        hit = np.zeros(len(table), dtype=bool)
        c = float(words.get(str(g), 1)) if words is not None else 1.0
        hit[rows] = own_name_mask(
            terms.iloc[rows].to_numpy(),
            count[rows],
            forms,
            total.to_numpy()[rows] - count[rows],
            (c, all_words - c),
        )
        if hit.any():
            dropped[str(g)] = terms[hit].tolist()
        drop |= hit
    out = table[~drop].reset_index(drop=True)
    out.attrs = {**table.attrs, "own_name": shared(dropped)}
    return out
