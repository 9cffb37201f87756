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
from newscorpus.plots import (
    PALETTE,
    SMALL_N,
    article_label,
    bounded_size,
    fade_small,
    label_at,
    n_label,
    no_data,
    note_small_n,
    period_ticks,
    shade_periods,
    tail_note,
)

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
    articles: pd.DataFrame, groups: pd.Series, period: str = "month", top_n: int = grouping.TOP_N
) -> pd.DataFrame:
    """Articles per group and period (Media Cloud's attention over time), long form.

    Input: `articles`, group labels (`groups.assign`; articles without a label, such as
    duplicates left out, are not counted), a period ("year", "quarter", "month", "week",
    "day") and how many groups to keep (beyond `top_n` groups the rest are pooled as "other
    (K groups)"). Output columns: period (label), group, n_articles, n_group (the group's dated
    articles), share (n_articles / n_group: the part of the group's own output published in
    that period, 0–1), period_note ("partial: 3 of 28 days" for a first or last period the corpus
    covers only in part, `groups.period_coverage`; else ""). Every period between the first
    and last dated article is present, so a
    gap in coverage shows as a zero; the last period is the last one with an article. Undated
    articles are left out (counted in `group_summary`). Raises ValueError for an unknown
    period.
    """
    folded = grouping.top_n(groups, top_n)
    labelled = articles[articles["article_id"].astype("str").isin(folded.index)]
    labels = grouping.period_labels(labelled["published"], period)
    table = pd.DataFrame(
        {
            "period": labels.to_numpy(),
            "group": folded.reindex(labelled["article_id"].astype("str")).astype("str").to_numpy(),
        }
    )
    table = table[table["period"] != grouping.NO_DATE]
    if table.empty:
        return pd.DataFrame(
            {"period": [], "group": [], "n_articles": [], "n_group": [], "share": []}
        ).astype({"period": "str", "group": "str", "n_articles": "int64", "n_group": "int64"})
    periods = grouping.period_range(table["period"], period)
    names = (
        [str(c) for c in folded.dtype.categories if (table["group"] == str(c)).any()]
        if isinstance(folded.dtype, pd.CategoricalDtype)
        else sorted(table["group"].unique())
    )
    counts = table.groupby(["period", "group"]).size()
    full = pd.MultiIndex.from_product([periods, names], names=["period", "group"])
    out = counts.reindex(full, fill_value=0).rename("n_articles").reset_index()
    out["n_group"] = out["group"].map(table["group"].value_counts()).astype("int64")
    out["share"] = (out["n_articles"] / out["n_group"]).round(4)
    coverage = grouping.period_coverage(labelled["published"], period).set_index("period")
    out["period_note"] = out["period"].map(coverage["note"]).fillna("").astype("str")
    return out.astype({"period": "str", "group": "str", "n_articles": "int64"})


def duplicates(articles: pd.DataFrame, groups: pd.Series, limit: int = 20) -> pd.DataFrame:
    """Reprinted articles per group: how many of each group's articles repeat an earlier
    article, word for word or nearly (`duplicate_of`, set by the reader for identical texts
    and by `newscorpus.corpus.duplicates` for near-duplicates).

    Input: `articles` (with `duplicate_of`) and labels from `groups.assign(...,
    duplicates=True)` (every article labelled). Output: one row per group with at least one
    duplicate, most first: group, n_articles (all, copies included), n_duplicates, share
    (0–1), example (the first copy as "Title — Outlet, date", and the article it repeats).
    Analyses count each text once: `groups.assign` leaves the copies out by default.
    """
    columns = ["group", "n_articles", "n_duplicates", "share", "example"]
    if "duplicate_of" not in articles.columns:
        return pd.DataFrame({c: [] for c in columns})
    dup = articles["duplicate_of"]
    flagged = (dup.notna() & dup.astype("str").str.strip().ne("")).fillna(False).to_numpy()
    if not flagged.any():
        return pd.DataFrame({c: [] for c in columns})
    table = grouping.attach(articles[["article_id"]], groups).assign(dup=flagged)
    table["group"] = table["group"].astype("str")
    out = table.groupby("group").agg(n_articles=("dup", "size"), n_duplicates=("dup", "sum"))
    out = out[out["n_duplicates"] > 0].reset_index()
    out["share"] = (out["n_duplicates"] / out["n_articles"]).round(4)
    names = article_label(articles, width=50)
    copies = articles[flagged]
    first = copies.assign(group=table.loc[flagged, "group"].to_numpy()).drop_duplicates("group")
    examples = {
        g: f"{names.get(str(a), a)} (repeats {names.get(str(o), o)})"
        for g, a, o in zip(first["group"], first["article_id"], first["duplicate_of"], strict=True)
    }
    out["example"] = out["group"].map(examples)
    out = out.sort_values(["n_duplicates", "group"], ascending=[False, True])
    return out.head(limit).reset_index(drop=True)[columns].astype({"n_duplicates": "int64"})


