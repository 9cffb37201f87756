"""Tables for analysts from the `entities` table: who and what is mentioned, by group and over time.

Counts are of articles (an article naming Obama ten times counts once), by canonical name, so a
long article does not outweigh ten short ones; `n_mentions` is given beside. Groups come from
`groups.assign` (articles it leaves out, reprinted copies by default, are not counted) and are
bounded with `groups.top_n`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newscorpus import groups
from newscorpus.entities import kinds
from newscorpus.paths import DATA_DIR

PLACE_TYPES = ("LOC",)
TYPE_NAMES = {"PER": "people", "ORG": "organisations", "LOC": "places", "MISC": "other names"}


def _labelled(entities: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """Entities with their article's group, rows of unlabelled articles dropped."""
    table = groups.attach(entities, labels)
    return table[table["group"].notna()]


def top_mentioned(
    entities: pd.DataFrame,
    labels: pd.Series,
    top: int = 10,
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The corpus's most mentioned names of each type.

    Input: an entities table, group labels (`groups.assign`), `articles` (article_id, outlet):
    when given, an article's mentions of its own outlet and wire credits are left out
    (`self_mentions`: "told Reuters" in a Reuters corpus). Output: columns type, canonical,
    n_articles (articles naming it), n_mentions, share (of the labelled articles), variants
    (spellings seen, most used first, at most 5), the `top` first per type by n_articles."""
    entities = entities[~self_mentions(entities, articles, labels)]
    table = _labelled(entities, labels)
    n_total = max(len(labels), 1)
    if table.empty:
        return pd.DataFrame(
            columns=["type", "canonical", "n_articles", "n_mentions", "share", "variants"]
        )
    table = table.assign(
        type=table["type"].astype("str"), canonical=table["canonical"].astype("str")
    )
    agg = table.groupby(["type", "canonical"], as_index=False).agg(
        n_articles=("article_id", "nunique"), n_mentions=("article_id", "size")
    )
    spellings = (
        table.groupby(["type", "canonical"])["text"]
        .agg(lambda s: " | ".join(s.value_counts().index[:5]))
        .rename("variants")
    )
    agg = agg.join(spellings, on=["type", "canonical"])
    agg["share"] = agg["n_articles"] / n_total
    agg = agg.sort_values(
        ["type", "n_articles", "n_mentions", "canonical"], ascending=[True, False, False, True]
    )
    out = agg.groupby("type", group_keys=False).head(top)
    return out[["type", "canonical", "n_articles", "n_mentions", "share", "variants"]].reset_index(
        drop=True
    )


def self_mentions(
    entities: pd.DataFrame, articles: pd.DataFrame | None, labels: pd.Series | None = None
) -> np.ndarray:
    """Which rows of `entities` are an article's mention of its own outlet or a wire credit.

    Input: entities (article_id, text, type, canonical), the articles table (article_id,
    outlet; None: nothing is flagged) and optionally group labels (article_id → group): an
    article with no outlet takes its group's name as its outlet (a folder corpus grouped by
    outlet folder: "huff-post", "nyt", "breitbart"). A row is flagged when it is a
    name (organisation, person or other; never a place) that is the article's own outlet (`kinds.same_outlet`: the same outlet key
    through the outlet list, so "HuffPost" and "Huffington Post" are one; "Times" in a
    Washington Times article) or a news agency of the outlet list ("Associated Press", "AP",
    "Reuters", "UPI": in an outlet's own articles a credit or a byline, not what it covers).
    Output: a boolean array, one per row."""
    flags = np.zeros(len(entities), dtype=bool)
    if articles is None or not len(entities):
        return flags
    ids = articles["article_id"].astype("str")
    outlet = (
        articles["outlet"].astype("object").where(articles["outlet"].notna(), None)
        if "outlet" in articles
        else pd.Series(None, index=articles.index, dtype="object")
    )
    outlet_of = pd.Series(outlet.to_numpy(), index=ids.to_numpy())
    if labels is not None:
        group = labels.astype("object").reindex(outlet_of.index)
        outlet_of = outlet_of.where(outlet_of.notna() & (outlet_of != ""), group)
    outlet_of = outlet_of.dropna().astype("str")
    # any name but a place: the tagger may call an outlet's name a person ("Vox" in Vox)
    org = entities["type"].astype("str").isin(["ORG", "PER", "MISC"]).to_numpy()
    pairs = pd.DataFrame(
        {
            "canonical": entities["canonical"].astype("str").to_numpy(),
            "text": entities["text"].astype("str").to_numpy(),
            "outlet": entities["article_id"]
            .astype("str")
            .map(outlet_of)
            .astype("object")
            .fillna("")
            .to_numpy(),
        }
    )
    agencies = wire_agencies()
    keys = pairs[org].drop_duplicates()
    hit = {
        (c, t, o)
        for c, t, o in zip(keys["canonical"], keys["text"], keys["outlet"], strict=True)
        if (kinds.outlet_name(c) or c) in agencies
        or kinds.same_outlet(c, o)
        or kinds.same_outlet(t, o)
    }
    flags[org] = [
        (c, t, o) in hit
        for c, t, o in zip(
            pairs["canonical"][org], pairs["text"][org], pairs["outlet"][org], strict=True
        )
    ]
    return flags


def wire_agencies() -> frozenset[str]:
    """The news agencies of the outlet list (`data/outlets.csv`, medium "agency")."""
    table = pd.read_csv(DATA_DIR / "outlets.csv", dtype=str, keep_default_na=False)
    return frozenset(table.loc[table["medium"] == "agency", "name"])


def mentioned_by_group(
    entities: pd.DataFrame,
    labels: pd.Series,
    kind: str = "PER",
    top: int = 10,
    top_n: int = groups.TOP_N,
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The most mentioned names of one type in each group.

    Input: entities, group labels, `kind` (PER, ORG, LOC, MISC), `top` names per group, `top_n`
    groups (the rest pooled, `groups.top_n`), `articles` (article_id, outlet): when given, an
    article's mentions of its own outlet (its group's name when it has no outlet) and wire
    credits are left out (`self_mentions`).
    Output: columns group, canonical, n_articles, n_mentions, group_n (the group's articles),
    share (n_articles / group_n), rank; groups in label order, names by n_articles then
    n_mentions."""
    folded = groups.top_n(labels, top_n)
    entities = entities[~self_mentions(entities, articles, labels)]
    table = _labelled(entities[entities["type"].astype("str") == kind], folded)
    cols = ["group", "canonical", "n_articles", "n_mentions", "group_n", "share", "rank"]
    if table.empty:
        return pd.DataFrame(columns=cols)
    group_n = folded.value_counts()
    agg = (
        table.assign(canonical=table["canonical"].astype("str"))
        .groupby(["group", "canonical"], as_index=False, observed=True)
        .agg(n_articles=("article_id", "nunique"), n_mentions=("article_id", "size"))
    )
    agg = agg.sort_values(
        ["group", "n_articles", "n_mentions", "canonical"], ascending=[True, False, False, True]
    )
    agg["rank"] = agg.groupby("group", observed=True).cumcount() + 1
    agg = agg[agg["rank"] <= top]
    agg["group_n"] = agg["group"].map(group_n).astype("int64")
    agg["share"] = agg["n_articles"] / agg["group_n"]
    return agg[cols].reset_index(drop=True)


def mentions_over_time(
    entities: pd.DataFrame,
    articles: pd.DataFrame,
    labels: pd.Series,
    kind: str = "PER",
    period: str = "month",
    top: int = 6,
    own_outlets: bool = False,
) -> pd.DataFrame:
    """Share of each period's articles naming each of the corpus's `top` names of type `kind`.

    Input: entities, the articles table (`published`; `outlet` for the own-outlet rule), group
    labels (which articles count), kind, a period of `groups.PERIODS`, top; `own_outlets`
    False leaves out an article's mentions of its own outlet and wire credits
    (`self_mentions`), True keeps them. Output: one row per name and period (every period
    from the first to the last dated article, none skipped): canonical, period, n_articles
    (articles of the period naming it), period_n (dated articles of the period), share, partial
    (a first or last period the corpus covers only in part, `groups.period_coverage`),
    period_note ("partial: 3 of 28 days"). Undated articles are left out."""
    cols = ["canonical", "period", "n_articles", "period_n", "share", "partial", "period_note"]
    kept = articles[articles["article_id"].astype("str").isin(labels.index)]
    dated = kept[kept["published"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=cols)
    per = groups.period_labels(dated["published"], period)
    per.index = dated["article_id"].astype("str").to_numpy()
    coverage = groups.period_coverage(dated["published"], period).set_index("period")
    table = entities[entities["type"].astype("str") == kind]
    if not own_outlets:
        table = table[~self_mentions(table, articles, labels)]
    table = table[table["article_id"].astype("str").isin(per.index)]
    if table.empty:
        return pd.DataFrame(columns=cols)
    names = (
        table.groupby(table["canonical"].astype("str"))["article_id"]
        .nunique()
        .sort_values(ascending=False)
    )
    names = names.index[:top]
    table = table[table["canonical"].astype("str").isin(names)]
    pairs = table.assign(
        period=table["article_id"].astype("str").map(per),
        canonical=table["canonical"].astype("str"),
    ).drop_duplicates(["canonical", "article_id"])
    counts = pairs.groupby(["canonical", "period"]).size()
    period_n = per.value_counts()
    grid = pd.MultiIndex.from_product(
        [list(names), list(coverage.index)], names=["canonical", "period"]
    )
    out = counts.reindex(grid, fill_value=0).rename("n_articles").reset_index()
    out["period_n"] = out["period"].map(period_n).fillna(0).astype("int64")
    out["share"] = out["n_articles"] / out["period_n"].where(out["period_n"] > 0)
    out["partial"] = out["period"].map(coverage["partial"]).astype(bool)
    out["period_note"] = out["period"].map(coverage["note"]).fillna("")
    return out[cols]


def mentioned_vs_quoted(
    entities: pd.DataFrame, sources: pd.DataFrame, labels: pd.Series, top: int = 20
) -> pd.DataFrame:
    """The most mentioned people, and in how many of the articles naming them they are quoted.

    Input: entities, the `sources` table (canonical, kind; one row per source and article) and
    group labels. A person is quoted in an article when the sources table has a `person` row
    there with the same canonical name (both resolved by `sources.canonical`). Output: columns canonical, n_mentioned (articles naming them),
    n_quoted (articles quoting them, anywhere in the corpus), n_both (articles that name and
    quote them), quoted_share (n_both / n_mentioned), the `top` most mentioned people."""
    cols = ["canonical", "n_mentioned", "n_quoted", "n_both", "quoted_share"]
    people = _labelled(entities[entities["type"].astype("str") == "PER"], labels)
    if people.empty:
        return pd.DataFrame(columns=cols)
    people = people.assign(canonical=people["canonical"].astype("str"))
    mentioned = people.drop_duplicates(["canonical", "article_id"])
    ranked = mentioned.groupby("canonical").size().sort_values(ascending=False).head(top)
    quoted = pd.DataFrame(columns=["canonical", "article_id"])
    if sources is not None and len(sources):
        src = sources[sources["kind"].astype("str") == "person"]
        src = src[src["article_id"].astype("str").isin(labels.index)]
        quoted = src.assign(
            canonical=src["canonical"].astype("str"), article_id=src["article_id"].astype("str")
        )[["canonical", "article_id"]].drop_duplicates()
    q_pairs = set(zip(quoted["canonical"], quoted["article_id"], strict=True))
    rows = []
    for name, n in ranked.items():
        arts = set(mentioned.loc[mentioned["canonical"] == name, "article_id"].astype("str"))
        q_arts = {a for c, a in q_pairs if c == name}
        rows.append(
            {
                "canonical": name,
                "n_mentioned": int(n),
                "n_quoted": len(q_arts),
                "n_both": len(arts & q_arts),
                "quoted_share": len(arts & q_arts) / n if n else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=cols)
