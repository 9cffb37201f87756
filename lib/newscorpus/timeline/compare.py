"""Corpus-level views of the dates table by group (outlet, period, any article column).

Compute functions only: each takes the `dates` table (from `find_dates`), group labels from
`newscorpus.groups.assign` where relevant, and returns a small table whose size depends on
the number of groups and periods, never on the number of articles (except `events_table`,
the full chronological list). The figures that draw them are in `timeline.figures`.

Far years: a corpus may mention 1610 and 2150 next to 2019. Views that put mentioned dates on
an axis use a window: `date_from`/`date_to` when given, else every resolved mention when they
span at most 60 years, or else the central 98 % of them (by the middle of their interval),
widened to whole years. Mentions outside it are
counted and reported (`attrs["n_outside"]`), never silently dropped from the CSVs' totals.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from newscorpus.groups import POOLED, attach, is_other, main_span, period_labels, top_n
from newscorpus.parts import sentences_at
from newscorpus.timeline.events import check_choice, select_dates
from newscorpus.timeline.grammar import GRANULARITIES

COVERAGE = 0.98  # share of mentions the automatic window keeps when they span many years


def _seconds(stamp: pd.Timestamp) -> int:
    """Seconds since 1970 of a Timestamp of any unit (no overflow for 1610 or 2150)."""
    return int(stamp.asm8.astype("datetime64[s]").astype("int64"))


def _middle(lo: pd.Series, hi: pd.Series) -> pd.Series:
    return lo + (hi - lo) / 2


MIN_TRIMMED = 20  # mentions a window needs before its tails are trimmed


def window(
    dates: pd.DataFrame,
    date_from: str = "",
    date_to: str = "",
    coverage: float = COVERAGE,
    max_full_years: int = 60,
) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """The span of mentioned dates a figure shows: (first day, last day, how it was chosen).

    Input: a dates table (resolved rows are used), optional ISO dates; every mention is kept
    when they span at most `max_full_years`, else the central `coverage` share. Output: Timestamps and a
    short description ("2014-01-01 to 2019-12-31, the central 98% of mentions"). With no
    resolved row and no bounds: the year 2000 (an empty but valid axis). Fewer than
    MIN_TRIMMED mentions are all kept (the central 90 % of two mentions is neither).
    """
    chosen = select_dates(dates, date_from=date_from or None, date_to=date_to or None)
    if date_from and date_to:
        return pd.Timestamp(date_from), pd.Timestamp(date_to), "date_from to date_to"
    if len(chosen):
        mid = _middle(chosen["start_date"], chosen["end_date"]).astype("datetime64[s]")
        tail = (1 - coverage) / 2
        if mid.max().year - mid.min().year <= max_full_years or len(mid) < MIN_TRIMMED:
            tail, coverage = 0.0, 1.0  # a short span, or too few mentions to have tails
        lo = mid.quantile(tail) if not date_from else pd.Timestamp(date_from)
        hi = mid.quantile(1 - tail) if not date_to else pd.Timestamp(date_to)
        lo = pd.Timestamp(year=lo.year, month=1, day=1) if not date_from else lo
        hi = pd.Timestamp(year=hi.year, month=12, day=31) if not date_to else hi
        rule = f"the central {coverage:.0%} of mentions" if tail else "every mention"
        rule = rule if not (date_from or date_to) else ""
        rule = rule or "date_from/date_to and the central mentions"
        return lo, hi, rule
    lo = pd.Timestamp(date_from) if date_from else pd.Timestamp("2000-01-01")
    hi = pd.Timestamp(date_to) if date_to else pd.Timestamp(year=lo.year, month=12, day=31)
    return lo, hi, "no resolved mentions"


def group_summary(dates: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Per group: articles, time expressions, how many were placed on the calendar, per article.

    Input: the dates table and labels from `groups.assign` (index article_id). Output columns:
    group, n_articles, n_expressions, n_resolved, share_resolved (0-1), per_article (resolved
    mentions per article), earliest, latest (YYYY-MM-DD of the resolved intervals). Groups in
    their order; groups without dates have zeros.
    """
    table = attach(dates[["article_id", "start_date", "end_date"]], groups)
    by = table.groupby("group", observed=False)
    out = pd.DataFrame(
        {
            "n_expressions": by.size(),
            "n_resolved": by["start_date"].count(),
            "earliest": by["start_date"].min(),
            "latest": by["end_date"].max(),
        }
    )
    n_articles = groups.value_counts(sort=False)
    out.insert(0, "n_articles", n_articles.reindex(out.index, fill_value=0).astype("int64"))
    out["share_resolved"] = (out["n_resolved"] / out["n_expressions"].where(lambda s: s > 0)).round(
        3
    )
    out["per_article"] = (out["n_resolved"] / out["n_articles"].where(lambda s: s > 0)).round(2)
    for col in ("earliest", "latest"):
        out[col] = out[col].dt.strftime("%Y-%m-%d")
    out = out.reset_index()
    out["group"] = out["group"].astype("str")
    return out[
        [
            "group",
            "n_articles",
            "n_expressions",
            "n_resolved",
            "share_resolved",
            "per_article",
            "earliest",
            "latest",
        ]
    ]


