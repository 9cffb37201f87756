"""Group labels for corpus-level comparisons: by outlet, by period, or by any article column.

Every analysis notebook takes a `group_by` parameter. `assign` turns it into one label per
article; `attach` adds those labels to any table keyed by `article_id`; `top_n` folds rare
labels into "other" so a figure stays readable at any number of groups.
"""

from __future__ import annotations

import re

import pandas as pd

PERIODS = ("year", "quarter", "month", "week", "day")
ONE_GROUP = "all articles"
NO_VALUE = "unknown"
NO_DATE = "no date"
OTHER = "other"
DEFAULT = "outlet"


def period_labels(published: pd.Series, period: str) -> pd.Series:
    """Calendar-period labels for datetimes: `2017`, `2017-Q3`, `2017-03`, `2017-W05`, `2017-03-09`.

    Input: a datetime Series (any unit, NaT allowed) and one of PERIODS. Output: a str Series
    on the same index, "no date" where the value is missing. ISO 8601 weeks (Monday first).
    Raises ValueError for an unknown period.
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
    return labels.astype("str").where(~missing, NO_DATE)


def _ordered(labels: pd.Series, chronological: bool) -> pd.Series:
    """An ordered Categorical: periods in time order, other labels by size then name."""
    counts = labels.value_counts()
    if chronological:
        order = sorted(counts.index, key=lambda v: (v == NO_DATE, v))
    else:
        order = sorted(counts.index, key=lambda v: (v in (NO_VALUE, OTHER), -counts[v], v))
    return labels.astype(pd.CategoricalDtype(order, ordered=True))


def assign(articles: pd.DataFrame, group_by: str = DEFAULT) -> pd.Series:
    """One group label per article: the Series index is `article_id`, values an ordered Categorical.

    `group_by` is a period of the publication date ("year", "quarter", "month", "week", "day")
    or any column of `articles` (outlet, a manifest column, a table file's metadata column).
    "" or "none", a column with one value, or the default "outlet" when the corpus has no
    outlets, give one group ("all articles"). Missing values become "unknown" ("no date" for
    periods). Raises ValueError naming the value and the columns available when `group_by` is
    neither a period nor a column.
    """
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
    if group_by not in articles.columns:
        if group_by == DEFAULT:
            return _one_group(index)
        columns = [c for c in articles.columns if c not in ("text", "path")]
        raise ValueError(
            f"group_by={group_by!r}: not a period ({', '.join(PERIODS)}) nor a column of "
            f"articles (columns: {', '.join(columns)})"
        )
    values = articles[group_by]
    labels = values.astype("str").where(values.notna(), NO_VALUE).str.strip()
    labels = labels.where(labels.ne(""), NO_VALUE)
    labels.index = index
    known = labels[labels.ne(NO_VALUE)]
    if known.nunique() == 0 or (known.nunique() == 1 and len(known) == len(labels)):
        return _one_group(index, known.iloc[0] if len(known) else ONE_GROUP)
    return _ordered(labels.rename("group"), chronological=False)


def _one_group(index: pd.Index, name: str = ONE_GROUP) -> pd.Series:
    dtype = pd.CategoricalDtype([name], ordered=True)
    return pd.Series(name, index=index, name="group").astype(dtype)


def attach(table: pd.DataFrame, groups: pd.Series, column: str = "group") -> pd.DataFrame:
    """`table` with a `group` column: each row's article's label from `assign` (same dtype)."""
    labels = table["article_id"].astype("str").map(groups)
    return table.assign(**{column: labels.astype(groups.dtype).to_numpy()})


def top_n(labels: pd.Series, n: int, other: str = OTHER) -> pd.Series:
    """`labels` with all but the `n` most frequent values replaced by "other" (order kept).

    Calendar periods (from a period `group_by`) stay contiguous instead: the latest `n`
    periods are kept and the earlier ones become one group, "before <first kept period>".

    Input: a Series of labels (Categorical or str) and n ≥ 1. Output: an ordered Categorical,
    the kept labels first in their original order, then "other". Raises ValueError for n < 1.
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"top_n n={n!r}: expected a whole number of at least 1")
    if _is_periods(labels):
        return _latest_periods(labels, n)
    counts = labels.value_counts(sort=True)
    counts = counts[counts > 0]
    if len(counts) <= n:
        return labels
    keep = set(counts.index[:n])
    if isinstance(labels.dtype, pd.CategoricalDtype):
        order = [c for c in labels.dtype.categories if c in keep]
    else:
        order = sorted(keep, key=lambda v: (-counts[v], v))
    folded = labels.astype("object").where(labels.isin(keep), other)
    return folded.astype(pd.CategoricalDtype([*order, other], ordered=True))


_PERIOD_LABEL = re.compile(r"^\d{4}(?:-Q[1-4]|-\d{2}|-W\d{2}|-\d{2}-\d{2})?$")


def _is_periods(labels: pd.Series) -> bool:
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
