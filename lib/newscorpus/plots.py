"""One shared plot theme and the one helper that saves every figure with its data beside it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from newscorpus import groups
from newscorpus.paths import FIGURES_DIR, PROJECT_ROOT

DPI = 150
PALETTE = "colorblind"


def set_theme() -> None:
    """Apply the suite's one plotting theme (seaborn whitegrid, readable sizes, fixed fonts)."""
    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook")
    plt.rcParams.update(
        {
            "figure.figsize": (9, 5),
            "figure.dpi": 100,
            "savefig.dpi": DPI,
            "savefig.bbox": "tight",
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "xtick.labelsize": 10,
            "ytick.labelsize": 10,
            "legend.fontsize": 10,
            "svg.hashsalt": "newscorpus",
            "svg.fonttype": "none",
            "path.simplify": True,
            # text from articles is never TeX: "$3.3 billion in 1985 to $6.1" drew as math
            "text.parse_math": False,
        }
    )


@dataclass(frozen=True)
class SavedFigure:
    """Where a figure and its data were written; shown relative to the project when inside it."""

    png: Path
    csv: Path

    def __repr__(self) -> str:
        try:
            shown = self.png.relative_to(PROJECT_ROOT)
        except ValueError:
            shown = self.png
        return f"saved {shown} (data: {self.csv.name})"


def save_figure(
    fig: plt.Figure,
    data: pd.DataFrame,
    notebook: str,
    name: str,
    folder: str | os.PathLike | None = None,
) -> SavedFigure:
    """Save `fig` as `<folder>/<notebook>-<name>.png` and `data` as the CSV of the same name.

    Output is byte-stable: no timestamps or software versions in the PNG, rows written as given.
    """
    csv = save_table(data, notebook, name, folder)
    saved = SavedFigure(csv.with_suffix(".png"), csv)
    fig.savefig(saved.png, dpi=DPI, metadata={"Software": None})
    return saved


def save_table(
    table: pd.DataFrame, notebook: str, name: str, folder: str | os.PathLike | None = None
) -> Path:
    """Write `table` as `<folder>/<notebook>-<name>.csv` (rows as given, byte-stable); the path.

    For a table with no figure (a notebook's full events or quotes list); `save_figure` writes
    each figure's data the same way.
    """
    folder = Path(folder) if folder is not None else FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{notebook}-{name}.csv"
    table.to_csv(path, index=False, lineterminator="\n")
    return path


MAX_CSV_ROWS = 10_000  # rows of a notebook's check table saved beside its figures (bounded)

MAX_INCHES = 19.5  # 3,000 px at DPI 150 is 20 inches; leave room for bbox_inches="tight"


def bounded_size(width: float, height: float) -> tuple[float, float]:
    """A figure size in inches capped so the saved PNG stays within 3,000 px a side."""
    return min(width, MAX_INCHES), min(height, MAX_INCHES)


