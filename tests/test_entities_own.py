"""Entities views: an outlet's own name and wire credits are left out of the corpus-wide views."""

from __future__ import annotations

import pandas as pd

from newscorpus.entities import views


def _tables():
    ents = pd.DataFrame(
        {
            "article_id": ["r1", "r1", "r2", "r2", "r3"],
            "text": ["Reuters", "OPEC", "Reuters", "OPEC", "Reuters"],
            "type": ["ORG"] * 5,
            "canonical": ["Reuters", "OPEC", "Reuters", "OPEC", "Reuters"],
        }
    )
    articles = pd.DataFrame(
        {
            "article_id": ["r1", "r2", "r3"],
            "outlet": ["Reuters"] * 3,
            "published": pd.to_datetime(["1987-03-02", "1987-03-20", "1987-04-03"]),
        }
    )
    labels = pd.Series("Reuters", index=["r1", "r2", "r3"])
    return ents, articles, labels


def test_top_names_leave_out_the_outlets_own_name_when_given_articles():
    ents, articles, labels = _tables()
    kept = views.top_mentioned(ents, labels, 10)
    assert list(kept["canonical"]) == ["Reuters", "OPEC"]  # without articles: all names
    top = views.top_mentioned(ents, labels, 10, articles)
    assert list(top["canonical"]) == ["OPEC"]
    assert list(top["n_articles"]) == [2]


def test_organisations_over_time_leave_out_the_outlets_own_name():
    ents, articles, labels = _tables()
    table = views.mentions_over_time(ents, articles, labels, "ORG", "month", 6)
    assert set(table["canonical"]) == {"OPEC"}
    assert list(table["n_articles"]) == [2, 0]  # March, April
    both = views.mentions_over_time(ents, articles, labels, "ORG", "month", 6, own_outlets=True)
    assert set(both["canonical"]) == {"Reuters", "OPEC"}
