"""Group labels for corpus-level comparisons: by outlet, by period, or by any article column.

Every analysis notebook takes a `group_by` parameter. `assign` turns it into one label per
article; `attach` adds those labels to any table keyed by `article_id`; `top_n` folds rare
labels into "other" so a figure stays readable at any number of groups.

Names shared by every notebook:

- `ONE_GROUP` ("all articles") is the label of the single group of a corpus that has no
  grouping; it *is* a group.
- `POOLED` ("whole corpus") is the name of a row or line computed over every article, drawn
  beside the groups for reference; it is never a group and never counted as one. Add it only
  when there are at least two groups (`needs_pooled`): with one group the pooled row would
  repeat that group and double its counts.
- `period_range` and `complete_periods` give a time axis with every period from the first to
  the last period of the data, so an empty period shows as a zero (counts) or a gap (NaN for
  means and rates), and the last tick is the last period of the data.
- `period_coverage` gives the days of data in each period and marks a first or last period
  the corpus only partly covers ("partial: 3 of 28 days"), so its low bar is not read as a drop.
- `period_labels` folds a sparse leading or trailing tail of dates (`main_span`: at most 1 %
  of the dated articles and at most 20, spread thin before or after the span that holds the
  rest) into one labelled bucket, "2011-12 and earlier" or "2020-07 and later", so a few
  stray dates do not stretch every time axis over empty years. The articles stay in every
  table, counted in the bucket; `tails=False` (or NEWSCORPUS_TAILS=keep) keeps every period.
- `assign(..., duplicates=False)` (the default) leaves articles flagged in
  `articles.duplicate_of` out of the labels, so every count made through the labels counts a
  reprinted article once; `duplicates=True` keeps them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

PERIODS = ("year", "quarter", "month", "week", "day")
ONE_GROUP = "all articles"
POOLED = "whole corpus"
FOLDER = "folder"  # group_by value: each article's sub-folder of a folder corpus
ROOT_FOLDER = "(top folder)"  # group of files at the corpus root beside sub-folders
NO_VALUE = "unknown"  # a missing value where the column has no name (`no_value` names it)
NO_DATE = "no date"
OTHER = "other"
DEFAULT = "outlet"
TOP_N = 20  # groups drawn separately by default; beyond that the largest TOP_N plus "other"


def period_labels(published: pd.Series, period: str, tails: bool | None = None) -> pd.Series:
    """Calendar-period labels for datetimes: `2017`, `2017-Q3`, `2017-03`, `2017-W05`, `2017-03-09`.

    Input: a datetime Series of articles (any unit, NaT allowed) and one of PERIODS. Output:
    a str Series on the same index, "no date" where the value is missing. ISO 8601 weeks
    (Monday first). With `tails` (default: `tails_folded()`, True unless NEWSCORPUS_TAILS is
    "keep"), a sparse leading or trailing tail of the dates (`main_span`) is labelled as one
    bucket, "2011-12 and earlier" or "2020-07 and later", so a time axis built from the labels
    covers the span where the articles are; the articles keep a label and stay counted. The
    labels sort in time order as strings. Raises ValueError for an unknown period.
    """
    if period not in PERIODS:
        raise ValueError(f"period={period!r}: expected one of {', '.join(PERIODS)}")
    values = pd.to_datetime(published)
    missing = values.isna()
    filled = values.where(~missing, pd.Timestamp("2000-01-01"))
    if period == "year":
        labels = filled.dt.year.astype("int64").map("{:04d}".format)
    elif period == "quarter":
        labels = filled.dt.year.map("{:04d}".format) + "-Q" + filled.dt.quarter.astype(str)
    elif period == "month":
        labels = filled.dt.strftime("%Y-%m")
    elif period == "week":
        iso = filled.dt.isocalendar()
        labels = iso["year"].map("{:04d}".format) + "-W" + iso["week"].map("{:02d}".format)
    else:
        labels = filled.dt.strftime("%Y-%m-%d")
    labels = labels.astype("str").where(~missing, NO_DATE)
    if tails_folded() if tails is None else tails:
        labels = fold_tails(labels, period)
    return labels


AUTO = "auto"  # `period` value: the finest period whose typical cell holds enough articles
AUTO_MIN_N = 5  # the median (group, period) cell of the chosen period holds at least this many
AUTO_MAX_PERIODS = 120  # and the time axis has at most this many periods
AUTO_CANDIDATES = ("week", "month", "quarter", "year")


def resolve_period(
    period: str, articles: pd.DataFrame | pd.Series, labels: pd.Series | None = None
) -> tuple[str, str]:
    """The time step of the over-time views: `period` itself, or the one "auto" stands for.

    Input: the notebook's `period` (one of PERIODS or "auto"), the `articles` table
    (article_id, published) or their publication dates (a datetime Series indexed by
    article_id, NaT allowed) and, optionally, their group labels indexed by article_id (from
    `assign`; an article without a label — a copy — is left out). "auto" picks the finest of week, month, quarter
    and year whose median non-empty (group, period) cell holds at least AUTO_MIN_N (5)
    articles and whose axis has at most AUTO_MAX_PERIODS (120) periods, so a line per group
    rests on points of a readable sample size; "year" when none does (or nothing is dated).
    Output: (period, reason) — the reason a sentence for the notebook ("auto: month, the
    finest period whose typical group-month holds at least 5 articles (median 11)").
    Raises ValueError naming the expected values for any other `period`.
    """
    if period in PERIODS:
        return period, f"{period} (as given)"
    if period != AUTO:
        raise ValueError(f"period={period!r}: expected {AUTO!r} or one of {', '.join(PERIODS)}")
    if isinstance(articles, pd.DataFrame):
        published = articles.set_index(articles["article_id"].astype("str"))["published"]
    else:
        published = articles
    dated = pd.to_datetime(published).dropna()
    if labels is not None:
        labels = labels.dropna()
        dated = dated[dated.index.isin(labels.index)]
    if dated.empty:
        return "year", "auto: year (no dated article)"
    group = (
        labels.reindex(dated.index).astype("str")
        if labels is not None
        else pd.Series("", index=dated.index)
    )
    for candidate in AUTO_CANDIDATES:
        cells = pd.DataFrame(
            {"g": group.to_numpy(), "p": period_labels(dated, candidate).to_numpy()}
        ).value_counts()
        median = float(cells.median())
        n_periods = cells.index.get_level_values("p").nunique()
        if median >= AUTO_MIN_N and n_periods <= AUTO_MAX_PERIODS:
            return candidate, (
                f"auto: {candidate}, the finest period whose typical group-{candidate} holds "
                f"at least {AUTO_MIN_N} articles (median {median:g})"
            )
    return "year", (
        f"auto: year (no finer period's typical group-period holds {AUTO_MIN_N} articles; "
        f"median per group-year {median:g})"
    )


def _period_start(label: str, period: str) -> pd.Timestamp:
    """The first day of a period label from `period_labels` (ValueError if it is not one); of
    a bucket's named period for "2011-12 and earlier" (2011-12-01)."""
    text = str(label)
    bucket = bucket_of(text)
    if bucket:
        text = bucket[1]
    if period == "week":
        m = re.fullmatch(r"(\d{4})-W(\d{2})", text)
        if not m:
            raise ValueError(f"{text!r} is not a week label like 2017-W05")
        return pd.Timestamp(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1))
    if period == "quarter":
        m = re.fullmatch(r"(\d{4})-Q([1-4])", text)
        if not m:
            raise ValueError(f"{text!r} is not a quarter label like 2017-Q3")
        return pd.Timestamp(int(m[1]), 3 * int(m[2]) - 2, 1)
    return pd.Timestamp(text if period != "year" else f"{text}-01-01")


