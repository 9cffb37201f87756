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
    assert rows.loc["1987-02", "note"] == "partial: 1 day"
    assert rows.loc["1987-10", "note"] == "partial: 2 days"
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