def _period_index(values: pd.Series, granularity: str) -> np.ndarray:
    years = values.dt.year.to_numpy()
    if granularity == "year":
        return years
    return years * 12 + values.dt.month.to_numpy() - 1


def _period_label(index: np.ndarray, granularity: str) -> list[str]:
    if granularity == "year":
        return [f"{i:04d}" for i in index]
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in index]


def mentions_by_group(
    dates: pd.DataFrame,
    groups: pd.Series,
    granularity: str = "year",
    top: int = 6,
    kinds: list[str] | None = None,
    date_from: str = "",
    date_to: str = "",
) -> pd.DataFrame:
    """How often each year (or month) is mentioned, per group: long table for small multiples.

    Each resolved mention adds a weight of 1 spread evenly over the periods its interval covers
    ("2014" adds 1/12 to each month of 2014; "March 2014" adds 1 to March), so a century does not
    swamp the days. With granularity "month" only mentions at least that precise count
    (`precise_mask`: a day, or a week or month within one month): a year is never spread over
    its months; the mentions left out are counted in attrs["n_coarser"]. Groups beyond the
    `top` largest are summed as "other". Mentioned dates are
    limited to `window(...)`; parts outside it are left out and counted in attrs["n_outside"].
    Output columns: group (ordered), period (label), period_start (Timestamp), n_mentions
    (float), n_articles (articles with a mention in that period: the n behind the bar); every
    period of the window appears for every group (zeros included), the last period being the
    last of the window.
    attrs: window (lo, hi, rule), n_mentions (total weight inside), n_outside, n_coarser,
    granularity, group_articles ({group: articles with a mention in the window}).
    Raises ValueError for an unknown granularity, kind or date.
    """
    check_choice("granularity", granularity, GRANULARITIES)
    select_dates(dates, kinds, date_from or None, date_to or None)  # checks the parameters
    chosen = select_dates(dates, kinds)  # mentions outside the window are counted below
    # a month view's window is that of the mentions it counts (no year stretches it)
    span_of = dates[precise_mask(dates, "month").to_numpy()] if granularity == "month" else dates
    lo, hi, rule = window(span_of, date_from, date_to)
    n_groups = groups.nunique()
    labels = top_n(groups, top) if len(groups) and n_groups > top + 1 else groups
    first = _period_index(pd.Series([lo]), granularity)[0]
    last = _period_index(pd.Series([hi]), granularity)[0]
    periods = np.arange(first, last + 1)
    order = list(labels.dtype.categories) if hasattr(labels.dtype, "categories") else []
    n_outside = 0.0
    weights = np.zeros((len(order), len(periods)))
    n_articles = np.zeros((len(order), len(periods)), dtype=np.int64)
    group_articles = np.zeros(len(order), dtype=np.int64)
    if len(chosen) and order:
        # articles without a group (duplicates left out by `groups.assign`) are not counted
        g = pd.Categorical(attach(chosen[["article_id"]], labels)["group"], categories=order)
        chosen = chosen[np.asarray(g.codes) >= 0]
    n_coarser = 0
    if granularity == "month" and len(chosen):  # a month figure counts no year as months
        precise = precise_mask(chosen, "month").to_numpy()
        n_coarser = int((~precise).sum())
        chosen = chosen[precise]
    if len(chosen) and order:
        p0 = _period_index(chosen["start_date"], granularity)
        p1 = _period_index(chosen["end_date"], granularity)
        span = p1 - p0 + 1
        g = pd.Categorical(attach(chosen[["article_id"]], labels)["group"], categories=order)
        g = np.asarray(g.codes)
        q0, q1 = np.maximum(p0, first), np.minimum(p1, last)
        inside = q1 >= q0
        n_inside = np.where(inside, q1 - q0 + 1, 0)
        n_outside = float(((span - n_inside) / span).sum())
        rows = np.repeat(np.arange(len(chosen)), n_inside)
        offsets = np.arange(n_inside.sum()) - np.repeat(np.cumsum(n_inside) - n_inside, n_inside)
        cols = q0[rows] + offsets - first
        np.add.at(weights, (g[rows], cols), 1.0 / span[rows])
        # articles behind each cell: distinct (group, period, article)
        art = pd.factorize(chosen["article_id"].astype("str"))[0][rows]
        cell = np.unique(np.stack([g[rows], cols, art]), axis=1)
        np.add.at(n_articles, (cell[0], cell[1]), 1)
        pairs = np.unique(np.stack([g[rows], art]), axis=1)
        group_articles = np.bincount(pairs[0], minlength=len(order))
    period_labels = _period_label(periods, granularity)
    starts = pd.to_datetime(period_labels, format="%Y" if granularity == "year" else "%Y-%m")
    out = pd.DataFrame(
        {
            "group": np.repeat(order, len(periods)),
            "period": np.tile(period_labels, len(order)),
            "period_start": np.tile(starts.astype("datetime64[s]"), len(order)),
            "n_mentions": weights.ravel().round(4),
            "n_articles": n_articles.ravel(),
        }
    )
    out["group"] = pd.Categorical(out["group"], categories=order, ordered=True)
    out.attrs.update(
        window=(lo, hi, rule),
        n_mentions=float(weights.sum()),
        n_outside=round(n_outside, 2),
        n_coarser=n_coarser,
        granularity=granularity,
        group_articles={k: int(v) for k, v in zip(order, group_articles, strict=True)},
    )
    return out


