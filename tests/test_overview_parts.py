"""00-corpus's views read part by part (articles without their text, paragraphs' word counts,
wire credits) give what the same views give over the whole tables (the seeds cached in five
parts and a 63-article PolNeAR subset in four)."""

from __future__ import annotations

import pandas as pd

from newscorpus import groups, overview, parts, wirecopy
from newscorpus.corpus import furniture


def test_article_metadata_is_the_articles_table_without_its_text(corpus_in_parts):
    data = corpus_in_parts
    got = parts.article_metadata(data)
    assert "text" not in got and "path" not in got
    want = data.articles.drop(columns=["text", "path"])
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))


def test_paragraph_words_keep_what_the_views_need(corpus_in_parts):
    data = corpus_in_parts
    whole = data.paragraphs
    summary = parts.paragraph_words(data)
    assert len(summary) == len(whole)
    body = summary["kind"].astype("str") == "body"
    assert summary.loc[body, "text"].isna().all()  # no body text held
    assert summary.loc[~body, "text"].tolist() == whole.loc[~body.to_numpy(), "text"].tolist()
    labels = groups.assign(data.articles, "outlet")
    pd.testing.assert_frame_equal(
        overview.composition(summary, labels), overview.composition(whole, labels)
    )
    pd.testing.assert_frame_equal(overview.set_aside(summary), overview.set_aside(whole))
    pd.testing.assert_frame_equal(
        furniture.top_furniture(summary, data.articles),
        furniture.top_furniture(whole, data.articles),
    )


def test_wire_credits_read_part_by_part_are_those_of_the_whole_tables(corpus_in_parts):
    data = corpus_in_parts
    every = groups.assign(data.articles, "outlet", True)
    credits = wirecopy.article_credits(data)
    assert len(credits) == len(data.articles)
    want = wirecopy.wire_credits(data.articles, every, 20, data.paragraphs)
    got = wirecopy.wire_credits(parts.article_metadata(data), every, 20, credits=credits)
    pd.testing.assert_frame_equal(got, want)
    assert want["n_articles"].sum() == len(data.articles)
