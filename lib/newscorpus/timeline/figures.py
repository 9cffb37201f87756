"""Figures of the dates tables (drawing only): each returns (figure, data)."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LogNorm
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator, NullFormatter

from newscorpus.corpus import Corpus
from newscorpus.plots import (
    FADED_ALPHA,
    article_label,
    bounded_size,
    clip_text,
    is_small,
    no_data,
    note_small_n,
)
from newscorpus.timeline import compare
from newscorpus.timeline.events import (
    NEWS_CYCLE_DAYS,
    article_spans,
    dated_events,
    mention_counts,
    select_dates,
)
from newscorpus.timeline.grammar import KINDS

# --------------------------------------------------------------------------- figures

MAX_SPAN_ROWS = 40  # articles drawn by plot_spans
NO_PUBLICATION_DATES = (
    "no publication dates: no article states one (text, manifest, table column or page), "
    "and none is guessed from the years it mentions"
)


def empty_figure(title: str, message: str) -> plt.Figure:
    """A small figure (8 x 2.4 in) for a view with nothing to draw: the title above, the
    message wrapped and centred (`plots.no_data`), no axis."""
    fig, ax = plt.subplots(figsize=(8, 2.4))
    ax.set_axis_off()
    no_data(ax, textwrap.fill(message, 90))
    lines = [w for line in title.split("\n") for w in textwrap.wrap(line, 100)]
    ax.set_title("\n".join(lines), fontsize=10)
    return fig


def _middle(lo: pd.Series, hi: pd.Series) -> pd.Series:
    return lo + (hi - lo) / 2


def plot_timeline(
    corpus: Corpus, dates: pd.DataFrame, label_width: int = 45, **select
) -> tuple[plt.Figure, pd.DataFrame]:
    """Every resolved mention on a time axis, one lane per article, labelled with its event.

    The swimlanes (`plot_swimlanes`) of the corpus's first 12 articles by id, so the figure stays
    bounded at any corpus size; `select` takes kinds, date_from and date_to.
    """
    articles = sorted(corpus.articles["article_id"].astype("str"))[:12]
    return plot_swimlanes(
        corpus.sentences, dates, articles, label_width, titles=corpus.articles, **select
    )


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
    drawn = spans.head(MAX_SPAN_ROWS)  # the data keeps every article; the figure stays bounded
    chosen = select_dates(dates, **select)
    chosen = chosen[chosen["article_id"].isin(set(drawn["article_id"]))]
    fig, ax = plt.subplots(figsize=bounded_size(9, 0.6 * len(drawn) + 2))
    y_of = {aid: i for i, aid in enumerate(drawn["article_id"])}
    ys = chosen["article_id"].map(y_of)
    ax.scatter(
        _middle(chosen["start_date"], chosen["end_date"]),
        ys,
        s=14,
        color="#4c72b0",
        label="date mentioned",
        zorder=3,
    )
    for y, r in enumerate(drawn.itertuples(index=False)):
        if pd.notna(r.earliest):
            ax.plot([r.earliest, r.latest], [y, y], color="#4c72b0", lw=2, alpha=0.4)
    sel = drawn[drawn["anchor"].notna()]
    if len(sel):
        ax.scatter(
            sel["anchor"],
            sel["article_id"].map(y_of),
            marker="D",
            s=60,
            color="#c44e52",
            label="publication date",
            zorder=4,
        )
    named = article_label(corpus.articles, 45)
    ax.set_yticks(range(len(drawn)), [named.get(a, a) for a in drawn["article_id"]])
    ax.set_ylim(len(drawn) - 0.5, -0.5)
    shown = f" (first {len(drawn)} of {len(spans)} articles)" if len(drawn) < len(spans) else ""
    ax.set(
        title=f"Article date against the dates it talks about{shown}",
        xlabel="date",
        ylabel="article",
    )
    ax.legend(loc="upper left", fontsize=8)
    return fig, spans


# --------------------------------------------------------------------------- corpus-level views


def _window_note(attrs: dict, what: str = "mentions") -> str:
    lo, hi, rule = attrs["window"]
    note = f"{lo:%Y-%m-%d} to {hi:%Y-%m-%d} ({rule})"
    n_out = attrs.get("n_outside", 0)
    if n_out:
        note += f"; {n_out:,.0f} {what} outside left out"
    coarse = attrs.get("n_coarser", 0)
    if coarse:  # a month histogram: a year is never counted as its months
        note += f"; {coarse:,} mention{'s' if coarse != 1 else ''} of a quarter, a year or longer left out"
    return note


def _partial_periods(coverage: pd.DataFrame | None, granularity: str) -> list[tuple]:
    """(start, end, note) of the first or last publication period the corpus covers only in
    part (`groups.period_coverage` rows with partial True), as Timestamps."""
    if coverage is None or not len(coverage) or "partial" not in coverage.columns:
        return []
    fmt = "%Y" if granularity == "year" else "%Y-%m"
    step = pd.DateOffset(years=1) if granularity == "year" else pd.DateOffset(months=1)
    out = []
    for r in coverage[coverage["partial"].astype("bool")].itertuples(index=False):
        start = pd.to_datetime(str(r.period), format=fmt, errors="coerce")
        if pd.notna(start):
            out.append((start, start + step, f"{r.period} {r.note}"))
    return out


def plot_group_histogram(
    counts: pd.DataFrame, granularity: str = "year", coverage: pd.DataFrame | None = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Mentioned years (or months) per group as small multiples sharing one time axis.

    Input: the table from `compare.mentions_by_group` (its attrs give the window), and
    optionally `coverage`, `groups.period_coverage` of the articles' publication dates at the
    same granularity: a first or last period the corpus publishes in only in part is shaded in
    every panel and named under the axis ("1987-02 partial: 3 of 28 days"), so its low bar is read as
    where the corpus stops, not as less attention. One panel per group (at most the top groups
    + "other"), bars at each period's start. Size bounded whatever the number of groups or
    periods.
    """
    order = list(counts["group"].cat.categories) if len(counts) else []
    if not order or counts["n_mentions"].sum() == 0:
        title = f"Which {granularity}s each group mentions\n{_window_note(counts.attrs)}"
        return empty_figure(title, "no resolved dates in the window"), counts
    n = max(len(order), 1)
    fig, axes = plt.subplots(
        n, 1, figsize=bounded_size(11, 1.5 * n + 1.4), sharex=True, squeeze=False
    )
    axes = axes[:, 0]
    width = 365.25 if granularity == "year" else 30.44  # days
    values = counts["n_mentions"][counts["n_mentions"] > 0]
    log = len(values) > 0 and values.max() / values.min() > 100  # a spike and a long tail
    partial = _partial_periods(coverage, granularity)
    for ax, group in zip(axes, order, strict=False):
        for lo, hi, _ in partial:
            ax.axvspan(mdates.date2num(lo), mdates.date2num(hi), color="0.9", zorder=0)
        part = counts[counts["group"] == group]
        starts = mdates.date2num(part["period_start"].to_numpy())
        if len(starts):  # filled step lines per panel: fast whatever the number of periods
            edges = np.append(starts, starts[-1] + width)
            heights = part["n_mentions"].to_numpy()
            few = is_small(part["n_articles"]) if "n_articles" in part.columns else heights < 0
            ax.stairs(np.where(few, 0, heights), edges, fill=True, color="#4c72b0")
            if few.any():  # periods resting on fewer than 5 articles: faded
                ax.stairs(
                    np.where(few, heights, 0), edges, fill=True, color="#4c72b0", alpha=FADED_ALPHA
                )
            ax.xaxis_date()
        total = part["n_mentions"].sum()
        n_art = ""
        if group in counts.attrs.get("group_articles", {}):
            n_art = f", n={counts.attrs['group_articles'][group]:,} articles"
        ax.set_title(f"{group} ({total:,.0f} mentions{n_art})", loc="left", fontsize=10)
        if total == 0:
            ax.set_ylim(0, 1)
        if log and total > 0:  # ticks at 1, 10, 100 …; fractions of a mention below 0.5 cut
            ax.set_yscale("log")
            top = float(values.max()) * 2
            ax.set_ylim(0.5, top)
            decades = 10.0 ** np.arange(0, int(np.floor(np.log10(top))) + 1)
            ax.yaxis.set_major_locator(FixedLocator(decades[:: max(1, len(decades) // 4)]))
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
            ax.yaxis.set_minor_formatter(NullFormatter())
        else:
            ax.yaxis.set_major_locator(MaxNLocator(3, integer=True))
        ax.tick_params(axis="y", labelsize=8)
    if len(counts):  # ticks on periods, the last one the last period of the window
        labels = list(dict.fromkeys(counts["period"]))
        starts = pd.to_datetime(list(dict.fromkeys(counts["period_start"])))
        at = _round_ticks(starts, granularity)
        mid = width / 2
        axes[-1].set_xticks(
            [mdates.date2num(starts[i]) + mid for i in at], [labels[i] for i in at], rotation=0
        )
        if "n_articles" in counts.columns:
            note_small_n(axes[-1], counts.loc[counts["n_mentions"] > 0, "n_articles"])
    xlabel = (
        f"date mentioned ({granularity}; each mention spread over its interval)"
        if granularity == "year"
        else "date mentioned (month; mentions of a day, a week or a month only)"
    )
    if partial:  # under the axis: a third title line would run into the first panel
        xlabel += "\nshaded: publication " + " and ".join(p[2] for p in partial)
        xlabel += " (the corpus publishes there only in part: low bars are where it stops)"
    axes[-1].set_xlabel(xlabel)
    fig.suptitle(
        f"Which {granularity}s each group mentions\n{_window_note(counts.attrs)}",
        fontsize=11,
    )
    fig.supylabel("mentions" + (" (log scale; below 0.5 not drawn)" if log else ""), fontsize=10)
    fig.tight_layout()
    return fig, counts


def _density_panel(ax, cells: pd.DataFrame, edges, norm) -> object:
    xe = mdates.date2num(edges[0].to_numpy())
    ye = mdates.date2num(edges[1].to_numpy())
    grid = np.zeros((len(xe) - 1, len(ye) - 1))
    mesh = None
    if len(cells):
        ix = np.searchsorted(xe, mdates.date2num(cells["published_from"].to_numpy()), "right") - 1
        iy = np.searchsorted(ye, mdates.date2num(cells["mentioned_from"].to_numpy()), "right") - 1
        grid[np.clip(ix, 0, len(xe) - 2), np.clip(iy, 0, len(ye) - 2)] = cells["n_mentions"]
        mesh = ax.pcolormesh(xe, ye, np.ma.masked_equal(grid.T, 0), norm=norm, cmap="viridis")
        lo, hi = max(xe[0], ye[0]), min(xe[-1], ye[-1])
        if hi > lo:
            ax.plot([lo, hi], [lo, hi], "--", color="0.3", lw=1, label="mentioned = published")
            ax.legend(loc="lower right", fontsize=8)
    else:
        no_data(ax, "no mentions here")
    pad = (xe[-1] - xe[0]) * 0.02
    ax.set_xlim(xe[0] - pad, xe[-1] + pad)
    ax.set_ylim(ye[0], ye[-1])
    for axis in (ax.xaxis, ax.yaxis):
        locator = mdates.AutoDateLocator(maxticks=7)
        axis.set_major_locator(locator)
        axis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("publication date of the article")
    return mesh


def plot_density(binned: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Publication date (x) against mentioned date (y) as 2-D histograms on a log colour scale.

    Input: the table from `compare.published_vs_mentioned`. Left: every mention in the window;
    right: only dates within `near_days` of publication, so the recent past and near future
    show their detail. The dashed diagonal marks "mentioned on the day of publication": cells
    below it look back, cells above look ahead. Fast at any corpus size (bins x bins cells).
    A few articles published apart from the corpus's main span (`groups.main_span`) are
    named in the title instead of stretching the publication axis.
    """
    attrs = binned.attrs
    if attrs.get("n_dated_articles", 1) == 0:  # nothing to place: say so, draw no axis
        return empty_figure(
            "When articles were published against the dates they mention\n"
            f"no publication dates ({attrs.get('n_total', 0):,} mentions in undated articles)",
            NO_PUBLICATION_DATES,
        ), binned
    fig, axes = plt.subplots(1, 2, figsize=(15, 6.8))
    top = int(binned["n_mentions"].max()) if len(binned) else 1
    norm = LogNorm(vmin=1, vmax=max(top, 2))
    mesh = None
    titles = {
        "window": "every mention in the window",
        "near": f"dates within {attrs['near_days']} days of publication "
        f"({attrs['n_near']:,} mentions)",
    }
    for ax, panel in zip(axes, ("window", "near"), strict=True):
        cells = binned[binned["panel"] == panel]
        mesh = _density_panel(ax, cells, attrs["edges"][panel], norm) or mesh
        ax.set_title(titles[panel], fontsize=10)
    axes[0].set_ylabel("date mentioned (middle of its interval)")
    if mesh is not None:
        bar = fig.colorbar(mesh, ax=axes, label="mentions per cell (log scale)", shrink=0.9)
        steps = [m * 10**e for e in range(8) for m in (1, 2, 5) if m * 10**e <= max(top, 2)]
        bar.set_ticks(steps, labels=[f"{v:,}" for v in steps])
        bar.ax.yaxis.set_minor_formatter(NullFormatter())
    note = _window_note(attrs)
    dated = attrs.get("n_dated_articles")
    if dated is not None:
        note = f"n={dated:,} dated article{'s' if dated != 1 else ''}; " + note
    undated = attrs.get("n_undated", 0)
    if undated:
        note += f"; {undated:,} in undated articles left out"
    n_tail, first, last = attrs.get("tail_articles", (0, None, None))
    if n_tail:  # a sparse tail of publication dates (groups.main_span): named under the axes
        when = f"{first:%Y-%m-%d}" + (f" to {last:%Y-%m-%d}" if last != first else "")
        fig.text(
            0.45,
            0.0,
            f"Not drawn: {n_tail:,} article{'s' if n_tail != 1 else ''} published {when}, "
            f"apart from the corpus's main span ({attrs.get('n_tail', 0):,} mentions, kept in "
            "the tables), so the publication axis covers the span where the articles are.",
            ha="center",
            va="top",
            fontsize=9,
            color="0.3",
        )
    fig.suptitle(
        f"When articles were published against the dates they mention\n{note}", fontsize=11
    )
    return fig, binned


def plot_swimlanes(
    sentences: pd.DataFrame,
    dates: pd.DataFrame,
    articles: list[str],
    label_width: int = 45,
    kinds: list[str] | None = None,
    date_from: str = "",
    date_to: str = "",
    titles: pd.DataFrame | None = None,
    groups: pd.Series | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """The resolved mentions of a few chosen articles, one lane each, labelled with their event.

    Input: the sentences table, the dates table, the article ids (see
    `compare.busiest_articles`) and `titles`, the articles table (article_id, title, outlet,
    published): each lane is named "Title — Outlet, date" (`plots.article_label`; the id when
    no articles table is given). An article without an outlet is named by its group in
    `groups` (labels indexed by article_id, e.g. its folder), one without a publication date
    says "undated", so every lane says which article it is (`lane_names`). The legend lists
    only the kinds drawn. Each mention is labelled with the clause around it
    (`events.event_phrase`, cut at word boundaries to `label_width` characters). The time axis is `date_from`-`date_to`, else these
    articles' mentions (all when they span at most 10 years, else the central 90 %); mentions
    outside it are counted in the title (no date ticks in the room for labels past its end).
    A label an article repeats (a sentence the source prints twice) is written once. Labels go to the first free lane above or
    below their article's row; one that would run past the axis end ends at its point instead
    (`_label_side`); a label that would overlap every lane is left out (its point
    stays; the CSV has every row, with `labelled`). At most 12 lanes are drawn.
    """
    articles = list(dict.fromkeys(articles))[:12]
    mine = dates[dates["article_id"].isin(articles)]
    sentences = sentences[sentences["article_id"].isin(articles)]
    lo_w, hi_w, rule = compare.window(mine, date_from, date_to, 0.9, 10)
    events = dated_events(
        sentences, mine, kinds, date_from or None, date_to or None, width=label_width
    )
    inside = (events["end_date"] >= lo_w) & (events["start_date"] <= hi_w)
    n_outside = int((~inside).sum())
    row_of = {aid: i for i, aid in enumerate(articles)}
    width_in = 12
    fig, ax = plt.subplots(figsize=bounded_size(width_in, 1.9 * len(articles) + 2.0))
    kind_color = _kind_colors()
    labelled = [False] * len(events)
    x0, x1 = lo_w, hi_w + (hi_w - lo_w) * 0.15  # room on the right for the last labels
    ax.set_xlim(x0, x1)
    days_per_point = max((x1 - x0).days, 1) / (width_in * 72 * 0.78)
    lanes = [14, -14, 28, -28, 42, -42]
    lane_end: dict[tuple[int, int], float] = {}
    said: set[tuple[int, str]] = set()  # a label an article's lane already carries
    for k, r in enumerate(events.itertuples(index=False)):
        if not inside.iloc[k]:
            continue
        y = row_of[r.article_id]
        color = kind_color[r.kind]
        start, end = max(r.start_date, lo_w), min(r.end_date, hi_w)
        if end > start:
            ax.plot([start, end], [y, y], color=color, lw=5, alpha=0.4)
        mid = start + (end - start) / 2
        ax.plot([mid], [y], "o", color=color, ms=5)
        label = r.event
        if not label or (y, label) in said:  # a sentence the source repeats: labelled once
            continue
        x = (mid - x0).days
        label, left = _label_side(label, x, (x1 - x0).days, 5.4 * days_per_point)
        start = x - len(label) * 5.4 * days_per_point if left else x
        lane = next((ln for ln in lanes if lane_end.get((y, ln), -1e9) < start), None)
        if lane is None:
            continue
        labelled[k] = True
        said.add((y, r.event))
        lane_end[(y, lane)] = x if left else x + len(label) * 5.4 * days_per_point
        ax.annotate(
            label,
            (mid, y),
            xytext=(0, lane),
            textcoords="offset points",
            fontsize=9,
            ha="right" if left else "left",
            va="center",
            arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "0.5"},
        )
    drawn = set(events["kind"][inside.to_numpy()])
    for kind in KINDS:
        if kind in drawn:  # a kind with no point in the window has no legend entry
            ax.plot([], [], "o", color=kind_color[kind], label=kind)
    names = lane_names(articles, titles, groups)
    ax.set_yticks(range(len(articles)), names)
    ax.set_ylim(len(articles) - 0.4, -0.6)
    note = f"{lo_w:%Y-%m-%d} to {hi_w:%Y-%m-%d} ({rule})"
    if n_outside:
        note += f"; {n_outside} mentions outside not drawn"
    ax.set(
        title=f"What the chosen articles date, and when\n{note}",
        xlabel="date mentioned (bar: the resolved interval; dot: its middle)",
        ylabel="article",
    )
    ax.title.set_fontsize(10)
    # the room right of the window holds labels only: no date ticks past the window's end
    ticks = [t for t in ax.get_xticks() if mdates.num2date(t).replace(tzinfo=None) <= hi_w]
    ax.set_xticks(ticks)
    ax.set_xlim(x0, x1)
    if drawn:
        ax.legend(title="kind", loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=5, fontsize=8)
    else:
        no_data(ax, "no resolved dates in these articles")
    data = events.drop(columns="sentence").assign(labelled=labelled)
    data.insert(
        3, "article", [dict(zip(articles, names, strict=True))[a] for a in data["article_id"]]
    )
    return fig, data


def _label_side(label: str, x: float, room: float, per_char: float) -> tuple[str, bool]:
    """Where a swimlane label goes: (its text, True when it ends at its point instead of
    starting there). A label that would run past the axis end (`room`, in the same units as
    `x` and `per_char`) is written to the left of its point; one too long for either side is
    cut at a word boundary to the wider side's room, with "…"."""
    if x + len(label) * per_char <= room:
        return label, False
    left = x >= room - x
    fits = int((x if left else room - x) / per_char)
    if len(label) > fits:
        cut = label[: max(fits - 1, 0)].rsplit(" ", 1)[0] if fits > 1 else ""
        label = cut + "…" if cut else label[: max(fits, 1)]
    return label, left


def lane_names(
    articles: list[str], titles: pd.DataFrame | None, groups: pd.Series | None = None
) -> list[str]:
    """ "Title — Outlet, date" for each article id (`plots.article_label`, titles cut at 45
    characters); an article with no outlet gets its group from `groups` (article_id -> label)
    instead, one with no date "undated"; the id stands in for a missing title."""
    if titles is None or not len(titles):
        titles = pd.DataFrame({"article_id": articles})
    mine = titles[titles["article_id"].astype("str").isin(articles)].copy()
    mine["article_id"] = mine["article_id"].astype("str")
    outlet = (
        mine["outlet"].astype("str").str.strip().where(mine["outlet"].notna(), "")
        if "outlet" in mine.columns
        else pd.Series("", index=mine.index, dtype="str")
    )
    outlet = outlet.where(outlet.ne("nan"), "")
    if groups is not None:
        label = groups.dropna().astype("str")
        label.index = label.index.astype("str")
        group = mine["article_id"].map(label).fillna("").astype("str")
        outlet = outlet.where(outlet.ne(""), group)
    when = (
        pd.to_datetime(mine["published"], errors="coerce")
        if "published" in mine.columns
        else pd.Series(pd.NaT, index=mine.index)
    )
    named = article_label(mine.assign(outlet=outlet.replace("", pd.NA), published=when), 45)
    undated = when.isna().to_numpy()
    named = named.where(
        ~undated, named + np.where(named.str.contains(" — "), ", ", " — ") + "undated"
    )
    return [str(named.get(a, clip_text(a, 45))) for a in articles]


_NICE_STEPS = {"year": [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000], "month": [1, 2, 3, 6]}


def _round_ticks(starts: pd.DatetimeIndex, granularity: str, most: int = 12) -> list[int]:
    """Positions of at most `most` period starts on round steps (every 5 or 10 years, every
    quarter ...), always ending with the last period, which is the last tick."""
    n = len(starts)
    if n == 0:
        return []
    if granularity == "year":
        units = np.asarray(starts.year)
    else:
        units = np.asarray(starts.year) * 12 + np.asarray(starts.month) - 1
    steps = _NICE_STEPS["year"] if granularity == "year" else _NICE_STEPS["month"]
    steps = steps + [12 * k for k in _NICE_STEPS["year"]] if granularity == "month" else steps
    step = next((k for k in steps if n / k <= most), steps[-1])
    at = [i for i in range(n) if units[i] % step == 0]
    if not at or at[-1] != n - 1:
        if at and (n - 1 - at[-1]) < step / 2:
            at = at[:-1]  # too close to the last period: the last period takes its place
        at.append(n - 1)
    return at


def _date_ticks(first: pd.Timestamp, last: pd.Timestamp, most: int = 8):
    """At most `most` ticks on round days, months or years between `first` and `last`, all in
    one format (days, months or years), the last one at the last period (the day, month or
    year of `last`); and that format."""
    days = (last - first).days
    if days <= 60:
        step = next(k for k in (1, 2, 5, 7, 14, 30) if days / k <= most)
        starts = pd.date_range(first.normalize(), last.normalize(), freq="D")
        at = [i for i in range(0, len(starts), step)]
        fmt = "%Y-%m-%d"
        if at[-1] != len(starts) - 1:
            if len(starts) - 1 - at[-1] < step / 2 and len(at) > 1:
                at = at[:-1]  # too close to the last day: the last day takes its place
            at.append(len(starts) - 1)
        return [starts[i] for i in at], fmt
    if days <= 3 * 366:
        starts = pd.date_range(first.normalize() - pd.offsets.MonthBegin(1), last, freq="MS")
        granularity, fmt = "month", "%Y-%m"
    else:
        starts = pd.date_range(f"{first.year}-01-01", last, freq="YS")
        granularity, fmt = "year", "%Y"
    at = _round_ticks(starts, granularity, most)
    # a period that starts before the first event is left out, except the last one
    return [starts[i] for i in at if starts[i] >= first or i == len(starts) - 1], fmt


def _plural(word: str, k: int) -> str:
    """`word` for `k` things: "outlet"/"outlets", "category"/"categories"."""
    if k == 1:
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word if word.endswith("s") else word + "s"


def plot_events(events: pd.DataFrame, label_width: int = 75) -> tuple[plt.Figure, pd.DataFrame]:
    """The corpus's events on one time axis: a row per event, labelled in the source's words.

    Input: the table from `events.corpus_events` (date, end, granularity, n_articles,
    n_outlets, label; attrs n_events, top). Rows run in date order from the top; each event is
    a dot on its day (a bar across its month), sized by its number of articles, with
    "n=… articles · … outlets" beside it (the outlets left out when attrs corpus_outlets
    says the corpus has at most one); events resting on fewer than 5 articles are faded and
    hollow. The tick label is the event's date and its phrase cut at `label_width` characters
    at a word boundary. The axis runs from the first event to the last (whose date is the last
    tick); events far from the rest (beyond the 10th-90th percentile span again on either side)
    are marked with an arrow at the axis edge and their date, so they do not squeeze the
    others. Size bounded whatever the number of events.
    """
    n = len(events)
    title = "Events the articles date, grouped across the corpus"
    if not n:
        message = "no day or month mentioned (no resolved dates to group into events)"
        return empty_figure(title, message), events
    fig, ax = plt.subplots(figsize=bounded_size(14, 0.42 * max(n, 3) + 2.2))
    lo = pd.to_datetime(events["date"]).astype("datetime64[s]")
    hi = pd.to_datetime(events["end"]).astype("datetime64[s]")
    ys = np.arange(n)
    small = is_small(events["n_articles"])
    size = 25 + 220 * np.sqrt(events["n_articles"] / events["n_articles"].max())
    color = "#4c72b0"
    mid = lo + (hi - lo) / 2
    # A few events far from the rest (2001-09-11 among 2016's primaries) would squeeze the
    # others into a sliver: they are marked at the edge of the axis, their date in the label.
    q1, q9 = mid.quantile(0.1), mid.quantile(0.9)
    reach = max(q9 - q1, pd.Timedelta(days=30))
    far = ((mid < q1 - reach) | (mid > q9 + reach)).to_numpy()
    first, last = lo[~far].min(), hi[~far].max()
    pad = max((last - first) * 0.18, pd.Timedelta(days=20))
    x0, x1 = first - pad * 0.15, last + pad
    shown_x = mid.where(~far, np.where(mid < first, x0, x1))
    for y, a, b, few, off in zip(ys, lo, hi, small, far, strict=True):
        if b > a and not off:
            ax.plot([a, b], [y, y], color=color, lw=6, alpha=FADED_ALPHA if few else 0.55)
    solid, hollow = ~small & ~far, small & ~far
    ax.scatter(shown_x[solid], ys[solid], s=size[solid], color=color, zorder=3)
    if hollow.any():
        ax.scatter(
            shown_x[hollow],
            ys[hollow],
            s=size[hollow],
            facecolors="white",
            edgecolors=color,
            alpha=0.9,
            zorder=3,
        )
    for y, x, before in zip(ys[far], shown_x[far], (mid < first)[far], strict=True):
        ax.scatter([x], [y], marker="<" if before else ">", s=70, color="0.45", zorder=3)
    # a count of groups says nothing on a corpus of one group (or none named): n alone
    counts = events["n_groups"] if "n_groups" in events else events["n_outlets"]
    several = events.attrs.get(
        "corpus_groups", events.attrs.get("corpus_outlets", int(counts.max()))
    )
    word = str(events.attrs.get("group_by", "outlet"))
    for y, x, r, k, few, off in zip(
        ys, shown_x, events.itertuples(index=False), counts, small, far, strict=True
    ):
        outlets = f" · {k} {_plural(word, k)}" if k and several > 1 else ""
        where = f" (off the axis: {r.date[:7] if r.granularity == 'month' else r.date})"
        ax.annotate(
            f"n={r.n_articles} article{'s' if r.n_articles != 1 else ''}{outlets}"
            + (where if off else ""),
            (x, y),
            xytext=(9, 0) if not off or x == x0 else (-9, 0),
            textcoords="offset points",
            va="center",
            ha="left" if not off or x == x0 else "right",
            fontsize=8,
            color="0.55" if few else "0.25",
        )
    names = [
        f"{r.date if r.granularity == 'day' else r.date[:7]}  {clip_text(r.label, label_width)}"
        for r in events.itertuples(index=False)
    ]
    ax.set_yticks(ys, names, fontsize=9)
    ax.set_ylim(n - 0.5, -0.7)
    ax.set_xlim(x0, x1)
    ticks, fmt = _date_ticks(first, last)
    ax.set_xticks(mdates.date2num(ticks), [f"{t:{fmt}}" for t in ticks])
    ax.tick_params(axis="x", labelrotation=30)
    ax.grid(axis="y", alpha=0.2)
    shown = events.attrs.get("n_events", n)
    note = f"the {n} events most articles mention, of {shown:,}" if shown > n else f"{n} events"
    if events.attrs.get("min_articles", 2) == 1:
        note += " (no day is named in two articles: days named once are shown)"
    if far.any():
        note += f"; {int(far.sum())} far from the rest marked at the axis edge"
    if events.attrs.get("n_routine", 0):
        note += (
            f"; {events.attrs['n_routine']:,} bookkeeping mentions (period ends, record and "
            "payment dates) left out"
        )
    if events.attrs.get("n_news_cycle", 0):
        note += (
            f";\n{events.attrs['n_news_cycle']:,} news-cycle mentions (a day within "
            f"{NEWS_CYCLE_DAYS} days of their article's publication, no content shared with "
            "another article naming it) left out"
        )
    note = f"{note}; each labelled by the clause of its most representative mention"
    # over the whole figure, wrapped: a long note never squeezes the axes (tight_layout)
    lines = textwrap.wrap(note.replace(";\n", "; "), 150)
    fig.suptitle("\n".join([title, *lines]), fontsize=10, fontweight="bold")
    few = "; hollow: fewer than 5 articles" if small.any() else ""
    ax.set_xlabel(f"date of the event (dot: a day; bar: a month){few}")
    fig.tight_layout()
    return fig, events
