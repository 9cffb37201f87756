"""Summaries of the site furniture set aside (`newscorpus.corpus.furniture`): the share of
each group's text, and the most frequent phrases. Used by the `00-corpus` notebook; also
reachable as `furniture.furniture_share` and `furniture.top_furniture`."""

from __future__ import annotations

import pandas as pd

from newscorpus.corpus.furniture_rules import REASONS, WHERE
from newscorpus.corpus.furniture_tokens import tokens


def _norm_phrase(text: str) -> str:
    return " ".join(t[0] for t in tokens(text))


def furniture_share(paragraphs: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Share of each group's text set aside as boilerplate (site furniture and fixed rules).

    Input: the paragraphs table (article_id, kind, reason, start, end) and one group label per
    article (a Series indexed by article_id, as `groups.assign` gives). Output columns: group,
    articles, chars (all paragraphs), boilerplate_chars, boilerplate_pct, furniture_pct (the
    part found by repetition or by shape, reasons in REASONS), articles_with_furniture; one
    row per group (in the labels' order when they are Categorical, as `groups.assign` and
    `groups.top_n` give them, else largest first), then a `groups.POOLED` row when there are
    two groups or more. Articles without a label (duplicates left out by `groups.assign`) are
    not counted. Method: `furniture` (repetition) and `furniture_rules` (shape).
    """
    from newscorpus import groups as grouping

    columns = [
        "group",
        "articles",
        "chars",
        "boilerplate_chars",
        "boilerplate_pct",
        "furniture_pct",
        "articles_with_furniture",
    ]
    ids = paragraphs["article_id"].astype("str")
    label = ids.map(groups)
    keep = label.notna().to_numpy()
    p = pd.DataFrame(
        {
            "group": label[keep].astype("str").to_numpy(),
            "article_id": ids[keep].to_numpy(),
            "chars": (paragraphs["end"] - paragraphs["start"]).to_numpy()[keep],
            "boilerplate": (paragraphs["kind"] == "boilerplate").to_numpy()[keep],
            "furniture": paragraphs["reason"].isin(REASONS).to_numpy()[keep],
        }
    )
    p["boilerplate_chars"] = p["chars"].where(p["boilerplate"], 0)
    p["furniture_chars"] = p["chars"].where(p["furniture"], 0)

    def summarise(frame: pd.DataFrame) -> dict:
        chars = int(frame["chars"].sum())
        return {
            "articles": frame["article_id"].nunique(),
            "chars": chars,
            "boilerplate_chars": int(frame["boilerplate_chars"].sum()),
            "boilerplate_pct": round(100 * frame["boilerplate_chars"].sum() / chars, 1)
            if chars
            else 0.0,
            "furniture_pct": round(100 * frame["furniture_chars"].sum() / chars, 1)
            if chars
            else 0.0,
            "articles_with_furniture": frame.loc[frame["furniture"], "article_id"].nunique(),
        }

    rows = [{"group": g, **summarise(f)} for g, f in p.groupby("group", sort=False)]
    if isinstance(groups.dtype, pd.CategoricalDtype):  # the labels' own order (periods, top_n)
        order = {str(c): i for i, c in enumerate(groups.cat.categories)}
        rows.sort(key=lambda r: order.get(r["group"], len(order)))
    else:
        rows.sort(key=lambda r: (-r["articles"], r["group"]))
    if grouping.needs_pooled(groups.dropna()):
        rows.append({"group": grouping.POOLED, **summarise(p)})
    return pd.DataFrame(rows, columns=columns)


def top_furniture(
    paragraphs: pd.DataFrame, articles: pd.DataFrame, limit: int = 20, width: int = 80
) -> pd.DataFrame:
    """The most frequent furniture phrases: what was set aside by repetition or shape, and where.

    Input: the paragraphs table (article_id, kind, reason, text) and the articles table
    (article_id, outlet). Output columns: phrase (an example, cut to `width` characters),
    where (line, opening, ending, tail, card; widget, credit, stub, note, video, newsletter,
    related, comments, ads by shape; copy: a line repeated in its article), articles,
    outlets, top_outlet; phrases are grouped after normalising (lower case, digits as 0), most articles first, at most `limit` rows.
    """
    columns = ["phrase", "where", "articles", "outlets", "top_outlet"]
    found = paragraphs.loc[
        paragraphs["reason"].isin(REASONS).to_numpy(), ["article_id", "reason", "text"]
    ]
    if not len(found):
        return pd.DataFrame(columns=columns)
    found = found.assign(
        article_id=found["article_id"].astype("str"),
        key=[_norm_phrase(t) for t in found["text"].tolist()],
        where=found["reason"].map(WHERE),
    )
    outlets = articles.set_index(articles["article_id"].astype("str"))["outlet"]
    found["outlet"] = found["article_id"].map(outlets).fillna("(no outlet)")
    rows = []
    for (_key, where), f in found.groupby(["key", "where"], sort=False):
        example = f["text"].iloc[0]
        rows.append(
            {
                "phrase": example if len(example) <= width else example[: width - 1] + "…",
                "where": where,
                "articles": f["article_id"].nunique(),
                "outlets": f["outlet"].nunique(),
                "top_outlet": f["outlet"].value_counts().index[0],
            }
        )
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(["articles", "phrase"], ascending=[False, True], kind="stable")
    return table.head(limit).reset_index(drop=True)