_FREQ = {"year": "YS", "quarter": "QS", "month": "MS", "week": "W-MON", "day": "D"}

# A sparse tail of the dates (`main_span`): the periods before a gap (a run of empty
# periods longer than any inside the span of the other articles) are folded into one bucket
# when they hold at most TAIL_SHARE of the dated articles and at most TAIL_MAX of them, cover
# at least TAIL_PERIODS periods, and have at most TAIL_DENSE times the articles per period of
# the span they leave.
TAIL_SHARE = 0.01
TAIL_MAX = 20
TAIL_PERIODS = 2
TAIL_DENSE = 0.1
EARLIER = " and earlier"  # "2011-12 and earlier": sorts before "2012-01" as a string
LATER = " and later"  # "2020-07 and later": sorts after "2020-06" and before "no date"


def tails_folded() -> bool:
    """Whether `period_labels` folds sparse tails by default: True unless the environment
    variable NEWSCORPUS_TAILS is "keep" (then every period of the data is drawn)."""
    return os.environ.get("NEWSCORPUS_TAILS", "fold").strip().lower() != "keep"


def bucket_of(label) -> tuple[str, str] | None:
    """("earlier", "2011-12") for the bucket label "2011-12 and earlier", ("later", "2020-07")
    for "2020-07 and later", None for any other label."""
    text = str(label)
    for suffix, side in ((EARLIER, "earlier"), (LATER, "later")):
        if text.endswith(suffix):
            return side, text[: -len(suffix)]
    return None