def published_vs_mentioned(
    dates: pd.DataFrame,
    articles: pd.DataFrame,
    bins: int = 60,
    kinds: list[str] | None = None,
    date_from: str = "",
    date_to: str = "",
    near_days: int = 365,
) -> pd.DataFrame:
    """Publication date against mentioned date, binned: the data of a 2-D density, two panels.

    Input: the dates table and `articles` (article_id, published; any datetime unit, NaT
    allowed). Each resolved mention is placed at (its article's published date, the middle of
    its interval). Panel "window": mentioned dates over `window(...)`; panel "near": only
    mentioned dates within `near_days` of their article's publication, so the recent past and
    near future are not squeezed into one row of cells. Mentions of undated articles and
    mentioned dates outside the window are counted in attrs, not binned: only articles with a
    publication date stated by their source are placed (nothing is inferred), so a corpus
    without dates gives no cell. Output: one row per non-empty cell, columns panel,
    published_from, published_to, mentioned_from, mentioned_to (Timestamps), n_mentions.
    attrs: window, near_days, n_total, n_dated_articles (articles with a publication date),
    n_undated (mentions in undated articles), n_outside, n_near, the bin edges of each
    panel (edges: {panel: (x, y)}), and for a sparse tail of publication dates left off the
    axis (`groups.main_span` by month) n_tail (its articles' mentions, not in n_outside) and
    tail_articles (articles, first and last publication date).
    """
    select_dates(dates, kinds, date_from or None, date_to or None)  # checks the parameters
    chosen = select_dates(dates, kinds)  # mentions outside the window are counted below
    lo, hi, rule = window(dates, date_from, date_to)
    published = articles.set_index(articles["article_id"].astype("str"))["published"]
    published = pd.to_datetime(published).astype("datetime64[s]")
    pub = published.reindex(chosen["article_id"].astype("str").to_numpy())
    pub = pd.Series(pub.to_numpy(), index=chosen.index, dtype="datetime64[s]")
    mid = _middle(chosen["start_date"], chosen["end_date"]).astype("datetime64[s]")
    undated = pub.isna().to_numpy()
    outside = ((mid < lo) | (mid > hi)).to_numpy() & ~undated
    # articles of a sparse tail of publication dates (`groups.main_span`, by month) are
    # counted in attrs, not binned, so a few strays do not stretch the publication axis
    dated = published.dropna()
    span = main_span(period_labels(dated, "month", tails=False), "month")
    tail = np.zeros(len(pub), dtype=bool)
    if span.folded:
        start, end = span.bounds()
        tail = ((pub < start) | (pub >= end)).to_numpy() & ~undated
        strays = dated[(dated < start) | (dated >= end)]
        outside &= ~tail  # each mention counted once: as a tail article's
    keep = ~undated & ~outside & ~tail
    x = pub.to_numpy().astype("datetime64[s]").astype("int64")
    y = mid.to_numpy().astype("datetime64[s]").astype("int64")
    near_s = near_days * 86400
    near = keep & (np.abs(y - x) <= near_s)
    if keep.any():
        x0, x1 = x[keep].min(), x[keep].max()
        short = 30 * 86400 - (x1 - x0)  # publication dates within days: a month-wide axis
        if short > 0:
            x0, x1 = x0 - short // 2, x1 + short - short // 2
    else:
        x0, x1 = _seconds(lo), _seconds(hi)
    y0, y1 = _seconds(lo), _seconds(hi)
    xe = np.linspace(x0, x1 + 1, bins + 1)
    panels = {
        "window": (keep, xe, np.linspace(y0, y1 + 1, bins + 1)),
        "near": (near, xe, np.linspace(x0 - near_s, x1 + near_s + 1, bins + 1)),
    }

    def stamp(values: np.ndarray) -> pd.Series:
        return pd.Series(np.asarray(values).astype("int64").astype("datetime64[s]"))

    parts, edges = [], {}
    for name, (mask, px, py) in panels.items():
        counts, _, _ = np.histogram2d(x[mask], y[mask], bins=[px, py])
        ix, iy = np.nonzero(counts)
        parts.append(
            pd.DataFrame(
                {
                    "panel": name,
                    "published_from": stamp(px[ix]),
                    "published_to": stamp(px[ix + 1]),
                    "mentioned_from": stamp(py[iy]),
                    "mentioned_to": stamp(py[iy + 1]),
                    "n_mentions": counts[ix, iy].astype("int64"),
                }
            )
        )
        edges[name] = (stamp(px), stamp(py))
    out = pd.concat(parts, ignore_index=True)
    out.attrs.update(
        window=(lo, hi, rule),
        near_days=near_days,
        n_total=len(chosen),
        n_dated_articles=int(published.notna().sum()),
        n_undated=int(undated.sum()),
        n_outside=int(outside.sum()),
        n_near=int(near.sum()),
        edges=edges,
        n_tail=int(tail.sum()),
        tail_articles=(
            (len(strays), strays.min(), strays.max()) if span.folded else (0, None, None)
        ),
    )
    return out


