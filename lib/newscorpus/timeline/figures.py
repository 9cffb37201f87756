"""Figures of the dates tables (drawing only): each returns (figure, data)."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.timeline.events import article_spans, dated_events, mention_counts, select_dates
from newscorpus.timeline.grammar import KINDS

# --------------------------------------------------------------------------- figures


def _middle(lo: pd.Series, hi: pd.Series) -> pd.Series:
    return lo + (hi - lo) / 2


def plot_timeline(
    corpus: Corpus, dates: pd.DataFrame, label_width: int = 30, **select
) -> tuple[plt.Figure, pd.DataFrame]:
    """Every resolved mention on a time axis, one row per article, each labelled with its event.

    Labels go to the first free lane above or below their article's row; a label that would
    overlap every lane is left out of the picture (its point stays; the CSV has every row).
    """
    events = dated_events(corpus, dates, **select)
    articles = sorted(corpus.articles["article_id"])
    row_of = {aid: i for i, aid in enumerate(articles)}
    width_in = 11
    fig, ax = plt.subplots(figsize=(width_in, 1.9 * len(articles) + 1.8))
    kind_color = _kind_colors()
    labelled = []
    if len(events):
        lo, hi = events["start_date"].min(), events["end_date"].max()
        pad = max((hi - lo) * 0.03, pd.Timedelta(days=20))
        x0, x1 = lo - pad, hi + pad * 6  # room on the right for the last labels
        ax.set_xlim(x0, x1)
        days_per_point = (x1 - x0).days / (width_in * 72 * 0.78)
        lanes = [14, -14, 28, -28, 42, -42]
        lane_end: dict[tuple[int, int], float] = {}
        for r in events.itertuples(index=False):
            y = row_of[r.article_id]
            color = kind_color[r.kind]
            if r.end_date > r.start_date:
                ax.plot([r.start_date, r.end_date], [y, y], color=color, lw=5, alpha=0.4)
            mid = r.start_date + (r.end_date - r.start_date) / 2
            ax.plot([mid], [y], "o", color=color, ms=5)
            label = textwrap.shorten(r.event, label_width, placeholder="…")
            if not label:
                labelled.append(False)
                continue
            x = (mid - x0).days
            width = len(label) * 5.4 * days_per_point
            lane = next((ln for ln in lanes if lane_end.get((y, ln), -1e9) < x), None)
            labelled.append(lane is not None)
            if lane is None:
                continue
            lane_end[(y, lane)] = x + width
            ax.annotate(
                label,
                (mid, y),
                xytext=(0, lane),
                textcoords="offset points",
                fontsize=9,
                ha="left",
                va="center",
                arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "0.5"},
            )
    for kind in KINDS:
        if (events["kind"] == kind).any():
            ax.plot([], [], "o", color=kind_color[kind], label=kind)
    ax.set_yticks(range(len(articles)), articles)
    ax.set_ylim(len(articles) - 0.4, -0.6)
    ax.set(
        title="When the things the articles mention happened",
        xlabel="date mentioned (resolved interval; dot at its middle)",
        ylabel="article",
    )
    if len(events):
        ax.legend(title="kind", loc="upper left", fontsize=8)
    else:
        ax.text(0.5, 0.5, "no resolved dates", transform=ax.transAxes, ha="center")
    data = events.drop(columns="sentence").assign(labelled=labelled if len(events) else [])
    return fig, data


def _kind_colors() -> dict[str, str]:
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    return {k: colors[i % len(colors)] for i, k in enumerate(KINDS)}


def plot_histogram(
    dates: pd.DataFrame, granularity: str = "year", **select
) -> tuple[plt.Figure, pd.DataFrame]:
    """Bar chart of how often each year (or month) is mentioned, stacked by kind."""
    counts = mention_counts(dates, granularity, **select)
    fig, ax = plt.subplots(figsize=(11, 4.5))
    if len(counts):
        freq = "Y" if granularity == "year" else "M"
        periods = pd.period_range(counts["period"].min(), counts["period"].max(), freq=freq)
        wide = counts.pivot(index="period", columns="kind", values="n_mentions")
        wide = wide.reindex([str(p) for p in periods]).fillna(0)
        wide = wide[[k for k in KINDS if k in wide.columns]]
        colors = _kind_colors()
        wide.plot.bar(stacked=True, ax=ax, width=0.85, color=[colors[k] for k in wide.columns])
        step = max(1, len(wide) // 24)
        ax.set_xticks(range(0, len(wide), step), wide.index[::step])
        ax.tick_params(axis="x", rotation=90 if len(wide) > 12 else 0)
        ax.legend(title="kind")
    else:
        ax.text(0.5, 0.5, "no resolved dates", transform=ax.transAxes, ha="center")
    ax.set(
        title=f"Mentioned {granularity}s",
        xlabel=granularity,
        ylabel="mentions (counted in every period they span)",
    )
    return fig, counts


def plot_spans(corpus: Corpus, dates: pd.DataFrame, **select) -> tuple[plt.Figure, pd.DataFrame]:
    """Each article's anchor date against the span of dates it talks about."""
    spans = article_spans(corpus, dates, **select)
    chosen = select_dates(dates, **select)
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(spans) + 2))
    y_of = {aid: i for i, aid in enumerate(spans["article_id"])}
    ys = chosen["article_id"].map(y_of)
    ax.scatter(
        _middle(chosen["start_date"], chosen["end_date"]),
        ys,
        s=14,
        color="#4c72b0",
        label="date mentioned",
        zorder=3,
    )
    for y, r in enumerate(spans.itertuples(index=False)):
        if pd.notna(r.earliest):
            ax.plot([r.earliest, r.latest], [y, y], color="#4c72b0", lw=2, alpha=0.4)
    markers = {"text": ("D", "#c44e52"), "manifest": ("D", "#c44e52"), "inferred": ("d", "#dd8452")}
    for source, (marker, color) in markers.items():
        sel = spans[spans["anchor_from"] == source]
        if len(sel):
            ax.scatter(
                sel["anchor"],
                sel["article_id"].map(y_of),
                marker=marker,
                s=60,
                color=color,
                label=f"article date ({source})",
                zorder=4,
            )
    ax.set_yticks(range(len(spans)), spans["article_id"])
    ax.set_ylim(len(spans) - 0.5, -0.5)
    ax.set(
        title="Article date against the dates it talks about",
        xlabel="date",
        ylabel="article",
    )
    ax.legend(loc="upper left", fontsize=8)
    return fig, spans