def no_data(ax: plt.Axes, message: str) -> None:
    """Mark an empty chart with a centred message instead of failing or drawing nothing."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])


class TextTable:
    """A table of text (sentences, quotes, contexts) shown in full and left-aligned, bounded rows.

    Notebooks display it as HTML (every cell left-aligned and wrapped, nothing cut) and as plain
    text; only the first `limit` rows are shown, with a line saying how many there are.
    """

    def __init__(self, table: pd.DataFrame, limit: int = 20):
        self.table = table
        self.limit = limit

    def _note(self) -> str:
        n = len(self.table)
        return f"first {self.limit} of {n:,} rows" if n > self.limit else f"{n:,} rows"

    def _repr_html_(self) -> str:
        body = self.table.head(self.limit).to_html(
            index=False, justify="left", escape=True, na_rep="", classes="nc-text-table"
        )
        style = (
            "<style>.nc-text-table td, .nc-text-table th {text-align: left !important; "
            "white-space: normal; vertical-align: top;}</style>"
        )
        return f"{style}{body}<p><i>{self._note()}</i></p>"

    def __repr__(self) -> str:
        head = self.table.head(self.limit).copy()
        for column in head.columns:
            if head[column].dtype == object or pd.api.types.is_string_dtype(head[column]):
                cells = [
                    ("" if v is None or v is pd.NA or v != v else str(v)) for v in head[column]
                ]
                width = max((len(c) for c in cells), default=0)
                head[column] = pd.Series(
                    [c.ljust(width) for c in cells], index=head.index, dtype=object
                )
        with pd.option_context("display.max_colwidth", None, "display.width", 200):
            shown = head.to_string(index=False, justify="left", na_rep="")
        return f"{shown}\n({self._note()})"


def text_table(table: pd.DataFrame, limit: int = 20) -> TextTable:
    """`table` for display: full text, left-aligned, at most `limit` rows (and how many in all)."""
    return TextTable(table, limit)


# --------------------------------------------------------------------------- sample sizes

SMALL_N = 5  # a point or bar resting on fewer articles than this is drawn faded and marked
FADED_ALPHA = 0.3
SMALL_N_NOTE = f"faded: fewer than {SMALL_N} articles"


def is_small(n) -> np.ndarray:
    """True where a count of articles `n` (scalar or array, NA as 0) is below SMALL_N."""
    values = pd.to_numeric(pd.Series(np.atleast_1d(n)), errors="coerce").fillna(0).to_numpy()
    return values < SMALL_N


def n_label(name, n) -> str:
    """The standard way to show a sample size in a label: "Outlet B (n=105)"."""
    return f"{name} (n={int(n):,})" if pd.notna(n) else f"{name} (n=0)"


def draw_points(
    ax: plt.Axes,
    x,
    y,
    n,
    color=None,
    label: str | None = None,
    annotate: bool = False,
    size: float = 22,
    **kwargs,
):
    """Points (and the line through them) with each point's n: faded and hollow when n < 5.

    Input: x, y and n (articles behind each point) of equal length; `annotate` writes "n=…"
    above each point (for a few points; a line of 24 periods keeps n in its CSV instead). The
    line joins consecutive points and breaks at NaN (an empty period is a visible gap). Points
    resting on fewer than SMALL_N articles are drawn hollow (white face, `size` in points²).
    Returns the line artist. Keep n as a column of the figure's CSV.
    """
    x, y = np.asarray(x), np.asarray(y, dtype=float)
    small = is_small(n)
    (line,) = ax.plot(x, y, color=color, label=label, lw=kwargs.pop("lw", 1.6), **kwargs)
    color = line.get_color()
    ok = ~small & ~np.isnan(y)
    ax.scatter(x[ok], y[ok], s=size, color=color, zorder=3)
    few = small & ~np.isnan(y)
    if few.any():
        ax.scatter(x[few], y[few], s=22, facecolors="white", edgecolors=color, alpha=0.9, zorder=3)
    if annotate:
        counts = np.atleast_1d(np.asarray(n))
        for xi, yi, ni in zip(x, y, counts, strict=True):
            if not np.isnan(yi):
                label_at(ax, f"n={int(ni)}", (xi, yi))
    return line


def label_at(ax: plt.Axes, text: str, xy, offset=(0, 5), **style):
    """Write a small label `text` (a point's n, a bar's count or share) at the data point `xy`,
    `offset` points away: (0, 5) just above, (3, 0) just right of a horizontal bar's end.

    `style` goes to `ax.annotate` over the defaults: centred above (or, with a sideways
    offset, left- or right-aligned beside), fontsize 7, grey 0.35. Returns the annotation.
    """
    dx, dy = offset
    defaults = {
        "ha": "center" if dx == 0 else ("left" if dx > 0 else "right"),
        "va": "bottom" if dx == 0 and dy > 0 else ("top" if dx == 0 and dy < 0 else "center"),
        "fontsize": 7,
        "color": "0.35",
    }
    return ax.annotate(text, xy, xytext=(dx, dy), textcoords="offset points", **(defaults | style))


def fade_small(artists, n) -> int:
    """Fade bars (or any patches/artists) resting on fewer than SMALL_N articles, hatch them.

    Input: the artists in the same order as `n` (e.g. `ax.bar(...)` or `ax.barh(...)`'s
    container). Output: how many were faded, for a note such as `SMALL_N_NOTE`.
    """
    small = is_small(n)
    faded = 0
    for artist, few in zip(list(artists), small, strict=True):
        if few:
            artist.set_alpha(FADED_ALPHA)
            if hasattr(artist, "set_hatch"):
                artist.set_hatch("///")
            faded += 1
    return faded


def note_small_n(ax: plt.Axes, n) -> None:
    """Write "faded: fewer than 5 articles" just above the axes' top right corner when any of
    `n` is below SMALL_N (above the axes, so it never collides with tick labels)."""
    if is_small(n).any():
        ax.annotate(
            SMALL_N_NOTE,
            (1.0, 1.0),
            xycoords="axes fraction",
            ha="right",
            va="bottom",
            fontsize=8,
            color="0.4",
            annotation_clip=False,
            xytext=(0, 2),
            textcoords="offset points",
        )


# --------------------------------------------------------------------------- period axes
# Every over-time figure puts its periods at positions 0 .. len - 1 and shares these: the
# bars of the articles behind each period (n), the shading of a first or last period the
# corpus covers only in part, the ticks, and the footnote naming a folded tail's bucket.

LABEL_BARS = 24  # bars of at most this many periods carry their count


def period_n_bars(
    ax: plt.Axes,
    n,
    x=None,
    heights=None,
    bottom: float = 0.0,
    color="0.7",
    width: float = 0.8,
    label_max: int = LABEL_BARS,
):
    """Grey bars of the articles behind each period's points (n), faded and hatched where n is
    under SMALL_N, each bar labelled with its n when there are at most `label_max` periods.

    Input: n per period; x their positions (default 0 .. len - 1); heights to draw when they
    are not n itself (bars scaled into the foot of a panel) and their `bottom`. Output: the
    bars (`ax.bar`'s container). Keep n in the figure's CSV.
    """
    counts = np.nan_to_num(np.asarray(n, dtype=float))
    xs = np.arange(len(counts)) if x is None else np.asarray(x)
    tall = counts if heights is None else np.asarray(heights, dtype=float)
    bars = ax.bar(xs, tall, bottom=bottom, color=color, width=width, zorder=0)
    fade_small(bars, counts)
    if len(counts) <= label_max:
        for xi, k, h in zip(xs, counts, tall, strict=True):
            label_at(ax, f"{int(k):,}", (xi, bottom + h), offset=(0, 1), color="0.3")
    return bars


def shade_periods(
    axes, at, labels=None, label_ax: plt.Axes | None = None, rotation: float = 0
) -> None:
    """Shade the periods at positions `at` (a first or last period the corpus covers only in
    part) on each of `axes`, and write each one's label at the top of `label_ax` (the first
    of `axes` by default): `labels` one per position ("partial: 3 of 28 days"), or "partial".
    `rotation` 90 for narrow panels; the label is drawn under the data (a peak in the period
    stays visible). Nothing when `at` is empty."""
    axes = [axes] if isinstance(axes, plt.Axes) else list(axes)
    at = list(at)
    if not at or not axes:
        return
    texts = list(labels) if labels is not None else ["partial"] * len(at)
    for a in axes:
        for xi in at:
            a.axvspan(xi - 0.5, xi + 0.5, color="0.92", zorder=-1, lw=0)  # under the n bars
    top = label_ax if label_ax is not None else axes[0]
    lo, hi = sorted(top.get_xlim())
    for xi, text in zip(at, texts, strict=True):
        # a label at either end of the axis reads inwards, never past the frame
        ha = (
            "center"
            if rotation
            else ("right" if xi + 1 > hi else "left" if xi - 1 < lo else "center")
        )
        label_at(
            top,
            text,
            (xi + {"right": 0.5, "left": -0.5, "center": 0}[ha], 1),
            offset=(0, -3),
            xycoords=("data", "axes fraction"),
            va="top",
            ha=ha,
            rotation=rotation,
            fontsize=7,
            color="0.4",
            zorder=0.5,  # under the data: a peak in a partial period stays visible
        )


def partial_note(notes) -> str:
    """The footnote line for shaded partial periods: "shaded, 'partial': the corpus covers
    only part of the period (2017-01 partial: 6 of 31 days; …)", with a leading newline, from
    {period: note} (or a Series); "" when no note is set."""
    items = notes.items() if hasattr(notes, "items") else notes
    named = "; ".join(f"{p} {note}" for p, note in items if isinstance(note, str) and note)
    return (
        f"\nshaded, 'partial': the corpus covers only part of the period ({named})" if named else ""
    )


def tail_note(periods, n=None) -> str:
    """The footnote line for a folded tail (`groups.main_span`): "'2012-12 and earlier' (n=3):
    the few articles dated before the corpus's main span, drawn as one period", with a
    leading newline; "" when no period of `periods` is a bucket. `n` per period, optional."""
    periods = [str(p) for p in periods]
    counts = list(n) if n is not None else [None] * len(periods)
    parts = []
    for p, k in zip(periods, counts, strict=True):
        side = groups.bucket_of(p)
        if side:
            shown = f"'{p}'" + (f" (n={int(k):,})" if k is not None and pd.notna(k) else "")
            when = "before" if side[0] == "earlier" else "after"
            parts.append(f"{shown}: the few articles dated {when} the main span, as one period")
    return ("\n" + "; ".join(parts)) if parts else ""


# --------------------------------------------------------------------------- article labels


def clip_text(text: str, width: int) -> str:
    """`text` cut at a word boundary to at most `width` characters, with "…" when cut."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    head = text[: width - 1]
    space = head.rfind(" ")
    if space >= width // 2:
        head = head[:space]
    return head.rstrip(" ,;:-–—") + "…"


