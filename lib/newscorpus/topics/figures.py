"""Figures of the topics notebook: each returns (figure, the table it draws) for
`plots.save_figure`, sized within 3,000 px whatever the number of topics and groups."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from newscorpus.groups import POOLED
from newscorpus.plots import (
    LABEL_BARS,
    SMALL_N,
    bounded_size,
    clip_text,
    draw_points,
    no_data,
    partial_note,
    period_n_bars,
    period_ticks,
    shade_periods,
    tail_note,
)
from newscorpus.topics.views import MIN_DISTINCTIVE

MAX_TOPICS_DRAWN = 40  # topics drawn in the group heatmap (the largest; all are in the CSV)


def _names(labels: pd.DataFrame) -> dict[int, str]:
    return dict(zip(labels["topic"].astype(int), labels["label"], strict=True))


def plot_topics(labels: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Articles whose main topic each topic is, largest first, each bar named by the topic's
    top terms and its first representative headline (from `topics.labels`)."""
    table = labels.sort_values(["n_articles", "topic"], ascending=[False, True])
    fig, ax = plt.subplots(figsize=bounded_size(11, 1.2 + 0.42 * max(len(table), 1)))
    if table.empty:
        no_data(ax, "no topics")
        return fig, table
    y = np.arange(len(table))
    ax.barh(y, table["share"] * 100, color=sns.color_palette()[0])
    # the headline as `labels` wrote it: its title already cut at a word boundary, then
    # outlet and date, which a second cut would lose (and end in a doubled "……")
    ticks = [
        f"{row.label}\n{row.headlines.split(' | ')[0]}" if row.headlines else row.label
        for row in table.itertuples()
    ]
    ax.set_yticks(y, ticks, fontsize=7)
    ax.invert_yaxis()
    for yi, (share, n) in enumerate(zip(table["share"], table["n_articles"], strict=True)):
        ax.text(share * 100, yi, f" {share:.0%} ({n:,})", va="center", fontsize=7)
    ax.set_xlabel("share of the articles whose main topic it is, % (n articles)")
    ax.set_xlim(0, max(table["share"].max() * 100 * 1.25, 1))
    ax.set_title("Topics: top terms and the most typical headline", loc="left", fontweight="bold")
    fig.tight_layout()
    return fig, table


