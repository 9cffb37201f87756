"""Group labels, pooled rows, period axes and duplicates (newscorpus.groups)."""

import numpy as np
import pandas as pd
import pytest

from newscorpus import groups


def _articles(outlets, published=None, duplicate_of=None, paths=None):
    n = len(outlets)
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "outlet": outlets,
            "published": pd.to_datetime(published or [None] * n),
            "duplicate_of": duplicate_of or [None] * n,
            "path": paths or [f"/c/a{i}.txt" for i in range(n)],
        }
    )


def test_pooled_row_has_its_own_name_and_is_not_a_group():
    one = groups.assign(_articles(["X", "X", "X"]))
    assert groups.POOLED != groups.ONE_GROUP
    assert not groups.needs_pooled(one)  # one group: no "whole corpus" row doubling it
    two = groups.assign(_articles(["X", "Y", "X"]))
    assert groups.needs_pooled(two)
    with_pooled = pd.concat([two.astype("str"), pd.Series([groups.POOLED])])
    assert groups.n_groups(with_pooled) == 2


def test_twenty_groups_are_all_kept_and_25_fold_into_top_n_plus_other_saying_how_many():
    twenty = pd.Series([f"g{i:02d}" for i in range(20) for _ in range(i + 1)])
    assert groups.top_n(twenty).nunique() == 20
    outlets = [f"g{i:02d}" for i in range(25) for _ in range(i + 1)]  # g24 largest
    folded = groups.top_n(groups.assign(_articles(outlets)), 20)
    names = list(folded.dtype.categories)
    assert len(names) == 21 and names[-1] == "other (5 groups)"
    assert groups.is_other(names[-1]) and groups.pooled_groups(names[-1]) == 5
    assert (folded == "other (5 groups)").sum() == 1 + 2 + 3 + 4 + 5  # g00..g04 pooled
    assert "g00" not in names and "g24" in names


def test_group_by_folder_uses_each_article_sub_folder():
    paths = ["/c/left/a.txt", "/c/left/b.txt", "/c/right/c.txt", "/c/right/x/d.txt"]
    labels = groups.assign(_articles(["A"] * 4, paths=paths), "folder", root="/c")
    assert labels.astype("str").tolist() == ["left", "left", "right", "right/x"]
    # without root: relative to the folder all files share
    assert groups.assign(_articles(["A"] * 4, paths=paths), "folder").iloc[3] == "right/x"
    flat = groups.assign(_articles(["A"] * 3), "folder")
    assert flat.astype("str").unique().tolist() == [groups.ONE_GROUP]


def test_group_by_any_column_and_first_value_of_a_list_column():
    a = _articles(["R"] * 3).assign(topics=["grain;wheat", "cocoa", "grain"])
    assert groups.assign(a, "topics").astype("str").tolist() == ["grain", "cocoa", "grain"]
    with pytest.raises(ValueError, match="folder"):
        groups.assign(a, "nope")


def test_a_list_column_says_first_listed_value_and_a_missing_value_names_its_column():
    a = _articles(["R"] * 5).assign(topics=["grain;wheat", "cocoa", None, "grain", ""])
    labels = groups.assign(a, "topics")
    assert labels.astype("str").tolist() == ["grain", "cocoa", "no topics", "grain", "no topics"]
    assert list(labels.dtype.categories)[-1] == "no topics"  # last, like "other"
    note = groups.grouping(labels)
    assert note == "first listed topic (1 of 3 articles list several)"
    assert groups.grouping(groups.top_n(labels, 1)) == note  # kept when groups are folded
    single = _articles(["R"] * 3).assign(topics=["grain", "cocoa", "grain"])
    assert groups.grouping(groups.assign(single, "topics")) == "group"  # no list: no note
    assert groups.assign(_articles(["X", None, "Y"]), "outlet").iloc[1] == "no outlet"


