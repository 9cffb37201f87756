"""The finding in words (newscorpus.findings): numbers in sentences match a hand count."""

from types import SimpleNamespace

import pandas as pd
import pytest

from newscorpus import findings, groups


def _data():
    # outlet A: 10 articles, 8 cite an unnamed source; B: 10 articles, 1 does; C: 3 articles
    ids = [f"a{i:02d}" for i in range(23)]
    outlet = ["A"] * 10 + ["B"] * 10 + ["C"] * 3
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "outlet": outlet,
            "published": pd.to_datetime(["2017-03-09"] * 23),
            "duplicate_of": [None] * 22 + ["a00"],  # a22 (outlet C) reprints a00
        }
    )
    anon = ["a00", "a01", "a02", "a03", "a04", "a05", "a06", "a07", "a10", "a22"]
    sources = pd.DataFrame(
        {
            "article_id": anon + ["a11", "a12"],
            "name": ["officials"] * len(anon) + ["Jane Roe", "Jane Roe"],
            "canonical": [None] * len(anon) + ["Jane Roe", "Jane Roe"],
            "kind": ["anonymous"] * len(anon) + ["person", "person"],
            "anonymity": [True] * len(anon) + [False, False],
        }
    )
    quotes = pd.DataFrame(
        {"article_id": ["a11", "a12", "a00"], "kind": ["direct", "indirect", "direct"]}
    )
    return SimpleNamespace(articles=articles, sources=sources, quotes=quotes)


def test_share_by_group_matches_a_hand_count_with_wilson_interval():
    data = _data()
    labels = groups.assign(data.articles)
    flag = pd.Series(
        True, index=data.sources.loc[data.sources["kind"] == "anonymous", "article_id"]
    )
    table = findings.share_by_group(flag, labels).set_index("group")
    assert table.loc["A", ["n_articles", "n_with"]].tolist() == [10, 8]
    assert table.loc["C", "n_articles"] == 2  # the reprint a22 is left out
    pooled = table.loc[groups.POOLED]
    assert (pooled["n_articles"], pooled["n_with"]) == (22, 9)
    low, high = findings.wilson(8, 10)
    assert (round(low, 3), round(high, 3)) == (0.49, 0.943)


def test_sources_sentences_give_the_numbers_and_a_small_n_caveat():
    text = findings.sources(_data(), groups.assign(_data().articles))
    # 9 of 22 unique articles cite an unnamed source: 41 %; A's interval 49–94 % excludes it
    assert "41 % of articles cite at least one unnamed source" in text
    assert (
        "A: 80 % of its articles cite at least one unnamed source (95 % CI 49–94 %, n = 10)" in text
    )
    assert "against 41 % of articles corpus-wide (n = 22)" in text
    assert "B: 10 % of its articles cite at least one unnamed source" in text
    # the chart's measure is the articles'; the people cited (each once per article) beside it
    assert "n = 22; the measure of the unnamed-sources chart)" in text
    assert "; they cite 11 people (each once per article), 9 of them unnamed" in text
    assert "of the people it cites" not in text  # no share pooled over people
    assert "Jane Roe, in 2 articles" in text
    assert "Caveat: 1 group rests on fewer than 5 articles and is not compared: C (n = 2)." in text
    assert 3 <= text.count(". ") + 1 <= 6


def test_duplicates_count_when_asked():
    data = _data()
    text = findings.sources(data, groups.assign(data.articles, duplicates=True))
    assert "n = 23" in text and "C (n = 3)" in text


def test_sentiment_names_the_group_whose_interval_excludes_the_corpus():
    ids = [f"a{i}" for i in range(12)]
    articles = pd.DataFrame({"article_id": ids, "outlet": ["A"] * 6 + ["B"] * 6})
    scores = pd.DataFrame(
        {
            "article_id": ids * 2,
            "compound": ([0.4, 0.6] * 3 + [-0.5] * 6) * 2,
            "in_quote": [False] * 12 + [True] * 12,
        }
    )
    text = findings.sentiment(SimpleNamespace(sentiment=scores), groups.assign(articles))
    assert "The mean tone of an article is +0.00" in text  # (0.5·6 − 0.5·6) / 12
    assert "n = 12 articles, 24 sentences" in text
    assert "A is more positive than the corpus: +0.50 (95 % CI +0.41 to +0.59, n = 6)" in text
    assert "B is more negative than the corpus: −0.50" in text
    assert "a difference of vocabulary" not in text  # no robustness check given
    check = pd.DataFrame(  # without its top words A sits at the corpus value, B stays apart
        {
            "group": ["B", "A", groups.POOLED],
            "mean_robust": [-0.45, 0.02, 0.0],
            "ci_low_robust": [-0.55, -0.1, -0.1],
            "ci_high_robust": [-0.35, 0.12, 0.1],
            "rank": [1, 2, None],
            "rank_robust": [1, 2, None],
            "top_words": ["", "", ""],
            "n_articles": [6, 6, 12],
        }
    )
    text = findings.sentiment(
        SimpleNamespace(sentiment=scores), groups.assign(articles), check=check
    )
    assert (
        "A is more positive than the corpus: +0.50 (95 % CI +0.41 to +0.59, n = 6), but not once "
        "its top words and the listed words are neutral (+0.02, 95 % CI −0.10 to +0.12, against "
        "+0.00: a difference of vocabulary)."
    ) in text
    assert "B is more negative than the corpus: −0.50 (95 % CI" in text
    assert text.count("a difference of vocabulary") == 1


