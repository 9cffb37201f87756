"""Figures of the sentiment tables: each function only draws, and returns (Figure, the data drawn)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from newscorpus.groups import POOLED
from newscorpus.plots import (
    FADED_ALPHA as FADED,
)
from newscorpus.plots import (
    SMALL_N,
    bounded_size,
    draw_points,
    fade_small,
    is_small,
    n_label,
    no_data,
    note_small_n,
    partial_note,
    period_n_bars,
    period_ticks,
    shade_periods,
)
from newscorpus.sentiment.drawing import legend_if_labelled, paired_bars, short_label, tone_heatmap

ALL_WORDS = "#2c5d8a"  # the dots of the plain score (all words), one colour as in the legend


# --------------------------------------------------------------------------- group comparisons

NEGATIVE, NEUTRAL, POSITIVE = "#c0392b", "#bdbdbd", "#2471a3"


def _ordinal(k) -> str:
    k = int(k)
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def _interval_rows(
    ax: plt.Axes,
    y: np.ndarray,
    mean: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    small: np.ndarray,
    offset: float = 0.0,
    hollow: bool = False,
    color: str | None = None,
    label: str | None = None,
) -> None:
    """A dot per row at `mean` with a bar from `low` to `high`; rows in `small` faded."""
    for k in range(len(y)):
        if np.isnan(mean[k]):
            continue
        alpha = FADED if small[k] else 1.0
        shade = color or (NEGATIVE if mean[k] < 0 else POSITIVE)
        if not np.isnan(low[k]):
            ax.hlines(
                y[k] + offset,
                low[k],
                high[k],
                color="0.35" if not hollow else shade,
                lw=2 if not hollow else 1.2,
                ls="-" if not hollow else (0, (3, 2)),
                alpha=alpha,
            )
        ax.scatter(
            mean[k],
            y[k] + offset,
            s=45,
            marker="D" if hollow else "o",
            facecolors="white" if hollow or small[k] else shade,
            edgecolors=shade,
            linewidths=1.4,
            alpha=alpha if not small[k] else 0.8,
            zorder=3,
            label=label if k == int(np.flatnonzero(~np.isnan(mean))[0]) else None,
        )


def _pooled_intervals(
    ax: plt.Axes,
    table: pd.DataFrame,
    columns: tuple[str, str, str],
    y: np.ndarray,
    small: np.ndarray,
    label: str | None = None,
) -> list[np.ndarray]:
    """Each group's mean and 95 % interval (`columns`: mean, low, high) as a dot and bar in one
    colour, the pooled row (`groups.POOLED`) in grey; `label` names the groups' dots in the
    legend. Returns the three arrays drawn (for the x limits)."""
    values = [table[c].to_numpy(dtype=float) for c in columns]
    pooled = table["group"].eq(POOLED).to_numpy()
    for rows, color, name in ((~pooled, ALL_WORDS, label), (pooled, "0.45", None)):
        if rows.any():
            _interval_rows(
                ax, y[rows], *(v[rows] for v in values), small[rows], color=color, label=name
            )
    return values


def _legend_below(ax: plt.Axes, inches: float = 0.62) -> None:
    """A one-line legend `inches` below the axes' bottom edge (under the x label)."""
    height = ax.get_position().height * ax.figure.get_size_inches()[1]
    legend_if_labelled(
        ax,
        loc="upper left",
        bbox_to_anchor=(0, -inches / max(height, 0.5)),
        fontsize=8,
        ncols=2,
        frameon=False,
    )


def _found_words(found: pd.Series | None, k: int = 4) -> str:
    """ "war, attack, killed" — the k listed words most often found in the corpus."""
    return ", ".join(str(w) for w in found.index[:k]) if found is not None else ""


def _by_places(before: pd.Series, after: pd.Series) -> str:
    """ ", by at most 2 places" — how far the groups that move go, so a title that says the
    order changes does not make one swap of neighbours sound like an upheaval."""
    moves = (after.astype("Float64") - before.astype("Float64")).abs().dropna()
    largest = int(moves.max()) if len(moves) else 0
    if largest <= 0:
        return ""
    return ", by 1 place" if largest == 1 else f", by up to {largest} places"