def test_duplicates_are_left_out_by_default_and_kept_on_request():
    a = _articles(["X", "X", "Y"], duplicate_of=[None, "a0", None])
    assert groups.assign(a).index.tolist() == ["a0", "a2"]
    assert groups.assign(a, duplicates=True).index.tolist() == ["a0", "a1", "a2"]
    table = groups.attach(pd.DataFrame({"article_id": ["a0", "a1", "a2"]}), groups.assign(a))
    assert table["group"].isna().tolist() == [False, True, False]


def test_period_range_fills_gaps_and_ends_at_the_last_period():
    assert groups.period_range(["2017-03", "2017-01", "no date"], "month") == [
        "2017-01",
        "2017-02",
        "2017-03",
    ]
    assert groups.period_range(["2016-W52", "2017-W02"], "week") == [
        "2016-W52",
        "2017-W01",
        "2017-W02",
    ]
    assert groups.period_range(["2016-Q4", "2017-Q2"], "quarter")[-1] == "2017-Q2"
    assert groups.period_range(["no date"], "year") == []


def test_complete_periods_keeps_an_empty_month_as_zero_or_a_gap():
    t = pd.DataFrame(
        {
            "period": ["2017-01", "2017-03", "2017-01"],
            "group": ["A", "A", "B"],
            "n_articles": [2, 1, 4],
            "mean": [0.5, 0.1, 0.2],
        }
    )
    out = groups.complete_periods(t, "month", by="group", fill={"n_articles": 0})
    assert len(out) == 6
    feb = out[(out["period"] == "2017-02") & (out["group"] == "A")].iloc[0]
    assert feb["n_articles"] == 0 and np.isnan(feb["mean"])
    assert out["n_articles"].dtype.kind == "i"
    assert out["period"].iloc[-1] == "2017-03"


def test_a_corpus_in_sub_folders_is_read_whole_and_grouped_by_folder(tmp_path):
    from newscorpus import read_corpus

    for rel, text in {
        "left/a.txt": "Left one\n\nThe senate voted on Monday.\n",
        "left/b.txt": "Left two\n\nThe house voted on Tuesday.\n",
        "right/a.txt": "Right one\n\nThe court ruled on Friday.\n",
        "top.txt": "Top\n\nA story at the root.\n",
    }.items():
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    corpus = read_corpus(tmp_path)
    assert corpus.articles["article_id"].tolist() == ["a", "b", "right__a", "top"]
    labels = groups.assign(corpus.articles, "folder", root=tmp_path)
    assert labels.astype("str").tolist() == ["left", "left", "right", groups.ROOT_FOLDER]
    assert "a folder with no .txt or .html file" in set(corpus.problems["problem"])


def test_period_coverage_marks_a_first_and_last_month_covered_by_a_few_days():
    published = pd.Series(
        ["1987-02-26 15:01", "1987-02-26 16:00", "1987-03-02", "1987-03-31", "1987-06-05"]
        + ["1987-10-19", "1987-10-20", None]
    )
    table = groups.period_coverage(published, "month")
    # every month from February to October, the empty ones (May, July–September) included
    assert table["period"].tolist() == [f"1987-{m:02d}" for m in range(2, 11)]
    rows = table.set_index("period")
    assert rows.loc["1987-02", ["days_in_period", "days_with_articles"]].tolist() == [28, 1]
    assert rows.loc["1987-02", "note"] == "partial: 3 of 28 days"
    assert rows.loc["1987-10", "note"] == "partial: 20 of 31 days"
    assert rows["partial"].tolist() == [True] + [False] * 7 + [True]
    assert rows.loc["1987-05", "days_with_articles"] == 0  # empty, but not partial
    assert rows.loc["1987-03", "first_day"] == pd.Timestamp("1987-03-02")


