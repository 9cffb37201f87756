"""Topics as clusters (`newscorpus.topics.cluster`, the default method "lsa-kmeans"): the
latent-dimension rule, one topic per built cluster with the split a topic-per-word model makes,
shares of a mixed article, the same topics whatever the part an article comes in."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import normalized_mutual_info_score

from newscorpus import topics
from newscorpus.topics.cluster import CentroidTopics, lsa_dims

# two categories, each of two sub-stories that share the category's words
STORIES = {
    "results_a": "earnings quarter profit revenue shareholders dividend growth margin",
    "results_b": "earnings quarter profit revenue shareholders loss writedown charge",
    "oil_a": "crude barrel opec production output prices refinery pipeline",
    "oil_b": "crude barrel opec production output prices tanker gulf",
}


def _counts(seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for story, words in STORIES.items():
        for i in range(20):
            for w in rng.choice(words.split(), size=6, replace=False):
                rows.append((f"{story}_{i:02d}", w, int(rng.integers(1, 3))))
    return pd.DataFrame(rows, columns=["article_id", "term", "count"]).assign(ngram=1)


def _category(ids) -> np.ndarray:
    return np.array([str(a).split("_")[0] for a in ids])


def test_latent_dimensions_are_four_per_topic_within_10_to_100():
    assert lsa_dims(5, (1000, 5000)) == 20
    assert lsa_dims(2, (1000, 5000)) == 10
    assert lsa_dims(65, (10000, 20000)) == 100
    assert lsa_dims(5, (12, 5000)) == 11  # fewer than the articles
    assert lsa_dims(3, (2, 2)) == 1  # too small: `fit` clusters the rows themselves


def test_two_categories_of_two_stories_each_are_two_topics():
    counts = _counts()
    model = topics.fit_topics(counts, 2, min_df=1)
    assert model.method == "lsa-kmeans"
    assert "k-means" in model.rule and "10 dimensions" in model.rule
    main = topics.main_topics(topics.assign_topics(model, counts))
    assert len(main) == 80
    assert normalized_mutual_info_score(_category(main.index), main.to_numpy()) == 1.0
    top = topics.topic_terms(model, 3)
    shared = {"earnings", "quarter", "profit", "revenue", "shareholders"}
    oil = {"crude", "barrel", "opec", "production", "output", "prices"}
    labels = [set(t) for _, t in top.groupby("topic")["term"]]
    assert sorted(bool(lab <= shared) for lab in labels) == [False, True]
    assert sorted(bool(lab <= oil) for lab in labels) == [False, True]


def test_a_mixed_article_has_a_share_of_both_topics():
    counts = _counts()
    model = topics.fit_topics(counts, 2, min_df=1)
    mixed = pd.DataFrame(
        {"article_id": "mix", "term": ["earnings", "profit", "crude", "opec"], "count": 1}
    ).assign(ngram=1)
    w, ids = topics.topic_weights(model, mixed)
    assert list(ids) == ["mix"]
    assert w.shape == (1, 2)
    assert w.min() > 0.2 and w.sum() == pytest.approx(1.0)
    table = topics.assign_topics(model, mixed)
    assert len(table) == 2  # both shares over MIN_WEIGHT


def test_assigning_part_by_part_gives_the_topics_of_the_whole():
    counts = _counts()
    model = topics.fit_topics(counts, 2, min_df=1)
    whole = topics.assign_topics(model, counts).set_index(["article_id", "topic"])["weight"]
    ids = counts["article_id"].unique()
    parts = [counts[counts["article_id"].isin(ids[i::3])] for i in range(3)]
    pieced = pd.concat([topics.assign_topics(model, p) for p in parts])
    pieced = pieced.set_index(["article_id", "topic"])["weight"]
    pd.testing.assert_series_equal(pieced.sort_index(), whole.sort_index())


def test_fewer_articles_than_topics_is_an_error():
    import scipy.sparse as sp

    with pytest.raises(ValueError, match="at least 4 articles"):
        CentroidTopics(4).fit(sp.csr_matrix(np.eye(3)))
