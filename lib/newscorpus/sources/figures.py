"""Figures of the quotes and sources tables (drawing only; the data comes from `summaries`)."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from newscorpus import groups, plots
from newscorpus.sources.summaries import (
    quote_label,
    quote_table,
    source_network,
    sources_per_article,
    who_is_quoted,
)
from newscorpus.sources.words import SOURCE_KINDS

# One categorical palette for the 03 figures, hues far apart (no two blues, no two oranges):
# Okabe & Ito's colour-blind-safe blue, orange, green and pink ("Color Universal Design",
# 2008) with dark red, purple and brown in place of its sky blue, vermillion and yellow.
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#B2182B",
    "#7B4F9E",
    "#8C6D31",
    "#56B4E9",
]  # one colour per drawn group line (MAX_LINES)
OTHER_COLOR = "#9a9a9a"  # groups not drawn as lines; the pooled line is black

_TYPE_COLORS = {
    "military/security": PALETTE[0],
    "government": PALETTE[1],
    "expert/research": PALETTE[2],
    "civilian": PALETTE[3],
    "militant": PALETTE[4],
    "media": PALETTE[5],
    "business": PALETTE[6],
    "unknown": OTHER_COLOR,
}


_GROUP_COLORS = PALETTE
_KIND_COLORS = {
    "person": PALETTE[0],
    "role": PALETTE[4],
    "anonymous": OTHER_COLOR,
    "collective": PALETTE[5],
    "country": PALETTE[6],
    "organization": PALETTE[2],
    "outlet": PALETTE[1],
    "document": PALETTE[3],
}
# Bars that name no one say so: "the report" is documents, "officials" unnamed people.
_UNNAMED_TAGS = {
    "anonymous": " [unnamed]",
    "role": " [role]",
    "collective": " [collective]",
    "document": " [document]",
}
SMALL_NOTE = f"faded, hollow: fewer than {plots.SMALL_N} articles"


def plot_who_is_quoted(
    quotes: pd.DataFrame, min_quotes: int = 1, top: int = 25
) -> tuple[plt.Figure, pd.DataFrame]:
    """Bars of articles quoting each speaker (annotated "13 quotes in 1 article") and of words
    quoted, coloured by source type; speakers ranked as in `who_is_quoted`."""
    data = who_is_quoted(quotes, min_quotes).head(top)
    fig, axes = plt.subplots(1, 2, figsize=(12, 0.38 * max(len(data), 3) + 1.8), sharey=True)
    colors = [_TYPE_COLORS.get(t, "#949494") for t in data["source_type"]]
    labels = data["speaker"].str.slice(0, 40)
    axes[0].barh(labels, data["n_articles"], color=colors)
    for yi, (v, text) in enumerate(zip(data["n_articles"], data["label"], strict=True)):
        axes[0].annotate(
            text, (v, yi), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8
        )
    axes[0].set_xlim(0, max(int(data["n_articles"].max()) if len(data) else 1, 1) * 1.6)
    axes[1].barh(labels, data["n_words_quoted"], color=colors)
    axes[0].invert_yaxis()
    axes[0].set(title="Articles quoting", xlabel="articles with a direct or partial quote")
    axes[0].set(ylabel="speaker")
    axes[1].set(title="Words quoted", xlabel="words inside quotation marks")
    handles = [
        plt.Rectangle((0, 0), 1, 1, color=c)
        for t, c in _TYPE_COLORS.items()
        if t in set(data["source_type"])
    ]
    names = [t for t in _TYPE_COLORS if t in set(data["source_type"])]
    axes[1].legend(handles, names, title="source type", bbox_to_anchor=(1.01, 1), loc="upper left")
    fig.suptitle("Who is quoted", fontsize=14, fontweight="bold")
    fig.tight_layout()
    return fig, data


def plot_sources_per_article(
    sources: pd.DataFrame, top: int = 40, article_info: pd.DataFrame | None = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars of each article's sources by kind, labelled with the anonymous share.

    With the `articles` table (`article_info`), bars are labelled by title, outlet and date
    (`article` column of the data) instead of the article id."""
    data = sources_per_article(sources).sort_values(
        ["total", "article_id"], ascending=[False, True]
    )
    data = data.head(top).reset_index(drop=True)
    if article_info is not None:
        names = plots.article_label(article_info, 50)
        data.insert(1, "article", data["article_id"].astype("str").map(names).fillna(""))
    fig, ax = plt.subplots(figsize=(10, 0.45 * max(len(data), 3) + 1.8))
    left = pd.Series(0, index=data.index)
    for kind in SOURCE_KINDS:
        where = (
            data["article"].where(data["article"] != "", data["article_id"])
            if "article" in data
            else data["article_id"]
        )
        ax.barh(where, data[kind], left=left, color=_KIND_COLORS[kind], label=kind)
        left = left + data[kind]
    for y, (total, share) in enumerate(zip(data["total"], data["anonymous_share"], strict=True)):
        label = "no sources" if not total else f"{share:.0%} anonymous"
        ax.annotate(
            label, (total, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9
        )
    ax.invert_yaxis()
    ax.set_xlim(0, max(int(data["total"].max()) if len(data) else 1, 1) * 1.35)
    ax.set(title="Sources per article, by kind", xlabel="distinct sources", ylabel="article")
    ax.legend(title="kind", bbox_to_anchor=(1.01, 1), loc="upper left")
    fig.tight_layout()
    return fig, data


def plot_source_network(
    sources: pd.DataFrame, top_n: int = 30, min_articles: int = 2, max_links: int = 60
) -> tuple[plt.Figure, pd.DataFrame]:
    """The most cited sources on a circle, linked when the same articles cite both.

    Inputs: the `sources` table, how many sources to draw (`source_network`), the fewest
    shared articles a link needs to be drawn and the most links drawn (the strongest). Output:
    the figure (nodes sized by articles citing the source and coloured by kind, links as wide
    as the shared articles; a fixed circular layout, so it is the same on every run) and the
    table of every link among the drawn sources: source_a, source_b,
    n_both (articles citing both), n_a and n_b (articles citing each).
    """
    graph = source_network(sources, top_n)
    edges = [(a, b, d["weight"]) for a, b, d in graph.edges(data=True)]
    drawn = sorted((e for e in edges if e[2] >= min_articles), key=lambda e: (-e[2], e[0], e[1]))[
        :max_links
    ]
    data = pd.DataFrame(
        [
            {
                "source_a": a,
                "source_b": b,
                "n_both": w,
                "n_a": graph.nodes[a]["n_articles"],
                "n_b": graph.nodes[b]["n_articles"],
            }
            for a, b, w in sorted(edges, key=lambda e: (-e[2], e[0], e[1]))
        ],
        columns=["source_a", "source_b", "n_both", "n_a", "n_b"],
    )
    fig, ax = plt.subplots(figsize=(12, 11))
    ax.set_axis_off()
    ax.set_title(f"Which sources are cited together (the {graph.number_of_nodes()} most cited)")
    if graph.number_of_nodes() == 0:
        plots.no_data(ax, "no named sources")
        return fig, data
    order = sorted(
        graph.nodes,
        key=lambda n: (
            SOURCE_KINDS.index(graph.nodes[n]["kind"]),
            -graph.nodes[n]["n_articles"],
            n,
        ),
    )
    pos = {
        n: (np.cos(2 * np.pi * k / len(order)), np.sin(2 * np.pi * k / len(order)))
        for k, n in enumerate(order)
    }
    top_w = max((w for _, _, w in drawn), default=1)
    for a, b, w in drawn:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot(
            [x0, x1],
            [y0, y1],
            color="#777777",
            alpha=0.35 + 0.4 * w / top_w,
            lw=0.5 + 5 * w / top_w,
            zorder=1,
        )
    top_n_art = max(graph.nodes[n]["n_articles"] for n in order)
    for n in order:
        x, y = pos[n]
        size = 60 + 600 * graph.nodes[n]["n_articles"] / top_n_art
        ax.scatter(
            [x],
            [y],
            s=size,
            color=_KIND_COLORS.get(graph.nodes[n]["kind"], "#949494"),
            zorder=2,
            edgecolor="white",
        )
        angle = np.degrees(np.arctan2(y, x))
        flip = 90 < angle % 360 < 270
        ax.annotate(
            f"{textwrap.shorten(n, 40, placeholder='…')} ({graph.nodes[n]['n_articles']:,})",
            (x * 1.07, y * 1.07),
            rotation=angle + 180 if flip else angle,
            rotation_mode="anchor",
            ha="right" if flip else "left",
            va="center",
            fontsize=9,
        )
    kinds = [k for k in SOURCE_KINDS if any(graph.nodes[n]["kind"] == k for n in order)]
    handles = [plt.Line2D([], [], marker="o", ls="", color=_KIND_COLORS[k]) for k in kinds]
    ax.legend(
        handles, kinds, title="kind", loc="lower left", bbox_to_anchor=(-0.02, -0.02), frameon=False
    )
    ax.text(
        1.0,
        -0.02,
        "node size: articles citing the source (in brackets);\n"
        f"lines: the {len(drawn)} strongest links, as wide as the articles citing both",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=9,
        color="0.35",
    )
    ax.set_xlim(-1.9, 1.9)
    ax.set_ylim(-1.9, 1.9)
    ax.set_aspect("equal")
    return fig, data


def plot_quoted_by_group(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Who is quoted most in each group: one panel of bars per group (`quoted_by_group`).

    Input: the table of `quoted_by_group` (its `group` categories give the panels, in order;
    a group without quotes gets a "no quotes" panel). Output: the figure (bars of articles
    quoting each canonical speaker, annotated "13 quotes in 1 article", coloured by kind of
    speaker, a bar naming no one tagged "[unnamed]" or "[document]", the suptitle saying what
    the groups are when `attrs["grouping"]` is set; each panel's title gives the group's n,
    articles, and a group of fewer than `plots.SMALL_N` articles is faded; the other speakers
    of the group are summed under the panel title, and in the CSV) and the table itself.
    """
    names = [str(c) for c in table["group"].cat.categories] if len(table.columns) else []
    n = max(len(names), 1)
    ncols = min(3, n)
    nrows = -(-n // ncols)
    shown = table[table["speaker_kind"].astype("str") != "other"] if len(table) else table
    per_panel = int(shown.groupby("group", observed=True).size().max()) if len(shown) else 1
    height = 0.3 * max(per_panel, 3) + 1.5
    fig, axes = plt.subplots(
        nrows, ncols, figsize=plots.bounded_size(5.8 * ncols, height * nrows + 1), squeeze=False
    )
    for k, ax in enumerate(axes.flat):
        if k >= n:
            ax.set_visible(False)
            continue
        if not names:
            plots.no_data(ax, "no quotes in the corpus")
            continue
        rows = table[table["group"].astype("str") == names[k]]
        other = rows[rows["speaker_kind"].astype("str") == "other"]
        rows = rows[rows["speaker_kind"].astype("str") != "other"]
        n_group = (
            int(rows["group_articles"].iloc[0]) if len(rows) and "group_articles" in rows else 0
        )
        if not len(rows) and len(other) and "group_articles" in other:
            n_group = int(other["group_articles"].iloc[0])
        n_group = int(table.attrs.get("group_articles", {}).get(names[k], n_group))
        title = plots.n_label(names[k], n_group) if "group_articles" in table else names[k]
        if plots.is_small(n_group)[0] and "group_articles" in table:
            title += f" — fewer than {plots.SMALL_N} articles"
        if len(other):
            o = other.iloc[0]
            title += f"\n{o['speaker']}: {quote_label([o['n_quotes']], [o['n_articles']])[0]}"
        ax.set_title(title, loc="left", fontsize=10.5, fontweight="bold")
        if rows.empty:
            plots.no_data(ax, "no quotes")
            continue
        colors = [_KIND_COLORS.get(str(t), "#949494") for t in rows["speaker_kind"]]
        labels = [
            textwrap.shorten(str(s), 32, placeholder="…") + _UNNAMED_TAGS.get(str(k), "")
            for s, k in zip(rows["speaker"], rows["speaker_kind"], strict=True)
        ]
        y = np.arange(len(rows))
        bars = ax.barh(y, rows["n_articles"], color=colors)
        if "group_articles" in rows:
            plots.fade_small(bars, [n_group] * len(rows))
        ax.set_yticks(y, labels, fontsize=9)
        ax.invert_yaxis()
        ax.set_xlabel("articles quoting the speaker")
        texts = quote_label(rows["n_quotes"], rows["n_articles"])
        for yi, v, text in zip(y, rows["n_articles"], texts, strict=True):
            ax.annotate(
                text,
                (v, yi),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        ax.set_xlim(0, max(int(rows["n_articles"].max()), 1) * 1.9)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    kinds = (
        [k for k in _KIND_COLORS if k in set(shown["speaker_kind"].astype("str"))]
        if len(shown)
        else []
    )
    if kinds:
        handles = [plt.Rectangle((0, 0), 1, 1, color=_KIND_COLORS[t]) for t in kinds]
        fig.legend(
            handles,
            kinds,
            title="speaker",
            loc="lower center",
            ncol=len(kinds),
            frameon=False,
            bbox_to_anchor=(0.5, 0),
        )
    grouping = table.attrs.get("grouping")
    fig.suptitle(
        "Who is quoted most, per group"
        + (f"\ngroup: {grouping}" if grouping and grouping != "group" else ""),
        fontsize=14,
        fontweight="bold",
    )
    fig.tight_layout(rect=(0, 0.05 if kinds else 0, 1, 0.98))
    return fig, table


def _line_groups(overall: pd.DataFrame, names: list) -> list:
    """The groups drawn as lines in the per-period panel: all, or the `MAX_LINES` largest."""
    sizes = overall.set_index(overall["group"].astype("str"))["n_articles"]
    drawn = [g for g in names if g in sizes.index]
    if len(drawn) > MAX_LINES:
        keep = sorted(drawn, key=lambda g: -sizes[g])[:MAX_LINES]
        drawn = [g for g in names if g in keep]
    return drawn


def small_share(n_articles, n_people=None) -> np.ndarray:
    """True where a share of articles citing an unnamed source rests on fewer than
    `plots.SMALL_N` articles (`n_people`, the people cited, is no longer the unit and is
    ignored; kept for old callers)."""
    return plots.is_small(n_articles)


def _unnamed_articles(table: pd.DataFrame) -> pd.Series:
    """The articles citing an unnamed source of each row (`n_articles_unnamed`), or for a
    table of an older release, the share times its articles."""
    if "n_articles_unnamed" in table:
        return table["n_articles_unnamed"]
    return (table["share"].fillna(0) * table["n_articles"]).round().astype("int64")


def plot_anonymous_share(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Share of articles citing an unnamed source per group (bars) and per period (lines),
    from `anonymous_share`.

    Input: the table of `anonymous_share` (its `attrs["grouping"]`, e.g. "first listed
    topic", names the groups). Output: the figure (left: the share of each group's articles
    citing at least one unnamed source, labelled "40 % (8 of 20 articles)" with the unnamed
    sources, roles and collective actors counted beside it, and each group's n; right: the
    share per period and group, every point labelled with the articles it rests on (n) while
    the axis holds 24 periods or fewer, periods without articles left as gaps, the pooled
    line (`groups.POOLED`) only beside two groups or more; bars and points resting on fewer
    than `plots.SMALL_N` articles are faded and hollow; each group has one colour of
    `PALETTE` in both panels, groups not drawn as lines are grey) and the table itself.
    """
    overall = table[table["period"] == "all"]
    # a bar's label takes two lines: the figure grows with the groups so labels never overlap
    height = plots.bounded_size(15, max(6.0, 2.2 + 0.5 * len(overall)))[1]
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(15, height), gridspec_kw={"width_ratios": [2, 3]}
    )
    names = [str(c) for c in table["group"].cat.categories] if len(table) else []
    grouping = table.attrs.get("grouping") or "group"
    left.set_title("Over all articles", loc="left")
    right.set_title("Per period", loc="left")
    if overall.empty:
        plots.no_data(left, "no articles")
        plots.no_data(right, "no articles")
    else:
        drawn = _line_groups(overall, names)
        colors = {g: PALETTE[k % len(PALETTE)] for k, g in enumerate(drawn)}
        y = np.arange(len(overall))
        shares = overall["share"].fillna(0).to_numpy()
        bars = left.barh(
            y, shares * 100, color=[colors.get(str(g), OTHER_COLOR) for g in overall["group"]]
        )
        small = small_share(overall["n_articles"])
        plots.fade_small(bars, np.where(small, 0, plots.SMALL_N))
        left.set_yticks(
            y,
            [
                plots.n_label(textwrap.shorten(str(g), 28, placeholder="…"), n)
                for g, n in zip(overall["group"], overall["n_articles"], strict=True)
            ],
        )
        left.invert_yaxis()
        roles = overall["n_role"] if "n_role" in overall else pd.Series(0, index=overall.index)
        groups_ = (
            overall["n_collective"]
            if "n_collective" in overall
            else pd.Series(0, index=overall.index)
        )
        unnamed = (
            overall["n_anonymous"] if "n_anonymous" in overall else pd.Series(0, overall.index)
        )
        for yi, (s, k, n, u, r, c) in enumerate(
            zip(
                overall["share"],
                _unnamed_articles(overall),
                overall["n_articles"],
                unnamed,
                roles,
                groups_,
                strict=True,
            )
        ):
            text = (
                "no articles"
                if n == 0
                else f"{s:.0%}  ({k:,} of {n:,} article{'s' if n != 1 else ''})"
            )
            counted = [f"{u:,} unnamed"] if u else []
            counted += [
                f"{x:,} {w if x == 1 else w + 's'}"
                for x, w in ((r, "role"), (c, "collective"))
                if x
            ]
            if counted:  # sources once per article; offices and collective actors apart
                text += "\n" + " · ".join(counted)
            left.annotate(
                text,
                (0 if pd.isna(s) else s * 100, yi),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
            )
        wide = 3.2  # room for the counts beside the bars; the axis is labelled to 100 % only
        top = min(max(float(np.nanmax(shares)) * 100 * wide, 10), 250)
        left.set_xlim(0, top)
        left.set_xticks([t for t in (0, 25, 50, 75, 100) if t <= top])
        left.set_xlabel(
            "% of articles citing at least one\nunnamed source (roles such as\n"
            "“the president” and collective actors\nsuch as “Democrats” are not unnamed)"
        )
        left.set_ylabel(grouping if grouping != "group" else "group (n articles)")
        timed = table[table["period"] != "all"]
        if timed.empty:
            plots.no_data(right, "no dated articles")
        else:
            _draw_unnamed_periods(right, timed, overall, names, drawn, colors)
        small_any = small.any() or (
            len(timed)
            and small_share(timed["n_articles"])[timed["n_articles"].to_numpy() > 0].any()
        )
        if small_any:
            fig.text(0.99, 0.99, SMALL_NOTE, ha="right", va="top", fontsize=9, color="0.35")
        if len(drawn) < len(overall):
            fig.text(
                0.01,
                0.01,
                f"grey bars: groups not drawn in the per-period panel ({len(drawn)} largest "
                "drawn; all in the CSV)",
                ha="left",
                va="bottom",
                fontsize=9,
                color="0.35",
            )
    fig.suptitle("How much rests on unnamed sources", fontsize=14, fontweight="bold")
    fig.tight_layout(rect=(0, 0.06, 1, 1))  # the notes at the foot stay under the axis labels
    return fig, table


MAX_LINES = 8  # group lines drawn in the per-period panel beside the whole corpus (a 7-outlet corpus shows all)


def _label_points(ax, xs, ys, counts, where, color) -> None:
    """Write "n=12" (the articles a point rests on) above the points of `where`."""
    for xi, yi, ni, w in zip(xs, ys, counts, where, strict=True):
        if w and not np.isnan(yi):
            plots.label_at(ax, f"n={int(ni)}", (xi, yi), color=color)


def _draw_unnamed_periods(
    ax, timed: pd.DataFrame, overall: pd.DataFrame, names: list, drawn: list, colors: dict
) -> None:
    """The per-period panel of `plot_anonymous_share`: every period on the axis (an empty one
    a gap), the groups `drawn` and the whole corpus; every point labelled with the articles it
    rests on (n) when the axis holds 24 periods or fewer; a point resting on fewer than
    `plots.SMALL_N` articles hollow; a first or last period the corpus covers only in part
    shaded and labelled."""
    periods = sorted(timed["period"].astype("str").unique())
    x = {p: i for i, p in enumerate(periods)}
    xs = np.arange(len(periods))
    sizes = overall.set_index(overall["group"].astype("str"))["n_articles"]
    pooled_line = len(names) >= 2
    few_points = len(periods) <= 24
    for g in drawn:
        rows = timed[timed["group"].astype("str") == g]
        where = rows["period"].astype("str").map(x).to_numpy()
        frame = pd.DataFrame(
            {"share": rows["share"].to_numpy() * 100, "n": rows["n_articles"].to_numpy()},
            index=where,
        ).reindex(range(len(xs)))
        share = frame["share"].to_numpy(dtype=float)
        small = small_share(frame["n"].fillna(0))
        plots.draw_points(
            ax,
            xs,
            share,
            np.where(small, 0, plots.SMALL_N),
            color=colors[g],
            label=plots.n_label(g, int(sizes[g])),
            lw=1.2,
            alpha=0.6 if pooled_line else 0.9,
        )
        if few_points:  # every point, solid or hollow, says its n
            _label_points(ax, xs, share, frame["n"].fillna(0), [True] * len(xs), colors[g])
    if pooled_line:  # the pooled line only adds something beside two groups
        total = (
            timed.assign(n_articles_unnamed=_unnamed_articles(timed))
            .groupby(timed["period"].astype("str"))[["n_articles_unnamed", "n_articles"]]
            .sum()
            .reindex(periods)
        )
        share = total["n_articles_unnamed"] / total["n_articles"].where(total["n_articles"] > 0)
        share = share * 100
        small = small_share(total["n_articles"].fillna(0))
        plots.draw_points(
            ax,
            xs,
            share.to_numpy(dtype=float),
            np.where(small, 0, plots.SMALL_N),
            color="black",
            label=plots.n_label(groups.POOLED, int(sizes.sum())),
            lw=2.8,
            zorder=5,
        )
        if few_points:
            arts = total["n_articles"].fillna(0)
            _label_points(ax, xs, share.to_numpy(dtype=float), arts, [True] * len(xs), "black")
    notes = (
        timed.groupby(timed["period"].astype("str"))["period_note"].first().reindex(periods)
        if "period_note" in timed.columns
        else pd.Series("", index=periods)
    )
    notes = notes.fillna("").astype("str").to_numpy()
    at = np.flatnonzero(notes != "")
    plots.shade_periods(ax, at, labels=notes[at])
    plots.period_ticks(ax, periods, max_ticks=12)
    ax.set_xlim(-0.5, len(periods) - 0.5)
    ax.set_ylabel("% of articles citing an unnamed source")
    shown = "n: articles, above every point" if few_points else "articles per point: in the CSV"
    articles = timed.groupby(timed["period"].astype("str"))["n_articles"].sum().reindex(periods)
    folded = plots.tail_note(periods, articles.fillna(0).to_numpy())
    ax.set_xlabel(f"period of publication (gap: no articles)\n{shown}{folded}")
    # the axis fits the highest point (a 45 % peak drawn on a 0-115 axis squashed the lines)
    highs = [np.asarray(line.get_ydata(), dtype=float) for line in ax.lines]
    high = max((float(np.nanmax(h)) for h in highs if np.isfinite(h).any()), default=100.0)
    ax.set_ylim(0, min(115.0, max(high * 1.15 + 5, 20.0)))
    title = "group (n articles)"
    if len(drawn) < len(names):
        title = f"{len(drawn)} largest of {len(names)} groups\n(all in the bars and CSV)"
    ax.legend(title=title, fontsize=9, title_fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))