def test_period_coverage_full_first_and_last_periods_are_not_partial():
    published = pd.Series(pd.to_datetime(["2017-03-01", "2017-04-30"]))
    table = groups.period_coverage(published, "month")
    assert table["partial"].tolist() == [False, False]
    assert groups.period_coverage(pd.Series([None, None]), "month").empty
    with pytest.raises(ValueError, match="period="):
        groups.period_coverage(published, "fortnight")


# ----------------------------------------------------------------- a sparse tail of dates


def _tailed(main=500, tail=("2001-03-02", "2003-06-01", "2005-05-10"), after=()):
    """`main` articles spread evenly over 2013-01-02 .. 2019-12-20, plus stray dates."""
    spread = pd.date_range("2013-01-02", "2019-12-20", periods=main).normalize()
    return pd.Series(pd.to_datetime([*tail, *spread, *after]))


def test_a_sparse_leading_tail_is_one_bucket_and_the_axis_starts_with_the_main_span():
    published = _tailed()
    labels = groups.period_labels(published, "month")
    axis = groups.period_range(labels, "month")
    assert axis[:3] == ["2012-12 and earlier", "2013-01", "2013-02"]
    assert axis[-1] == "2019-12" and len(axis) == 1 + 84  # no month of 2001-2012 on its own
    assert int((labels == "2012-12 and earlier").sum()) == 3  # the 3 stray articles, counted
    assert labels.ne(groups.NO_DATE).sum() == 503  # nobody dropped
    years = groups.period_range(groups.period_labels(published, "year"), "year")
    assert years == ["2012 and earlier", *[str(y) for y in range(2013, 2020)]]
    span = groups.main_span(groups.period_labels(published, "month", tails=False), "month")
    assert (span.first, span.last, span.n_before, span.n_after) == ("2013-01", "2019-12", 3, 0)


def test_period_coverage_names_the_bucket_and_marks_the_main_span_partial_ends():
    table = groups.period_coverage(_tailed(), "month").set_index("period")
    bucket = table.loc["2012-12 and earlier"]
    assert bucket["n_articles"] == 3 and not bucket["partial"] and bucket["note"] == ""
    assert bucket["tail"] == "3 articles dated 2001-03-02 to 2005-05-10, outside the main span"
    assert table.index[1] == "2013-01" and table.loc["2013-01", "note"] == "partial: 30 of 31 days"
    assert table["n_articles"].sum() == 503


def test_a_sparse_trailing_tail_folds_after_the_span():
    labels = groups.period_labels(_tailed(tail=(), after=("2024-05-01", "2025-02-02")), "year")
    axis = groups.period_range(labels, "year")
    assert axis == [*[str(y) for y in range(2013, 2020)], "2020 and later"]
    assert int((labels == "2020 and later").sum()) == 2
    assert sorted(axis) == axis  # buckets sort in time order as plain strings


def test_evenly_spread_dates_and_the_seeds_keep_every_period():
    even = pd.Series(pd.date_range("2010-01-01", "2019-12-31", periods=300))
    assert len(groups.period_range(groups.period_labels(even, "month"), "month")) == 120
    seeds = pd.Series(pd.to_datetime(["2017-01-05", "2017-06-01", "2018-02-02", "2019-03-03"]))
    seeds = pd.concat([seeds, pd.Series(pd.to_datetime(["2019-12-12"]))], ignore_index=True)
    for period, n in (("year", 3), ("month", 36), ("day", 1072)):
        axis = groups.period_range(groups.period_labels(seeds, period), period)
        assert len(axis) == n and not any(groups.is_bucket(p) for p in axis)
    # a tail of 25 articles is more than a few (1 % of 5,000 is 50, but at most 20 fold)
    big = _tailed(main=5000, tail=[f"2001-{m:02d}-01" for m in range(1, 13)] * 2 + ["2002-01-01"])
    assert not any(groups.is_bucket(p) for p in groups.period_labels(big, "year"))