def plot_prevalence(
    prevalence: pd.DataFrame, labels: pd.DataFrame, max_topics: int = MAX_TOPICS_DRAWN
) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap group × topic of the share of each group's articles whose main topic it is
    (from `topics.prevalence`); the `max_topics` largest topics drawn, every topic in the
    table. Each cell prints the share; the CSV has its 95 % interval and n."""
    names = _names(labels)
    table = prevalence.assign(label=prevalence["topic"].map(names))
    if table.empty:
        fig, ax = plt.subplots(figsize=(6, 3))
        no_data(ax, "no topics")
        return fig, table
    order = labels.sort_values(["n_articles", "topic"], ascending=[False, True])["topic"].tolist()
    drawn = order[:max_topics]
    groups = list(dict.fromkeys(table["group"]))
    grid = (
        table[table["topic"].isin(drawn)]
        .pivot(index="group", columns="topic", values="share")
        .reindex(index=groups, columns=drawn)
    )
    fig, ax = plt.subplots(figsize=bounded_size(3 + 0.45 * len(drawn), 2.5 + 0.38 * len(groups)))
    sns.heatmap(
        grid * 100,
        ax=ax,
        cmap="Blues",
        annot=len(drawn) * len(groups) <= 900,
        fmt=".0f",
        annot_kws={"fontsize": 6},
        cbar_kws={"label": "% of the group's articles"},
        linewidths=0.3,
        linecolor="white",
    )
    n_of = table.drop_duplicates("group").set_index("group")["n_articles"]
    ax.set_yticklabels(
        [f"{clip_text(g, 30)} ({n_of[g]:,})" for g in groups], fontsize=7, rotation=0
    )
    ax.set_xticklabels(
        [clip_text(names.get(t, f"T{t}"), 30) for t in drawn], fontsize=7, rotation=90
    )
    ax.set_xlabel("")
    ax.set_ylabel("")
    colorbar = ax.collections[0].colorbar
    colorbar.ax.tick_params(labelsize=7)
    colorbar.set_label("% of the group's articles", fontsize=8)
    more = f"; the {len(drawn)} largest of {len(order)} topics" if len(order) > len(drawn) else ""
    title = f"Topics by group: % of each group's articles (n) whose main topic it is{more}"
    width = int(fig.get_size_inches()[0] * 12)  # characters of a 10-point bold line
    # over the whole figure, wrapped to its width: a long title ran over the colour bar
    fig.suptitle(textwrap.fill(title, width), x=0.01, ha="left", fontweight="bold", fontsize=10)
    fig.tight_layout()
    return fig, table


def plot_distinctive(
    distinctive: pd.DataFrame, prevalence: pd.DataFrame, labels: pd.DataFrame
) -> tuple[plt.Figure, pd.DataFrame]:
    """Each group's distinctive topics (from `topics.distinctive`): the group's share with
    its 95 % interval against the share in the rest of the corpus."""
    names = _names(labels)
    ci = prevalence.set_index(["group", "topic"])[["n_articles", "ci_low", "ci_high"]]
    if "n_with" not in distinctive:
        ci = prevalence.set_index(["group", "topic"])[["n_articles", "n_with", "ci_low", "ci_high"]]
    table = distinctive.join(ci, on=["group", "topic"]).assign(
        label=distinctive["topic"].map(names)
    )
    fig, ax = plt.subplots(figsize=bounded_size(10, 1.4 + 0.32 * max(len(table), 1)))
    if table.empty:
        no_data(ax, "no topic is over-represented in any group (or only one group)")
        ax.set_title("Distinctive topics of each group", loc="left", fontweight="bold")
        return fig, table
    y = np.arange(len(table))
    ax.hlines(y, table["ci_low"] * 100, table["ci_high"] * 100, color="0.6", lw=2)
    ax.plot(table["share"] * 100, y, "o", color=sns.color_palette()[0])
    ax.plot(table["share_rest"] * 100, y, "|", color="0.2", ms=10)
    ax.set_yticks(
        y,
        [
            f"{clip_text(g, 28)} · {clip_text(lab, 40)}"
            for g, lab in zip(table["group"], table["label"], strict=True)
        ],
        fontsize=7,
    )
    ax.invert_yaxis()
    for yi, (r, k) in enumerate(zip(table["ratio"], table["n_with"], strict=True)):
        text = ("only here" if not np.isfinite(r) else f"×{r:.1f}") + f" (n={int(k):,})"
        ax.text(1.01, yi, text, transform=ax.get_yaxis_transform(), va="center", fontsize=7)
    # the key in the axis label: a legend inside the axes covered points
    ax.set_xlabel(
        "% of articles whose main topic it is: ● in the group (line: its 95 % interval), "
        "| in the rest of the corpus"
    )
    ax.set_title(
        "Distinctive topics: over-represented in the group against the rest (G², p < 0.05;\n"
        f"at least {MIN_DISTINCTIVE} of the group's articles; n: its articles on the topic)",
        loc="left",
        fontweight="bold",
        fontsize=10,
    )
    fig.tight_layout()
    return fig, table


def plot_over_time(
    over_time: pd.DataFrame, labels: pd.DataFrame, n_topics: int = 8
) -> tuple[plt.Figure, pd.DataFrame]:
    """Share of each period's articles whose main topic is each of the `n_topics` largest
    topics (from `topics.over_time`), one panel a topic with its 95 % band, drawn with the
    suite's shared period axis (`plots`: `period_n_bars`, `shade_periods`, `period_ticks`,
    `partial_note`, `tail_note`): the periods in the table's order (every period from the
    first to the last; a folded tail's bucket, "2012-12 and earlier", kept apart), grey bars
    of the articles per period (n, faded under 5), points resting on fewer than 5 articles
    hollow and without a band (the CSV keeps every interval), a first or last period covered
    only in part shaded "partial" and named under the axis. The y axis fits the shares and the
    bands drawn. Output: the figure and the rows drawn
    (n_articles per period included)."""
    names = _names(labels)
    drawn = labels.sort_values(["n_articles", "topic"], ascending=[False, True])["topic"]
    drawn = drawn.head(n_topics).tolist()
    table = over_time[over_time["topic"].isin(drawn)].assign(label=lambda t: t["topic"].map(names))
    cols = min(2, max(1, len(drawn)))
    rows = max(1, int(np.ceil(len(drawn) / cols)))
    fig, axes = plt.subplots(
        rows, cols, figsize=bounded_size(6 * cols, 1 + 2.4 * rows), squeeze=False, sharex=True
    )
    if table.empty:
        for ax in axes.flat[1:]:
            ax.set_visible(False)
        no_data(axes[0, 0], "no dated articles: no publication dates to draw topics over time")
        return fig, table
    periods = list(dict.fromkeys(table["period"].astype("str")))  # time order, as built
    x_of = {p: k for k, p in enumerate(periods)}
    per = table.drop_duplicates("period").set_index(table["period"].drop_duplicates().astype("str"))
    counts = per["n_articles"].reindex(periods).fillna(0).to_numpy(float)
    notes = (
        per["note"].reindex(periods).fillna("").astype("str")
        if "note" in per
        else pd.Series("", index=periods, dtype="str")
    )
    partial = [x_of[p] for p in periods if notes.get(p, "")]
    # the axis fits the bands of periods with SMALL_N articles or more: one article's period
    # (a "2011 and earlier" bucket) has a 0-78 % band that would squash every other point
    solid = (
        table[table["n_articles"] >= SMALL_N] if (table["n_articles"] >= SMALL_N).any() else table
    )
    highs = pd.concat([solid["ci_high"], table["share"]]).to_numpy(float)
    top = float(np.nanmax(highs)) if len(table) and np.isfinite(highs).any() else 1.0
    top = min(1.0, max(top, 0.05)) * 100
    used = []
    for k, ax in enumerate(axes.flat):
        if k >= len(drawn):
            ax.set_visible(False)
            continue
        used.append(ax)
        part = table[table["topic"] == drawn[k]]
        x = part["period"].astype("str").map(x_of).to_numpy(float)
        # the bars' n written in the first panel (few periods), their scale in the axis label
        heights = 0.2 * top * counts / max(1, counts.max())
        period_n_bars(ax, counts, heights=heights, label_max=LABEL_BARS if k == 0 else 0)
        low, high, share = (
            pd.to_numeric(part[c], errors="coerce").to_numpy(float) * 100
            for c in ("ci_low", "ci_high", "share")
        )  # a period without articles has no share (NaN), never an object column
        few = part["n_articles"].to_numpy() < SMALL_N  # a band from 1-4 articles spans 0-100 %
        ax.fill_between(x, np.where(few, np.nan, low), np.where(few, np.nan, high), alpha=0.2, lw=0)
        draw_points(ax, x, share, part["n_articles"].to_numpy(), size=6, lw=1.2)
        ax.set_title(clip_text(names.get(drawn[k], f"T{drawn[k]}"), 50), fontsize=9)
        ax.set_ylim(0, top)
        ax.set_xlim(-0.5, len(periods) - 0.5)
        ax.tick_params(labelsize=7)
    for ax in used:
        period_ticks(ax, periods, max_ticks=8)
    shade_periods(used, partial, rotation=90)
    for ax in axes[:, 0]:
        ax.set_ylabel("% of the period's articles", fontsize=8)
    fig.suptitle(
        f"The {len(drawn)} largest topics over time: % of each period's articles (95 % band)",
        fontweight="bold",
        x=0.02,
        ha="left",
    )
    fig.supxlabel(
        f"Publication period (grey bars: articles per period, the tallest {int(counts.max()):,}"
        f" articles, n on the first panel's bars; under {SMALL_N}: faded, points hollow, no band)"
        f"{partial_note(notes)}{tail_note(periods, counts)}",
        fontsize=8,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return fig, table


__all__ = ["plot_distinctive", "plot_over_time", "plot_prevalence", "plot_topics", "POOLED"]