def is_bucket(label) -> bool:
    """True for a folded tail's label ("2011-12 and earlier", "2020-07 and later")."""
    return bucket_of(label) is not None


def _shift(label: str, period: str, steps: int) -> str:
    """The period label `steps` periods after (negative: before) the period `label`."""
    offset = pd.tseries.frequencies.to_offset(_FREQ[period])
    day = _period_start(label, period) + steps * offset
    return str(period_labels(pd.Series([day]), period, tails=False).iloc[0])


def _tail_cut(counts: np.ndarray) -> int:
    """How many leading periods of `counts` (articles per period, every period of the axis in
    time order) form a sparse tail to fold (0: none). See `main_span` for the rule."""
    total, periods = int(counts.sum()), len(counts)
    if total == 0 or periods <= TAIL_PERIODS:
        return 0
    limit = min(TAIL_SHARE * total, TAIL_MAX)
    at = np.arange(periods)
    busy = np.maximum.accumulate(np.where(counts > 0, at, -1))
    runs = at - busy  # the run of empty periods ending at each period (0 if it has articles)
    # the core: the periods past the first and before the last `limit` articles; a tail's
    # gap must be longer than any gap inside it
    first = int(np.searchsorted(np.cumsum(counts), limit, side="right"))
    last = periods - 1 - int(np.searchsorted(np.cumsum(counts[::-1]), limit, side="right"))
    core_gap = int(runs[first : last + 1].max()) if last >= first else 0
    cum = np.cumsum(counts)[:-1]  # articles in the first k periods, k = 1 .. periods - 1
    k = at[1:]
    rest = (total - cum) / (periods - k)
    valid = (
        (counts[1:] > 0)  # the span starts on a period with articles …
        & (runs[:-1] > core_gap)  # … right after a gap longer than the core's
        & (cum <= limit)
        & (k >= TAIL_PERIODS)
        & (cum / k <= TAIL_DENSE * rest)
    )
    return int(k[valid][-1]) if valid.any() else 0