def test_tails_can_be_kept_by_argument_or_environment(monkeypatch):
    published = _tailed()
    assert groups.period_labels(published, "year", tails=False).iloc[0] == "2001"
    monkeypatch.setenv("NEWSCORPUS_TAILS", "keep")
    assert groups.period_labels(published, "year").iloc[0] == "2001"
    assert groups.period_coverage(published, "year")["period"].iloc[0] == "2001"


def test_complete_periods_and_assign_keep_the_bucket_first():
    arts = _articles(["A"] * 503, published=list(_tailed()))
    labels = groups.assign(arts, "year")
    assert list(labels.dtype.categories[:2]) == ["2012 and earlier", "2013"]
    table = pd.DataFrame(
        {"period": ["2015", "2012 and earlier", "2013"], "group": "A", "n": [4, 3, 5]}
    )
    done = groups.complete_periods(table, "year", by="group")
    assert done["period"].tolist() == ["2012 and earlier", "2013", "2014", "2015"]
    assert done["n"].tolist() == [3, 5, 0, 4]
    assert groups.top_n(labels, 3).dtype.categories[0] == "before 2017"


def test_the_tail_ends_at_the_gap_nearest_the_span_and_never_inside_it():
    # as in a scraped corpus: one article of 2001, two of 2010, then monthly coverage from
    # 2012-05 (a first month of 4 articles) to 2020-07
    spread = pd.date_range("2012-06-01", "2020-07-31", periods=3000).normalize()
    stray = ["2001-10-05", "2010-06-01", "2010-10-01", *["2012-05-20"] * 4]
    labels = groups.period_labels(pd.Series(pd.to_datetime([*stray, *spread])), "month")
    axis = groups.period_range(labels, "month")
    assert axis[:3] == ["2012-04 and earlier", "2012-05", "2012-06"]  # 2012-05's 4 stay
    assert int((labels == axis[0]).sum()) == 3
    # daily periods: the first articles of the span, 5 days apart, are never folded
    days = groups.period_labels(pd.Series(pd.to_datetime([*stray[:3], *spread])), "day")
    assert groups.period_range(days, "day")[1] == "2012-06-01"


def test_auto_period_is_the_finest_with_readable_cells():
    days = pd.date_range("2020-01-01", "2020-12-31", freq="D")
    ids = pd.Index([f"a{i}" for i in range(len(days) * 2)])
    published = pd.Series(np.tile(days.to_numpy(), 2), index=ids)
    two = pd.Series(["X"] * len(days) + ["Y"] * len(days), index=ids)
    # two articles a day: 7 per group-week
    assert groups.resolve_period("auto", published, two)[0] == "week"
    many = pd.Series([f"G{i % 24}" for i in range(len(ids))], index=ids)  # ~2.5 a group-month
    period, why = groups.resolve_period("auto", published, many)
    assert period == "quarter" and why.startswith("auto: quarter") and "median" in why
    sparse = published.iloc[::30]  # 25 articles over a year, one group: ~6 a quarter
    assert groups.resolve_period("auto", sparse)[0] == "quarter"
    assert groups.resolve_period("auto", sparse.iloc[:3])[0] == "year"
    assert groups.resolve_period("auto", pd.Series([pd.NaT, pd.NaT]))[0] == "year"
    assert groups.resolve_period("week", published) == ("week", "week (as given)")
    with pytest.raises(ValueError, match="period='monthly': expected 'auto' or one of year"):
        groups.resolve_period("monthly", published)


def test_auto_period_reads_the_articles_table_and_leaves_copies_out():
    days = pd.date_range("2021-01-04", periods=70, freq="D")
    articles = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(140)],
            "outlet": ["X"] * 140,
            "published": np.tile(days.to_numpy(), 2),
            "duplicate_of": [None] * 70 + ["a0"] * 70,  # half are copies
        }
    )
    labels = groups.assign(articles, "outlet")
    # 70 originals over 10 weeks: 7 a week; with the copies it would be 14
    period, why = groups.resolve_period("auto", articles, labels)
    assert period == "week" and "(median 7)" in why
