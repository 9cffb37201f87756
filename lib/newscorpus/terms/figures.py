"""Figures of the terms subpackage: each plot_* function takes a table the compute modules made
and only draws it, returning (Figure, the rows drawn).

Every figure stays under 3,000 px a side at 150 dpi whatever the corpus size: group views draw
at most `max_groups` panels (fold the rest into "other" with `newscorpus.groups.top_n`), bars
and lines are capped, and a long list is cut to its top rows with the cut named in the title.
"""

from __future__ import annotations

import math
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from newscorpus.plots import (
    FADED_ALPHA,
    MAX_INCHES,
    SMALL_N,
    draw_points,
    label_at,
    no_data,
    note_small_n,
    partial_note,
    period_n_bars,
    period_ticks,
    shade_periods,
    tail_note,
)
from newscorpus.terms.base import LL_THRESHOLD
from newscorpus.terms.keyness_groups import ONE_ARTICLE_SHARE

MAX_PANELS = 21  # small multiples drawn at most (20 groups + "other"), whatever max_groups asks
MAX_BARS = 30  # bars per panel at most
_NO_DATE = "no date"  # newscorpus.groups.NO_DATE: the period of undated articles
_NGRAM_NAMES = {
    0: "terms",
    1: "words and names",
    2: "two-unit phrases",
    3: "three-unit phrases",
}
OVER, UNDER = "#4c72b0", "#dd8452"
_CLOSING = set(",.;:!?)]}’”'\"%")  # right context starting with these needs no space


