"""The terms the topics leave out by outlet: the terms step's house style (terms widespread in
most outlets) and each outlet's signature terms (page text one outlet repeats), on a sample of
per-article term counts. Used by `newscorpus.topics.model.fit_topics`."""

from __future__ import annotations

import numpy as np
import pandas as pd


def house_style(sample: pd.DataFrame, groups: pd.Series, names=None) -> list[str]:
    """The terms step's house style (`terms.term_spread`), on a sample of per-article counts.

    Input: per-article counts (article_id, term, count; ngram and n_words when present, else
    1 and the article's counted terms), `groups` (article_id -> outlet or any label; articles
    without one are left out) and `names` (a `terms.name_terms` table or terms: never house
    style; or a callable (by_group, sizes) -> such a table, called once the counts are grouped,
    e.g. reading `terms.name_terms` on the tokens). Output: the terms used in at least 20 % of the articles of at least three quarters
    of the groups of 5 articles or more (with fewer such groups: in half of all articles),
    most frequent first — the terms step's rule (`terms.HOUSE_STYLE_RULE`), reused.
    """
    from newscorpus.terms import group_counts, term_spread

    lab = pd.Series(np.asarray(groups, dtype=object), index=pd.Index(groups.index).astype("str"))
    lab = lab.dropna().astype("str")
    lab = lab[~lab.index.duplicated()]
    counts = sample[sample["article_id"].isin(lab.index)]
    if not len(counts):
        return []
    if "ngram" not in counts:
        counts = counts.assign(ngram=1)
    if "n_words" not in counts:
        counts = counts.assign(n_words=counts.groupby("article_id")["count"].transform("sum"))
    lab = lab[lab.index.isin(pd.unique(counts["article_id"]))]
    by_group = group_counts(counts, lab)
    sizes = lab.value_counts()
    if callable(names):  # read the names only now, for the candidates of these counts
        names = names(by_group, sizes)
    spread = term_spread(by_group, sizes, names)
    return spread.loc[spread["house_style"].astype(bool), "term"].astype("str").tolist()


# House style (≥ 20 % of most outlets' articles) is background only when topics are narrower
# than that: with 10 topics or more (or the default rule) an average topic holds ≤ 10 %.
HOUSE_MIN_TOPICS = 10
SIGNATURE_CONCENTRATION = 0.9  # an outlet's signature: at least 90 % of the term's articles …
SIGNATURE_SPREAD = (0.1, 0.5)  # … in 10 % to under half of that outlet's articles …
SIGNATURE_MIN = 5  # … at least 5 of them, the outlet under half of the corpus


def outlet_signatures(sample: pd.DataFrame, groups: pd.Series) -> list[str]:
    """Terms that are one outlet's signature, not a story's: page text the outlet repeats
    (an editor's note, a newsletter plug, its embeds) that the reader's furniture missed.

    Input: per-article counts (article_id, term, count) and `groups` (article_id -> outlet).
    Output: the terms at least 90 % of whose articles are one outlet's, used in at least 5 and
    in 10 % to under half of that outlet's articles, in a corpus of two or more outlets of 5
    articles or more where that outlet has under half of the articles; most widespread
    first. A story only one outlet covered is in few of its articles (under 10 %); an outlet
    that covers only one story uses its words in most of its articles (half or more): neither
    is a signature.
    """
    lab = pd.Series(np.asarray(groups, dtype=object), index=pd.Index(groups.index).astype("str"))
    lab = lab.dropna().astype("str")
    lab = lab[~lab.index.duplicated()]
    ids = pd.unique(sample["article_id"])
    lab = lab[lab.index.isin(ids)]
    sizes = lab.value_counts()
    if (sizes >= SIGNATURE_MIN).sum() < 2:
        return []
    pairs = sample[["article_id", "term"]].drop_duplicates()
    pairs = pairs.assign(outlet=pairs["article_id"].map(lab)).dropna(subset=["outlet"])
    per = pairs.groupby(["term", "outlet"], sort=False).size()
    total = per.groupby(level=0).sum()
    top = per.sort_values(ascending=False).groupby(level=0).head(1).reset_index(name="n")
    top["total"] = top["term"].map(total)
    top["size"] = top["outlet"].map(sizes)
    top["corpus"] = top["outlet"].map(sizes / sizes.sum())
    spread = top["n"] / top["size"]
    hit = (
        (top["n"] >= SIGNATURE_CONCENTRATION * top["total"])
        & (top["n"] >= SIGNATURE_MIN)
        & (spread >= SIGNATURE_SPREAD[0])
        & (spread < SIGNATURE_SPREAD[1])
        & (top["corpus"] < 0.5)
    )
    found = top[hit].sort_values(["n", "term"], ascending=[False, True])
    return found["term"].astype("str").tolist()