@dataclass(frozen=True)
class Span:
    """The main span of a corpus's dates at one period (`main_span`).

    first, last: the span's first and last period labels ("" when nothing is dated);
    before, after: the labels of the folded tails ("2011-12 and earlier", "2020-07 and later"),
    "" when that tail is not folded; n_before, n_after: articles in them; n_dated: dated
    articles in all.
    """

    period: str
    first: str = ""
    last: str = ""
    before: str = ""
    after: str = ""
    n_before: int = 0
    n_after: int = 0
    n_dated: int = 0

    @property
    def folded(self) -> bool:
        """True when a tail is folded into a bucket."""
        return bool(self.before or self.after)

    def bounds(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """(first day of the span, first day after it): a publication date d is in the main
        span when start <= d < end. None when nothing is dated."""
        if not self.first:
            return None
        return _period_start(self.first, self.period), _period_start(
            _shift(self.last, self.period, 1), self.period
        )


def main_span(labels: pd.Series, period: str) -> Span:
    """The span of periods holding the corpus's dates, without a sparse leading or trailing tail.

    Input: per-article period labels (`period_labels(..., tails=False)`, "no date" ignored)
    and their period. Rule, at each end: the span starts (ends) on a period with articles
    right after (before) a gap, a run of empty periods longer than any inside the core (the
    periods between the first and the last `limit` articles); the periods beyond it are a
    tail, folded when they hold at most `limit` articles, 1 % of the dated articles
    (TAIL_SHARE) and at most 20 (TAIL_MAX), cover at least 2 periods (TAIL_PERIODS), and hold
    at most a tenth (TAIL_DENSE) of the articles per period of the span; of several such
    gaps, the one nearest the core. So 3 articles of 2001-2005 before 500 of 2013-2019 fold
    into "2012 and earlier" and the axis starts in 2013, while a corpus whose dates are spread
    evenly, or one of a few articles (1 % of 5 articles is no article), keeps its whole span.
    Output: a `Span`. Raises ValueError for an unknown period.
    """
    if period not in PERIODS:
        raise ValueError(f"period={period!r}: expected one of {', '.join(PERIODS)}")
    values = pd.Series(labels).astype("str")
    values = values[values.ne(NO_DATE) & ~values.map(is_bucket).astype(bool)]
    if values.empty:
        return Span(period)
    if min(TAIL_SHARE * len(values), TAIL_MAX) < 1:  # too few articles for any tail to fold
        return Span(period, first=values.min(), last=values.max(), n_dated=len(values))
    counts = values.value_counts()
    axis = period_range(counts.index, period)
    n = counts.reindex(axis, fill_value=0).to_numpy(dtype=np.int64)
    left = _tail_cut(n)
    right = _tail_cut(n[::-1][: len(n) - left])
    first, last = axis[left], axis[len(axis) - 1 - right]
    return Span(
        period,
        first=first,
        last=last,
        before=f"{axis[left - 1]}{EARLIER}" if left else "",
        after=f"{axis[len(axis) - right]}{LATER}" if right else "",
        n_before=int(n[:left].sum()),
        n_after=int(n[len(n) - right :].sum()) if right else 0,
        n_dated=int(n.sum()),
    )


def fold_tails(labels: pd.Series, period: str, span: Span | None = None) -> pd.Series:
    """`labels` with the periods before and after the main span (`main_span`, computed from
    `labels` when not given) replaced by the bucket labels "2011-12 and earlier" and
    "2020-07 and later"; other labels ("no date" too) unchanged. Same index and dtype str."""
    span = span or main_span(labels, period)
    out = pd.Series(labels).astype("str")
    if not span.folded:
        return out
    plain = out.ne(NO_DATE) & ~out.map(is_bucket).astype(bool)
    if span.before:
        out = out.where(~(plain & out.lt(span.first)), span.before)
    if span.after:
        out = out.where(~(plain & out.gt(span.last)), span.after)
    return out


def period_range(labels: Iterable[str], period: str) -> list[str]:
    """Every period label from the first to the last of `labels`, in time order.

    Input: period labels from `period_labels` ("no date" and NA ignored) and their period (one
    of PERIODS). Output: a list of labels with no gap, e.g. ["2017-01", "2017-02", "2017-03"]
    for ["2017-03", "2017-01"]; the last label is the last period of the data, never a period
    after it. A folded tail's bucket stays one label at its end of the axis, the range running
    on from the period after it: ["2012 and earlier", "2013", "2014"] for ["2014", "2012 and
    earlier"]. An empty list when no label is dated. Raises ValueError for an unknown period
    or a label that is not of that period.
    """
    if period not in PERIODS:
        raise ValueError(f"period={period!r}: expected one of {', '.join(PERIODS)}")
    dated = {str(v) for v in labels if pd.notna(v) and str(v) != NO_DATE}
    buckets = {v: bucket_of(v) for v in dated if is_bucket(v)}
    plain = sorted(dated - set(buckets))
    earlier = sorted(v for v, b in buckets.items() if b[0] == "earlier")
    later = sorted(v for v, b in buckets.items() if b[0] == "later")
    ends = [*plain]
    if earlier:  # the span runs on from the period after the last bucket of the start
        ends.append(_shift(buckets[earlier[-1]][1], period, 1))
    if later:
        ends.append(_shift(buckets[later[0]][1], period, -1))
    if not ends:
        return earlier + later
    ends = sorted(ends)
    first, last = _period_start(ends[0], period), _period_start(ends[-1], period)
    if first > last:  # the two buckets meet: nothing between them
        return earlier + later
    days = pd.Series(pd.date_range(first, last, freq=_FREQ[period]))
    middle = sorted(set(period_labels(days, period, tails=False)) | set(plain))
    return earlier + middle + later


def complete_periods(
    table: pd.DataFrame,
    period: str,
    column: str = "period",
    by: str | Iterable[str] | None = None,
    fill: float | Mapping[str, float] = 0,
) -> pd.DataFrame:
    """`table` with a row for every period between its first and last, for every `by` key.

    Input: a long table with a period-label column (`column`), optional key columns `by`
    (e.g. "group", or ["group", "term"]), and `fill`: the value of the other columns in an
    added row, one number or {column: value}. Use 0 for counts (an empty month is a zero) and
    NaN for means, rates and shares (an empty month is a visible gap in a line); columns not
    named in a mapping get NaN. Output: the rows of `table` plus the added ones, sorted by
    period then key (the keys in their first-seen order); rows with "no date" are kept at the
    end. The period axis ends at the last period present in the data.
    """
    keys = [by] if isinstance(by, str) else list(by or [])
    dated = table[column].astype("str").ne(NO_DATE)
    axis = period_range(table.loc[dated, column].astype("str"), period)
    if not axis:
        return table.reset_index(drop=True)
    if keys:
        combos = table[keys].drop_duplicates()
        frame = combos.merge(pd.DataFrame({column: axis}), how="cross")
    else:
        frame = pd.DataFrame({column: axis})
    rows = table[dated].astype({column: "str"})
    merged = frame.astype({column: "str"}).merge(rows, on=[column, *keys], how="left")
    added = merged.index[
        ~merged.set_index([column, *keys]).index.isin(rows.set_index([column, *keys]).index)
    ]
    for name in [c for c in table.columns if c not in (column, *keys)]:
        value = fill.get(name, np.nan) if isinstance(fill, Mapping) else fill
        if len(added) and pd.notna(value) and pd.api.types.is_numeric_dtype(table[name]):
            merged.loc[added, name] = value
    order = {k: i for i, k in enumerate(axis)}
    merged["_t"] = merged[column].map(order)
    if keys:
        for k in keys:
            first_seen = {v: i for i, v in enumerate(pd.unique(table[k]))}
            merged[f"_k_{k}"] = merged[k].map(first_seen)
    sort = ["_t", *[f"_k_{k}" for k in keys]]
    merged = merged.sort_values(sort, kind="stable").drop(columns=sort)
    for name in table.columns:  # counts stay whole numbers where nothing was NaN
        if pd.api.types.is_integer_dtype(table[name]) and merged[name].notna().all():
            merged[name] = merged[name].astype(table[name].dtype)
    undated = table[~dated]
    out = pd.concat([merged, undated], ignore_index=True) if len(undated) else merged
    return out.reset_index(drop=True)


def needs_pooled(labels: pd.Series) -> bool:
    """True when a pooled ("whole corpus") row adds information: at least two groups present.

    With one group the pooled row would repeat it (the same articles counted twice), so
    callers add a `POOLED` row only when this is True. `labels` from `assign` or `top_n`.
    """
    return labels.dropna().astype("str").nunique() >= 2


def n_groups(labels: pd.Series) -> int:
    """Groups present in `labels`, never counting the pooled row (`POOLED`)."""
    present = labels.dropna().astype("str")
    return int(present[present.ne(POOLED)].nunique())


def is_other(label) -> bool:
    """True for the folded group of `top_n` ("other", or "other (17 groups)")."""
    return str(label) == OTHER or str(label).startswith(f"{OTHER} (")


def pooled_groups(label) -> int:
    """How many groups the folded label of `top_n` holds: 17 for "other (17 groups)", else 0."""
    m = re.fullmatch(rf"{OTHER} \((\d+) groups?\)", str(label))
    return int(m[1]) if m else 0


def _ordered(labels: pd.Series, chronological: bool) -> pd.Series:
    """An ordered Categorical: periods in time order, other labels by size then name."""
    counts = labels.value_counts()
    if chronological:
        order = sorted(counts.index, key=lambda v: (v == NO_DATE, v))
    else:
        order = sorted(
            counts.index,
            key=lambda v: (v in (NO_VALUE, OTHER) or str(v).startswith("no "), -counts[v], v),
        )
    return labels.astype(pd.CategoricalDtype(order, ordered=True))


def assign(
    articles: pd.DataFrame,
    group_by: str = DEFAULT,
    duplicates: bool = False,
    root: str | os.PathLike | None = None,
) -> pd.Series:
    """One group label per article: the Series index is `article_id`, values an ordered Categorical.

    `group_by` is a period of the publication date ("year", "quarter", "month", "week", "day"),
    "folder" (each article's sub-folder of a folder corpus, from `articles.path` relative to
    `root`, or to the folder all articles share when `root` is None; one group when the corpus
    is flat or a table file), or any column of `articles` (outlet, or a manifest or table
    file's metadata column: location, label, author, topics …). In a list column whose values
    are joined by ";" without spaces (Reuters' "grain;wheat;corn"), an article's group is its
    first value, and the labels say so: `labels.attrs["grouping"]` is "first listed topic
    (2,101 of 9,805 articles list several)" (see `grouping`; only when some rows list several
    values). "" or "none", a column with one value, or the default "outlet" when the corpus
    has no outlets, give one group ("all articles"). Missing values become "no <column>"
    ("no topics", `no_value`; "no date" for periods).

    `duplicates=False` (default) leaves out articles whose `duplicate_of` names an earlier
    identical article: they get no label, so every count made through the labels (and
    `attach`, which gives them NA) counts a reprinted text once. `duplicates=True` keeps them.

    Raises ValueError naming the value and the columns available when `group_by` is neither a
    period, "folder" nor a column.
    """
    if not duplicates and "duplicate_of" in articles.columns:
        dup = articles["duplicate_of"]
        flagged = dup.notna() & dup.astype("str").str.strip().ne("") & dup.astype("str").ne("nan")
        articles = articles[~flagged.to_numpy()]
    index = pd.Index(articles["article_id"].astype("str"), name="article_id")
    if group_by in ("", "none", None):
        return _one_group(index)
    if group_by in PERIODS:
        if "published" not in articles.columns:
            return _one_group(index)
        labels = period_labels(articles["published"], group_by)
        labels.index = index
        if labels.eq(NO_DATE).all():
            return _one_group(index)
        return _ordered(labels.rename("group"), chronological=True)
    if group_by == FOLDER and FOLDER not in articles.columns:
        values = folders(articles, root) if "path" in articles.columns else None
        if values is None:
            return _one_group(index)
        values.index = articles.index
        return _labels(values.rename(FOLDER), index)
    if group_by not in articles.columns:
        if group_by == DEFAULT:
            return _one_group(index)
        columns = [c for c in articles.columns if c not in ("text", "path")]
        raise ValueError(
            f"group_by={group_by!r}: not a period ({', '.join(PERIODS)}), {FOLDER!r} nor a "
            f"column of articles (columns: {', '.join(columns)})"
        )
    return _labels(articles[group_by], index)


_LIST_VALUE = re.compile(r"^[^;\s][^;]*?(?:;[^;\s][^;]*?)+$")


def no_value(column) -> str:
    """The label of an article with no value in `column`: "no topics", "no outlet" ("unknown"
    for an unnamed column)."""
    name = str(column) if column is not None else ""
    return f"no {name}" if name and name != "group" else NO_VALUE


def _singular(column: str) -> str:
    """ "topics" → "topic", "places" → "place" (a plain English plural "s" only)."""
    word = str(column).replace("_", " ")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def grouping(labels: pd.Series, default: str = "group") -> str:
    """What the groups of `labels` are, for an axis label or caption: "first listed topic
    (2,101 of 9,805 articles list several)" for a list column read by its first value,
    else `default`. Reads `labels.attrs["grouping"]`, set by `assign`."""
    return str(getattr(labels, "attrs", {}).get("grouping") or default)


def _labels(values: pd.Series, index: pd.Index) -> pd.Series:
    """Group labels from one column's values (strings stripped, missing as "no <column>")."""
    missing = no_value(values.name)
    labels = values.astype("str").where(values.notna(), missing).str.strip()
    listed = labels.str.contains(";", regex=False) & ~labels.str.contains("; ", regex=False)
    note = None
    if listed.any() and labels[listed].str.match(_LIST_VALUE).all():
        labels = labels.where(~listed, labels.str.split(";").str[0].str.strip())
        n_with = int((labels.ne(missing) & labels.ne("")).sum())
        note = (
            f"first listed {_singular(values.name or 'value')} ({int(listed.sum()):,} of "
            f"{n_with:,} articles list several)"
        )
    labels = labels.where(labels.ne(""), missing)
    labels.index = index
    known = labels[labels.ne(missing)]
    if known.nunique() == 0 or (known.nunique() == 1 and len(known) == len(labels)):
        out = _one_group(index, known.iloc[0] if len(known) else ONE_GROUP)
    else:
        out = _ordered(labels.rename("group"), chronological=False)
    if note:
        out.attrs["grouping"] = note
    return out


def folders(articles: pd.DataFrame, root: str | os.PathLike | None = None) -> pd.Series | None:
    """Each article's sub-folder ("a", "a/b") relative to `root`; "(top folder)" for files at
    the root beside sub-folders.

    `root` None takes the folder all article files share. Input: `articles` with `path`.
    Output: a str Series on the articles' index, or None when no article has a path or all
    files are in one folder (a flat corpus, or a table file).
    """
    paths = articles["path"]
    known = paths.notna() & paths.astype("str").ne("")
    if not known.any():
        return None
    text = paths[known].astype("str")
    parents = text.str.replace(r"[/\\][^/\\]*$", "", regex=True)
    parents = parents.where(text.str.contains(r"[/\\]", regex=True), ".")  # a bare file name
    unique = parents.unique().tolist()  # few: one per folder
    if root is None:
        base = os.path.commonpath(unique) if len(unique) > 1 else unique[0]
    else:
        base = os.fspath(root)
    relative = {p: os.path.relpath(p, base).replace(os.sep, "/") for p in unique}
    rel = parents.map(relative)
    if rel.eq(".").all():
        return None
    rel = rel.where(rel.ne("."), ROOT_FOLDER)
    return rel.reindex(articles.index).astype("str").where(known, no_value(FOLDER))


def _one_group(index: pd.Index, name: str = ONE_GROUP) -> pd.Series:
    dtype = pd.CategoricalDtype([name], ordered=True)
    return pd.Series(name, index=index, name="group").astype(dtype)


def attach(table: pd.DataFrame, groups: pd.Series, column: str = "group") -> pd.DataFrame:
    """`table` with a `group` column: each row's article's label from `assign` (same dtype).

    A row whose article has no label (a duplicate `assign` left out) gets NA, which pandas
    groupby leaves out: filter with `table[table["group"].notna()]` before anything else."""
    labels = table["article_id"].astype("str").map(groups)
    return table.assign(**{column: labels.astype(groups.dtype).to_numpy()})


def top_n(labels: pd.Series, n: int = TOP_N, other: str = OTHER) -> pd.Series:
    """`labels` with all but the `n` most frequent values pooled into one "other" group.

    Every group stays separate when there are at most `n` (default TOP_N = 20); beyond that
    the `n` largest are kept in their original order and the rest become one group named
    "other (K groups)", so every figure and CSV says how many groups were pooled (`is_other`
    and `pooled_groups` read it back). Calendar periods (from a period `group_by`) stay
    contiguous instead: the latest `n` periods are kept and the earlier ones become one group,
    "before <first kept period>".

    Input: a Series of labels (Categorical or str) and n ≥ 1. Output: an ordered Categorical,
    the kept labels first in their original order, then the pooled group. Raises ValueError
    for n < 1.
    """
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"top_n n={n!r}: expected a whole number of at least 1")
    n = int(n)
    if is_periods(labels):
        return _latest_periods(labels, n)
    counts = labels.value_counts(sort=True)
    counts = counts[counts > 0]
    if len(counts) <= n:
        return labels
    keep = set(counts.index[:n])
    pooled = len(counts) - n
    name = f"{other} ({pooled} group{'s' if pooled != 1 else ''})"
    if isinstance(labels.dtype, pd.CategoricalDtype):
        order = [c for c in labels.dtype.categories if c in keep]
    else:
        order = sorted(keep, key=lambda v: (-counts[v], v))
    folded = labels.astype("object").where(labels.isin(keep) | labels.isna(), name)
    folded = folded.astype(pd.CategoricalDtype([*order, name], ordered=True))
    folded.attrs = dict(labels.attrs)  # "first listed topic" stays with the labels
    return folded