def _check_label(table: pd.DataFrame) -> str:
    """The legend of the robustness check, naming what it removed in this corpus."""
    found = table.attrs.get("listed_found")
    listed = (
        "listed designation / event words"
        if found is None
        else "listed designation / event words (none here)"
        if len(found) == 0
        else f"listed designation / event words (here: {_found_words(found, 3)})"
    )
    return f"without each group's words on the right and the {listed}"


def _news_label(table: pd.DataFrame) -> str:
    """The legend of the news-adjusted lexicon, naming the listed words found in the corpus."""
    found = table.attrs.get("listed_found")
    if found is None:
        return "news-adjusted (designation and event words neutral)"
    if len(found) == 0:
        return "news-adjusted (no listed designation or event word occurs here: same scores)"
    share = table.attrs.get("share_listed")
    where = f"; in {share:.0%} of sentences" if share is not None else ""
    return f"news-adjusted, listed words neutral (here: {_found_words(found, 3)}{where})"


def _x_limits(ax: plt.Axes, *arrays: np.ndarray) -> None:
    values = np.concatenate([np.asarray(a, dtype=float) for a in arrays] + [np.zeros(1)])
    values = values[~np.isnan(values)]
    lo, hi = float(values.min()), float(values.max())
    pad = 0.12 * max(hi - lo, 0.1)
    ax.set_xlim(lo - pad, hi + pad)


def _small(table: pd.DataFrame) -> np.ndarray:
    if "small_n" in table.columns:
        return table["small_n"].to_numpy(dtype=bool)
    return is_small(table["n_articles"])


