"""Publication dates come from the source only; one that cannot be read is a problem, not a guess."""

from __future__ import annotations

import pandas as pd

from newscorpus.timeline import anchor_dates, find_dates

TEXT = "Harbour\n\nThe harbour was rebuilt in 2014. Last week, a storm hit it.\n"


def test_an_unreadable_manifest_date_is_a_problem_and_no_guess(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": TEXT,
            "b.txt": "Port\n\nThe port reopened in March 2019 after a storm.\n",
            "manifest.csv": "article_id,published\na,sometime in spring\nb,2019-04-02\n",
        }
    )
    articles = corpus.articles.set_index("article_id")
    assert pd.isna(articles.loc["a", "published"]) and pd.isna(articles.loc["a", "published_from"])
    assert articles.loc["b", "published_from"] == "manifest"
    problems = corpus.problems[corpus.problems["article_id"] == "a"]
    assert problems["problem"].str.contains("'sometime in spring'").sum() == 1
    # a's own "2014" is no publication date, and its "last week" has nothing to count from
    assert pd.isna(anchor_dates(corpus).set_index("article_id").loc["a", "anchor"])
    d = find_dates(corpus).set_index("text")
    assert d.loc["2014", "resolved"] == "2014" and pd.isna(d.loc["Last week", "start_date"])


def test_a_byline_date_is_the_publication_date(make_corpus):
    corpus = make_corpus({"a.txt": "Harbour\nBy Ann Lee, March 7, 2019\n" + TEXT.split("\n", 2)[2]})
    article = corpus.articles.iloc[0]
    assert article["published"] == pd.Timestamp("2019-03-07")
    assert article["published_from"] == "text"
    d = find_dates(corpus).set_index("text")
    assert d.loc["Last week", "resolved"] == "2019-W09"