_PERIOD_LABEL = re.compile(
    r"^\d{4}(?:-Q[1-4]|-\d{2}|-W\d{2}|-\d{2}-\d{2})?(?: and earlier| and later)?$"
)


def is_periods(labels: pd.Series) -> bool:
    """True when every label is a calendar period from `period_labels` (or "no date")."""
    values = labels.dtype.categories if isinstance(labels.dtype, pd.CategoricalDtype) else None
    values = values if values is not None else pd.Index(labels.dropna().unique())
    dated = [str(v) for v in values if str(v) != NO_DATE]
    return bool(dated) and all(_PERIOD_LABEL.match(v) for v in dated)


def _latest_periods(labels: pd.Series, n: int) -> pd.Series:
    """Periods stay in time order: the latest `n` kept, the earlier ones folded into one
    contiguous "before <first kept>" group (never a scatter of small periods as "other")."""
    present = sorted({str(v) for v in labels.dropna().unique()} - {NO_DATE})
    if len(present) <= n:
        return labels
    kept = present[-n:]
    earlier = f"before {kept[0]}"
    values = labels.astype("object").where(labels.astype("object").isin([*kept, NO_DATE]), earlier)
    order = [earlier, *kept] + ([NO_DATE] if (labels == NO_DATE).any() else [])
    return values.astype(pd.CategoricalDtype(order, ordered=True))