def article_label(articles: pd.DataFrame, width: int = 60) -> pd.Series:
    """Readable article labels: "Title — Outlet, 2017-03-09", indexed by article_id.

    Input: `articles` with article_id and any of title, outlet, published. The title is cut
    at a word boundary to `width` characters (…); a missing title shows the article_id, a
    missing outlet or date is left out. Use it wherever an article is shown in a figure or a
    table instead of its id alone (keep article_id as a column of the CSV).
    """
    ids = articles["article_id"].astype("str")
    titles = (
        articles["title"].astype("str").where(articles["title"].notna(), "")
        if "title" in articles.columns
        else pd.Series("", index=articles.index)
    )
    titles = titles.str.strip()
    titles = titles.where(titles.ne("") & titles.ne("nan"), ids)
    short = titles.map(lambda t: clip_text(t, width))
    parts = pd.Series("", index=articles.index, dtype="str")
    if "outlet" in articles.columns:
        outlet = articles["outlet"].astype("str").where(articles["outlet"].notna(), "")
        parts = outlet.str.strip().where(lambda s: s.ne("nan"), "")
    if "published" in articles.columns:
        when = pd.to_datetime(articles["published"], errors="coerce")
        date = when.dt.strftime("%Y-%m-%d").where(when.notna(), "").astype("str")
        parts = (parts + ", " + date).str.strip(", ").where(parts.ne(""), date)
    labels = short.where(parts.eq(""), short + " — " + parts)
    labels.index = pd.Index(ids, name="article_id")
    return labels.rename("article").astype("str")


