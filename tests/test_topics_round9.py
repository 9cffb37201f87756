"""Round 9 of the topics (issue 17): the default `lsa-kmeans` model weighs a term by its raw
count in the article (RAW_TF_RULE), so an article belongs to the story it keeps repeating
rather than to the one it names in passing; NMF keeps 1 + log count; the evaluation can still
score the sublinear weighting (`lsa-kmeans-sublinear`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import normalized_mutual_info_score

from newscorpus import topics
from newscorpus.eval.topics import METHODS

OIL = "crude barrel opec refinery pipeline tanker".split()
VOTE = "ballot election senate candidate campaign poll".split()


def _stories(seed: int = 0) -> pd.DataFrame:
    """Twenty articles of each story, each with four of its words once or twice."""
    rng = np.random.default_rng(seed)
    rows = []
    for name, words in (("oil", OIL), ("vote", VOTE)):
        for i in range(20):
            for w in rng.choice(words, size=4, replace=False):
                rows.append((f"{name}_{i:02d}", w, int(rng.integers(1, 3))))
    return pd.DataFrame(rows, columns=["article_id", "term", "count"]).assign(ngram=1)


def _repeats_oil() -> pd.DataFrame:
    """An oil article that says 'crude' eight times and names four words of the campaign once
    each (a market report that mentions the election in passing)."""
    terms = ["crude"] + VOTE[:4]
    return pd.DataFrame(
        {"article_id": "report", "term": terms, "count": [8, 1, 1, 1, 1], "ngram": 1}
    )


def _main_topic_story(model, counts: pd.DataFrame, article: str) -> str:
    """The story (oil or vote) of most articles that share the main topic of `article`."""
    main = topics.main_topics(topics.assign_topics(model, counts))
    mates = [a.split("_")[0] for a in main.index if main[a] == main[article] and a != article]
    return max(set(mates), key=mates.count)


def test_the_default_model_weighs_raw_counts_and_nmf_keeps_log_counts():
    counts = _stories()
    assert topics.fit_topics(counts, 2, min_df=1).sublinear is False
    assert topics.fit_topics(counts, 2, min_df=1, method="nmf").sublinear is True
    assert topics.fit_topics(counts, 2, min_df=1, sublinear=True).sublinear is True
    assert "raw tf" in topics.fit_topics(counts, 2, min_df=1).rule
    assert "1 + log count" in topics.fit_topics(counts, 2, min_df=1, sublinear=True).rule


def test_the_two_stories_are_the_two_topics():
    counts = _stories(seed=4)
    model = topics.fit_topics(counts, 2, min_df=1)
    main = topics.main_topics(topics.assign_topics(model, counts))
    story = [a.split("_")[0] for a in main.index]
    assert normalized_mutual_info_score(story, main.to_numpy()) == pytest.approx(1.0)


def test_an_article_belongs_to_the_story_it_repeats_not_the_one_it_names_in_passing():
    counts = pd.concat([_stories(), _repeats_oil()], ignore_index=True)
    model = topics.fit_topics(counts, 2, min_df=1)
    assert _main_topic_story(model, counts, "report") == "oil"
    w, ids = topics.topic_weights(model, _repeats_oil())
    assert w.max() > 0.5 and w.sum() == pytest.approx(1.0)
    # with 1 + log count the one word it repeats weighs less than the four it names once
    logged = topics.fit_topics(counts, 2, min_df=1, sublinear=True)
    assert _main_topic_story(logged, counts, "report") == "vote"


def test_the_evaluation_scores_the_log_count_weighting_beside_the_default():
    assert METHODS["lsa-kmeans-sublinear"] == {"method": "lsa-kmeans", "sublinear": True}
    assert "sublinear" not in METHODS["lsa-kmeans"]
