"""What is in a corpus, by group: attention over time, article length, what was set aside.

Compute functions take the reader's tables (`articles`, `paragraphs`, `problems`) and the group
labels from `newscorpus.groups.assign`, and return small tables whose size depends on the
number of groups and periods, never on the number of articles. Figure functions take those
tables and return (Figure, data behind it).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.ticker import MaxNLocator

from newscorpus import groups as grouping
from newscorpus.corpus import PARAGRAPH_KINDS
from newscorpus.plots import bounded_size, no_data

SUMMARY_COLUMNS = ["article_id", "title", "outlet", "byline", "published", "n_words", "n_sentences"]


def article_summary(articles: pd.DataFrame, limit: int = 20) -> pd.DataFrame:
    """The first `limit` articles with the metadata an analyst checks first (article order).

    Columns: article_id, title, outlet, byline, published, n_words, n_sentences.
    """
    columns = [c for c in SUMMARY_COLUMNS if c in articles.columns]
    return articles[columns].head(limit).reset_index(drop=True)


def group_summary(articles: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """One row per group: n_articles, n_dated, first and last publication date, median words.

    Input: `articles` and labels from `groups.assign`. Output columns: group, n_articles,
    n_dated (articles with a publication date), first, last (dates), median_words,
    total_words. Rows in the groups' order.
    """
    table = grouping.attach(articles[["article_id", "published", "n_words"]], groups)
    out = table.groupby("group", observed=False).agg(
        n_articles=("article_id", "size"),
        n_dated=("published", "count"),
        first=("published", "min"),
        last=("published", "max"),
        median_words=("n_words", "median"),
        total_words=("n_words", "sum"),
    )
    out["first"] = out["first"].dt.strftime("%Y-%m-%d")
    out["last"] = out["last"].dt.strftime("%Y-%m-%d")
    out["median_words"] = out["median_words"].round(0).astype("Int64")
    return out.reset_index().astype({"group": "str"})


def attention(
    articles: pd.DataFrame, groups: pd.Series, period: str = "month", top_n: int = 8
) -> pd.DataFrame:
    """Articles per group and period (Media Cloud's attention over time), long form.

    Input: `articles`, group labels, a period ("year", "quarter", "month", "week", "day") and
    how many groups to keep (the rest are summed as "other"). Output columns: period (label),
    group, n_articles; every period between the first and last dated article is present, so
    a gap in coverage shows as a zero. Undated articles are left out (counted in
    `group_summary`). Raises ValueError for an unknown period.
    """
    labels = grouping.period_labels(articles["published"], period)
    folded = grouping.top_n(groups, top_n)
    table = pd.DataFrame(
        {
            "period": labels.to_numpy(),
            "group": folded.reindex(articles["article_id"]).astype("str").to_numpy(),
        }
    )
    table = table[table["period"] != grouping.NO_DATE]
    if table.empty:
        return pd.DataFrame({"period": [], "group": [], "n_articles": []}).astype(
            {"period": "str", "group": "str", "n_articles": "int64"}
        )
    dated = pd.to_datetime(articles["published"]).dropna()
    days = pd.Series(pd.date_range(dated.min().normalize(), dated.max(), freq="D"))
    periods = sorted(set(grouping.period_labels(days, period)) | set(table["period"]))
    names = (
        [str(c) for c in folded.dtype.categories]
        if isinstance(folded.dtype, pd.CategoricalDtype)
        else sorted(table["group"].unique())
    )
    counts = table.groupby(["period", "group"]).size()
    full = pd.MultiIndex.from_product([periods, names], names=["period", "group"])
    out = counts.reindex(full, fill_value=0).rename("n_articles").reset_index()
    return out.astype({"period": "str", "group": "str", "n_articles": "int64"})


def lengths(articles: pd.DataFrame, groups: pd.Series, top_n: int = 12) -> pd.DataFrame:
    """Body words per article with its group (top groups, the rest as "other").

    Output columns: article_id, group, n_words, n_sentences (one row per article).
    """
    folded = grouping.top_n(groups, top_n)
    out = articles[["article_id", "n_words", "n_sentences"]].copy()
    out.insert(1, "group", folded.reindex(out["article_id"]).to_numpy())
    return out.reset_index(drop=True)


def length_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per group from `lengths`: n_articles and the quartiles of body words (q1, median, q3)."""
    g = table.groupby("group", observed=True)["n_words"]
    out = pd.DataFrame(
        {
            "n_articles": g.size(),
            "q1": g.quantile(0.25),
            "median": g.median(),
            "q3": g.quantile(0.75),
            "max": g.max(),
        }
    )
    return out.round(0).reset_index().astype({"group": "str"})


def composition(paragraphs: pd.DataFrame, groups: pd.Series, top_n: int = 12) -> pd.DataFrame:
    """Words by paragraph kind per group: what was kept as body and what was set aside.

    Output columns: group, kind (title, dek, byline, caption, body, boilerplate), n_words,
    share (of the group's words, 0–1). Rows: groups × kinds.
    """
    folded = grouping.top_n(groups, top_n)
    words = paragraphs["text"].str.count(r"\S+").fillna(0).astype("int64")
    table = pd.DataFrame(
        {
            "group": folded.reindex(paragraphs["article_id"]).to_numpy(),
            "kind": pd.Categorical(paragraphs["kind"], categories=PARAGRAPH_KINDS),
            "n_words": words.to_numpy(),
        }
    )
    out = table.groupby(["group", "kind"], observed=False)["n_words"].sum().reset_index()
    totals = out.groupby("group", observed=False)["n_words"].transform("sum")
    out["share"] = (out["n_words"] / totals.where(totals > 0)).fillna(0.0).round(4)
    out = out[out["group"].isin(folded.unique())]
    return out.astype({"group": "str", "kind": "str", "n_words": "int64"}).reset_index(drop=True)


def set_aside(paragraphs: pd.DataFrame, width: int = 90, limit: int = 25) -> pd.DataFrame:
    """What was set aside, by rule: kind, reason, n_paragraphs, n_articles and one example.

    The most frequent `limit` (kind, reason) pairs; each example is the first such paragraph,
    cut to `width` characters.
    """
    p = paragraphs[paragraphs["kind"] != "body"]
    if p.empty:
        return pd.DataFrame(columns=["kind", "reason", "n_paragraphs", "n_articles", "example"])
    reason = p["reason"].fillna("").astype("str")
    keyed = p.assign(reason=reason.where(reason.ne(""), "(" + p["kind"].astype("str") + ")"))
    g = keyed.groupby(["kind", "reason"], observed=True, sort=False)
    out = g.agg(
        n_paragraphs=("text", "size"),
        n_articles=("article_id", "nunique"),
        example=("text", "first"),
    ).reset_index()
    out["example"] = out["example"].where(
        out["example"].str.len() <= width, out["example"].str.slice(0, width - 1) + "…"
    )
    out = out.sort_values(["n_paragraphs", "kind", "reason"], ascending=[False, True, True])
    return out.head(limit).reset_index(drop=True).astype({"kind": "str", "reason": "str"})


def problem_summary(problems: pd.DataFrame) -> pd.DataFrame:
    """Input problems counted by kind: problem (digits folded), action, n (most frequent first)."""
    if problems.empty:
        return pd.DataFrame({"problem": [], "action": [], "n": []}).astype({"n": "int64"})
    kind = problems["problem"].astype("str").str.replace(r"\d+", "N", regex=True)
    kind = kind.str.replace(r"^(duplicate of) .*", r"\1 another article", regex=True)
    table = pd.DataFrame({"problem": kind, "action": problems["action"].astype("str")})
    out = table.value_counts().rename("n").reset_index()
    return out.sort_values(["n", "problem"], ascending=[False, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- figures


def plot_attention(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Articles per period, one line per group (from `attention`)."""
    fig, ax = plt.subplots(figsize=(10, 5))
    if table.empty:
        no_data(ax, "no dated articles")
    else:
        wide = table.pivot(index="period", columns="group", values="n_articles").fillna(0)
        order = table.drop_duplicates("group")["group"].tolist()
        wide = wide[[g for g in order if g in wide.columns]]
        x = np.arange(len(wide))
        bottom = np.zeros(len(wide))
        for name in wide.columns:  # stacked bars read the same for 5 articles or 100,000
            ax.bar(x, wide[name].to_numpy(), bottom=bottom, width=0.85, label=name)
            bottom += wide[name].to_numpy()
        step = max(1, int(np.ceil(len(x) / 24)))
        ax.set_xticks(x[::step], wide.index[::step], rotation=45, ha="right")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        if wide.shape[1] > 1:
            ax.legend(title="group", bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.set(title="Attention over time", xlabel="publication period", ylabel="articles")
    return fig, table


def plot_lengths(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Body words per article as one box per group (from `lengths`); the data is per group."""
    summary = length_summary(table)
    n_groups = max(1, len(summary))
    fig, ax = plt.subplots(figsize=bounded_size(9, 0.45 * n_groups + 1.8))
    if table.empty:
        no_data(ax, "no articles")
    else:
        sns.boxplot(
            data=table.astype({"group": "str"}),
            x="n_words",
            y="group",
            order=summary["group"].tolist(),
            color="#8fb3d9",
            showfliers=False,
            ax=ax,
        )
        sample = table.groupby("group", observed=True).head(200)  # bounded: 200 dots a group
        rows = sample["group"].astype("str").map({g: i for i, g in enumerate(summary["group"])})
        jitter = (np.arange(len(sample)) % 9 - 4) * 0.05  # deterministic, so PNGs are stable
        ax.scatter(sample["n_words"], rows + jitter, s=8, color="#1f4e79", alpha=0.6, zorder=3)
        for y, (n, median) in enumerate(zip(summary["n_articles"], summary["median"], strict=True)):
            ax.annotate(
                f"n={n}, median {median:.0f}",
                (1.0, y),
                xycoords=("axes fraction", "data"),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
            )
    ax.set(title="Article length by group", xlabel="words in body paragraphs", ylabel="group")
    return fig, summary


def plot_composition(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars: the share of each group's words set aside, by paragraph kind.

    Body text, the rest of each bar, is left out so small shares stay visible.
    """
    wide = table.pivot(index="group", columns="kind", values="share").reindex(
        columns=[k for k in PARAGRAPH_KINDS if k != "body"]
    )
    order = table.drop_duplicates("group")["group"].tolist()
    wide = wide.reindex(order).fillna(0.0)
    fig, ax = plt.subplots(figsize=bounded_size(9, 0.45 * max(1, len(wide)) + 2))
    if wide.empty:
        no_data(ax, "no paragraphs")
    else:
        (wide * 100).plot.barh(stacked=True, ax=ax, width=0.7)
        ax.invert_yaxis()
        ax.legend(title="set aside as", bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.set(
        title="What was set aside before analysis",
        xlabel="% of the group's words (the rest is body text)",
        ylabel="group",
    )
    return fig, table