def plot_cited_by_group(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Outlets and organisations cited per group: a grid of names × groups (`cited_by_group`).

    Input: the table of `cited_by_group`. Output: the figure (each cell shaded by the share of
    the group's articles citing the canonical name, labelled with the article count; each
    column names its group's n, veiled under `plots.SMALL_N` articles, and the colour scale
    is set by the other groups; names coloured by kind; the x label names the grouping and the
    faded note, below the grid, off its title) and the table.
    """
    names = (
        list(dict.fromkeys(zip(table["name"], table["kind"], strict=True))) if len(table) else []
    )
    cols = [str(c) for c in table["group"].cat.categories] if len(table) else []
    fig, ax = plt.subplots(
        figsize=plots.bounded_size(
            2.6 + 1.25 * max(len(cols), 2) + 3, 0.38 * max(len(names), 4) + 2.6
        )
    )
    ax.set_title("Outlets and organisations cited, per group", loc="left")
    if not names or not cols:
        plots.no_data(ax, "no outlets or organisations cited")
        return fig, table
    share = np.full((len(names), len(cols)), np.nan)
    count = np.zeros((len(names), len(cols)), dtype=int)
    index = {k: i for i, k in enumerate(names)}
    for r in table.itertuples(index=False):
        i, j = index[(r.name, r.kind)], cols.index(str(r.group))
        share[i, j] = r.share
        count[i, j] = r.n_articles
    n_of = dict(zip(table["group"].astype("str"), table["group_articles"], strict=True))
    small = plots.is_small([n_of.get(c, 0) for c in cols])
    # the colour scale is set by groups of SMALL_N articles or more: 3 of 7 articles does
    # not darken the whole grid; small groups' columns are veiled
    big = share[:, ~small] if (~small).any() else share
    top = np.nanmax(big) * 100 if np.isfinite(np.nanmax(big)) and np.nanmax(big) > 0 else 1
    image = ax.imshow(
        np.nan_to_num(share) * 100, cmap="Blues", aspect="auto", vmin=0, vmax=max(top, 1)
    )
    for j in np.flatnonzero(small):
        ax.axvspan(j - 0.5, j + 0.5, color="white", alpha=1 - plots.FADED_ALPHA, zorder=2)
    for i in range(len(names)):
        for j in range(len(cols)):
            dark = (share[i, j] * 100 if np.isfinite(share[i, j]) else 0) > top * 0.6
            ax.text(
                j,
                i,
                f"{count[i, j]:,}" if count[i, j] else "·",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if dark and not small[j] else "black",
                zorder=3,
            )
    ax.set_xticks(
        range(len(cols)),
        [plots.n_label(textwrap.shorten(c, 26, placeholder="…"), n_of.get(c, 0)) for c in cols],
        rotation=30,
        ha="right",
    )
    for label, c in zip(ax.get_xticklabels(), cols, strict=True):
        if plots.is_small(n_of.get(c, 0))[0]:
            label.set_alpha(plots.FADED_ALPHA + 0.2)
            label.set_style("italic")
    xlabel = table.attrs.get("grouping") or "group"
    if plots.is_small([n_of.get(c, 0) for c in cols]).any():  # below the axis, off the title
        xlabel += f"  (faded, italic: fewer than {plots.SMALL_N} articles)"
    ax.set_yticks(
        range(len(names)),
        [f"{textwrap.shorten(n, 38, placeholder='…')} ({k})" for n, k in names],
    )
    for label, (_, k) in zip(ax.get_yticklabels(), names, strict=True):
        label.set_color(_KIND_COLORS.get(k, "black"))  # outlets and organisations apart
    ax.grid(False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("outlet or organisation (kind)")
    bar = fig.colorbar(image, ax=ax, shrink=0.6)
    bar.set_label("% of the group's articles citing it (numbers: articles)", fontsize=9)
    fig.tight_layout()
    return fig, table


def plot_quote_table(
    quotes: pd.DataFrame,
    max_rows: int = 25,
    width: int = 120,
    articles: list | None = None,
    article_info: pd.DataFrame | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """The quotes as a readable page (speaker — quote, wrapped); the CSV holds every quote.

    Inputs: the `quotes` table, how many quotes to draw, the line width in characters, and
    optionally the articles to show (each gets an equal share of the rows; None or empty: the
    first quotes in article order) and the `articles` table (`article_info`: each article is
    headed by its title, outlet and date instead of its id). Output: the figure (at most
    `max_rows` quotes, each wrapped over up to four lines, so it stays under 3,000 px) and
    `quote_table(quotes)`: every direct and partial quote.
    """
    data = quote_table(quotes, article_info=article_info)
    heads = plots.article_label(article_info, 110) if article_info is not None else None
    if articles:  # each chosen article gets its share of the rows
        shown = quote_table(quotes, articles=articles)
        shown = shown.groupby("article_id", sort=False).head(max(1, max_rows // len(articles)))
    else:
        shown = data.head(max_rows)
    blocks = []
    current = None
    for r in shown.itertuples(index=False):
        if r.article_id != current:
            current = r.article_id
            head = str(current)
            if heads is not None and head in heads.index:
                head = str(heads[head])
            blocks.append((head, [], True))
        speaker = r.speaker if isinstance(r.speaker, str) else "(unattributed)"
        role = r.speaker_role if isinstance(r.speaker_role, str) else ""
        role = f", {role}" if role and role.lower() not in speaker.lower() else ""
        text = f"“{r.quote}”" if r.kind == "direct" else r.quote  # a claim keeps its own marks
        verb = f" ({r.verb})" if isinstance(r.verb, str) and r.verb.strip() else ""
        body = textwrap.wrap(f"{speaker}{role}{verb}: {text}", width)
        if len(body) > 4:
            body = body[:4]
            body[-1] = body[-1][: width - 1] + "…"
        blocks.append(("", body, False))
    n_lines = sum(max(len(b), 1) for _, b, _ in blocks) + sum(1 for *_, h in blocks if h)
    fig, ax = plt.subplots(figsize=plots.bounded_size(13, 0.2 * max(n_lines, 6) + 1))
    ax.set_axis_off()
    if not blocks:
        plots.no_data(ax, "no quotes")
    y, step = 1.0, 1.0 / max(n_lines, 1)
    for head, body, is_head in blocks:
        if is_head:
            if y < 1.0:
                y -= step * 0.5
            ax.text(0, y, head, fontsize=9, fontweight="bold", va="top", transform=ax.transAxes)
            y -= step
            continue
        for k, line in enumerate(body):
            x = 0.01 if k == 0 else 0.025
            ax.text(x, y, line, fontsize=8.5, va="top", transform=ax.transAxes)
            y -= step
    n_arts = shown["article_id"].nunique()
    scope = f"{len(shown)} quotes of {n_arts} article{'s' if n_arts != 1 else ''}"
    more = f" ({len(data):,} in the corpus; all in the CSV)"
    ax.set_title(f"Quotes by speaker: {scope}{more}", loc="left")
    return fig, data