def describe(groups: pd.Series) -> pd.DataFrame:
    """Articles per group: columns group, n_articles, share (0–1), in the groups' order."""
    counts = groups.value_counts(sort=False)
    if isinstance(groups.dtype, pd.CategoricalDtype):
        counts = counts.reindex(groups.dtype.categories, fill_value=0)
    table = counts.rename("n_articles").rename_axis("group").reset_index()
    total = table["n_articles"].sum()
    table["share"] = (table["n_articles"] / total).round(4) if total else 0.0
    return table


def period_coverage(published: pd.Series, period: str, tails: bool | None = None) -> pd.DataFrame:
    """Days of data in each period from the first to the last publication date: which
    periods are only partly covered by the corpus.

    Input: publication datetimes of the articles (NaT ignored), one of PERIODS, and `tails`
    as in `period_labels` (a sparse leading or trailing tail folded into one bucket row,
    "2011-12 and earlier"; default on). Output: one row per period of `period_range` (every
    period, none skipped) with columns period (label), days_in_period (calendar days; of a
    bucket, from its first article's period to its end), days_covered (its days between the
    corpus's first and last publication day: fewer than days_in_period only in a partial
    period), days_with_articles (distinct
    publication days in it), first_day and last_day (dates of its first and last article,
    NaT for an empty period), n_articles, partial (True for the first or last period of the
    main span when the corpus's dates start after its first day or end before its last: a
    month of data from 26 February only is partial, an empty middle month is not), note
    ("partial: 3 of 28 days", the days covered of the period's days, for partial periods,
    else "") and tail ("3 articles dated 2001-03-02 to
    2011-05-10, outside the main span" on a bucket row, else ""). An empty table when no date
    is known. Raises ValueError for an unknown period. A first or last bar of a partial
    period is low because the corpus stops, not because coverage fell: mark it.
    """
    columns = [
        "period",
        "days_in_period",
        "days_covered",
        "days_with_articles",
        "first_day",
        "last_day",
        "n_articles",
        "partial",
        "note",
        "tail",
    ]
    days = pd.to_datetime(published, errors="coerce", format="mixed").dropna().dt.normalize()
    if period not in PERIODS:
        raise ValueError(f"period={period!r}: expected one of {', '.join(PERIODS)}")
    if days.empty:
        dtypes = {"period": "str", "partial": "bool", "note": "str", "tail": "str"}
        dtypes |= {"first_day": "datetime64[ns]", "last_day": "datetime64[ns]"}
        return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "int64")) for c in columns})
    if days.dt.tz is not None:
        days = days.dt.tz_localize(None)
    days = days.astype("datetime64[ns]")
    labels = period_labels(days, period, tails=tails)
    axis = period_range(labels, period)
    frame = pd.DataFrame({"period": labels.to_numpy(), "day": days.to_numpy()})
    stats = frame.groupby("period")["day"].agg(
        days_with_articles="nunique", first_day="min", last_day="max", n_articles="size"
    )
    table = pd.DataFrame({"period": axis}).join(stats, on="period")
    for name in ("days_with_articles", "n_articles"):
        table[name] = table[name].fillna(0).astype("int64")
    bucket = table["period"].map(is_bucket).astype(bool).to_numpy()
    starts = pd.Series([_period_start(p, period) for p in axis], dtype="datetime64[ns]")
    offset = pd.tseries.frequencies.to_offset(_FREQ[period])
    ends = starts + offset
    for k in np.flatnonzero(bucket):  # from its first article's period to its named period's end
        side = bucket_of(axis[k])[0]
        day = table["first_day" if side == "earlier" else "last_day"].iloc[k]
        start = _period_start(period_labels(pd.Series([day]), period, tails=False).iloc[0], period)
        if side == "earlier":
            starts.iloc[k] = start
        else:
            ends.iloc[k] = start + offset
    table["days_in_period"] = (ends - starts).dt.days.astype("int64").to_numpy()
    table["partial"] = False
    main = np.flatnonzero(~bucket)
    inner = frame[~frame["period"].map(is_bucket).astype(bool)]["day"]
    covered = table["days_in_period"].copy()
    if len(main) and len(inner):
        lo, hi = main[0], main[-1]
        table.loc[lo, "partial"] = bool(inner.min() > starts.iloc[lo])
        last_day = ends.iloc[hi] - pd.Timedelta(days=1)
        table.loc[hi, "partial"] = bool(table["partial"].iloc[hi] or inner.max() < last_day)
        after_last = inner.max() + pd.Timedelta(days=1)
        for k in {lo, hi}:  # the days of an end period inside the corpus's span
            span = min(ends.iloc[k], after_last) - max(starts.iloc[k], inner.min())
            covered.iloc[k] = span.days
    table["days_covered"] = covered.astype("int64")
    table["note"] = (
        "partial: "
        + covered.astype("str")
        + " of "
        + table["days_in_period"].astype("str")
        + " days"
    ).where(table["partial"], "")
    table["tail"] = ""
    for k in np.flatnonzero(bucket):
        r = table.iloc[k]
        count = int(r["n_articles"])
        table.loc[k, "tail"] = (
            f"{count:,} article{'s' if count != 1 else ''} dated {r['first_day']:%Y-%m-%d}"
            + (f" to {r['last_day']:%Y-%m-%d}" if r["last_day"] != r["first_day"] else "")
            + ", outside the main span"
        )
    return table[columns]