def _short(text: str, n: int) -> str:
    text = str(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def _short_label(label: str, n: int) -> str:
    """An article's "Title — Outlet, date" in `n` characters: the title is cut, never the
    outlet and date after the last " — " (when they leave the title 12 characters or more)."""
    label = str(label)
    title, sep, tail = label.rpartition(" — ")
    if len(label) <= n or not sep or n - len(sep + tail) < 12:
        return _short(label, n)
    return _short(title, n - len(sep + tail)) + sep + tail


def _check_int(name: str, value, low: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name}={value!r}: expected an integer >= {low}")
    return int(value)


def _groups_in(table: pd.DataFrame, column: str = "group") -> list:
    """Groups present in a table, in the Categorical's order (else first appearance)."""
    values = table[column]
    if isinstance(values.dtype, pd.CategoricalDtype):
        present = set(values.unique())
        return [g for g in values.cat.categories if g in present]
    return list(dict.fromkeys(values))


def _grid(n_panels: int, rows_per_panel: int, ncols_max: int = 3) -> tuple[int, int, float]:
    """Columns, rows and figure height (inches) for small multiples of bar charts, capped:
    3 columns up to 9 panels, 4 up to 16, 5 beyond, and bars thinner when rows run out."""
    ncols_max = ncols_max if n_panels <= 9 else (4 if n_panels <= 16 else 5)
    ncols = max(1, min(ncols_max, n_panels))
    nrows = max(1, math.ceil(n_panels / ncols))
    panel = 0.24 * max(rows_per_panel, 3) + 1.1
    return ncols, nrows, min(nrows * panel + 0.9, MAX_INCHES)


def _sizes(group_sizes, groups: list) -> dict:
    """Articles per group from a Series/dict (e.g. `labels.value_counts()`), or {} if none."""
    if group_sizes is None:
        return {}
    sizes = dict(pd.Series(group_sizes).items())
    return {g: int(sizes.get(g, sizes.get(str(g), 0))) for g in groups}


def _panel_title(group, n: int | None, extra: str = "") -> str:
    """A panel title: the group, its n, and a mark when it rests on fewer than 5 articles."""
    head = _short(group, 34)
    if n is not None:
        head += f" (n={n:,}{', few' if n < SMALL_N else ''})"
    return head + (f"\n{extra}" if extra else "")


def _title_panel(ax, group, sizes: dict, extra: str = "") -> bool:
    """Set a small multiple's title (group, n, `extra`), grey when the group has fewer than 5
    articles; returns whether it has (so the caller fades its marks)."""
    few = sizes.get(group, SMALL_N) < SMALL_N
    ax.set_title(
        _panel_title(group, sizes.get(group), extra), fontsize=10, color="0.5" if few else "black"
    )
    return few


def plot_group_top_terms(
    table: pd.DataFrame,
    top_n: int = 10,
    ngram: int = 1,
    max_groups: int = MAX_PANELS,
    group_sizes: pd.Series | dict | None = None,
    left_out: list[str] | None = None,
    rule: str = "",
) -> tuple[plt.Figure, pd.DataFrame]:
    """Small multiples: each group's `top_n` most frequent terms, bar = rate, label = count and
    the articles using the term ("137 in 12": a term a few articles carry shows as such).

    Input: a `group_counts` table; `ngram` 1 (words and names), 2 or 3 (phrases of that many
    units) or 0 (any); at most `max_groups` panels (the first groups in the table's order; never
    more than 21: 20 groups and "other") of at most 30 bars; `group_sizes`, articles per group
    (`labels.value_counts()`): each panel title gives n, a group of fewer than 5 articles is
    faded, and the rows drawn get an `n_group_articles` column.
    `left_out` (terms taken out of `table` before, e.g. `content_terms(...).attrs["house_style"]`)
    and `rule` (the rule that took them out, `HOUSE_STYLE_RULE`) go under the title, the first
    eight terms named. A table from `drop_own_names` names, in each panel, the group's own
    outlet name left out (`.attrs["own_name"]`).
    Output: the figure and the rows drawn (the group_counts columns). Raises ValueError for a
    bad ngram or a top_n / max_groups below 1.
    """
    top_n = min(_check_int("top_n", top_n), MAX_BARS)
    max_groups = min(_check_int("max_groups", max_groups), MAX_PANELS)
    if ngram not in _NGRAM_NAMES:
        raise ValueError(f"ngram={ngram!r}: expected 1, 2 or 3 (units in a term), or 0 for any")
    rows = table if ngram == 0 else table[table["ngram"] == ngram]
    all_groups = _groups_in(rows) if len(rows) else []
    shown = all_groups[:max_groups]
    data = (
        rows[rows["group"].isin(shown)]
        .groupby("group", observed=True, sort=False)
        .head(top_n)
        .reset_index(drop=True)
    )
    sizes = _sizes(group_sizes, shown)
    if sizes:
        data["n_group_articles"] = data["group"].map(sizes).astype("int64")
    ncols, nrows, height = _grid(len(shown) or 1, top_n)
    fig, axes = plt.subplots(nrows, ncols, figsize=(min(5.2 * ncols, 19), height), squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    if not shown:
        axes[0, 0].set_visible(True)
        no_data(axes[0, 0], f"no {_NGRAM_NAMES[ngram]} counted in this corpus")
    for ax, group in zip(axes.flat, shown, strict=False):
        ax.set_visible(True)
        part = data[data["group"] == group]
        labels = [_short(t, 28) for t in part["term"]]
        words = int(part["n_words"].iloc[0]) if len(part) else 0
        own = table.attrs.get("own_name", {}).get(str(group), [])
        own_note = f"\n{_own_note(own)}" if own else ""
        few = _title_panel(ax, group, sizes, f"{words:,} body words{own_note}")
        ax.barh(
            range(len(part)),
            part["rate"],
            color=OVER,
            alpha=FADED_ALPHA if few else None,
            hatch="///" if few else None,
        )
        ax.set_yticks(range(len(part)), labels, fontsize=9)
        ax.set_ylim(top_n - 0.5, -0.5)
        spread = part["n_articles"] if "n_articles" in part else [None] * len(part)
        for y, (rate, count, k) in enumerate(zip(part["rate"], part["count"], spread, strict=True)):
            text = f"{count:,}" if k is None or pd.isna(k) else f"{count:,} in {int(k):,}"
            label_at(ax, text, (rate, y), offset=(3, 0), fontsize=8, color="black")
        ax.margins(x=0.3)
        ax.set_xlabel("rate per 10,000 words", fontsize=9)
    cut = (
        f"; first {len(shown)} of {len(all_groups)} groups" if len(all_groups) > len(shown) else ""
    )
    note = ""
    if rule or left_out:
        named = (
            ", ".join(left_out[:8]) + (" …" if len(left_out or []) > 8 else "")
            if left_out
            else "none"
        )
        # wrapped to the figure's width (about 9 bold characters an inch)
        width = max(40, int(fig.get_size_inches()[0] * 9))
        note = "\n" + textwrap.fill(f"{rule or 'left out'}: {named}", width)
    fig.suptitle(
        f"Most frequent {_NGRAM_NAMES[ngram]} per group "
        f"(bar: rate per 10,000 body words; label: count in n articles{cut}){note}",
        fontweight="bold",
    )
    fig.tight_layout()
    return fig, data


def plot_group_keyness(
    keyness: pd.DataFrame,
    top_n: int = 6,
    max_groups: int = MAX_PANELS,
    group_sizes: pd.Series | dict | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """Small multiples: per group, the terms it over-uses and under-uses most against the rest.

    Input: a `group_keyness` table. Each panel shows the `top_n` over-used terms (bars to the
    right) and the `top_n` under-used terms (to the left) by log-likelihood, labelled with the
    count in the group vs in the rest and, for an over-used term, the group's articles using
    it ("in 12 art."); dashed lines mark p < 0.001 (G2 = 10.83). The title states the table's
    rules (`.attrs` of `group_keyness`: the least articles a key term occurs in, and each
    group's own outlet name left out, named per panel). Output: the
    figure and the rows drawn, with `signed_log_likelihood` (negative = under-used).
    `group_sizes` (articles per group) puts n in each panel title, fades groups of fewer than
    5 articles and adds `n_group_articles` to the rows drawn. At most 21 panels.
    """
    top_n = min(_check_int("top_n", top_n), MAX_BARS // 2)
    max_groups = min(_check_int("max_groups", max_groups), MAX_PANELS)
    all_groups = _groups_in(keyness) if len(keyness) else []
    shown = all_groups[:max_groups]
    parts = []
    for group in shown:
        rows = keyness[keyness["group"] == group]
        over = rows[rows["use"] == "over"].head(top_n)
        under = rows[rows["use"] == "under"].head(top_n).iloc[::-1]
        parts.append(pd.concat([over, under]))
    data = pd.concat(parts, ignore_index=True) if parts else keyness.iloc[0:0].copy()
    data["signed_log_likelihood"] = np.where(
        data["use"] == "under", -data["log_likelihood"], data["log_likelihood"]
    )
    sizes = _sizes(group_sizes, shown)
    if sizes:
        data["n_group_articles"] = data["group"].map(sizes).astype("int64")
    ncols, nrows, height = _grid(len(shown) or 1, 2 * top_n)
    fig, axes = plt.subplots(nrows, ncols, figsize=(min(5.6 * ncols, 19), height), squeeze=False)
    for ax in axes.flat:
        ax.set_visible(False)
    if not shown:
        axes[0, 0].set_visible(True)
        no_data(axes[0, 0], "keyness needs at least two groups with body text")
    for ax, group in zip(axes.flat, shown, strict=False):
        ax.set_visible(True)
        part = data[data["group"] == group]
        values = part["signed_log_likelihood"].to_numpy(dtype=float)
        colors = [OVER if v >= 0 else UNDER for v in values]
        own = (keyness.attrs.get("left_out", {}).get(str(group), {}) or {}).get("own_name", [])
        extra = _own_note(own)
        few = _title_panel(ax, group, sizes, extra)
        ax.barh(
            range(len(part)),
            values,
            color=colors,
            alpha=FADED_ALPHA if few else None,
            hatch="///" if few else None,
        )
        ax.set_yticks(range(len(part)), [_short(t, 26) for t in part["term"]], fontsize=9)
        ax.set_ylim(2 * top_n - 0.5, -0.5)
        docs = part["n_articles"] if "n_articles" in part else pd.Series(pd.NA, index=part.index)
        for y, (v, a, b, k) in enumerate(
            zip(values, part["count"], part["count_rest"], docs, strict=True)
        ):
            # over-used: label past the bar; under-used: label right of zero, in the empty half
            where = f" · in {int(k):,} art." if v >= 0 and pd.notna(k) else ""
            ax.annotate(
                f"{a:,} vs {b:,}{where}",
                (max(v, 0), y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                ha="left",
                fontsize=7.5,
            )
        for x in (LL_THRESHOLD, -LL_THRESHOLD):
            ax.axvline(x, color="grey", lw=0.8, ls="--")
        ax.axvline(0, color="black", lw=0.8)
        # symmetric log scale: G2 spans 0 to thousands; linear up to 10, then by decades,
        # with room past the longest bar for its label
        longest = max(np.abs(values).max() if len(values) else 1, LL_THRESHOLD)
        lim = longest * 8  # about a decade past the longest bar, for its label
        decades = max(1, math.floor(math.log10(lim)))
        ax.set_xscale("symlog", linthresh=10)
        ax.set_xlim(-lim, lim)
        # few ticks, short labels: neighbouring decades' labels ("−1,000 −100 −10") collide
        # in a narrow panel
        ticks = [10**decades] if decades >= 2 else [10]
        ax.set_xticks(
            [-t for t in reversed(ticks)] + [0] + ticks,
            [f"−{_compact(t)}" for t in reversed(ticks)] + ["0"] + [_compact(t) for t in ticks],
            fontsize=8,
        )
        ax.minorticks_off()
        ax.set_xlabel("G2 (log scale): ← under-used | over-used →", fontsize=9)
    cut = (
        f"; first {len(shown)} of {len(all_groups)} groups" if len(all_groups) > len(shown) else ""
    )
    rules = []
    if "min_articles" in keyness.attrs:
        k = keyness.attrs["min_articles"]
        rules.append(
            f"a key term is in at least {k} of the group's articles (all in a smaller group), "
            "no one article holding over half its count"
        )
    if any((v or {}).get("own_name") for v in keyness.attrs.get("left_out", {}).values()):
        rules.append("each group's own outlet name left out")
    rule = ("\n" + "; ".join(rules)) if rules else ""
    fig.suptitle(
        "Key terms of each group against the rest of the corpus\n"
        f"(log-likelihood; label: count in the group vs in the rest, articles using it; "
        f"dashed: p < 0.001{cut}){rule}",
        fontweight="bold",
    )
    # room for the three-line title above the top row of panels
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.8 / fig.get_size_inches()[1]))
    return fig, data


def _own_note(own: list) -> str:
    """A panel's short note of the own-name terms left out: "own name out (12): cnn, …"."""
    if not own:
        return ""
    first = sorted(own, key=lambda t: (len(t), t))[0]
    more = ", …" if len(own) > 1 else ""
    return f"own name out ({len(own)}): {_short(first, 18)}{more}"


def _compact(value: float) -> str:
    """A tick value in few characters: 10, 100, 1k, 10k, 1M."""
    for size, unit in ((1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:g}{unit}"
    return f"{value:g}"


def _trend_label(term: str, part: pd.DataFrame) -> str:
    """A traced term, with the counted term it was looked up as when an alias folded it."""
    counted = str(part["counted_as"].iloc[0]) if "counted_as" in part and len(part) else ""
    plain = " ".join(term.lower().split())
    return f"{term} → {counted}" if counted and counted != plain else term


def plot_term_trends(
    trends: pd.DataFrame, max_ticks: int = 24, coverage: pd.DataFrame | None = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Lines: each traced term's rate per 10,000 body words in each period (Voyant's Trends).

    Input: a `term_trends` table (periods in time order, every period from the first to the
    last; an empty period has no rate and breaks the line). Undated articles ("no date") are
    left out of the lines and the title says how many body words that was. Below the lines,
    bars give the articles behind each period's points (n, `n_period_articles`); points of a
    period with fewer than 5 articles are hollow and the bar faded. The ticks end at the last
    period. A point more than half of whose count is one article's (`max_count`, the
    keyness rule's ONE_ARTICLE_SHARE) is ringed and the title says how many: its peak is that
    article's. `coverage` (`groups.period_coverage(articles.published, period)`) marks a first or
    last period the corpus covers only in part: shaded, labelled "partial", its days of data
    under the axis and in the rows drawn (`period_note`), since its rates rest on a few days.
    Output: the figure and the rows drawn (n included).
    """
    max_ticks = _check_int("max_ticks", max_ticks, 2)
    undated = trends[trends["period"].astype("str") == _NO_DATE]
    data = trends[trends["period"].astype("str") != _NO_DATE].reset_index(drop=True)
    periods = _groups_in(data, "period") if len(data) else []
    fig, (ax, strip) = plt.subplots(
        2, 1, figsize=(12, 6.5), sharex=True, gridspec_kw={"height_ratios": [4, 1]}
    )
    if not periods:
        no_data(ax, "no dated articles: nothing to draw over time")
        strip.set_visible(False)
    x_of = {p: i for i, p in enumerate(periods)}
    notes = pd.Series("", index=pd.Index(periods, dtype="str"), dtype="str")
    if coverage is not None and len(coverage) and len(periods):
        cov = coverage.set_index(coverage["period"].astype("str"))["note"].astype("str")
        notes = cov.reindex(notes.index).fillna("")
        data["period_note"] = data["period"].astype("str").map(notes).fillna("").astype("str")
    partial = [x_of[p] for p in periods if notes.get(str(p), "")]
    has_n = "n_period_articles" in data.columns
    carried = 0  # points more than half of whose count is one article's
    for term in dict.fromkeys(data["term"]):
        part = data[data["term"] == term]
        x = part["period"].map(x_of).to_numpy(dtype=float)
        n = part["n_period_articles"].to_numpy() if has_n else np.full(len(part), SMALL_N)
        label = f"{_trend_label(term, part)} ({int(part['count'].sum()):,})"
        size = 22 if len(periods) <= 60 else 7  # many periods: small points, still marked
        line = draw_points(ax, x, part["rate"].to_numpy(dtype=float), n, label=label, size=size)
        if "max_count" in part.columns:  # a point one article carries: ringed
            one = (part["max_count"] > ONE_ARTICLE_SHARE * part["count"]) & (part["count"] > 0)
            carried += int(one.sum())
            ax.scatter(
                x[one.to_numpy()],
                part["rate"].to_numpy(dtype=float)[one.to_numpy()],
                s=size * 6,
                facecolors="none",
                edgecolors=line.get_color(),
                linewidths=1.4,
                zorder=4,
            )
    if periods:
        ax.set_xlim(-0.5, len(periods) - 0.5)
        ax.legend(title="term (count)", bbox_to_anchor=(1.01, 1), loc="upper left")
        if has_n:
            per = data.drop_duplicates("period").set_index("period")["n_period_articles"]
            per = per.reindex(periods).fillna(0).to_numpy()
            period_n_bars(strip, per, color="0.55")
            strip.set_ylabel("articles (n)", fontsize=9)
            strip.margins(y=0.3)
            note_small_n(strip, per)
        period_ticks(strip, periods, max_ticks)
    ax.set_ylim(bottom=0)
    shade_periods((ax, strip), partial, rotation=90)  # the corpus covers only part of them
    left_out = int(undated["n_words"].max()) if len(undated) else 0
    note = f"; {left_out:,} body words of undated articles left out" if left_out else ""
    if carried:
        note += (
            f"\nringed: {carried} point(s) more than half of whose count is one article's "
            "(the peak is that article's)"
        )
    ax.set(
        title=f"Traced terms over time{note}",
        ylabel="rate per 10,000 body words",
    )
    shaded = partial_note(notes)
    folded = tail_note(periods, per if periods and has_n else None)
    strip.set_xlabel(f"period (every period kept; an empty one breaks the line){shaded}{folded}")
    fig.tight_layout()
    return fig, data


def plot_kwic(
    table: pd.DataFrame,
    term: str,
    max_lines: int = 30,
    labels: pd.Series | None = None,
    chosen: str = "",
) -> tuple[plt.Figure, pd.DataFrame]:
    """Keyword-in-context lines aligned on the term: the first `max_lines` rows of a kwic table.

    Left context is right-aligned against the term and right context left-aligned after it, as
    in a concordance; a left context longer than 70 characters and a right one longer than 80
    are cut at their far end with "…" (the CSV keeps them whole), and the article's name at 60,
    so the three columns never overlap. `labels` (article_id -> "Title — Outlet, date", `plots.article_label`)
    names each line's article; the rows drawn then get an `article` column. `chosen` says which
    articles the lines come from and by which rule ("the 10 articles using it most, at most 3
    lines each"); it goes in the title. Output: the figure and the rows drawn.
    """
    max_lines = _check_int("max_lines", max_lines)
    data = table.head(min(max_lines, 70)).reset_index(drop=True)
    if labels is not None:
        names = data["article_id"].astype("str").map(labels)
        data.insert(1, "article", names.fillna(data["article_id"].astype("str")).astype("str"))
    n = len(data)
    fig, ax = plt.subplots(figsize=(19, min(0.24 * max(n, 3) + 1.0, MAX_INCHES)))
    ax.axis("off")
    if data.empty:
        no_data(ax, f"{term!r} does not occur in the articles searched")
    for y, row in enumerate(data.itertuples()):
        yy = 1 - (y + 0.5) / max(n, 1)
        left = str(row.left)
        left = left if len(left) <= 70 else "…" + left[-69:]
        right = str(row.right)
        right = right if len(right) <= 80 else right[:79] + "…"
        style = {"va": "center", "family": "monospace", "transform": ax.transAxes}
        name = row.article if labels is not None else row.article_id
        ax.text(0.0, yy, _short_label(name, 60), ha="left", fontsize=7, color="grey", **style)
        ax.text(0.6, yy, left + " ", ha="right", fontsize=8.5, **style)
        word = ax.text(
            0.6,
            yy,
            row.term,
            ha="left",
            fontsize=8.5,
            fontweight="bold",
            color="#c44e52",
            **style,
        )
        ax.annotate(
            ("" if right[:1] in _CLOSING else " ") + right,
            xy=(1, 0.5),
            xycoords=word,
            va="center",
            fontsize=8.5,
            family="monospace",
        )
    shown = f"first {n} of {len(table)} lines" if len(table) > n else f"{n} lines"
    source = f"\nlines from {chosen}" if chosen else ""
    ax.set_title(f"“{term}” in context ({shown}){source}")
    return fig, data


def plot_dispersion(
    table: pd.DataFrame,
    articles: list[str] | pd.Series,
    terms: list[str] | None = None,
    max_articles: int = 40,
    labels: pd.Series | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """Lexical dispersion: where each traced term occurs through each chosen article's body.

    Input: a `dispersion` table, the articles to draw (one row each, in that order, at most
    `max_articles`) and the traced terms in the order of their colours (the same order as in
    `plot_term_trends`; default: as they appear). `labels` (article_id -> "Title — Outlet,
    date", `plots.article_label`) names the rows instead of ids. Output: the figure and the
    rows drawn.
    """
    max_articles = _check_int("max_articles", max_articles)
    articles = [str(a) for a in list(articles)[:max_articles]]
    data = table[table["article_id"].astype("str").isin(articles)].reset_index(drop=True)
    terms = list(dict.fromkeys(terms if terms is not None else data["term"]))
    width = 13 if labels is not None else 11
    fig, ax = plt.subplots(figsize=(width, min(0.45 * max(len(articles), 3) + 1.8, MAX_INCHES)))
    if not articles:
        no_data(ax, "no article uses the traced terms")
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    ypos = {aid: i for i, aid in enumerate(articles)}
    step = 0.7 / max(len(terms), 1)
    for k, term in enumerate(terms):
        part = data[data["term"] == term]
        y = part["article_id"].astype("str").map(ypos).to_numpy(dtype=float)
        ax.scatter(
            part["position"],
            y - 0.35 + step * (k + 0.5),
            marker="|",
            s=110,
            linewidths=2,
            color=colors[k % len(colors)],
            label=f"{term} ({len(part)})",
        )
    names = [str(labels.get(a, a)) if labels is not None else a for a in articles]
    ax.set_yticks(
        range(len(articles)),
        [_short(a, 80 if labels is not None else 30) for a in names],
        fontsize=9,
    )
    ax.grid(False, axis="y")
    for i in range(len(articles) - 1):
        ax.axhline(i + 0.5, color="#cccccc", lw=0.8)
    ax.set_ylim(max(len(articles), 1) - 0.5, -0.5)
    ax.set_xlim(-0.02, 1.02)
    ax.set(
        title="Where the traced terms occur in each chosen article",
        xlabel="position in body text (0 = first word, 1 = last word)",
        ylabel="article",
    )
    if terms:
        ax.legend(title="term (occurrences)", bbox_to_anchor=(1.01, 1), loc="upper left")
    fig.tight_layout()
    return fig, data
