"""Drawing helpers shared by the per-article (`article_figures`) and corpus-level (`figures`)
sentiment figures: short labels, a legend only when something is labelled, paired bars with
n labels, and the tone heatmap."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from newscorpus.plots import SMALL_N, fade_small


def legend_if_labelled(ax: plt.Axes, **kwargs) -> None:
    """A legend only when something is labelled (an empty corpus plots nothing)."""
    if ax.get_legend_handles_labels()[0]:
        ax.legend(**kwargs)


def paired_bars(
    ax: plt.Axes,
    data: pd.DataFrame,
    row: str,
    order: list[str],
    hue: str,
    hue_order: list[str],
    value: str = "mean_compound",
    count: str = "n_sentences",
    articles: str | None = None,
) -> None:
    """Horizontal bars, one per (row, hue) pair present in `data`, each labelled with n=count.

    A pair absent from `data` (an article or group without quotes) draws no bar and is labelled
    n=0, so rows never shift and empty groups never fail. First row on top. With `articles`
    (a column of article counts), a bar resting on fewer than 5 articles is faded and its
    label gives the articles too ("n=6 (3 art.)"), so the count read beside a faded bar is
    the one the fading uses.
    """
    colors = sns.color_palette(n_colors=len(hue_order))
    height = 0.8 / len(hue_order)
    cells = data.set_index([row, hue])
    position = {r: k for k, r in enumerate(order)}
    for k, level in enumerate(hue_order):
        offset = (k - (len(hue_order) - 1) / 2) * height
        ys, xs, ns, few, texts = [], [], [], [], []
        for r in order:
            key = (r, level)
            ys.append(position[r] + offset)
            if key in cells.index:
                xs.append(float(cells.loc[key, value]))
                ns.append(int(cells.loc[key, count]))
                few.append(int(cells.loc[key, articles]) if articles else SMALL_N)
                texts.append(f"n={ns[-1]:,}" + (f" ({few[-1]:,} art.)" if articles else ""))
            else:
                xs.append(np.nan)
                ns.append(0)
                few.append(SMALL_N)
                texts.append("n=0")
        present = [x == x for x in xs]  # not NaN
        bars = ax.barh(
            [y for y, p in zip(ys, present, strict=True) if p],
            [x for x, p in zip(xs, present, strict=True) if p],
            height=height,
            color=colors[k],
            label=level,
        )
        fade_small(bars, [f for f, p in zip(few, present, strict=True) if p])
        for y, x, text in zip(ys, xs, texts, strict=True):
            x = 0.0 if x != x else x
            ax.annotate(
                text,
                (x, y),
                xytext=(3 if x >= 0 else -3, 0),
                textcoords="offset points",
                ha="left" if x >= 0 else "right",
                va="center",
                fontsize=8,
            )
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(len(order) - 0.5, -0.5)
    low = min(0.0, float(data[value].min()))
    high = max(0.0, float(data[value].max()))
    pad = 0.25 * max(high - low, 0.2)
    ax.set_xlim(low - (pad if low < 0 else 0.05), high + pad)
    legend_if_labelled(ax, title="", fontsize=8)


def tone_heatmap(
    ax: plt.Axes, means: pd.DataFrame, annot: pd.DataFrame, limit: float = 1.0
) -> None:
    """Mean compound cells on a red-blue scale centred on 0 (±limit), annotated; empty cells
    stay blank."""
    sns.heatmap(
        means,
        annot=annot.fillna(""),
        fmt="",
        cmap="RdBu",
        vmin=-limit,
        vmax=limit,
        center=0,
        linewidths=0.5,
        cbar_kws={"label": f"mean compound (scale ±{limit:g})"},
        ax=ax,
        annot_kws={"size": 8},
    )


def short_label(label: str, width: int = 40) -> str:
    """`label` as a string, cut to `width` characters with a trailing "…" when longer."""
    label = str(label)
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"
