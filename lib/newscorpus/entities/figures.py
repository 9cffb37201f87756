"""Figures of the entities views (drawing only); each `plot_*` returns `(figure, data)`."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from newscorpus import plots
from newscorpus.entities.views import TYPE_NAMES

_COLORS = {"PER": "#0173b2", "ORG": "#de8f05", "LOC": "#029e73", "MISC": "#949494"}


def name_label(name: str, width: int = 24) -> str:
    """A name on at most two lines of `width` characters, cut with "…" only beyond that
    ("Federal Bureau of / Investigation", not "Federal Bureau of…")."""
    return textwrap.fill(" ".join(str(name).split()), width, max_lines=2, placeholder="…")


def plot_mentioned_by_group(
    table: pd.DataFrame, kind: str = "PER"
) -> tuple[plt.Figure, pd.DataFrame]:
    """One panel of bars per group: the names of type `kind` most articles of the group mention.

    Input: the table of `views.mentioned_by_group`. Output: the figure (bars = share of the
    group's articles naming each canonical name, annotated with the article count; panel
    titles give the group's n; groups under `plots.SMALL_N` articles faded; names on up to two
    lines, `name_label`; 3 panels a row, 4 beyond 9 groups) and the table."""
    names = list(dict.fromkeys(table["group"].astype("str"))) if len(table) else []
    n = max(len(names), 1)
    ncols = min(3 if n <= 9 else 4, n)
    nrows = -(-n // ncols)
    per_panel = int(table.groupby("group", observed=True).size().max()) if len(table) else 1
    height = 0.34 * max(per_panel, 3) + 1.2
    fig, axes = plt.subplots(
        nrows, ncols, figsize=plots.bounded_size(5.2 * ncols, height * nrows + 0.8), squeeze=False
    )
    what = TYPE_NAMES.get(kind, kind)
    for k, ax in enumerate(axes.flat):
        if k >= n:
            ax.set_visible(False)
            continue
        if not names:
            plots.no_data(ax, f"no {what} found")
            continue
        rows = table[table["group"].astype("str") == names[k]]
        n_group = int(rows["group_n"].iloc[0])
        title = plots.n_label(names[k], n_group)
        if plots.is_small(n_group)[0]:
            title += f" — fewer than {plots.SMALL_N} articles"
        ax.set_title(textwrap.shorten(title, 60, placeholder="…"), loc="left", fontsize=10)
        y = np.arange(len(rows))
        bars = ax.barh(y, rows["share"] * 100, color=_COLORS.get(kind, "#949494"))
        plots.fade_small(bars, [n_group] * len(rows))
        ax.set_yticks(y, [name_label(s) for s in rows["canonical"]])
        ax.tick_params(axis="y", labelsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("% of the group's articles naming them")
        for yi, v, a in zip(y, rows["share"] * 100, rows["n_articles"], strict=True):
            ax.annotate(
                str(int(a)),
                (v, yi),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7.5,
            )
        ax.set_xlim(0, max(float(rows["share"].max()) * 100, 1) * 1.2)
    fig.suptitle(f"The {what} each group mentions most", x=0.01, ha="left", fontweight="bold")
    top = 1 - 0.45 / fig.get_size_inches()[1]  # half an inch for the title over the panels
    fig.tight_layout(rect=(0, 0, 1, top))
    return fig, table


def plot_mentions_over_time(
    table: pd.DataFrame, kind: str = "PER"
) -> tuple[plt.Figure, pd.DataFrame]:
    """Lines: share of each period's articles naming each of the top names (`views.mentions_over_time`).

    Input: that table (canonical, period, n_articles, period_n, share, partial, period_note).
    Output: the figure and the table (its `period_n` is each point's n). Under the lines, grey
    bars give each period's number of dated articles (n), written on the bar when there are at
    most 24 periods; a period of fewer than `plots.SMALL_N` articles has its bar faded and its
    points hollow (`plots.fade_small`, `plots.draw_points`). A first or last period the corpus
    covers only in part is shaded and labelled with its note ("partial: 3 of 28 days")."""
    what = TYPE_NAMES.get(kind, kind)
    if table.empty:
        fig, ax = plt.subplots(figsize=plots.bounded_size(11, 4.8))
        plots.no_data(ax, f"no dated articles naming {what}")
        return fig, table
    fig, (ax, ax_n) = plt.subplots(
        2,
        1,
        sharex=True,
        figsize=plots.bounded_size(11, 5.8),
        gridspec_kw={"height_ratios": [4, 1.1]},
    )
    periods = list(dict.fromkeys(table["period"]))
    x = {p: i for i, p in enumerate(periods)}
    notes = table.drop_duplicates("period").set_index("period")
    period_n = notes["period_n"].reindex(periods).fillna(0).astype("int64")
    for name, rows in table.groupby("canonical", sort=False):
        plots.draw_points(
            ax,
            [x[p] for p in rows["period"]],
            rows["share"].to_numpy(dtype=float) * 100,
            rows["period_n"].to_numpy(),
            label=name_label(name, 30),
            size=12,
        )
    plots.period_n_bars(ax_n, period_n.to_numpy())
    ax_n.set_ylim(0, max(int(period_n.max()), 1) * 1.35)
    ax_n.set_ylabel("n", rotation=0, ha="right", va="center")
    ax_n.yaxis.set_major_locator(MaxNLocator(nbins=2, integer=True))
    partial = notes[notes["partial"].astype(bool)]
    plots.shade_periods((ax, ax_n), partial.index.map(x), labels=partial["period_note"])
    plots.period_ticks(ax_n, periods)
    ax.set_ylabel("% of the period's articles")
    ax.set_title(f"The most mentioned {what} over time", loc="left", fontweight="bold")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6))
    plots.note_small_n(ax, period_n.to_numpy())
    fig.tight_layout()
    return fig, table


def plot_mentioned_vs_quoted(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Bars: articles naming each of the most mentioned people, and the part of them quoting them
    (`views.mentioned_vs_quoted`: canonical, n_mentioned, n_both, quoted_share), each bar
    labelled with the share and its counts ("38% quoted (76 of 202)"). Output: (figure, table).
    """
    fig, ax = plt.subplots(figsize=plots.bounded_size(9, 0.3 * max(len(table), 4) + 1.5))
    if table.empty:
        plots.no_data(ax, "no people found")
        return fig, table
    y = np.arange(len(table))
    ax.barh(y, table["n_mentioned"], color="#cfe2f3", label="articles naming them")
    ax.barh(y, table["n_both"], color="#0173b2", label="… of which quote or paraphrase them")
    ax.set_yticks(y, [name_label(s, 30) for s in table["canonical"]])
    ax.tick_params(axis="y", labelsize=8.5)
    ax.invert_yaxis()
    rows = zip(y, table["n_mentioned"], table["n_both"], table["quoted_share"], strict=True)
    for yi, m, both, share in rows:  # the counts behind each share: "38% quoted (76 of 202)"
        label = f"{share:.0%} quoted ({int(both):,} of {int(m):,})"
        plots.label_at(ax, label, (m, yi), (3, 0), fontsize=7.5, color="black")
    ax.set_xlim(0, max(int(table["n_mentioned"].max()), 1) * 1.45)
    ax.set_xlabel("articles")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    # "quoted" as the sources table counts it: direct, partial and reported speech alike
    ax.set_title(
        "Who is mentioned and who is quoted (directly or in reported speech)",
        loc="left",
        fontweight="bold",
    )
    # below the axis, never over the last bar's label
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, frameon=False)
    fig.tight_layout()
    return fig, table