def events_table(
    sentences: pd.DataFrame,
    dates: pd.DataFrame,
    groups: pd.Series,
    kinds: list[str] | None = None,
    date_from: str = "",
    date_to: str = "",
    articles: pd.DataFrame | None = None,
    max_rows: int | None = None,
) -> pd.DataFrame:
    """Every resolved mention in chronological order with its group, article and sentence.

    Input: the `sentences` table (article_id, sentence_id, text) or an analysed corpus
    (`analysis.load`: only the sentences of the rows kept are read), the dates table, group
    labels and optionally the `articles` table (title, outlet, published); `max_rows` keeps
    the first rows only (None: all). Output columns: date (start of the interval,
    YYYY-MM-DD), end (YYYY-MM-DD), group, article_id, article ("Title — Outlet, date" via
    `plots.article_label`; the id without an articles table), expression, value (resolved),
    kind, sentence (full text). Sorted by date, then article and position; attrs
    "n_mentions", the rows before `max_rows`.
    """
    chosen = attach(select_dates(dates, kinds, date_from or None, date_to or None), groups)
    chosen = chosen.sort_values(["start_date", "end_date", "article_id", "start"], kind="stable")
    n_mentions = len(chosen)
    if max_rows is not None:
        chosen = chosen.head(max_rows)
    if not isinstance(sentences, pd.DataFrame):  # an analysed corpus: these sentences only
        sentences = sentences_at(sentences, chosen)
    text = sentences[["article_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
    merged = chosen.merge(text, on=["article_id", "sentence_id"], how="left")
    named: dict = {}
    if articles is not None and len(articles):
        from newscorpus.plots import article_label  # drawing helpers stay out of the import path

        named = article_label(articles).to_dict()
    out = pd.DataFrame(
        {
            "date": merged["start_date"].dt.strftime("%Y-%m-%d"),
            "end": merged["end_date"].dt.strftime("%Y-%m-%d"),
            "group": merged["group"].astype("str"),
            "article_id": merged["article_id"],
            "article": [named.get(a, a) for a in merged["article_id"].astype("str")],
            "expression": merged["text"],
            "value": merged["resolved"],
            "kind": merged["kind"],
            "sentence": merged["sentence"].fillna(""),
        }
    )
    out = out.reset_index(drop=True).astype("str")
    out.attrs["n_mentions"] = n_mentions
    return out


def busiest_articles(dates: pd.DataFrame, n: int = 5, articles: list | None = None) -> list[str]:
    """The articles for per-article views: `articles` as given (checked), else the `n` with the
    most resolved mentions (ties by article id). Raises ValueError for an id not in `dates`
    when `dates` is not empty, or for n < 1."""
    if articles:
        known = set(dates["article_id"])
        missing = [a for a in articles if known and a not in known]
        if missing:
            raise ValueError(
                f"articles={missing[:3]!r}: no time expressions found in these articles "
                "(expected ids from the articles table that mention dates)"
            )
        return [str(a) for a in articles]
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n_articles={n!r}: expected a whole number of at least 1")
    resolved = dates[dates["start_date"].notna()]
    counts = resolved.groupby("article_id").size().rename("n").reset_index()
    counts = counts.sort_values(["n", "article_id"], ascending=[False, True])
    return counts["article_id"].head(n).astype("str").tolist()


PERIOD_UNITS = ["month", "day"]
COARSER_WORDS = {"month": "a quarter, a year or longer", "day": "a week, a month or longer"}


def precise_mask(dates: pd.DataFrame, unit: str) -> pd.Series:
    """True for each resolved mention at least as precise as `unit` ("month" or "day"):
    its interval lies within one calendar month (one day). "2016" (2016-01-01 to 2016-12-31)
    is not month-precise, "January 2016" is, "January 7, 2016" is both. Unresolved mentions
    are False. A table without `end_date` is read as single-day intervals. Raises ValueError
    for another unit."""
    check_choice("unit", unit, PERIOD_UNITS)
    lo = pd.to_datetime(dates["start_date"], errors="coerce")
    hi = pd.to_datetime(dates["end_date"], errors="coerce") if "end_date" in dates else lo
    hi = hi.fillna(lo)
    if unit == "day":
        same = lo.dt.normalize().eq(hi.dt.normalize())
    else:
        same = lo.dt.year.eq(hi.dt.year) & lo.dt.month.eq(hi.dt.month)
    return (same & lo.notna()).fillna(False).astype("bool")


def mentioned_periods(dates: pd.DataFrame, groups: pd.Series, unit: str = "month") -> pd.DataFrame:
    """Which months (or days) the articles name, ranked by the number of articles naming them.

    Input: the dates table (article_id, start_date, end_date) and group labels indexed by
    article_id (`groups.assign`, unfolded: each real group counts once; articles without a
    label — duplicates left out — are not counted). Only mentions at least as precise as
    `unit` count (`precise_mask`): "2016" is never counted as its first month, nor "January
    2016" as its first day. Output columns: period (YYYY-MM or YYYY-MM-DD), n_articles,
    n_groups (distinct groups, the pooled row of `groups.top_n` never counted as one),
    n_mentions; sorted by n_articles, then n_mentions (descending), then period. attrs: unit,
    n_counted (mentions counted), n_coarser (resolved mentions coarser than the unit, left
    out), n_coarser_articles (articles with only coarser mentions). Raises ValueError for
    another unit.
    """
    labels = groups.dropna().astype("str")
    labels.index = labels.index.astype("str")
    ids = dates["article_id"].astype("str")
    mine = dates[ids.isin(labels.index).to_numpy()]
    resolved = pd.to_datetime(mine["start_date"], errors="coerce").notna()
    precise = precise_mask(mine, unit)
    counted = mine[precise.to_numpy()]
    coarser = mine[(resolved & ~precise).to_numpy()]
    fmt = "%Y-%m" if unit == "month" else "%Y-%m-%d"
    start = pd.to_datetime(counted["start_date"], errors="coerce")
    aid = counted["article_id"].astype("str")
    table = pd.DataFrame(
        {
            "period": start.dt.strftime(fmt).astype("str").to_numpy(),
            "article_id": aid.to_numpy(),
            "group": aid.map(labels).to_numpy(),
        }
    )
    pooled = table["group"].map(lambda g: is_other(g) or g == POOLED).astype("bool")
    real = table["group"].where(~pooled)
    by = table.assign(group=real).groupby("period", sort=True)
    out = pd.DataFrame(
        {
            "n_articles": by["article_id"].nunique(),
            "n_groups": by["group"].nunique(),
            "n_mentions": by.size(),
        }
    ).reset_index()
    out = out.sort_values(
        ["n_articles", "n_mentions", "period"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)
    for col in ("n_articles", "n_groups", "n_mentions"):
        out[col] = out[col].astype("int64")
    out["period"] = out["period"].astype("str")
    only_coarse = set(coarser["article_id"].astype("str")) - set(aid)
    out.attrs.update(
        unit=unit,
        n_counted=len(counted),
        n_coarser=len(coarser),
        n_coarser_articles=len(only_coarse),
    )
    return out