def plot_group_tone(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Mean compound per group with its 95 % interval, n, and the robustness check when given.

    Input: `group_tone` (group, n_articles, mean_compound, ci_low, ci_high) or
    `group_tone_check` (adds rank, top_words, mean_robust, ci_low_robust, ci_high_robust,
    rank_robust). One row per group, labelled with its number of articles: a dot at the mean
    of article means and a bar for its 95 % interval; with the check, a hollow diamond and a
    dashed bar for the mean without the designation and event words and the words that carry
    each group's difference, and on the right the rank before → after and those words (excess
    valence per 1,000 words against the corpus rate). Rows on fewer than 5 articles are faded;
    the pooled row ("whole corpus") is grey. The title says whether the order changes.
    Bounded: one row per group (top groups + "other").
    """
    checked = "mean_robust" in table.columns
    fig, ax, side = _group_tone_axes(checked, len(table))
    title = "Tone per group: mean compound with 95 % interval"
    if table.empty:
        no_data(ax, "no body sentences")
        ax.set_title(title)
        return fig, table
    y = np.arange(len(table))
    small = _small(table)
    values = _pooled_intervals(
        ax,
        table,
        ("mean_compound", "ci_low", "ci_high"),
        y,
        small,
        "all words" if checked else None,
    )
    arrays = list(values)
    if checked:
        arrays += _draw_check(ax, side, table, y, small)
        title += _check_title(table)
        _legend_below(ax)
    labels = [
        n_label(short_label(g, 32), n)
        for g, n in zip(table["group"], table["n_articles"], strict=True)
    ]
    ax.set_yticks(y, labels)
    for tick, faded in zip(ax.get_yticklabels(), small, strict=True):
        tick.set_alpha(FADED if faded else 1.0)
    ax.set_ylim(len(table) - 0.4, -0.6)
    _x_limits(ax, *arrays)
    ax.axvline(0, color="0.4", lw=0.8)
    if checked:
        height = fig.get_size_inches()[1]
        fig.suptitle(title, x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontsize=13)
        fig._suptitle.set_fontweight("bold")
    else:
        ax.set_title(title, loc="left")
    ax.set_xlabel("Mean of the articles' mean sentence compound (−1 … +1; n = articles)")
    ax.set_ylabel("")
    if small.any():
        note_small_n(ax, table["n_articles"])
    return fig, table


def _group_tone_axes(checked: bool, n_rows: int):
    """(figure, axes of the intervals, side axes for the check's notes or None): with the
    check, a second borderless panel on the right sharing the rows, and room above for two
    title lines and below for the legend."""
    size = bounded_size(13 if checked else 9, 1.8 + 0.5 * max(n_rows, 1))
    if not checked:
        fig, ax = plt.subplots(figsize=size)
        return fig, ax, None
    fig, (ax, side) = plt.subplots(
        1, 2, figsize=size, sharey=True, gridspec_kw={"width_ratios": [3, 2], "wspace": 0.02}
    )
    side.axis("off")
    height = size[1]  # room above the axes for two title lines, below for the legend
    fig.subplots_adjust(top=1 - 1.05 / height, bottom=min(0.3, 1.1 / height))
    return fig, ax, side


def _draw_check(
    ax: plt.Axes, side: plt.Axes, table: pd.DataFrame, y: np.ndarray, small: np.ndarray
) -> list[np.ndarray]:
    """The robustness check of `group_tone_check`: hollow diamonds and dashed bars for the
    mean without the carrying words, and on the side panel each group's rank before → after
    and the words carrying its difference. Returns the arrays drawn (for the x limits)."""
    robust = [
        table[c].to_numpy(dtype=float) for c in ("mean_robust", "ci_low_robust", "ci_high_robust")
    ]
    _interval_rows(
        ax,
        y,
        *robust,
        small,
        offset=0.28,
        hollow=True,
        color="#7d3c98",
        label=_check_label(table),
    )
    for k, row in enumerate(table.itertuples(index=False)):
        if row.group == POOLED or pd.isna(row.rank):
            note = ""
        else:
            change = "" if row.rank == row.rank_robust else "  ◀ order changes"
            note = f"{_ordinal(row.rank)} → {_ordinal(row.rank_robust)}{change}"
        side.text(
            0.03,
            y[k] - 0.04,
            note,
            va="bottom",
            fontsize=8,
            color="#922b21" if "changes" in note else "0.25",
            alpha=FADED if small[k] else 1.0,
        )
        side.text(
            0.03,
            y[k] + 0.04,
            short_label(row.top_words, 64),
            va="top",
            fontsize=8,
            color="0.25",
            alpha=FADED if small[k] else 1.0,
        )
    side.set_xlim(0, 1)
    side.set_title(
        "rank before → after the check (1st = most negative);\n"
        "words carrying the difference (per 1,000 words)",
        fontsize=8,
        fontweight="normal",
        loc="left",
        color="0.3",
    )
    return robust


def _check_title(table: pd.DataFrame) -> str:
    """The title's second line under the check: whether the order of groups changes without
    the carrying words, and how many groups move; "" with fewer than two ranked groups."""
    changed = table["rank"].notna() & (table["rank"] != table["rank_robust"])
    n_ranked = int(table["rank"].notna().sum())
    if n_ranked < 2:
        return ""
    carrying = table.attrs.get("carrying") or []
    without = (
        f"without {', '.join(carrying[:3])} and the listed words"
        if carrying
        else "without the listed designation and event words"
    )
    return (
        f"\nOrder of groups changes {without} "
        f"({int(changed.sum())} of {n_ranked} move"
        f"{_by_places(table['rank'], table['rank_robust'])})"
        if changed.any()
        else f"\nOrder of groups unchanged {without}"
    )


def plot_lexicon_comparison(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Plain VADER against the news-adjusted lexicon per group, and the violence measure.

    Input: `lexicon_comparison`. Left: each group's mean compound with its 95 % interval under
    plain VADER (dot) and under the news-adjusted lexicon, designation and event words neutral
    (hollow diamond), n articles in the label, rank before → after on the right. Right: the
    share of the group's sentences naming violence (the separate measure). Rows on fewer than
    5 articles are faded. The title says whether the order changes.
    """
    fig, (ax, bar) = plt.subplots(
        1,
        2,
        figsize=bounded_size(13, 1.8 + 0.5 * max(len(table), 1)),
        sharey=True,
        gridspec_kw={"width_ratios": [3, 1], "wspace": 0.45},
    )
    title = "Tone per group: plain VADER against the news-adjusted lexicon"
    if table.empty:
        no_data(ax, "no body sentences")
        ax.set_title(title, loc="left")
        bar.set_visible(False)
        return fig, table
    y = np.arange(len(table))
    small = _small(table)
    pooled = table["group"].eq(POOLED).to_numpy()
    vader = _pooled_intervals(
        ax, table, ("mean_vader", "ci_low_vader", "ci_high_vader"), y, small, "plain VADER"
    )
    news = [table[c].to_numpy(dtype=float) for c in ("mean_news", "ci_low_news", "ci_high_news")]
    _interval_rows(
        ax,
        y,
        *news,
        small,
        offset=0.28,
        hollow=True,
        color="#7d3c98",
        label=_news_label(table),
    )
    for k, row in enumerate(table.itertuples(index=False)):
        if row.group == POOLED or pd.isna(row.rank_vader):
            continue
        moved = row.rank_vader != row.rank_news
        ax.annotate(
            f"{_ordinal(row.rank_vader)} → {_ordinal(row.rank_news)}" + (" ◀" if moved else ""),
            (1.0, y[k]),
            xycoords=("axes fraction", "data"),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color="#922b21" if moved else "0.25",
        )
    share = 100 * table["share_violence"].to_numpy(dtype=float)
    bars = bar.barh(y, share, color=["0.6" if p else "#a04000" for p in pooled], height=0.6)
    fade_small(bars, table["n_articles"])
    n_sentences = table["n_sentences"] if "n_sentences" in table else pd.Series(np.nan, table.index)
    for k, (v, n) in enumerate(zip(share, n_sentences, strict=True)):
        if not np.isnan(v):
            of = f" of {int(n):,}" if pd.notna(n) else ""
            bar.text(v, k, f" {v:.0f}%{of}", va="center", fontsize=8)
    bar.set_xlim(0, max(10.0, float(np.nanmax(share)) * 1.9 if len(share) else 10.0))
    violent = table.attrs.get("violence_found")
    found = (
        "\nnone of the listed words occurs"
        if violent is not None and len(violent) == 0
        else f"\nmost often: {', '.join(violent.index[:3])}"
        if violent is not None
        else ""
    )
    bar.set_title("Sentences naming violence", fontsize=10, fontweight="normal")
    bar.set_xlabel(f"% of the group's sentences (of n sentences){found}", fontsize=9)
    labels = [
        n_label(short_label(g, 32), n)
        for g, n in zip(table["group"], table["n_articles"], strict=True)
    ]
    ax.set_yticks(y, labels)
    for tick, faded in zip(ax.get_yticklabels(), small, strict=True):
        tick.set_alpha(FADED if faded else 1.0)
    ax.set_ylim(len(table) - 0.4, -0.6)
    _x_limits(ax, *vader, *news)
    ax.axvline(0, color="0.4", lw=0.8)
    ranked = table["rank_vader"].notna()
    changed = ranked & (table["rank_vader"] != table["rank_news"])
    if int(ranked.sum()) >= 2:
        title += (
            f"\nOrder of groups changes ({int(changed.sum())} of {int(ranked.sum())} groups move"
            f"{_by_places(table['rank_vader'], table['rank_news'])}; 1st = most negative)"
            if changed.any()
            else "\nOrder of groups unchanged (1st = most negative)"
        )
    # above both panels, so the right panel's own title never runs into it
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.subplots_adjust(top=1 - 0.85 / fig.get_size_inches()[1])
    ax.set_xlabel("Mean of the articles' mean sentence compound (n = articles)")
    ax.set_ylabel("")
    _legend_below(ax)
    if small.any():
        note_small_n(bar, table["n_articles"])
    return fig, table


def plot_shares(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Shares of negative, neutral and positive sentences per group (from `group_tone`)."""
    fig, ax = plt.subplots(figsize=bounded_size(9, 1.6 + 0.45 * max(len(table), 1)))
    if table.empty:
        no_data(ax, "no body sentences")
    else:
        y = np.arange(len(table))
        left = np.zeros(len(table))
        parts = [
            ("share_negative", "negative", NEGATIVE),
            ("share_neutral", "neutral", NEUTRAL),
            ("share_positive", "positive", POSITIVE),
        ]
        for column, name, color in parts:
            values = 100 * table[column].to_numpy(dtype=float)
            bars = ax.barh(y, values, left=left, color=color, label=name, height=0.7)
            fade_small(bars, table["n_articles"])
            for k, v in enumerate(values):
                if v >= 6:
                    ax.text(left[k] + v / 2, k, f"{v:.0f}%", ha="center", va="center", fontsize=8)
            left += values
        labels = [
            f"{short_label(g)} ({a:,} art., {n:,} sent.)"
            for g, a, n in zip(
                table["group"], table["n_articles"], table["n_sentences"], strict=True
            )
        ]
        ax.set_yticks(y, labels)
        ax.set_ylim(len(table) - 0.5, -0.5)
        ax.set_xlim(0, 100)
        ax.legend(title="", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_title("Share of sentences by tone, per group")
    ax.set_xlabel("% of the group's body sentences (label: group, articles and sentences)")
    if len(table):
        note_small_n(ax, table["n_articles"])
    ax.set_ylabel("")
    return fig, table


def plot_tone_over_time(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Mean compound per period: one small panel per group, the whole corpus in grey behind it.

    Input: `tone_over_time` (with its "whole corpus" rows when there are two groups or more).
    Each panel shows the group's mean per period with its 95 % band (none for a period of
    fewer than 5 articles, whose hollow point says so; the CSV keeps every interval) and, as grey bars at the foot of the panel, the number of articles behind
    each period (labelled when there are at most 16 periods); a point on fewer than 5
    articles is hollow and faded; an empty period is a gap. The y axis is shared and set by
    the means, so a wide band runs off the panel rather than flattening every line. Tick labels are thinned to at most 8 a panel, the last period always labelled.
    A first or last period the corpus covers only in part (`period_note`, from
    `groups.period_coverage`) is shaded and marked "partial", and named with its days of data
    under the axes: its point rests on the days the corpus has, not on the whole period.
    """
    names = [g for g in dict.fromkeys(table["group"]) if g != POOLED]
    if not names and len(table):
        names = [POOLED]
    cols = min(3, max(1, len(names)))
    rows = max(1, int(np.ceil(len(names) / cols)))
    fig, axes = plt.subplots(
        rows,
        cols,
        figsize=bounded_size(4.6 * cols + 1, 0.9 + 2.8 * rows),
        squeeze=False,
        sharex=True,
        sharey=True,
    )
    if table.empty:
        no_data(axes[0, 0], "no dated articles")
        axes[0, 0].set_title("Tone over time")
        return fig, table
    periods = sorted(table["period"].unique())
    x_of = {p: k for k, p in enumerate(periods)}
    overall = table[table["group"] == POOLED]
    means = table["mean_compound"].to_numpy(dtype=float)
    low, high = float(np.nanmin(means)), float(np.nanmax(means))
    pad = max(0.1, 0.25 * (high - low))
    bottom, top = max(-1.0, low - 2 * pad), min(1.0, high + pad)
    colors = [sns.color_palette()[0]] * max(len(names), 1)  # one colour: a panel per group
    drawn = table[table["group"].isin(names)]["n_articles"]
    most = max(1, int(drawn.max())) if len(drawn) else 1
    notes = (
        table.drop_duplicates("period").set_index("period")["period_note"].reindex(periods)
        if "period_note" in table.columns
        else pd.Series("", index=periods)
    ).fillna("")
    partial = [x_of[p] for p, note in notes.items() if note]
    for k, ax in enumerate(axes.flat):
        if k >= len(names):
            ax.set_visible(False)
            continue
        name = names[k]
        if name != POOLED and len(overall):
            ax.plot(
                overall["period"].map(x_of),
                overall["mean_compound"],
                color="0.6",
                marker="o",
                ms=2,
                lw=1.2,
                label=POOLED,
            )
        part = table[table["group"] == name]
        x = part["period"].map(x_of).to_numpy()
        n = part["n_articles"].to_numpy()
        # articles per period: grey bars in the lowest fifth of the panel
        heights = (top - bottom) * 0.2 * n / most
        period_n_bars(ax, n, x, heights, bottom, color="0.85", width=0.7, label_max=16)
        shade_periods(ax, partial, rotation=90)  # the corpus covers only part of them
        few = n < SMALL_N  # a band from 2-4 articles spans most of the scale: none drawn
        lo, hi = (part[c].to_numpy(dtype=float) for c in ("ci_low", "ci_high"))
        lo, hi = np.where(few, np.nan, lo), np.where(few, np.nan, hi)
        ax.fill_between(x, lo, hi, color=colors[k], alpha=0.2, lw=0)
        draw_points(ax, x, part["mean_compound"], n, color=colors[k], label=name)
        ax.axhline(0, color="0.4", lw=0.7)
        total = int(part["n_articles"].sum())
        plural = "s" if total != 1 else ""
        ax.set_title(
            f"{short_label(name, 36)} ({total:,} article{plural})", fontsize=10, fontweight="normal"
        )
        period_ticks(ax, periods, max_ticks=8)
        ax.tick_params(axis="x", labelsize=8)
        ax.tick_params(axis="x", labelbottom=k + cols >= len(names))  # last panel of a column
        ax.tick_params(axis="y", labelsize=8)
        ax.set_xlim(-0.5, len(periods) - 0.5)
        ax.set_ylim(bottom, top)
    for ax in axes[:, 0]:
        ax.set_ylabel("mean compound", fontsize=9)
    grey = " (grey line: whole corpus)" if len(overall) else ""
    fig.suptitle(
        f"Tone over time: mean compound per period with 95 % band{grey}",
        fontweight="bold",
        x=0.02,
        ha="left",
    )
    shaded = partial_note(notes)
    fig.supxlabel(
        "Publication period (bars: articles per period; hollow points, no band: fewer than "
        f"{SMALL_N} articles; gaps: no article){shaded}",
        fontsize=9,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return fig, table


def plot_group_voices(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Quoted sentences against narrative per group and overall (from `group_voices`).

    A group without quotes has no quote bar, only "n=0".
    """
    rows = list(dict.fromkeys(table["group"]))
    fig, ax = plt.subplots(figsize=bounded_size(9, 1.4 + 0.6 * max(len(rows), 1)))
    if table.empty:
        no_data(ax, "no sentences to compare")
    else:
        data = table.assign(label=table["group"].map(short_label))
        paired_bars(
            ax,
            data,
            "label",
            [short_label(r) for r in rows],
            "voice",
            ["narrative", "quote"],
            articles="n_articles",
        )
        note_small_n(ax, table["n_articles"])
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_title("Quoted voices against the reporter's narrative, per group", loc="left")
    ax.set_xlabel("Mean compound of the sentences (−1 … +1; label: sentences (articles))")
    ax.set_ylabel("")
    return fig, table


def plot_group_targets(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap: mean compound of sentences naming each target, per group (`group_targets`).

    Cells show the mean and n, the number of **articles** whose sentences name the target (the
    unit the fading uses: a cell resting on fewer than 5 articles is nearly white with grey
    text, and the colour scale is fitted to the other cells; sentences are in the CSV,
    `n_sentences`); a blank cell means the group never names the target. With a
    `target_type` column, each row is labelled with its type (person, organisation, place)
    and rows of one type are drawn together, separated by a line. Bounded by the table (at
    most 12 targets × the top groups).
    """
    targets = list(dict.fromkeys(table["target"]))
    names = list(dict.fromkeys(table["group"]))
    typed = "target_type" in table.columns and table["target_type"].astype("str").ne("").any()
    kind = (
        table.drop_duplicates("target").set_index("target")["target_type"].astype("str")
        if typed
        else pd.Series(dtype="str")
    )
    fig, ax = plt.subplots(
        figsize=bounded_size(3 + 1.3 * max(len(names), 2), 1.8 + 0.55 * max(len(targets), 1))
    )
    if table.empty:
        no_data(ax, "no sentence names a target")
    else:
        means = table.pivot(index="target", columns="group", values="mean_compound")
        means = means.reindex(index=targets, columns=names)
        articles = table.pivot(index="target", columns="group", values="n_articles")
        articles = articles.reindex(index=targets, columns=names)
        annot = means.map(lambda v: "" if pd.isna(v) else f"{v:+.2f}")
        annot = annot + articles.map(lambda v: "" if pd.isna(v) else f"\nn={int(v):,}")
        counts = articles.to_numpy(dtype=float)
        small = ~np.isnan(counts) & is_small(counts.ravel()).reshape(counts.shape)
        # a scale fitted to the values of cells of 5 articles or more (at least ±0.2), so
        # differences between groups show and one article's +0.85 neither sets the scale
        # nor is the darkest cell: a cell on fewer articles is nearly white, its text grey
        values = np.abs(means.to_numpy(dtype=float))
        solid = values[~small & ~np.isnan(values)]
        largest = float(solid.max()) if solid.size else float(np.nanmax(values))
        tone_heatmap(ax, means, annot, max(0.2, np.ceil(largest * 10) / 10))
        for row, col in zip(*np.nonzero(small), strict=True):
            ax.add_patch(plt.Rectangle((col, row), 1, 1, color="white", alpha=0.85, lw=0, zorder=2))
        for text in ax.texts:
            x, y = text.get_position()
            if 0 <= int(y) < small.shape[0] and 0 <= int(x) < small.shape[1]:
                if small[int(y), int(x)]:
                    text.set_color("0.45")
                    text.set_zorder(3)
        if small.any():
            note_small_n(ax, counts[~np.isnan(counts)])
        ax.set_xticklabels([short_label(n, 24) for n in names], rotation=30, ha="right", fontsize=9)
        labels = [
            f"{short_label(t, 28)} ({kind.get(t, 'other')})" if typed else short_label(t, 32)
            for t in targets
        ]
        ax.set_yticklabels(labels, rotation=0, fontsize=9)
        if typed:
            kinds = [kind.get(t, "other") for t in targets]
            for k in range(1, len(kinds)):
                if kinds[k] != kinds[k - 1]:
                    ax.axhline(k, color="0.2", lw=1.6, zorder=4)
    ax.grid(False)
    ax.set_title("Tone of the sentences that name each target, per group")
    ax.set_xlabel("Group (cell: mean compound of the sentences; n = articles naming the target)")
    ax.set_ylabel("")
    return fig, table


def plot_driver_words(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """The words whose rule-adjusted valences add up to the most sentiment (`driver_words`).

    Words of the list of designation and event words (`news_words`: they report who someone
    is or what happened, and `lexicon="news"` scores them neutral) are hatched and marked †,
    and the note under the axis says so: a bar of "killed" is the news, not a judgement.
    """
    from newscorpus.sentiment.lexicon import news_words

    fig, ax = plt.subplots(figsize=bounded_size(8, 1.6 + 0.35 * max(len(table), 1)))
    listed = set(news_words())
    marked = [str(w) in listed for w in table["word"]] if len(table) else []
    if table.empty:
        no_data(ax, "no lexicon words")
    else:
        y = np.arange(len(table))
        values = table["total_valence"].to_numpy(dtype=float)
        colors = [NEGATIVE if v < 0 else POSITIVE for v in values]
        bars = ax.barh(y, values, color=colors, height=0.7)
        for bar, mark in zip(bars, marked, strict=True):
            if mark:
                bar.set_hatch("///")
                bar.set_edgecolor("white")
        for k, (v, n) in enumerate(zip(values, table["n"], strict=True)):
            ax.annotate(
                f"{n:,}×",
                (v, k),
                xytext=(3 if v >= 0 else -3, 0),
                textcoords="offset points",
                ha="left" if v >= 0 else "right",
                va="center",
                fontsize=8,
            )
        ax.set_yticks(
            y, [f"{w} †" if m else str(w) for w, m in zip(table["word"], marked, strict=True)]
        )
        ax.set_ylim(len(table) - 0.5, -0.5)
        span = max(abs(values).max(), 1e-9)
        ax.set_xlim(min(values.min(), 0) - 0.15 * span, max(values.max(), 0) + 0.15 * span)
    sampled = float(table["sampled"].iloc[0]) if len(table) and "sampled" in table else 1.0
    note = "" if sampled >= 1 else f" (evenly spaced {sampled:.0%} of sentences)"
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_title("Words that drive the tone of the corpus" + note)
    xlabel = "Sum of word valences after VADER's rules (label: occurrences)"
    if any(marked):
        xlabel += (
            f"\n† hatched: {sum(marked)} designation, event or function word"
            f"{'s' if sum(marked) != 1 else ''} (what happened or grammar, not a judgement; "
            'lexicon="news" scores them neutral)'
        )
    if len(table):
        xlabel += "\nread the others too: VADER scores words that report events or name things"
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    return fig, table