def lengths(articles: pd.DataFrame, groups: pd.Series, top_n: int = grouping.TOP_N) -> pd.DataFrame:
    """Body words per article with its group (top groups, the rest as "other (K groups)").

    Articles without a label (duplicates `groups.assign` left out) are left out.
    Output columns: article_id, group, n_words, n_sentences (one row per article).
    """
    folded = grouping.top_n(groups, top_n)
    out = articles[["article_id", "n_words", "n_sentences"]].copy()
    out.insert(1, "group", folded.reindex(out["article_id"].astype("str")).to_numpy())
    out = out[out["group"].notna()].reset_index(drop=True)
    if isinstance(folded.dtype, pd.CategoricalDtype):  # groups in their order (largest first)
        present = set(out["group"].astype("str"))
        order = [str(c) for c in folded.dtype.categories if str(c) in present]
        out["group"] = pd.Categorical(out["group"].astype("str"), categories=order, ordered=True)
    return out


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


def composition(
    paragraphs: pd.DataFrame, groups: pd.Series, top_n: int = grouping.TOP_N
) -> pd.DataFrame:
    """Words by paragraph kind per group: what was kept as body and what was set aside.

    Input: the paragraphs table (article_id, kind, and text or n_words) and one label per
    article. Output columns: group, kind (title, dek, byline, caption, body, boilerplate),
    n_words, share (of the group's words, 0–1), n_articles (the group's articles). Rows:
    groups × kinds.
    """
    folded = grouping.top_n(groups, top_n)
    if "n_words" in paragraphs:  # counted part by part (`parts.paragraph_words`)
        words = paragraphs["n_words"].astype("int64")
    else:
        words = paragraphs["text"].str.count(r"\S+").fillna(0).astype("int64")
    table = pd.DataFrame(
        {
            "group": folded.reindex(paragraphs["article_id"].astype("str")).to_numpy(),
            "kind": pd.Categorical(paragraphs["kind"], categories=PARAGRAPH_KINDS),
            "n_words": words.to_numpy(),
        }
    )
    if isinstance(folded.dtype, pd.CategoricalDtype):  # groups in their order, largest first
        order = [str(c) for c in folded.dtype.categories]
        table["group"] = pd.Categorical(table["group"], categories=order, ordered=True)
    out = table.groupby(["group", "kind"], observed=False)["n_words"].sum().reset_index()
    totals = out.groupby("group", observed=False)["n_words"].transform("sum")
    out["share"] = (out["n_words"] / totals.where(totals > 0)).fillna(0.0).round(4)
    out = out[out["group"].isin(folded.dropna().unique())]
    out["n_articles"] = out["group"].map(folded.value_counts()).fillna(0).astype("int64")
    out = out.astype({"group": "str", "kind": "str", "n_words": "int64"})
    return out.reset_index(drop=True)


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
    kind = kind.str.replace(r"^((?:near-)?duplicate of) .*", r"\1 another article", regex=True)
    table = pd.DataFrame({"problem": kind, "action": problems["action"].astype("str")})
    out = table.value_counts().rename("n").reset_index()
    return out.sort_values(["n", "problem"], ascending=[False, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- figures


def _group_colours(names: list[str]) -> dict[str, tuple]:
    """One colour per group: the theme's palette up to 10 groups, tab20 beyond; "other" grey."""
    palette = sns.color_palette(None if len(names) <= 10 else "tab20", len(names))
    return {
        name: ((0.6, 0.6, 0.6) if grouping.is_other(name) else palette[i])
        for i, name in enumerate(names)
    }


def _mark_partial(ax, table: pd.DataFrame, periods: pd.Index) -> None:
    """Shade a first or last period the corpus covers only in part and label it at the top
    ("partial: 3 of 28 days"): its low count is where the corpus stops, not a drop in coverage."""
    if "period_note" not in table.columns:
        return
    notes = table.drop_duplicates("period").set_index("period")["period_note"].reindex(periods)
    notes = notes.fillna("").astype("str").to_numpy()
    at = np.flatnonzero(notes != "")
    shade_periods(ax, at, labels=notes[at])


def plot_attention(table: pd.DataFrame, max_ticks: int = 24) -> tuple[plt.Figure, pd.DataFrame]:
    """Attention over time (from `attention`): counts, and each group's share of its output.

    Top: articles per period stacked by group (the corpus's output). Bottom: one row per
    group, each cell the share of that group's own dated articles published in the period, so
    a small outlet's timing reads as clearly as a large one's; each cell shows its evidence,
    the share over its articles of the group's n ("61%" over "11/18", so a dark cell of 1
    article of 2 reads as such), or the count alone when cells are narrow, or nothing when
    too narrow (the title says which); row labels give each group's n, rows resting on
    fewer than 5 articles are faded. Empty periods are kept (a zero, a white
    cell) and the last tick is the last period. The data is `table` (with n_group and share).
    """
    if table.empty:
        fig, ax = plt.subplots(figsize=(10, 4))
        no_data(ax, "no publication dates")
        ax.set(title="Attention over time")
        return fig, table
    counts = table.pivot(index="period", columns="group", values="n_articles").fillna(0)
    order = table.drop_duplicates("group")["group"].tolist()
    counts = counts[[g for g in order if g in counts.columns]]
    shares = table.pivot(index="group", columns="period", values="share").reindex(counts.columns)
    n_group = table.drop_duplicates("group").set_index("group")["n_group"].reindex(counts.columns)
    n_rows = len(counts.columns)
    height = 3.6 + (0.32 * n_rows + 1.0 if n_rows > 1 else 0)
    if n_rows > 1:
        fig, (ax, heat) = plt.subplots(
            2,
            1,
            figsize=bounded_size(11, height),
            sharex=True,
            gridspec_kw={"height_ratios": [3.6, 0.32 * n_rows + 1.0]},
        )
    else:
        fig, ax = plt.subplots(figsize=bounded_size(11, height))
        heat = None
    x = np.arange(len(counts))
    bottom = np.zeros(len(counts))
    colours = _group_colours(list(counts.columns))
    for name in counts.columns:  # stacked bars read the same for 5 articles or 100,000
        values = counts[name].to_numpy()
        ax.bar(x, values, bottom=bottom, width=0.85, label=name, color=colours[name])
        bottom += values
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set(title="Attention over time", ylabel="articles", xlabel="")
    ax.set_ylim(0, max(1.0, float(bottom.max())) * 1.18)  # room for the "partial" labels
    _mark_partial(ax, table, counts.index)
    if n_rows > 1:
        ax.legend(
            title="group",
            bbox_to_anchor=(1.01, 1),
            loc="upper left",
            fontsize=8 if n_rows <= 12 else 7,
            ncol=1 if n_rows <= 12 else 2,
        )
    axis_label = "publication period (every period kept; an empty one is a zero)"
    axis_label += tail_note(counts.index, bottom)
    if heat is None:
        period_ticks(ax, counts.index, max_ticks)
        ax.set_xlabel(axis_label)
        return fig, table
    values = shares.to_numpy(dtype=float) * 100
    masked = np.ma.masked_where(values <= 0, values)  # no article: a white cell
    image = heat.imshow(masked, aspect="auto", cmap="Blues", interpolation="nearest", vmin=0)
    small = n_group.to_numpy() < SMALL_N
    for row in np.flatnonzero(small):
        heat.axhspan(row - 0.5, row + 0.5, color="white", alpha=0.6, lw=0)
    heat.set_yticks(
        np.arange(n_rows), [n_label(g, n) for g, n in zip(counts.columns, n_group, strict=True)]
    )
    for tick, few in zip(heat.get_yticklabels(), small, strict=True):
        if few:
            tick.set_color("0.55")
    heat.grid(False)
    period_ticks(heat, counts.index, max_ticks)
    heat.set_xlabel(axis_label)
    shown = _cell_counts(fig, heat, values, counts.T.to_numpy(dtype=float), n_group.to_numpy())
    heat.set_title(
        "Share of each group's own articles published in the period" + CELL_NOTES[shown],
        loc="left",
        fontsize=10,
        fontweight="normal",
    )
    # the colour bar sits outside the heatmap, so both panels keep the same width and each
    # period's cells stand under its bar
    bar = fig.colorbar(image, cax=heat.inset_axes([1.01, 0.0, 0.015, 1.0]))
    bar.set_label("% of the group's articles", fontsize=8)
    if small.any():
        note_small_n(heat, n_group)
    return fig, table


CELL_NOTES = {
    "full": " (cell: the share over its articles of the group's n)",
    "count": " (each cell: the group's articles in the period)",
    "none": " (cells too narrow for numbers: the counts are in the CSV)",
}


def _cell_counts(fig, heat, values, counts, n_group) -> str:
    """Write each non-empty cell's evidence in it: "61%" over "11/18" (the group's articles
    in the period of its n) when the cell is wide enough at 7 points, else the count alone,
    else nothing. Returns which: "full", "count" or "none" (for the title's note)."""
    n_rows, n_cols = values.shape
    cell = fig.get_figwidth() * heat.get_position().width / max(n_cols, 1) * 72  # points
    longest = max(len(f"{int(n)}/{int(n)}") for n in n_group) if len(n_group) else 3
    char = 0.62 * 7  # points per character at 7 points
    if cell >= (longest + 1.5) * char:
        shown = "full"
    elif cell >= (len(str(int(np.nanmax(counts, initial=1)))) + 1) * char:
        shown = "count"
    else:
        return "none"
    top = np.nanmax(values, initial=1.0)
    for r in range(n_rows):
        for c in range(n_cols):
            if not counts[r, c] > 0:
                continue
            text = f"{int(counts[r, c])}"
            if shown == "full":
                text = f"{values[r, c]:.0f}%\n{text}/{int(n_group[r])}"
            heat.text(
                c,
                r,
                text,
                ha="center",
                va="center",
                fontsize=7,
                linespacing=1.0,
                color="white" if values[r, c] > 0.6 * top else "0.15",
            )
    return shown


def plot_lengths(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Body words per article as one box per group (from `lengths`); the data is per group.

    The axis ends at the 99th percentile of all lengths when longer articles exist; the x label
    then says so and gives the longest article's words (its row stays in the summary)."""
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
        boxes = [p for p in ax.patches][: len(summary)]
        if len(boxes) == len(summary):
            fade_small(boxes, summary["n_articles"])
        note_small_n(ax, summary["n_articles"])
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
    xlabel = "words in body paragraphs"
    if not table.empty:
        cut, longest = float(table["n_words"].quantile(0.99)), int(table["n_words"].max())
        beyond = int((table["n_words"] > cut).sum())
        if beyond:  # a few very long articles would squash every box: cut the axis, say so
            ax.set_xlim(0, cut * 1.05)
            xlabel += (
                f"\naxis cut at the 99th percentile ({cut:,.0f} words): {beyond:,} longer "
                f"article{'s' if beyond != 1 else ''} not drawn; longest: {longest:,} words"
            )
    ax.set(title="Article length by group", xlabel=xlabel, ylabel="group")
    return fig, summary


def plot_composition(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars: the share of each group's words set aside, by paragraph kind.

    Body text, the rest of each bar, is left out so small shares stay visible; a kind no
    group has is left out of the legend (each kind keeps its colour).
    """
    kinds = [k for k in PARAGRAPH_KINDS if k != "body"]
    colours = dict(zip(kinds, sns.color_palette(PALETTE, len(kinds)), strict=True))
    wide = table.pivot(index="group", columns="kind", values="share").reindex(columns=kinds)
    order = table.drop_duplicates("group")["group"].tolist()
    wide = wide.reindex(order).fillna(0.0)
    wide = wide.loc[:, wide.gt(0).any()] if wide.gt(0).any().any() else wide
    fig, ax = plt.subplots(figsize=bounded_size(9, 0.45 * max(1, len(wide)) + 2))
    if wide.empty:
        no_data(ax, "no paragraphs")
    else:
        n = table.drop_duplicates("group").set_index("group")["n_articles"].reindex(wide.index)
        (wide * 100).plot.barh(
            stacked=True, ax=ax, width=0.7, color=[colours[k] for k in wide.columns]
        )
        ax.set_xlim(0, max(1.0, float((wide * 100).sum(axis=1).max()) * 1.08))
        ax.set_yticks(range(len(wide)), [n_label(g, k) for g, k in zip(wide.index, n, strict=True)])
        for container in ax.containers:
            fade_small(container, n)
        note_small_n(ax, n)
        ax.invert_yaxis()
        ax.legend(title="set aside as", bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.set(
        title="What was set aside before analysis",
        xlabel="% of the group's words (the rest is body text)",
        ylabel="group",
    )
    return fig, table


# --------------------------------------------------------------------------- copies and wire


def _copies(articles: pd.DataFrame) -> np.ndarray:
    """True for each article that repeats an earlier one (`duplicate_of` set)."""
    if "duplicate_of" not in articles.columns:
        return np.zeros(len(articles), bool)
    dup = articles["duplicate_of"]
    return (dup.notna() & dup.astype("str").str.strip().ne("")).fillna(False).to_numpy(bool)


def _group_order(folded: pd.Series, present) -> list[str]:
    present = set(present)
    if isinstance(folded.dtype, pd.CategoricalDtype):
        return [str(c) for c in folded.dtype.categories if str(c) in present]
    counts = folded.astype("str").value_counts()
    return [g for g in counts.index if g in present]


def copy_share(
    articles: pd.DataFrame, groups: pd.Series, top_n: int = grouping.TOP_N
) -> pd.DataFrame:
    """The share of each group's articles that are copies of an earlier article.

    Input: `articles` (article_id, duplicate_of, duplicate_similarity, text) and labels from
    `groups.assign(..., duplicates=True)` (every article labelled); beyond `top_n` groups the
    rest are pooled ("other (K groups)"). A copy is an article whose `duplicate_of` is set:
    the same text, or nearly (`newscorpus.corpus.duplicates`: MinHash/LSH over word shingles
    of the body, estimated Jaccard similarity >= 0.5). Output columns: group, n_articles,
    n_copies, share (0-1), n_wire (copies that credit a wire service: Reuters, AFP, AP),
    median_similarity (of the copies); one row per group, then the pooled corpus row when
    there are two groups or more.
    """
    from newscorpus.corpus.duplicates import wire_credit

    columns = ["group", "n_articles", "n_copies", "share", "n_wire", "median_similarity"]
    folded = grouping.top_n(groups, top_n)
    table = grouping.attach(articles[["article_id"]], folded)
    flagged = _copies(articles)
    sim = (
        articles["duplicate_similarity"].to_numpy(float)
        if "duplicate_similarity" in articles.columns
        else np.full(len(articles), np.nan)
    )
    wire = np.zeros(len(articles), bool)
    if flagged.any() and "text" in articles.columns:
        wire[flagged] = wire_credit(articles.loc[flagged, "text"]).notna().to_numpy()
    table = table.assign(copy=flagged, wire=wire, sim=np.where(flagged, sim, np.nan))
    table = table[table["group"].notna()]
    if table.empty:
        return pd.DataFrame({c: [] for c in columns})
    table["group"] = table["group"].astype("str")

    def summarise(frame: pd.DataFrame) -> dict:
        n, k = len(frame), int(frame["copy"].sum())
        return {
            "n_articles": n,
            "n_copies": k,
            "share": round(k / n, 4) if n else 0.0,
            "n_wire": int(frame["wire"].sum()),
            "median_similarity": round(float(frame["sim"].median()), 3) if k else np.nan,
        }

    by = dict(tuple(table.groupby("group", sort=False)))
    rows = [{"group": g, **summarise(by[g])} for g in _group_order(folded, by)]
    if grouping.needs_pooled(groups.dropna()):
        rows.append({"group": grouping.POOLED, **summarise(table)})
    return pd.DataFrame(rows, columns=columns)


def reprints(articles: pd.DataFrame, groups: pd.Series, top_n: int = 12) -> pd.DataFrame:
    """Who reprints whom: copies counted by the copy's group and its original's group.

    Input: `articles` (article_id, duplicate_of) and labels from `groups.assign(...,
    duplicates=True)`; groups beyond the `top_n` with most articles are pooled ("other (K
    groups)"), so the table has at most (top_n + 1)^2 rows. Output columns: copy_group,
    original_group, n_copies (> 0), share_of_copies (of the copy group's copies, 0-1);
    copy groups in label order. A group reprinting itself (an outlet repeating its own story)
    is a diagonal row.
    """
    columns = ["copy_group", "original_group", "n_copies", "share_of_copies"]
    flagged = _copies(articles)
    if not flagged.any():
        return pd.DataFrame({c: [] for c in columns})
    folded = grouping.top_n(groups, top_n)
    names = folded.astype("str")
    copies = articles.loc[flagged, ["article_id", "duplicate_of"]].astype("str")
    pairs = pd.DataFrame(
        {
            "copy_group": copies["article_id"].map(names).to_numpy(),
            "original_group": copies["duplicate_of"].map(names).to_numpy(),
        }
    ).dropna()
    if pairs.empty:
        return pd.DataFrame({c: [] for c in columns})
    out = pairs.value_counts().rename("n_copies").reset_index()
    total = out.groupby("copy_group")["n_copies"].transform("sum")
    out["share_of_copies"] = (out["n_copies"] / total).round(4)
    order = {g: i for i, g in enumerate(_group_order(folded, set(names)))}
    out = out.sort_values(
        ["copy_group", "n_copies", "original_group"],
        key=lambda s: s.map(order) if s.name != "n_copies" else -s,
        kind="stable",
    )
    return out.reset_index(drop=True)[columns].astype({"n_copies": "int64"})


FEW_COPIES = 10  # at most this many copies in the corpus: draw only the groups holding one


def plot_copy_share(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Share of each group's articles that are copies (from `copy_share`), one bar a group,
    the part crediting a wire service darker; labels give copies of n. Groups of fewer than
    5 articles are faded. The title gives the corpus's copies of its articles; when there
    are at most FEW_COPIES copies, only the groups holding one are drawn (the title says how
    many groups have none). The returned table is the whole input."""
    if table.empty or not table["n_copies"].sum():
        fig, ax = plt.subplots(figsize=(7, 1.6))
        no_data(ax, "no copies: every article is a text of its own")
        ax.set_yticks([])
        return fig, table
    data = table
    pooled = table["group"].eq(grouping.POOLED)
    total = table[pooled] if pooled.any() else table
    copies, n_all = int(total["n_copies"].sum()), int(total["n_articles"].sum())
    title = f"Copies: {copies:,} of {n_all:,} articles repeat an earlier article"
    if copies <= FEW_COPIES:
        keep = table["n_copies"].gt(0) | pooled
        left = int((~keep).sum())
        table = table[keep].reset_index(drop=True)
        if left:
            title += f" ({left:,} group{'s' if left != 1 else ''} without a copy not drawn)"
    n = max(1, len(table))
    fig, ax = plt.subplots(figsize=bounded_size(9, 0.42 * n + 2.1))
    ax.set_title(title, loc="left", fontweight="bold", fontsize=10)
    y = np.arange(len(table))
    pct = 100 * table["share"].to_numpy(float)
    wire = 100 * (table["n_wire"] / table["n_articles"].clip(lower=1)).to_numpy(float)
    bars = ax.barh(y, pct, color="#8fb3d9", label="copies")
    ax.barh(y, wire, color="#1f4e79", label="copies crediting a wire service")
    fade_small(bars, table["n_articles"])
    note_small_n(ax, table["n_articles"])
    ax.set_yticks(
        y, [n_label(g, k) for g, k in zip(table["group"], table["n_articles"], strict=True)]
    )
    ax.invert_yaxis()
    for yi, p, k in zip(y, pct, table["n_copies"], strict=True):
        label_at(ax, f"{p:.1f} % ({k:,})", (p, yi), offset=(4, 0), fontsize=9, color="black")
    ax.set_xlim(0, max(5.0, pct.max() * 1.25))
    ax.set_xlabel(
        "% of the group's articles that repeat an earlier article (near-duplicates included)"
    )
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig, data


def reprint_order(table: pd.DataFrame) -> list[str]:
    """One order for both axes of the who-reprints-whom grid (from `reprints`).

    Input: a `reprints` table (copy_group, original_group, n_copies). Output: every group
    named as copy or original, by the number of copies it is involved in (as the copy's group
    or the original's, a self-copy counted once) most first, then name; the pooled "other (K
    groups)" last. Sharing the order puts a group's self-copies on the diagonal.
    """
    if table.empty:
        return []
    n = table["n_copies"].to_numpy()
    self_copy = table["copy_group"].eq(table["original_group"]).to_numpy()
    involved = (
        pd.concat(
            [
                pd.Series(n, index=table["copy_group"].to_numpy()),
                pd.Series(np.where(self_copy, 0, n), index=table["original_group"].to_numpy()),
            ]
        )
        .groupby(level=0)
        .sum()
    )
    return sorted(involved.index, key=lambda g: (grouping.is_other(g), -int(involved[g]), str(g)))


def plot_reprints(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Who reprints whom (from `reprints`): a grid of copies, the copy's group down, the
    original's group across, both axes in one order (`reprint_order`) so a group repeating its
    own story sits on the outlined diagonal; every cell's count is written in it (0 included),
    the title gives the number of copy pairs."""
    if table.empty:
        fig, ax = plt.subplots(figsize=(6, 2.5))
        no_data(ax, "no copies")
        ax.set_yticks([])
        return fig, table
    order = reprint_order(table)
    grid = (
        table.pivot_table(
            index="copy_group", columns="original_group", values="n_copies", aggfunc="sum"
        )
        .reindex(index=order, columns=order)
        .fillna(0)
    )
    k = len(order)
    fig, ax = plt.subplots(figsize=bounded_size(max(6.5, 0.7 * k + 4), 0.45 * k + 3))
    sns.heatmap(
        grid,
        annot=True,
        fmt=".0f",
        cmap="Blues",
        vmin=0,
        cbar=False,
        linewidths=0.5,
        linecolor="0.9",
        ax=ax,
    )
    for i in range(k):  # the diagonal: a group repeating its own story
        ax.add_patch(plt.Rectangle((i, i), 1, 1, fill=False, edgecolor="#c0392b", linewidth=1.6))
    ax.set_title(
        f"Who reprints whom: {int(table['n_copies'].sum()):,} copy pairs"
        "\noutlined diagonal: a group repeating its own story",
        fontsize=10,
    )
    ax.set_xlabel("group of the original (the earliest article of the copies' group)")
    ax.set_ylabel("group of the copy")
    ax.grid(False)
    ax.tick_params(axis="y", rotation=0)
    ax.tick_params(axis="x", rotation=45)
    plt.setp(ax.get_xticklabels(), ha="right")
    fig.tight_layout()
    return fig, table