def test_one_group_has_no_pooled_row():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"]})
    table = findings.share_by_group(pd.Series(True, index=["a"]), groups.assign(articles))
    assert table["group"].tolist() == ["X"] and table["share"].tolist() == [pytest.approx(0.5)]


def test_timeline_counts_articles_looking_back_more_than_a_year():
    ids = [f"a{i}" for i in range(10)]
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "outlet": ["A"] * 5 + ["B"] * 5,
            "published": pd.to_datetime(["2017-03-09"] * 9 + [None]),
        }
    )
    # a0, a1, a5 mention 2001; everyone mentions 2017-03-01; a9 is undated
    dates = pd.DataFrame(
        {
            "article_id": ["a0", "a1", "a5"] + ids,
            "start_date": pd.to_datetime(["2001-09-11"] * 3 + ["2017-03-01"] * 10),
        }
    )
    text = findings.timeline(
        SimpleNamespace(articles=articles, dates=dates), groups.assign(articles)
    )
    assert "9 of 10 articles carry a publication date, from 2017-03-09 to 2017-03-09" in text
    assert "13 dates and periods (1.3 per article)" in text
    assert "33 % of dated articles mention a date more than a year before" in text  # 3 of 9
    assert "n = 9" in text
    # the undated a9 names March 2017 too: a written-out month needs no publication date
    assert "The month mentioned by most articles is 2017-03 (10 articles, 2 groups)" in text


def test_a_long_caveat_names_five_groups_and_counts_the_rest():
    articles = pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(20)], "outlet": [f"o{i:02d}" for i in range(20)]}
    )
    scores = pd.DataFrame({"article_id": articles["article_id"], "compound": 0.1})
    text = findings.sentiment(SimpleNamespace(sentiment=scores), groups.assign(articles))
    assert "Caveat: 20 groups rest on fewer than 5 articles" in text
    assert "and 15 more." in text
    assert "No group's mean tone differs" not in text  # none is large enough to compare


def _many_groups():
    # 3 big outlets (A, B: 10 articles; C: 8) and 4 small ones of 2: with top_n=3 the small
    # ones are drawn as "other (4 groups)" and must never be named on their own
    outlet = ["A"] * 10 + ["B"] * 10 + ["C"] * 8 + ["d", "d", "e", "e", "f", "f", "g", "g"]
    ids = [f"a{i:02d}" for i in range(len(outlet))]
    articles = pd.DataFrame({"article_id": ids, "outlet": outlet})
    # every article of the small outlets is strongly negative, A positive, B and C neutral
    tone = [0.6] * 10 + [0.0] * 18 + [-0.9] * 8
    scores = pd.DataFrame({"article_id": ids, "compound": tone})
    return articles, scores


def test_findings_name_only_groups_that_the_figures_draw():
    articles, scores = _many_groups()
    text = findings.sentiment(SimpleNamespace(sentiment=scores), groups.assign(articles), top_n=3)
    assert "other (4 groups) is more negative than the corpus: −0.90" in text
    assert "n = 8)" in text
    for small in ("d (n", "e (n", "f (n", "g (n"):
        assert small not in text  # never named, not even in the small-n caveat
    assert "Caveat" not in text  # the pooled group rests on 8 articles
    unfolded = findings.sentiment(
        SimpleNamespace(sentiment=scores), groups.assign(articles), top_n=None
    )
    assert "d (n = 2)" in unfolded  # without folding the small outlets are named


def test_default_top_n_is_the_figures_default():
    outlet = [f"o{i:02d}" for i in range(groups.TOP_N + 2) for _ in range(5)]
    ids = [f"a{i:03d}" for i in range(len(outlet))]
    articles = pd.DataFrame({"article_id": ids, "outlet": outlet})
    scores = pd.DataFrame({"article_id": ids, "compound": 0.0})
    scores.loc[scores["article_id"].isin(ids[-10:]), "compound"] = -0.8  # o20, o21: pooled
    text = findings.sentiment(SimpleNamespace(sentiment=scores), groups.assign(articles))
    assert "other (2 groups) is more negative" in text
    assert "o21" not in text and "o20" not in text