def period_ticks(ax: plt.Axes, labels, max_ticks: int = 24, axis: str = "x") -> None:
    """Label a categorical period axis at positions 0..len-1 with at most `max_ticks` ticks.

    Ticks are evenly spaced counting back from the last period, so the axis visibly ends at
    the last period of the data (never at a period after it) and no two labels crowd; a
    folded tail's bucket ("2012-12 and earlier", `groups.main_span`) is always labelled, and
    lines on this axis and the axes sharing it never join a bucket to its neighbour
    (`break_at_buckets`).
    """
    labels = [str(v) for v in labels]
    if not labels:
        return
    buckets = [i for i, v in enumerate(labels) if groups.is_bucket(v)]
    plain = [i for i in range(len(labels)) if i not in buckets]
    step = max(1, int(np.ceil(len(plain) / max(1, max_ticks - len(buckets)))))
    ticks = plain[::-1][::step]
    near = max(1, step // 2)  # a bucket's label keeps its room
    ticks = [i for i in ticks if i == plain[-1] or all(abs(i - b) >= near for b in buckets)]
    at = sorted({*ticks, *buckets})
    shown = [labels[i] for i in at]
    if axis == "x":  # slanted when many, or when a long bucket label sits beside a period
        slant = len(at) > 6 or bool(buckets)
        ax.set_xticks(at, shown, rotation=45 if slant else 0, ha="right" if slant else "center")
    else:
        ax.set_yticks(at, shown)
    shared = ax.get_shared_x_axes() if axis == "x" else ax.get_shared_y_axes()
    for each in shared.get_siblings(ax):  # the panels drawn on the same period axis
        break_at_buckets(each, buckets, axis)


def break_at_buckets(ax: plt.Axes, buckets, axis: str = "x") -> int:
    """Break every line already drawn on `ax` between a folded tail's bucket and its neighbour.

    A bucket ("2012-12 and earlier") stands for many periods, so a line joining it to the
    next period would draw a trend across a gap of unknown length. Input: the bucket
    positions on the period axis (0..len-1) and which axis holds the periods. Each line's
    points stay; a NaN is put between a bucket's point and the adjacent one (matplotlib
    draws no segment across a NaN). Returns the number of lines changed. `period_ticks`
    calls it, so every over-time figure gets it.
    """
    at = {float(b) for b in buckets}
    changed = 0
    if not at:
        return changed
    for line in ax.get_lines():
        if line.get_transform() != ax.transData:  # axhline / axvline: axes coordinates
            continue
        x, y = (np.asarray(v, dtype=float) for v in line.get_data())
        pos = x if axis == "x" else y
        if len(pos) < 2:
            continue
        cut = [
            i
            for i in range(1, len(pos))
            if (pos[i] in at) != (pos[i - 1] in at) or (pos[i] in at and pos[i - 1] in at)
        ]
        if not cut:
            continue
        mid = (pos[np.array(cut)] + pos[np.array(cut) - 1]) / 2
        x2, y2 = (
            np.insert(x, cut, mid if axis == "x" else np.nan),
            np.insert(y, cut, np.nan if axis == "x" else mid),
        )
        line.set_data(x2, y2)
        changed += 1
    return changed
