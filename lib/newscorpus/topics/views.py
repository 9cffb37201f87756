"""Reading the topics tables by group and over time: labels, prevalence with 95 % intervals,
prevalence per period, and the distinctive topics of each group.

Each article counts once, for its main topic (its largest share): prevalence is the share of
a group's articles whose main topic is the topic, with a Wilson score interval (Wilson 1927),
and a group's distinctive topics are those over-represented against the rest of the corpus
by Dunning's log-likelihood G² (Dunning 1993) on the 2 × 2 table of articles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newscorpus import groups as grouping
from newscorpus.plots import article_label, clip_text
from newscorpus.terms.base import ll_2x2

Z = 1.96
G2_05 = 3.84  # chi-squared(1) at p = 0.05
MIN_DISTINCTIVE = 5  # a distinctive topic holds at least this many of the group's articles
PREVALENCE_COLUMNS = ["group", "topic", "n_articles", "n_with", "share", "ci_low", "ci_high"]
LABEL_COLUMNS = [
    "topic",
    "label",
    "terms",
    "n_articles",
    "share",
    "top_outlet",
    "outlet_share",
    "flag",
    "headlines",
    "article_ids",
]
ONE_OUTLET = 0.9  # a topic whose articles are this much one outlet's is that outlet's, not a story
ONE_OUTLET_MIN = 5  # … over at least this many articles, the outlet under half of the corpus
CATCH_ALL_TIMES = 2  # a catch-all holds at least 2 times an even share of the articles (1/k) …
CATCH_ALL_SHARE = 0.1  # … and at least a tenth of them …
# … while its articles are held more loosely than the others' (median main-topic weight lower)


def main_topics(topics: pd.DataFrame) -> pd.Series:
    """Each article's main topic (its largest share; the lower topic number on a tie): a
    Series of int indexed by article_id (str), named "topic". Articles without a row are
    absent."""
    if not len(topics):
        return pd.Series([], dtype="int64", name="topic", index=pd.Index([], name="article_id"))
    t = topics.assign(article_id=topics["article_id"].astype("str"))
    t = t.sort_values(["article_id", "weight", "topic"], ascending=[True, False, True])
    first = t.drop_duplicates("article_id")
    return pd.Series(
        first["topic"].to_numpy(np.int64),
        index=pd.Index(first["article_id"], name="article_id"),
        name="topic",
    )


def counted(topics: pd.DataFrame, group_labels: pd.Series) -> pd.DataFrame:
    """The topics rows of the articles the group labels count: input the topics table
    (article_id, topic, weight) and `groups.assign`'s labels (indexed by article_id; reprinted
    copies have no label unless `include_duplicates`); output the same columns, only the rows
    whose article has a label, so every view counts the same articles as the groups."""
    keep = set(group_labels.dropna().index.astype("str"))
    return topics[topics["article_id"].astype("str").isin(keep).to_numpy()]


def labels(
    topics: pd.DataFrame,
    topic_terms: pd.DataFrame,
    articles: pd.DataFrame,
    n_terms: int = 5,
    n_headlines: int = 3,
    width: int = 70,
) -> pd.DataFrame:
    """One row per topic: topic, label ("T3 oil · crude · opec"), terms (the `n_terms` top
    terms), n_articles (articles whose main topic it is), share (of the articles with a
    topic), top_outlet and outlet_share (the outlet most of those articles are from, and its
    share of them; empty without an outlet column), flag, headlines (up to `n_headlines`
    distinct titles, " | "-joined: the articles with the largest share of the topic among
    those whose main topic it is) and article_ids (theirs).

    `flag` (also in the label) warns that a topic is not a story: "one outlet" when at least
    90 % of its articles (5 or more) are one outlet's, in a corpus of several outlets where that
    outlet has under half of the articles (an outlet's style, furniture or embeds, or a story
    only it covered: read the headlines); "catch-all" when it holds at least twice an even
    share (2/k of the articles) and at least a tenth of them, while its articles' main-topic
    weight is lower (median) than the other topics' articles': the model's bin for articles
    no topic fits, labelled "T0 (mixed)" without terms (its top terms describe none of its
    articles well; they stay in `terms`). Input: the topics and topic_terms tables and `articles` (article_id,
    title; outlet and published are shown when present).
    """
    main = main_topics(topics)
    terms = topic_terms.sort_values(["topic", "rank"])
    all_topics = sorted(set(terms["topic"].astype(int)) | set(main.astype(int)))
    top = terms[terms["rank"] <= n_terms].groupby("topic")["term"].agg(list)
    counts = main.value_counts()
    t = topics.assign(article_id=topics["article_id"].astype("str"))
    t = t[t["topic"].to_numpy() == t["article_id"].map(main).to_numpy()]
    t = t.sort_values(["topic", "weight", "article_id"], ascending=[True, False, True])
    titled = articles.assign(article_id=articles["article_id"].astype("str"))
    titled = titled[titled["article_id"].isin(set(t["article_id"]))]
    titles = (
        titled["title"].astype("str").where(titled["title"].notna(), "")
        if "title" in titled
        else pd.Series("", index=titled.index)
    )
    key = pd.Series(titles.str.lower().str.strip().to_numpy(), index=titled["article_id"])
    shown = article_label(titled, width)
    rows = []
    total = max(int(counts.sum()), 1)
    outlets = _outlet_concentration(main, articles)
    loose = _catch_all(topics, main, len(all_topics))
    for topic in all_topics:
        words = top.get(topic, [])
        cand = t.loc[t["topic"] == topic, "article_id"].head(50 * n_headlines)
        seen, picked = set(), []
        for aid in cand:
            k = key.get(aid, aid) or aid
            if k in seen:
                continue
            seen.add(k)
            picked.append(aid)
            if len(picked) == n_headlines:
                break
        n = int(counts.get(topic, 0))
        top_outlet, outlet_share, one = outlets.get(int(topic), ("", np.nan, False))
        flag = "; ".join(
            f for f, on in (("catch-all", int(topic) in loose), ("one outlet", one)) if on
        )
        head = f"T{topic} ({flag}) " if flag else f"T{topic} "
        label = clip_text(head + " · ".join(words[:3]), 40 + len(flag) + 3 * bool(flag))
        if int(topic) in loose:  # its top terms describe none of its articles well
            label = f"T{topic} (mixed{'; one outlet' if one else ''})"
        rows.append(
            {
                "topic": int(topic),
                "label": label,
                "terms": ", ".join(words),
                "n_articles": n,
                "share": round(n / total, 4),
                "top_outlet": top_outlet,
                "outlet_share": outlet_share,
                "flag": flag,
                "headlines": " | ".join(shown.get(a, a) for a in picked),
                "article_ids": " ".join(picked),
            }
        )
    return pd.DataFrame(rows, columns=LABEL_COLUMNS)


def _outlet_concentration(main: pd.Series, articles: pd.DataFrame) -> dict:
    """topic -> (its largest outlet, that outlet's share of its articles, one-outlet flag)."""
    if "outlet" not in articles or not len(main):
        return {}
    outlet = pd.Series(
        articles["outlet"].astype("str").to_numpy(),
        index=articles["article_id"].astype("str").to_numpy(),
    )
    outlet = outlet[~outlet.index.duplicated()]
    frame = pd.DataFrame({"topic": main.to_numpy(), "outlet": main.index.map(outlet)}).dropna()
    if not len(frame):
        return {}
    corpus_share = frame["outlet"].value_counts(normalize=True)
    several = (frame["outlet"].value_counts() >= ONE_OUTLET_MIN).sum() >= 2
    out = {}
    for topic, part in frame.groupby("topic"):
        shares = part["outlet"].value_counts()
        top, share = str(shares.index[0]), float(shares.iloc[0] / len(part))
        one = bool(
            several
            and len(part) >= ONE_OUTLET_MIN
            and share >= ONE_OUTLET
            and corpus_share.get(top, 1.0) < 0.5
        )
        out[int(topic)] = (top, round(share, 4), one)
    return out


def _catch_all(topics: pd.DataFrame, main: pd.Series, k: int) -> set[int]:
    """The topics that hold at least CATCH_ALL_TIMES / k and CATCH_ALL_SHARE of the articles
    while their articles' median main-topic weight is below the other articles' median."""
    if not len(main) or k < 2:
        return set()
    t = topics.assign(article_id=topics["article_id"].astype("str"))
    t = t[t["topic"].to_numpy() == t["article_id"].map(main).to_numpy()]
    share = main.value_counts(normalize=True)
    big = share[(share >= CATCH_ALL_TIMES / k) & (share >= CATCH_ALL_SHARE)].index
    found = set()
    for topic in big:
        mine = t["topic"] == topic
        if mine.all():
            continue
        if t.loc[mine, "weight"].median() < t.loc[~mine, "weight"].median():
            found.add(int(topic))
    return found


def _wilson(k: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    k, n = np.asarray(k, float), np.asarray(n, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
        half = Z * np.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def prevalence(
    topics: pd.DataFrame, group_labels: pd.Series, top_n: int | None = grouping.TOP_N
) -> pd.DataFrame:
    """Share of each group's articles whose main topic is each topic, with 95 % intervals.

    Input: the topics table and group labels (`groups.assign`: article_id -> label; articles
    without a label, e.g. reprinted copies, are left out), `top_n` groups kept apart (the
    rest pooled as `groups.top_n` does; None keeps all). Output columns group, topic,
    n_articles (the group's labelled articles, those without any topic included), n_with,
    share, ci_low, ci_high (Wilson 95 %); every group × topic, groups in label order, then
    "whole corpus" when there are two groups or more.
    """
    lab = group_labels.dropna()
    if top_n is not None and len(lab):
        lab = grouping.top_n(lab, top_n)
    order = (
        list(lab.dtype.categories)
        if isinstance(lab.dtype, pd.CategoricalDtype)
        else sorted(lab.astype("str").unique())
    )
    lab = lab.astype("str")
    lab.index = lab.index.astype("str")
    main = main_topics(topics)
    all_topics = sorted(set(topics["topic"].astype(int))) if len(topics) else []
    frame = pd.DataFrame({"group": lab.to_numpy(), "topic": lab.index.map(main).to_numpy()})
    sizes = frame.groupby("group").size()
    order = [g for g in order if g in sizes.index]
    with_topic = frame.dropna(subset=["topic"]).astype({"topic": "int64"})
    hits = with_topic.groupby(["group", "topic"]).size()
    blocks = [(g, int(sizes[g])) for g in order]
    if len(order) >= 2:
        blocks.append((grouping.POOLED, int(sizes.sum())))
        pooled = with_topic.groupby("topic").size()
        hits = pd.concat([hits, pd.concat({grouping.POOLED: pooled}, names=["group", "topic"])])
    rows = [(g, t, n) for g, n in blocks for t in all_topics]
    table = pd.DataFrame(rows, columns=["group", "topic", "n_articles"])
    idx = pd.MultiIndex.from_frame(table[["group", "topic"]])
    table["n_with"] = hits.reindex(idx, fill_value=0).to_numpy(np.int64)
    n, k = table["n_articles"].to_numpy(), table["n_with"].to_numpy()
    table["share"] = np.where(n > 0, k / np.maximum(n, 1), np.nan)
    table["ci_low"], table["ci_high"] = _wilson(k, n)
    return table[PREVALENCE_COLUMNS]


def over_time(
    topics: pd.DataFrame,
    articles: pd.DataFrame,
    period: str = "month",
    include_duplicates: bool = False,
) -> pd.DataFrame:
    """Prevalence of each topic per period (`prevalence` with periods as groups), every period
    from the first to the last date, with `partial` and `note` from `groups.period_coverage`
    (a first or last period the corpus covers only in part). Articles without a date are left
    out, and reprinted copies (`duplicate_of` set) too unless `include_duplicates`, as
    `groups.assign` does. Raises ValueError for an unknown period.
    """
    if period not in grouping.PERIODS:
        raise ValueError(f"period={period!r}: expected one of {', '.join(grouping.PERIODS)}")
    lab = grouping.assign(articles, period, duplicates=include_duplicates)
    lab = lab[lab.astype("str") != grouping.NO_DATE]
    cover = grouping.period_coverage(articles["published"], period)
    table = prevalence(topics, lab, top_n=None)
    table = table[table["group"] != grouping.POOLED].rename(columns={"group": "period"})
    all_topics = sorted(set(topics["topic"].astype(int))) if len(topics) else []
    grid = pd.DataFrame(
        [(p, t) for p in cover["period"] for t in all_topics], columns=["period", "topic"]
    )
    table = grid.merge(table, on=["period", "topic"], how="left")
    table["n_articles"] = table["n_articles"].fillna(0).astype("int64")
    table["n_with"] = table["n_with"].fillna(0).astype("int64")
    return table.merge(cover[["period", "partial", "note"]], on="period", how="left")


def distinctive(
    prevalence_table: pd.DataFrame, n: int = 3, min_articles: int = MIN_DISTINCTIVE
) -> pd.DataFrame:
    """The topics over-represented in each group against the rest of the corpus.

    Input: a `prevalence` table. Output columns group, topic, n_with (the group's articles
    whose main topic it is), share, share_rest (share in all other groups' articles), ratio
    (share / share_rest), g2 (Dunning's log-likelihood of the 2 × 2 table: main topic or not
    × this group or the rest), rank: per group up to `n` topics with share > share_rest,
    g2 ≥ 3.84 (p < 0.05) and at least `min_articles` (5) of the group's articles, the
    largest g2 first: a topic of one or two of a group's articles is "only here" by
    chance, never distinctive. Empty when there is one group.
    """
    t = prevalence_table[prevalence_table["group"] != grouping.POOLED].copy()
    columns = ["group", "topic", "n_with", "share", "share_rest", "ratio", "g2", "rank"]
    if t["group"].nunique() < 2:
        return pd.DataFrame(columns=columns)
    total_n = t.drop_duplicates("group")["n_articles"].sum()
    topic_n = t.groupby("topic")["n_with"].transform("sum")
    k, size = t["n_with"].to_numpy(float), t["n_articles"].to_numpy(float)
    rest_n = total_n - size
    rest_k = topic_n.to_numpy(float) - k
    with np.errstate(divide="ignore", invalid="ignore"):
        t["share_rest"] = np.where(rest_n > 0, rest_k / rest_n, np.nan)
        t["ratio"] = np.where(rest_k > 0, t["share"] / t["share_rest"], np.inf)
    t["g2"] = ll_2x2(k, size, topic_n.to_numpy(float), float(total_n)).round(2)
    t = t[(t["share"] > t["share_rest"]) & (t["g2"] >= G2_05) & (t["n_with"] >= min_articles)]
    t = t.sort_values(["group", "g2"], ascending=[True, False], kind="stable")
    order = {g: i for i, g in enumerate(prevalence_table["group"].drop_duplicates())}
    t = t.sort_values("group", key=lambda s: s.map(order), kind="stable")
    t["rank"] = t.groupby("group", sort=False).cumcount() + 1
    t = t[t["rank"] <= n]
    return t[columns].round({"share": 4, "share_rest": 4, "ratio": 2}).reset_index(drop=True)
